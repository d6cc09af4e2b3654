"""Welfare: working-age claims with circumstances and a risk score, investigations, fortnightly earnings.

Two flaws are planted for learners to find (rates in instructor/planted.md):
- the risk model weighs second nationality and needing an interpreter, which predict nothing
  about irregular claims, so those claimants are flagged more often and wrongly more often;
- earnings are assessed per fortnight, and many claimants earn irregularly, so spreading Revenue's
  annual pay evenly over 26 fortnights (income averaging) invents debts that do not exist.
The agency's habits: sex coded M/F, names in title case, tax reference as the person key.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import recording
from generators.population import REGIONS
from generators.schema import field, fk, key

FORTNIGHTS = 26  # tax year 2022-23 from 6 April 2022
MAX_RATE, FREE_AREA, TAPER = 400.0, 150.0, 0.5  # GBP per fortnight; 50p withdrawn per pound above the free area
IRREGULAR_SHARE = 0.45  # of claimants with earnings: seasonal or casual work in bursts
UNDER_REPORT_SHARE = 0.03  # of claimants with earnings: genuinely under-declared some fortnights
FLAG_SHARE, RANDOM_REVIEW = 0.10, 0.03
SCORE_NOISE = 0.5  # sd of the lognormal factor on the score
RISK_WEIGHTS = {"intercept": -3.6, "earnings": 1.2, "private_rent": 0.9, "under_30": 0.6, "children": 0.3,
                "second_nationality": 0.8, "interpreter": 0.4}  # the last two are the planted unfairness
TRUTH_WEIGHTS = {"intercept": -4.4, "earnings": 1.3, "private_rent": 1.0, "under_30": 0.7, "children": 0.3}
HOUSING = ["social rent", "private rent", "owner", "with family"]
ERRORS = {"typo": 0.01, "nickname": 0.02, "transposed": 0.005, "stale_address": 0.2, "missing_tax_ref": 0.03}


def entitlement(earnings):
    """Benefit due for a fortnight with these earnings."""
    return np.round(np.clip(MAX_RATE - TAPER * np.clip(np.asarray(earnings, float) - FREE_AREA, 0, None), 0, None), 2)


def _logistic(weights, x):
    z = weights["intercept"] + sum(w * x[k] for k, w in weights.items() if k != "intercept")
    return 1 / (1 + np.exp(-z))


def _fortnightly(rng, income, irregular):
    """Earnings per fortnight summing to the annual income: steady, or in a few bursts."""
    n = len(income)
    steady = np.tile(income[:, None] / FORTNIGHTS, FORTNIGHTS) * rng.normal(1, 0.015, (n, FORTNIGHTS))
    worked = np.zeros((n, FORTNIGHTS), bool)
    k = rng.integers(3, 10, n)  # fortnights worked in the year
    order = np.argsort(rng.random((n, FORTNIGHTS)), axis=1)
    worked[np.arange(n)[:, None], order] = np.arange(FORTNIGHTS)[None, :] < k[:, None]
    bursts = worked * rng.uniform(0.7, 1.3, (n, FORTNIGHTS))
    bursts = bursts / bursts.sum(axis=1, keepdims=True) * income[:, None]
    out = np.where(irregular[:, None], bursts, steady)
    out = out * (income / np.maximum(out.sum(axis=1), 1))[:, None]  # exact annual totals
    return np.round(out, 2)


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 4]))
    c = pop[pop["benefit"] & pop["age"].between(18, 66)].reset_index(drop=True)
    n = len(c)
    kids = pop[pop["age"] < 16].groupby("household_id").size()
    earnings = np.where(c["employment"] == "employed", c["income"], 0).astype(float)
    x = {"earnings": (earnings > 0).astype(float), "under_30": (c["age"] < 30).astype(float).to_numpy(),
         "children": (c["household_id"].map(kids).fillna(0) > 0).astype(float).to_numpy(),
         "second_nationality": c["second_nationality"].astype(float).to_numpy(),
         "interpreter": (c["home_language"] == "other").astype(float).to_numpy()}
    housing = rng.choice(4, n, p=[0.38, 0.32, 0.12, 0.18])
    x["private_rent"] = (housing == 1).astype(float)
    irregular_claim = rng.random(n) < _logistic(TRUTH_WEIGHTS, x)  # the truth knows nothing of nationality
    score = np.rint(100 * _logistic(RISK_WEIGHTS, x) * np.exp(rng.normal(0, SCORE_NOISE, n))).clip(0, 99).astype(np.int64)
    flagged = score >= np.quantile(score, 1 - FLAG_SHARE)
    reviewed = ~flagged & (rng.random(n) < RANDOM_REVIEW)

    r = ERRORS
    postcode, = recording.stale_address(rng, c, r["stale_address"], columns=("postcode",))
    start = np.datetime64("2023-03-31") - rng.exponential(700, n).astype(int).clip(0, 5000).astype("timedelta64[D]")
    ids = pd.Series(rng.choice(9_000_000, n, replace=False) + 1_000_000).astype(str).radd("W").to_numpy(dtype=object)
    claims = pd.DataFrame({
        "claim_id": ids,
        "tax_ref": recording.blank(rng, c["tax_ref"], r["missing_tax_ref"]).to_numpy(dtype=object),
        "given_name": recording.typos(rng, recording.nicknames(rng, c["given_name"], r["nickname"]), r["typo"]),
        "surname": recording.typos(rng, c["surname"].to_numpy(dtype=object), r["typo"]),
        "birth_date": pd.to_datetime(recording.transpose_dates(rng, c["birth_date"], r["transposed"])),
        "sex": c["sex"].to_numpy(dtype=object), "postcode": postcode, "region": c["region"].to_numpy(dtype=object),
        "claim_start": pd.to_datetime(start), "household_size": c["household_size"].to_numpy(),
        "children": c["household_id"].map(kids).fillna(0).astype(np.int64).to_numpy(),
        "housing": np.asarray(HOUSING)[housing], "has_earnings": earnings > 0,
        "disability": rng.random(n) < 0.22,
        "second_nationality": c["second_nationality"].to_numpy(), "interpreter": x["interpreter"] > 0,
        "risk_score": score,
    })

    # Investigations: the flagged claims, plus a small random review that lets error rates be estimated.
    inv = np.flatnonzero(flagged | reviewed)
    found = irregular_claim[inv]
    overpaid = np.where(found, np.rint(rng.lognormal(np.log(1_800), 0.8, len(inv))), 0).astype(np.int64)
    investigations = pd.DataFrame({
        "investigation_id": [f"INV{i:06d}" for i in range(1, len(inv) + 1)],
        "claim_id": ids[inv],
        "opened": pd.to_datetime(np.datetime64("2023-04-03") + rng.integers(0, 180, len(inv)).astype("timedelta64[D]")),
        "reason": np.where(flagged[inv], "risk score", "random review"),
        "outcome": np.where(found, np.where(rng.random(len(inv)) < 0.3, "fraud referral", "overpayment"), "no change"),
        "overpayment": overpaid})
    investigations = investigations.iloc[rng.permutation(len(inv))].reset_index(drop=True)

    # Fortnightly earnings and payments for claimants with earnings from employment.
    e = np.flatnonzero(earnings > 0)
    irregular = rng.random(len(e)) < IRREGULAR_SHARE
    true = _fortnightly(rng, earnings[e], irregular)
    under = rng.random(len(e)) < UNDER_REPORT_SHARE
    hide = under[:, None] & (rng.random(true.shape) < 0.4) & (true > 0)
    declared = np.where(hide, np.round(true * 0.3, 2), true)
    paid = entitlement(declared)
    under = (paid > entitlement(true)).any(axis=1)  # under-reported only if it changed what was paid
    fortnight = pd.to_datetime(np.datetime64("2022-04-06") + 14 * np.arange(FORTNIGHTS).astype("timedelta64[D]"))
    fortnights = pd.DataFrame({
        "claim_id": np.repeat(ids[e], FORTNIGHTS), "fortnight_start": np.tile(fortnight, len(e)),
        "declared_earnings": declared.ravel(), "payslip_earnings": true.ravel(), "benefit_paid": paid.ravel()})

    truth = pd.DataFrame({"claim_id": ids, "person_id": c["person_id"].to_numpy(dtype=object),
                          "irregular_claim": irregular_claim, "earnings_pattern": "none", "under_reported": False})
    truth.loc[e, "earnings_pattern"] = np.where(irregular, "irregular", "steady")
    truth.loc[e, "under_reported"] = under
    sec = c["second_nationality"].to_numpy()
    fpr = lambda g: flagged[g & ~irregular_claim].mean()  # noqa: E731
    lines = ["## Welfare (welfare_* tables)", "",
             f"Working-age claims: {n}; investigations: {len(inv)} ({flagged.sum()} by risk score, top {FLAG_SHARE:.0%}; "
             f"{reviewed.sum()} random reviews, {RANDOM_REVIEW:.0%} of the rest).", "",
             "**Unfair risk model.** Score weights (logit): " + ", ".join(f"{k} {v:+}" for k, v in RISK_WEIGHTS.items())
             + f", times lognormal noise (sd {SCORE_NOISE}). True irregularity weights: "
             + ", ".join(f"{k} {v:+}" for k, v in TRUTH_WEIGHTS.items()) + " (no nationality or language term).", "",
             "| group | claims | truly irregular | flagged | false positive rate |", "|---|---:|---:|---:|---:|",
             f"| second nationality | {sec.sum()} | {irregular_claim[sec].mean():.1%} | {flagged[sec].mean():.1%} | {fpr(sec):.1%} |",
             f"| others | {(~sec).sum()} | {irregular_claim[~sec].mean():.1%} | {flagged[~sec].mean():.1%} | {fpr(~sec):.1%} |", "",
             f"**Income averaging.** Claims with earnings: {len(e)}; irregular earners {irregular.mean():.1%} "
             f"(target {IRREGULAR_SHARE:.0%}, 3 to 9 fortnights worked); genuine under-reporters {under.mean():.1%} "
             f"(target {UNDER_REPORT_SHARE:.0%}; 40% of their working fortnights declared at 30%). "
             f"Rule: {MAX_RATE:.0f} a fortnight less {TAPER} per pound above {FREE_AREA:.0f}. Averaging Revenue's annual pay "
             "over 26 fortnights creates debts for irregular earners that payslip earnings do not support.",
             "", "Recording-error rates on claims: " + ", ".join(f"{k} {v:.1%}" for k, v in ERRORS.items())
             + " (stale_address: share of movers). Truth per claim in welfare_truth.csv."]
    links = pd.DataFrame({"resource": "welfare_claims", "record_id": ids, "person_id": c["person_id"].to_numpy(dtype=object)})
    return {"tables": {"welfare_claims": claims, "welfare_investigations": investigations, "welfare_fortnights": fortnights},
            "links": links, "instructor": {"welfare_truth.csv": truth}, "planted": "\n".join(lines)}


RESOURCES = [
    {"name": "welfare_claims", "format": "csv", "title": "Welfare: working-age benefit claims and risk scores",
     "description": "One row per working-age benefit claim open in March 2023: claimant, circumstances and the "
                    "agency's risk score.",
     "schema": {"fields": [
         field("claim_id", "string", "Claim reference", **key(pattern="^W[0-9]{7}$")),
         field("tax_ref", "string", "Claimant's tax reference; empty when not verified", pattern="^KT[0-9]{6}[A-D]$"),
         field("given_name", "string", "Given name", required=True),
         field("surname", "string", "Surname", required=True),
         field("birth_date", "date", "Date of birth", required=True),
         field("sex", "string", "Sex (F female, M male)", required=True, enum=["F", "M"]),
         field("postcode", "string", "Postcode on the claim", required=True),
         field("region", "string", "Region of the claim", required=True, enum=REGIONS),
         field("claim_start", "date", "Date the claim started", required=True),
         field("household_size", "integer", "People in the household", unit="people", required=True, minimum=1),
         field("children", "integer", "Children under 16 in the household", unit="children", required=True, minimum=0),
         field("housing", "string", "Housing", required=True, enum=HOUSING),
         field("has_earnings", "boolean", "Claimant declared earnings from work in 2022-23", required=True),
         field("disability", "boolean", "Claim includes a disability element", required=True),
         field("second_nationality", "boolean", "Claimant declared a nationality besides Kestrian", required=True),
         field("interpreter", "boolean", "Claimant asked for an interpreter", required=True),
         field("risk_score", "integer", "Risk score from the agency's model (higher: investigate first)",
               required=True, minimum=0, maximum=99),
     ], "primaryKey": ["claim_id"]}},
    {"name": "welfare_investigations", "format": "csv", "title": "Welfare: investigations and outcomes",
     "description": "One row per claim investigated from April to September 2023: why it was chosen and what was found.",
     "schema": {"fields": [
         field("investigation_id", "string", "Investigation reference", **key(pattern="^INV[0-9]{6}$")),
         field("claim_id", "string", "Claim investigated", required=True, unique=True),
         field("opened", "date", "Date opened", required=True),
         field("reason", "string", "Why the claim was chosen", required=True, enum=["risk score", "random review"]),
         field("outcome", "string", "Result", required=True, enum=["no change", "overpayment", "fraud referral"]),
         field("overpayment", "integer", "Overpayment found", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["investigation_id"],
         "foreignKeys": [fk(["claim_id"], "welfare_claims", ["claim_id"])]}},
    {"name": "welfare_fortnights", "format": "parquet", "title": "Welfare: fortnightly earnings and payments, 2022-23",
     "description": "One row per claim with earnings and fortnight of the 2022-23 tax year: earnings declared, "
                    "earnings on the employer's payslips, and benefit paid.",
     "schema": {"fields": [
         field("claim_id", "string", "Claim", required=True),
         field("fortnight_start", "date", "First day of the fortnight", required=True),
         field("declared_earnings", "number", "Earnings the claimant declared for the fortnight", unit="GBP", required=True, minimum=0),
         field("payslip_earnings", "number", "Earnings on the employer's payslips for the fortnight", unit="GBP", required=True, minimum=0),
         field("benefit_paid", "number", "Benefit paid for the fortnight", unit="GBP", required=True, minimum=0),
     ], "primaryKey": ["claim_id", "fortnight_start"],
         "foreignKeys": [fk(["claim_id"], "welfare_claims", ["claim_id"])]}},
]
for _r in RESOURCES:
    _r["datasheet"] = "welfare"
