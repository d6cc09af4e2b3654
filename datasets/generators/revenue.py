"""Revenue (the tax authority): employers, employments, monthly payroll, self-assessment returns.

Revenue's habits: surnames in capitals, sex coded M/F, its own employer references (123/AB45678),
the tax reference (KT123456A) as the person key, addresses as last told to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import names, recording
from generators.population import REGIONS, REGION_SHARE
from generators.schema import field, fk, key

TAX_YEAR_START, TAX_YEAR_END = np.datetime64("2022-04-06"), np.datetime64("2023-04-05")
PAYROLL_MONTHS = ["2023-01-01", "2023-02-01", "2023-03-01"]  # a few months keeps the table small
SECTORS = ["retail", "manufacturing", "construction", "health and care", "hospitality", "education",
           "finance", "logistics", "public administration", "technology", "agriculture"]
SECTOR_SHARE = np.array([0.15, 0.10, 0.09, 0.14, 0.09, 0.09, 0.05, 0.07, 0.07, 0.08, 0.07])
WORDS_A = ["Harbour", "Northgate", "Kestrel", "Lakeside", "Summit", "Beacon", "Meridian", "Oakfield",
           "Riverside", "Granite", "Willow", "Saltmarsh", "Highland", "Castle", "Brightwater", "Fenland"]
WORDS_B = {"retail": "Stores", "manufacturing": "Engineering", "construction": "Builders",
           "health and care": "Care", "hospitality": "Inns", "education": "Academy",
           "finance": "Finance", "logistics": "Freight", "public administration": "Council",
           "technology": "Digital", "agriculture": "Farms"}
ERRORS = {"typo": 0.015, "nickname": 0.01, "transposed": 0.005, "missing_dob": 0.005,
          "stale_address": 0.3, "other_surname": 0.2, "missing_tax_ref": 0.015}


def _date(x):
    return pd.to_datetime(np.asarray(x, dtype="datetime64[D]"))


def _employers(rng, n_workers):
    n = max(30, n_workers // 20)
    sector = rng.choice(len(SECTORS), n, p=SECTOR_SHARE)
    region = rng.choice(len(REGIONS), n, p=REGION_SHARE)
    weight = rng.lognormal(0, 1.5, n)  # a few very large employers, many small ones
    office = rng.integers(100, 999, n)
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"))
    ref = (pd.Series(office).astype(str) + "/" + letters[rng.integers(0, 23, n)] + letters[rng.integers(0, 23, n)]
           + pd.Series(rng.choice(90_000, n, replace=False) + 10_000).astype(str))
    name = (np.asarray(WORDS_A, dtype=object)[rng.integers(0, len(WORDS_A), n)] + " "
            + pd.Series(np.asarray(SECTORS)[sector]).map(WORDS_B).to_numpy(dtype=object)
            + np.where(rng.random(n) < 0.8, " Ltd", " plc"))
    name = name + np.where(pd.Series(name).duplicated().to_numpy(), " (" + (np.arange(n) + 1).astype(str) + ")", "")
    return pd.DataFrame({"employer_ref": ref.to_numpy(dtype=object), "employer_name": name,
                         "sector": np.asarray(SECTORS)[sector], "region": np.asarray(REGIONS)[region],
                         "weight": weight})


def _assign(rng, people_region, employers, exclude=None):
    """An employer for each person, mostly in their own region, larger employers more likely."""
    out = np.empty(len(people_region), dtype=np.int64)
    emp_region = employers["region"].to_numpy()
    w_all = employers["weight"].to_numpy()
    for r in REGIONS:  # six regions, not a loop over people
        mine = np.flatnonzero(people_region == r)
        w = w_all * np.where(emp_region == r, 1.0, 0.05)
        out[mine] = rng.choice(len(employers), len(mine), p=w / w.sum())
    if exclude is not None:  # a second job elsewhere: shift clashes to the next employer
        clash = out == exclude
        out[clash] = (out[clash] + 1) % len(employers)
    return out


def generate(pop: pd.DataFrame, seed: int, context: dict | None = None) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 2]))
    workers = pop[pop["employment"] == "employed"].reset_index(drop=True)
    n = len(workers)
    employers = _employers(rng, n)
    region = workers["region"].to_numpy()
    income = workers["income"].to_numpy().astype(float)
    main = _assign(rng, region, employers)

    # Employment spells: the main job; for some a second job; for some an earlier job that ended
    # during the tax year (the main job then started after it).
    second = rng.random(n) < 0.07
    ended = rng.random(n) < 0.08
    end_date = TAX_YEAR_START + rng.integers(30, 300, n).astype("timedelta64[D]")
    months_before = (end_date - TAX_YEAR_START).astype(int) / 365
    earliest = (workers["birth_date"].to_numpy().astype("datetime64[D]") + np.timedelta64(16 * 365 + 5, "D"))
    start_main = np.maximum(TAX_YEAR_START - rng.exponential(6 * 365, n).astype(int).astype("timedelta64[D]"), earliest)
    start_main = np.where(ended, end_date + rng.integers(1, 30, n).astype("timedelta64[D]"), start_main)
    part = income < 18_000
    hours = np.where(part, rng.integers(10, 26, n), rng.integers(35, 41, n))
    share_main = np.where(second, 0.75, 1.0) * np.where(ended, 1 - months_before, 1.0)

    spells = [pd.DataFrame({"row": np.arange(n), "employer": main, "start": start_main,
                            "end": np.datetime64("NaT"), "pay": income * share_main, "hours": hours, "kind": "main"})]
    s = np.flatnonzero(second)
    spells.append(pd.DataFrame({"row": s, "employer": _assign(rng, region[s], employers, exclude=main[s]),
                                "start": np.maximum(TAX_YEAR_START - rng.integers(0, 1500, len(s)).astype("timedelta64[D]"), earliest[s]),
                                "end": np.datetime64("NaT"), "pay": income[s] * 0.25 * np.where(ended[s], 1 - months_before[s], 1.0),
                                "hours": rng.integers(6, 17, len(s)), "kind": "second"}))
    e = np.flatnonzero(ended)
    spells.append(pd.DataFrame({"row": e, "employer": _assign(rng, region[e], employers, exclude=main[e]),
                                "start": np.maximum(TAX_YEAR_START - rng.integers(60, 2000, len(e)).astype("timedelta64[D]"), earliest[e]),
                                "end": end_date[e], "pay": income[e] * months_before[e], "hours": hours[e], "kind": "ended"}))
    sp = pd.concat(spells, ignore_index=True)
    sp = sp.iloc[rng.permutation(len(sp))].reset_index(drop=True)
    sp["employment_id"] = pd.Series(np.arange(1, len(sp) + 1)).astype(str).str.zfill(7).radd("E").to_numpy(dtype=object)
    sp["start"] = np.minimum(sp["start"].to_numpy(dtype="datetime64[D]"), TAX_YEAR_END)
    who = workers.iloc[sp["row"].to_numpy()].reset_index(drop=True)

    # What Revenue holds about the person on each employment record, with its recording errors.
    r = ERRORS
    given = recording.typos(rng, recording.nicknames(rng, who["given_name"], r["nickname"]), r["typo"] / 2)
    surname = recording.typos(rng, recording.other_surname(rng, who["surname"], who["birth_surname"], r["other_surname"]), r["typo"])
    dob = recording.blank(rng, _date(recording.transpose_dates(rng, who["birth_date"], r["transposed"])), r["missing_dob"])
    postcode, = recording.stale_address(rng, who, r["stale_address"], columns=("postcode",))
    employments = pd.DataFrame({
        "employment_id": sp["employment_id"],
        "employer_ref": employers["employer_ref"].to_numpy()[sp["employer"].to_numpy()],
        "tax_ref": recording.blank(rng, who["tax_ref"], r["missing_tax_ref"]).to_numpy(dtype=object),
        "surname": pd.Series(surname).str.upper().to_numpy(dtype=object),
        "forenames": given,
        "birth_date": dob.to_numpy(),
        "sex": who["sex"].to_numpy(dtype=object),
        "postcode": postcode,
        "start_date": _date(sp["start"]),
        "end_date": _date(sp["end"]),
        "hours_per_week": sp["hours"].astype(np.int64),
        "annual_pay": np.rint(sp["pay"].to_numpy()).astype(np.int64),
    })

    # Monthly payroll (real-time returns) for the spells open in each month.
    rows = []
    for m in PAYROLL_MONTHS:
        month = np.datetime64(m)
        open_ = (sp["start"].to_numpy(dtype="datetime64[D]") < month + np.timedelta64(28, "D")) & sp["end"].isna().to_numpy()
        k = np.flatnonzero(open_)
        gross = np.round(sp["pay"].to_numpy()[k] / 12 * rng.normal(1, 0.04, len(k)), 2).clip(0)
        rows.append(pd.DataFrame({
            "employment_id": sp["employment_id"].to_numpy()[k], "month": m,
            "employer_ref": employments["employer_ref"].to_numpy()[k],
            "tax_ref": employments["tax_ref"].to_numpy()[k],
            "gross_pay": gross,
            "tax_deducted": np.round(np.clip(gross - 12_570 / 12, 0, None) * 0.2, 2),
            "hours_paid": np.rint(sp["hours"].to_numpy()[k] * 4.33 * rng.normal(1, 0.05, len(k))).astype(np.int64)}))
    payroll = pd.concat(rows, ignore_index=True)
    payroll["month"] = pd.to_datetime(payroll["month"])

    counts = employments[employments["end_date"].isna()].groupby("employer_ref").size()
    paybill = employments.groupby("employer_ref")["annual_pay"].sum()
    emp_table = employers.drop(columns="weight").copy()
    emp_table["employees"] = emp_table["employer_ref"].map(counts).fillna(0).astype(np.int64)
    emp_table["annual_paybill"] = emp_table["employer_ref"].map(paybill).fillna(0).astype(np.int64)

    # Self-assessment: higher earners and a random share of others with some income.
    adults = pop[(pop["age"] >= 18) & (pop["income"] > 0)].reset_index(drop=True)
    files = (adults["income"].to_numpy() > 50_000) & (rng.random(len(adults)) < 0.6) | (rng.random(len(adults)) < 0.05)
    sa_people = adults[files].reset_index(drop=True)
    k = len(sa_people)
    sa = pd.DataFrame({
        "utr": pd.Series(rng.choice(9_000_000_000, k, replace=False) + 1_000_000_000).astype(str).to_numpy(dtype=object),
        "tax_ref": sa_people["tax_ref"].to_numpy(dtype=object),
        "tax_year": "2022-23",
        "employment_income": np.where(sa_people["employment"] == "employed", sa_people["income"], 0).astype(np.int64),
        "pension_income": np.where(sa_people["employment"] == "retired", sa_people["income"], 0).astype(np.int64),
        "self_employment_profit": np.where(rng.random(k) < 0.3, np.rint(rng.lognormal(np.log(9_000), 1.0, k)), 0).astype(np.int64),
        "property_income": np.where(rng.random(k) < 0.2, np.rint(rng.lognormal(np.log(7_000), 0.7, k)), 0).astype(np.int64),
        "filed_on": _date(np.datetime64("2023-05-01") + rng.integers(0, 275, k).astype("timedelta64[D]")),
    })
    sa = sa.iloc[rng.permutation(k)].reset_index(drop=True)

    links = pd.concat([
        pd.DataFrame({"resource": "revenue_employments", "record_id": employments["employment_id"],
                      "person_id": who["person_id"].to_numpy(dtype=object)}),
        pd.DataFrame({"resource": "revenue_self_assessment", "record_id": sa["utr"],
                      "person_id": sa["tax_ref"].map(pop.dropna(subset=["tax_ref"]).set_index("tax_ref")["person_id"])}),
    ], ignore_index=True)
    truth = pd.DataFrame({"employment_id": sp["employment_id"], "person_id": who["person_id"].to_numpy(dtype=object),
                          "kind": sp["kind"], "employer_ref": employments["employer_ref"], "hours": sp["hours"]})
    planted = ("## Revenue (revenue_* tables)\n\nNo fraud planted. Recording-error rates on employment records: "
               + ", ".join(f"{k} {v:.1%}" for k, v in ERRORS.items())
               + " (stale_address and other_surname: share of those who moved or changed surname). "
               f"Second jobs 7% of workers, a job ended during the year 8%.")
    return {"planted": planted, "tables": {"revenue_employers": emp_table, "revenue_employments": employments,
                       "revenue_payroll": payroll, "revenue_self_assessment": sa},
            "links": links, "spells": truth}


SEX_MF = ["F", "M"]
RESOURCES = [
    {"name": "revenue_employers", "format": "csv",
     "title": "Revenue: employers registered for payroll tax",
     "description": "One row per employer operating a payroll in Kestria, as the tax authority registers it.",
     "schema": {"fields": [
         field("employer_ref", "string", "Revenue's employer reference (tax office / letters and digits)", **key(pattern="^[0-9]{3}/[A-Z]{2}[0-9]{5}$")),
         field("employer_name", "string", "Registered trading name", required=True),
         field("sector", "string", "Main activity", required=True, enum=SECTORS),
         field("region", "string", "Region of the registered office", required=True, enum=REGIONS),
         field("employees", "integer", "Employments open on 5 April 2023", unit="people", required=True, minimum=0),
         field("annual_paybill", "integer", "Gross pay over the 2022-23 tax year", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["employer_ref"]}},
    {"name": "revenue_employments", "format": "parquet",
     "title": "Revenue: employments in the 2022-23 tax year",
     "description": "One row per employment (a person with an employer) open at any time in the 2022-23 tax year, "
                    "with the personal details the employer reported.",
     "schema": {"fields": [
         field("employment_id", "string", "Revenue's employment identifier", **key(pattern="^E[0-9]{7}$")),
         field("employer_ref", "string", "Employer", required=True),
         field("tax_ref", "string", "Person's tax reference; empty when the employer did not supply it", pattern="^KT[0-9]{6}[A-D]$"),
         field("surname", "string", "Surname as reported, in capitals", required=True),
         field("forenames", "string", "Given name as reported", required=True),
         field("birth_date", "date", "Date of birth as reported; may be missing or wrong"),
         field("sex", "string", "Sex (F female, M male)", required=True, enum=SEX_MF),
         field("postcode", "string", "Postcode as last told to Revenue", required=True),
         field("start_date", "date", "Employment start", required=True),
         field("end_date", "date", "Employment end; empty if still open on 5 April 2023"),
         field("hours_per_week", "integer", "Contracted weekly hours", unit="hours", required=True, minimum=0, maximum=60),
         field("annual_pay", "integer", "Gross pay from this employment in the tax year", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["employment_id"],
         "foreignKeys": [fk(["employer_ref"], "revenue_employers", ["employer_ref"])]}},
    {"name": "revenue_payroll", "format": "parquet",
     "title": "Revenue: monthly payroll returns, January to March 2023",
     "description": "One row per employment and month: what each employer paid and deducted (real-time payroll returns).",
     "schema": {"fields": [
         field("employment_id", "string", "Employment the payment belongs to", required=True),
         field("month", "date", "Pay month (first day)", required=True),
         field("employer_ref", "string", "Employer", required=True),
         field("tax_ref", "string", "Person's tax reference, as on the employment"),
         field("gross_pay", "number", "Gross pay in the month", unit="GBP", required=True, minimum=0),
         field("tax_deducted", "number", "Income tax deducted", unit="GBP", required=True, minimum=0),
         field("hours_paid", "integer", "Hours paid in the month", unit="hours", required=True, minimum=0),
     ], "primaryKey": ["employment_id", "month"],
         "foreignKeys": [fk(["employment_id"], "revenue_employments", ["employment_id"]),
                         fk(["employer_ref"], "revenue_employers", ["employer_ref"])]}},
    {"name": "revenue_self_assessment", "format": "csv",
     "title": "Revenue: self-assessment returns for 2022-23",
     "description": "One row per self-assessment tax return filed for the 2022-23 tax year.",
     "schema": {"fields": [
         field("utr", "string", "Unique taxpayer reference (ten digits)", **key(pattern="^[0-9]{10}$")),
         field("tax_ref", "string", "Person's tax reference", required=True, pattern="^KT[0-9]{6}[A-D]$"),
         field("tax_year", "string", "Tax year", required=True, enum=["2022-23"]),
         field("employment_income", "integer", "Pay from employment", unit="GBP", required=True, minimum=0),
         field("pension_income", "integer", "Pensions received", unit="GBP", required=True, minimum=0),
         field("self_employment_profit", "integer", "Profit from self-employment", unit="GBP", required=True, minimum=0),
         field("property_income", "integer", "Rental profit", unit="GBP", required=True, minimum=0),
         field("filed_on", "date", "Date the return was filed", required=True),
     ], "primaryKey": ["utr"]}},
]
for _r in RESOURCES:
    _r["datasheet"] = "revenue"
