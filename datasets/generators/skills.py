"""Skills funding (apprenticeships): providers, learners, employers' levy accounts, funding claims.

The agency's habits: sex coded 1 (male) / 2 (female), its own unique learner number (ULN),
employer PAYE references stored without the slash, the tax reference only when the learner gave it.
Fraud is planted at a few dishonest providers only; what and how much is in instructor/planted.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import names, recording
from generators.population import REGIONS
from generators.revenue import PAYROLL_MONTHS
from generators.schema import field, fk, key

APPRENTICE_SHARE = 0.025  # of employed residents, weighted towards the young
LEARNERS_PER_PROVIDER = 40
DISHONEST_SHARE = 0.12  # of providers
# Planted fraud, as shares of honest learner records (all placed at dishonest providers).
FRAUD = {"ghost": 0.03, "duplicate": 0.02, "employed_elsewhere": 0.025, "inflated_hours": 0.03}
OFF_THE_JOB = 0.20  # training may take up to a fifth of paid hours
STANDARDS = {"Business administrator": 19.0, "Adult care worker": 17.0, "Software developer": 27.0,
             "Hospitality team member": 15.0, "Engineering technician": 26.0, "Bricklayer": 22.0,
             "Accounts assistant": 20.0, "Warehouse operative": 15.0}  # funding rate, GBP per training hour
PROVIDER_TYPES = ["college", "private training provider", "university"]
ERRORS = {"typo": 0.02, "nickname": 0.03, "transposed": 0.015, "stale_address": 0.5,
          "other_surname": 0.1, "missing_tax_ref": 0.25, "tax_ref_typo": 0.01}
PERSON = ["person_id", "given_name", "surname", "birth_surname", "birth_date", "sex", "postcode",
          "address", "moved", "previous_postcode", "previous_address", "tax_ref"]


def _providers(rng, n):
    words = np.asarray(["Kestria", "Lakeland", "Coastal", "Capital", "Northern", "Summit", "Pathway",
                        "Bright Futures", "Skillbridge", "Harbour"], dtype=object)
    kind = rng.choice(len(PROVIDER_TYPES), n, p=[0.35, 0.55, 0.10])
    name = (words[rng.integers(0, len(words), n)] + np.asarray([" College", " Training Ltd", " University"], dtype=object)[kind])
    name = name + np.where(pd.Series(name).duplicated().to_numpy(), " " + (np.arange(n) + 2).astype(str), "")
    return pd.DataFrame({"provider_id": (rng.choice(89_999, n, replace=False) + 10_010_000).astype(str).astype(object),
                         "provider_name": name, "provider_type": np.asarray(PROVIDER_TYPES)[kind],
                         "region": np.asarray(REGIONS)[rng.integers(0, len(REGIONS), n)]})


def _ghosts(rng, pop, n, taken):
    """Fabricated learners: plausible details, real postcodes, a tax reference nobody holds."""
    female = rng.random(n) < 0.5
    donor = pop.iloc[rng.integers(0, len(pop), n)]
    surname = names.draw(rng, names.SURNAMES, n)
    refs = pd.Series("KT" + pd.Series(rng.integers(100_000, 1_000_000, n)).astype(str) + "A")
    refs[refs.isin(taken)] = None
    return pd.DataFrame({
        "person_id": None, "given_name": np.where(female, names.draw(rng, names.GIVEN_F, n), names.draw(rng, names.GIVEN_M, n)),
        "surname": surname, "birth_surname": surname,
        "birth_date": np.datetime64("2005-03-01") - rng.integers(0, 9 * 365, n).astype("timedelta64[D]"),
        "sex": np.where(female, "F", "M"), "postcode": donor["postcode"].to_numpy(), "address": donor["address"].to_numpy(),
        "moved": False, "previous_postcode": donor["postcode"].to_numpy(), "previous_address": donor["address"].to_numpy(),
        "tax_ref": np.where(rng.random(n) < 0.5, refs, None)})


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 3]))
    rev = context["revenue"]
    spells = rev["spells"]
    employers = rev["tables"]["revenue_employers"]
    payroll = rev["tables"]["revenue_payroll"].merge(spells[["employment_id", "person_id"]], on="employment_id")
    people = pop.set_index("person_id", drop=False)

    # Apprentices: people in a main job open all year (so on every payroll month), mostly young.
    open_main = spells[(spells["kind"] == "main")].merge(
        rev["tables"]["revenue_employments"][["employment_id", "start_date", "end_date"]], on="employment_id")
    open_main = open_main[open_main["end_date"].isna() & (open_main["start_date"] < "2022-12-01")]
    age = people.loc[open_main["person_id"], "age"].to_numpy()
    w = np.interp(age, [16, 19, 24, 30, 45, 65], [6, 5, 3, 1, 0.4, 0.1])
    n_app = max(60, int(APPRENTICE_SHARE * len(open_main)))
    pick = rng.choice(len(open_main), n_app, replace=False, p=w / w.sum())
    app = open_main.iloc[pick].reset_index(drop=True)

    n_prov = max(12, n_app // LEARNERS_PER_PROVIDER)
    providers = _providers(rng, n_prov)
    bad = rng.choice(n_prov, max(2, round(DISHONEST_SHARE * n_prov)), replace=False)
    bad_ids = set(providers["provider_id"].to_numpy()[bad])
    prov_w = rng.lognormal(0, 0.6, n_prov)
    honest = people.loc[app["person_id"], PERSON].reset_index(drop=True)
    honest["provider"] = rng.choice(n_prov, n_app, p=prov_w / prov_w.sum())
    honest["employer_ref"] = app["employer_ref"].to_numpy()
    honest["pattern"] = "none"

    k = {p: max(2, round(r * n_app)) for p, r in FRAUD.items()}
    levy = employers[employers["annual_paybill"] > 3_000_000]["employer_ref"].to_numpy()
    levy = levy if len(levy) else employers.nlargest(5, "annual_paybill")["employer_ref"].to_numpy()
    bad_choice = lambda n: bad[rng.integers(0, len(bad), n)]  # noqa: E731

    ghost = _ghosts(rng, pop, k["ghost"], set(pop["tax_ref"].dropna()))
    ghost["provider"], ghost["employer_ref"], ghost["pattern"] = bad_choice(len(ghost)), levy[rng.integers(0, len(levy), len(ghost))], "ghost"
    # The same apprentice claimed again by a dishonest provider (only honest-provider apprentices are copied).
    at_honest = np.flatnonzero(~np.isin(honest["provider"], bad))
    dup = honest.iloc[rng.choice(at_honest, k["duplicate"], replace=False)].copy()
    dup["provider"], dup["pattern"] = bad_choice(len(dup)), "duplicate"
    # Workers who are not apprentices, claimed as apprentices of a levy payer they do not work for.
    others = open_main[~open_main["person_id"].isin(app["person_id"])]
    others = others.iloc[rng.choice(len(others), k["employed_elsewhere"], replace=False)]
    else_ = people.loc[others["person_id"], PERSON].reset_index(drop=True)
    declared = levy[rng.integers(0, len(levy), len(else_))]
    works_at = set(zip(spells["person_id"], spells["employer_ref"]))
    for i, person in enumerate(else_["person_id"]):  # a few dozen rows: never an employer they work for
        while (person, declared[i]) in works_at:
            declared[i] = levy[(list(levy).index(declared[i]) + 1) % len(levy)]
    else_["provider"], else_["employer_ref"], else_["pattern"] = bad_choice(len(else_)), declared, "employed_elsewhere"
    # Inflated hours: genuine apprentices at dishonest providers, hours claimed far above what was possible.
    at_bad = np.flatnonzero(np.isin(honest["provider"], bad))
    inflated = rng.choice(at_bad, min(k["inflated_hours"], len(at_bad)), replace=False)
    honest.loc[inflated, "pattern"] = "inflated_hours"

    rec = pd.concat([honest, ghost, dup, else_], ignore_index=True)
    rec = rec.iloc[rng.permutation(len(rec))].reset_index(drop=True)
    n = len(rec)
    rec["provider_id"] = providers["provider_id"].to_numpy()[rec["provider"].to_numpy()]
    rec["learner_ref"] = (rec["provider_id"] + "-" + pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(5)).to_numpy(dtype=object)
    uln_of = {p: u for p, u in zip(pop["person_id"], rng.permutation(len(pop)) + 4_000_000_000)}
    # ULN comes from the learner's own record: a duplicate claim carries the same ULN only when copied faithfully.
    uln = np.array([uln_of.get(p) if isinstance(p, str) else 5_000_000_000 + i for i, p in enumerate(rec["person_id"])], dtype=np.int64)
    new_uln = (rec["pattern"] == "duplicate").to_numpy() & (rng.random(n) < 0.6)
    uln[new_uln] = 6_000_000_000 + np.flatnonzero(new_uln)

    r = ERRORS
    tax_ref = recording.typos(rng, recording.blank(rng, rec["tax_ref"], r["missing_tax_ref"]), r["tax_ref_typo"])
    postcode, = recording.stale_address(rng, rec.fillna({"moved": False}), r["stale_address"], columns=("postcode",))
    standard = np.asarray(list(STANDARDS), dtype=object)[rng.integers(0, len(STANDARDS), n)]
    start = np.datetime64("2022-04-06") + rng.integers(0, 240, n).astype("timedelta64[D]")
    levy_ids = {ref: f"LA{i:06d}" for i, ref in enumerate(sorted(set(levy) | set(rec["employer_ref"])), start=1)}
    learners = pd.DataFrame({
        "learner_ref": rec["learner_ref"], "provider_id": rec["provider_id"], "uln": uln.astype(str).astype(object),
        "given_name": recording.typos(rng, recording.nicknames(rng, rec["given_name"], r["nickname"]), r["typo"] / 2),
        "family_name": recording.typos(rng, recording.other_surname(rng, rec["surname"], rec["birth_surname"], r["other_surname"]), r["typo"]),
        "birth_date": pd.to_datetime(recording.transpose_dates(rng, rec["birth_date"], r["transposed"])),
        "sex": np.where(rec["sex"] == "M", 1, 2),
        "postcode": postcode, "tax_ref": tax_ref,
        "account_id": rec["employer_ref"].map(levy_ids).to_numpy(dtype=object),
        "standard": standard, "start_date": pd.to_datetime(start),
        "planned_hours": rng.integers(28, 61, n) * 10,
    })

    # Monthly claims: honest hours stay within a fifth of the hours the payroll shows were paid.
    paid = payroll.groupby(["person_id", "employer_ref", "month"])["hours_paid"].sum()
    rows = []
    for m in PAYROLL_MONTHS:
        key_ = pd.MultiIndex.from_arrays([rec["person_id"].fillna(""), rec["employer_ref"], pd.to_datetime([m] * n)])
        hours_paid = paid.reindex(key_).to_numpy(dtype=float)
        hours_paid = np.where(np.isnan(hours_paid), rng.integers(140, 170, n), hours_paid)  # ghosts, workers elsewhere
        hours = np.floor(hours_paid * OFF_THE_JOB * rng.uniform(0.5, 1.0, n))
        hours = np.where(rec["pattern"] == "inflated_hours", np.ceil(hours_paid * rng.uniform(0.45, 0.8, n)), hours)
        rows.append(pd.DataFrame({"learner_ref": rec["learner_ref"], "provider_id": rec["provider_id"], "month": m,
                                  "training_hours": hours.astype(np.int64),
                                  "amount": np.round(hours * pd.Series(standard).map(STANDARDS).to_numpy(), 2)}))
    claims = pd.concat(rows, ignore_index=True)
    claims.insert(0, "claim_id", pd.Series(np.arange(1, len(claims) + 1)).astype(str).str.zfill(7).radd("C").to_numpy(dtype=object))
    claims["month"] = pd.to_datetime(claims["month"])

    emp = employers.set_index("employer_ref")
    accounts = pd.DataFrame({"account_id": list(levy_ids.values()), "employer_ref": list(levy_ids)})
    paybill = emp.loc[accounts["employer_ref"], "annual_paybill"].to_numpy()
    spent = claims.merge(learners[["learner_ref", "account_id"]], on="learner_ref").groupby("account_id")["amount"].sum()
    accounts = pd.DataFrame({
        "account_id": accounts["account_id"],
        "paye_ref": accounts["employer_ref"].str.replace("/", "", regex=False),  # the agency's own habit
        "employer_name": pd.Series(emp.loc[accounts["employer_ref"], "employer_name"].to_numpy()).str.upper(),
        "levy_payer": paybill > 3_000_000,
        "levy_paid": np.rint(np.clip(paybill * 0.005 - 15_000, 0, None)).astype(np.int64),
        "funds_used": accounts["account_id"].map(spent).fillna(0).round(2).to_numpy(),
    })

    totals = claims.groupby("learner_ref")["amount"].sum()
    cases = rec[rec["pattern"] != "none"][["pattern", "provider_id", "learner_ref", "person_id", "employer_ref"]].copy()
    cases["claimed"] = cases["learner_ref"].map(totals).round(2)
    cases = cases.sort_values(["pattern", "learner_ref"]).reset_index(drop=True)
    cases.insert(0, "case_id", [f"F{i:04d}" for i in range(1, len(cases) + 1)])
    honest_n = int((rec["pattern"].isin(["none", "inflated_hours"])).sum())
    lines = ["## Skills funding fraud (skills_* tables)", "",
             f"Dishonest providers: {len(bad_ids)} of {n_prov} ({DISHONEST_SHARE:.0%}): {', '.join(sorted(bad_ids))}. "
             "Every planted case is at one of them; the other providers have none.", "",
             f"Genuine apprentices: {honest_n}; learner records: {n}; claims: {len(claims)} (January to March 2023).", "",
             "| pattern | target rate (of genuine apprentices) | cases | claimed GBP | how linkage reveals it |", "|---|---|---:|---:|---|"]
    how = {"ghost": "no payroll record for anyone matching the learner",
           "duplicate": "the same person on two providers' learner records in the same months",
           "employed_elsewhere": "on payroll, but not at the employer whose levy account is charged",
           "inflated_hours": "training hours above a fifth of the hours paid that month"}
    for p in FRAUD:
        sub = cases[cases["pattern"] == p]
        lines.append(f"| {p} | {FRAUD[p]:.1%} | {len(sub)} | {sub['claimed'].sum():,.2f} | {how[p]} |")
    lines += ["", f"Fraud cases are listed in fraud_cases.csv. Recording-error rates in learner records: "
              + ", ".join(f"{k} {v:.1%}" for k, v in ERRORS.items()) + " (stale_address: share of movers).",
              "Ghosts' tax references (half of them) are well-formed but issued to nobody. "
              "Duplicate records reuse the learner's ULN 40% of the time; otherwise the second provider issued a new one."]
    links = pd.DataFrame({"resource": "skills_learners", "record_id": rec["learner_ref"], "person_id": rec["person_id"]})
    return {"tables": {"skills_providers": providers, "skills_learners": learners,
                       "skills_levy_accounts": accounts, "skills_funding_claims": claims},
            "links": links, "instructor": {"fraud_cases.csv": cases}, "planted": "\n".join(lines),
            "dishonest": sorted(bad_ids)}


RESOURCES = [
    {"name": "skills_providers", "format": "csv", "title": "Skills funding: apprenticeship training providers",
     "description": "One row per training provider funded to deliver apprenticeships.",
     "schema": {"fields": [
         field("provider_id", "string", "Provider number (eight digits)", **key(pattern="^[0-9]{8}$")),
         field("provider_name", "string", "Provider's name", required=True),
         field("provider_type", "string", "Kind of provider", required=True, enum=PROVIDER_TYPES),
         field("region", "string", "Region of the head office", required=True, enum=REGIONS),
     ], "primaryKey": ["provider_id"]}},
    {"name": "skills_learners", "format": "csv", "title": "Skills funding: apprentices as providers report them",
     "description": "One row per apprentice on a provider's return for 2022-23, as the provider reported them.",
     "schema": {"fields": [
         field("learner_ref", "string", "Provider's learner reference (provider number and serial)", **key()),
         field("provider_id", "string", "Provider claiming for the learner", required=True),
         field("uln", "string", "Unique learner number the provider gave", required=True, pattern="^[0-9]{10}$"),
         field("given_name", "string", "Given name as reported", required=True),
         field("family_name", "string", "Family name as reported", required=True),
         field("birth_date", "date", "Date of birth as reported", required=True),
         field("sex", "integer", "Sex (1 male, 2 female)", required=True, enum=[1, 2]),
         field("postcode", "string", "Home postcode as reported", required=True),
         field("tax_ref", "string", "Tax reference, if the learner gave one"),
         field("account_id", "string", "Levy account of the employer the apprenticeship is with", required=True),
         field("standard", "string", "Apprenticeship standard", required=True, enum=list(STANDARDS)),
         field("start_date", "date", "Start of the apprenticeship", required=True),
         field("planned_hours", "integer", "Planned off-the-job training hours", unit="hours", required=True, minimum=0),
     ], "primaryKey": ["learner_ref"],
         "foreignKeys": [fk(["provider_id"], "skills_providers", ["provider_id"]),
                         fk(["account_id"], "skills_levy_accounts", ["account_id"])]}},
    {"name": "skills_levy_accounts", "format": "csv", "title": "Skills funding: employers' apprenticeship levy accounts",
     "description": "One row per employer account: levy-paying employers and employers whose apprentices are funded.",
     "schema": {"fields": [
         field("account_id", "string", "Levy account", **key(pattern="^LA[0-9]{6}$")),
         field("paye_ref", "string", "Employer's payroll reference, as the agency stores it (no slash)", required=True,
               pattern="^[0-9]{3}[A-Z]{2}[0-9]{5}$"),
         field("employer_name", "string", "Employer name, in capitals", required=True),
         field("levy_payer", "boolean", "Pays the levy (annual pay bill above 3 million pounds)", required=True),
         field("levy_paid", "integer", "Levy paid for 2022-23 (0.5% of pay bill less a 15,000 allowance)", unit="GBP",
               required=True, minimum=0),
         field("funds_used", "number", "Training funding drawn January to March 2023", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["account_id"]}},
    {"name": "skills_funding_claims", "format": "csv", "title": "Skills funding: monthly funding claims",
     "description": "One row per learner and month: training hours delivered and funding claimed by the provider.",
     "schema": {"fields": [
         field("claim_id", "string", "Claim line", **key(pattern="^C[0-9]{7}$")),
         field("learner_ref", "string", "Learner the claim is for", required=True),
         field("provider_id", "string", "Provider claiming", required=True),
         field("month", "date", "Month of delivery (first day)", required=True),
         field("training_hours", "integer", "Off-the-job training hours delivered", unit="hours", required=True, minimum=0),
         field("amount", "number", "Funding claimed", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["claim_id"],
         "foreignKeys": [fk(["learner_ref"], "skills_learners", ["learner_ref"]),
                         fk(["provider_id"], "skills_providers", ["provider_id"])]}},
]
for _r in RESOURCES:
    _r["datasheet"] = "skills"
