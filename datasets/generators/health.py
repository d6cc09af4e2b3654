"""Health: hospital admissions at three hospitals whose patients differ (non-IID, for federated learning).

Each hospital serves its own regions, so ages, diagnoses and readmission rates differ between them.
Habits: sex coded 1 male / 2 female / 9 not stated (national health data dictionary style), a
health number as the person key, ages computed at admission.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import recording
from generators.schema import field, key

HOSPITALS = {"Capital General": ["Capital", "Eastern Plains"],
             "North Coast Infirmary": ["North Coast", "Lakelands"],
             "Hillside and Islands Hospital": ["Southern Hills", "Western Isles"]}
DIAGNOSES = ["cardiac", "respiratory", "injury", "maternity", "mental health", "digestive", "cancer", "other"]
CASE_MIX = {  # relative weights per hospital: the non-IID part
    "Capital General": [1.6, 1.0, 0.8, 0.8, 1.6, 1.0, 1.5, 1.0],
    "North Coast Infirmary": [0.8, 0.9, 0.9, 2.2, 0.7, 1.0, 0.7, 1.0],
    "Hillside and Islands Hospital": [1.0, 1.6, 1.8, 0.6, 0.6, 1.0, 0.8, 1.0]}
READMIT_BASE = {"Capital General": -2.4, "North Coast Infirmary": -2.9, "Hillside and Islands Hospital": -2.1}
ADMISSION_RATE = 0.12  # admissions per resident per year, rising steeply with age


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 5]))
    age = pop["age"].to_numpy()
    rate = ADMISSION_RATE * np.interp(age, [0, 1, 5, 20, 40, 60, 75, 90], [1.5, 0.6, 0.3, 0.5, 0.7, 1.2, 2.6, 4.0])
    vulnerable = pop["vulnerable"].to_numpy()
    count = rng.poisson(rate)
    mh_count = np.where(vulnerable, rng.poisson(1.5, len(pop)), 0)  # repeat mental-health admissions
    who = np.concatenate([np.repeat(np.arange(len(pop)), count), np.repeat(np.arange(len(pop)), mh_count)])
    forced_mh = np.concatenate([np.zeros(count.sum(), bool), np.ones(mh_count.sum(), bool)])
    p = pop.iloc[who].reset_index(drop=True)
    n = len(p)
    region_to_h = {r: h for h, rs in HOSPITALS.items() for r in rs}
    hospital = p["region"].map(region_to_h).to_numpy(dtype=object)
    a = p["age"].to_numpy()
    female = (p["sex"] == "F").to_numpy()
    diag = np.empty(n, dtype=object)
    for h, w in CASE_MIX.items():  # three hospitals, not a loop over people
        i = np.flatnonzero(hospital == h)
        weights = np.tile(np.asarray(w, float), (len(i), 1))
        weights[:, 3] *= female[i] & (a[i] >= 16) & (a[i] <= 45)  # maternity
        weights[:, 6] *= np.clip(a[i] / 50, 0.05, 2)
        weights[:, 0] *= np.clip(a[i] / 50, 0.05, 2.5)
        u = rng.random(len(i))[:, None] * weights.sum(axis=1, keepdims=True)
        diag[i] = np.asarray(DIAGNOSES, dtype=object)[(u > np.cumsum(weights, axis=1)).sum(axis=1)]
    diag[forced_mh] = "mental health"
    los = np.maximum(0, np.rint(rng.lognormal(np.log(2 + a / 20), 0.7))).astype(np.int64)
    emergency = rng.random(n) < np.where(np.isin(diag, ["injury", "cardiac", "mental health"]), 0.85, 0.45)
    logit = (pd.Series(hospital).map(READMIT_BASE).to_numpy() + 0.02 * (a - 50) + 0.08 * np.minimum(los, 20)
             + 0.5 * emergency + np.where(diag == "mental health", 0.8, 0) + np.where(diag == "maternity", -1.0, 0))
    readmit = rng.random(n) < 1 / (1 + np.exp(-logit))
    admitted = np.datetime64("2022-04-01") + rng.integers(0, 365, n).astype("timedelta64[D]")
    health_no = {pid: f"KHN{num:09d}" for pid, num in zip(pop["person_id"], rng.choice(900_000_000, len(pop), replace=False) + 100_000_000)}
    postcode, = recording.stale_address(rng, p, 0.35, columns=("postcode",))
    sex = np.where(rng.random(n) < 0.01, 9, np.where(female, 2, 1))
    order = np.lexsort((rng.random(n), admitted))
    frame = pd.DataFrame({
        "hospital": hospital, "health_number": p["person_id"].map(health_no).to_numpy(dtype=object),
        "sex": sex, "birth_date": pd.to_datetime(recording.transpose_dates(rng, p["birth_date"], 0.003)),
        "postcode": postcode, "admitted": pd.to_datetime(admitted),
        "age_at_admission": np.clip(((admitted - p["birth_date"].to_numpy().astype("datetime64[D]")).astype(int) // 365.2425)
                                    .astype(np.int64), 0, 100),
        "diagnosis_group": diag, "emergency": emergency, "length_of_stay": los, "readmitted_30d": readmit,
    }).iloc[order].reset_index(drop=True)
    frame.insert(0, "admission_id", [f"A{i:07d}" for i in range(1, n + 1)])
    by_h = frame.groupby("hospital").agg(admissions=("admission_id", "size"), mean_age=("age_at_admission", "mean"),
                                         readmitted=("readmitted_30d", "mean"))
    lines = ["## Health (health_admissions)", "",
             "Non-IID by design: case-mix weights per hospital " + str(CASE_MIX) + "; readmission logit base "
             + str(READMIT_BASE) + ". Vulnerable residents (1.2% base rate of adults 18-64, more among the "
             "unemployed and inactive) get Poisson(1.5) extra mental-health admissions. Recording errors: "
             "stale postcode 35% of movers, day and month swapped 0.3%, sex 'not stated' 1%.", "",
             "| hospital | admissions | mean age | readmitted within 30 days |", "|---|---:|---:|---:|"]
    lines += [f"| {h} | {int(r.admissions)} | {r.mean_age:.1f} | {r.readmitted:.1%} |" for h, r in by_h.iterrows()]
    links = pd.DataFrame({"resource": "health_admissions", "record_id": frame["admission_id"],
                          "person_id": p["person_id"].to_numpy(dtype=object)[order]})
    return {"tables": {"health_admissions": frame}, "links": links, "planted": "\n".join(lines)}


RESOURCES = [
    {"name": "health_admissions", "format": "parquet", "datasheet": "health",
     "title": "Health: hospital admissions at three hospitals, 2022-23",
     "description": "One row per admission to one of Kestria's three hospitals from April 2022 to March 2023.",
     "schema": {"fields": [
         field("admission_id", "string", "Admission reference", **key(pattern="^A[0-9]{7}$")),
         field("hospital", "string", "Hospital", required=True, enum=list(HOSPITALS)),
         field("health_number", "string", "Patient's health number", required=True, pattern="^KHN[0-9]{9}$"),
         field("sex", "integer", "Sex (1 male, 2 female, 9 not stated)", required=True, enum=[1, 2, 9]),
         field("birth_date", "date", "Date of birth", required=True),
         field("postcode", "string", "Postcode on the patient record", required=True),
         field("admitted", "date", "Date of admission", required=True),
         field("age_at_admission", "integer", "Age at admission (100 means 100 or over)", unit="years",
               required=True, minimum=0, maximum=100),
         field("diagnosis_group", "string", "Main diagnosis, grouped", required=True, enum=DIAGNOSES),
         field("emergency", "boolean", "Emergency (not planned) admission", required=True),
         field("length_of_stay", "integer", "Nights in hospital", unit="nights", required=True, minimum=0),
         field("readmitted_30d", "boolean", "Readmitted to the same hospital within 30 days of discharge", required=True),
     ], "primaryKey": ["admission_id"]}},
]
