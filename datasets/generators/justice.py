"""Justice: police contacts and court cases.

A small group of residents (serious mental illness or no settled home) is in contact with the
police again and again; linking these records with health admissions shows it, as Fulton County's
joined-up justice and health data did. Habits: sex as Male/Female, names as "SURNAME, Given",
"NFA" (no fixed abode) instead of a postcode, the police's own person number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import recording
from generators.schema import field, fk, key

CONTACT_RATE = 0.03  # police contacts per adult per year
VULNERABLE_RATE = 2.5  # the same, for vulnerable residents
NFA_SHARE = 0.3  # of vulnerable residents with no settled home
TYPES = ["stop and search", "arrest", "victim", "witness", "welfare check"]
OFFENCES = ["none", "theft", "public order", "violence", "drugs", "criminal damage", "driving"]
OUTCOMES = ["no further action", "caution", "charged", "referred to health services", "not applicable"]
VERDICTS = ["convicted", "acquitted", "dismissed"]
SENTENCES = ["custody", "community order", "fine", "discharge", "none"]


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 6]))
    adult = pop["age"].to_numpy() >= 16
    vuln = pop["vulnerable"].to_numpy()
    male_young = (pop["sex"] == "M").to_numpy() * np.interp(pop["age"], [16, 25, 40, 70], [2.0, 1.8, 1.0, 0.3])
    count = np.where(adult, rng.poisson(np.where(vuln, VULNERABLE_RATE, CONTACT_RATE * (0.5 + male_young))), 0)
    who = np.repeat(np.arange(len(pop)), count)
    p = pop.iloc[who].reset_index(drop=True)
    n = len(p)
    v = p["vulnerable"].to_numpy()
    ctype = np.where(v, rng.choice(5, n, p=[0.2, 0.45, 0.1, 0.02, 0.23]), rng.choice(5, n, p=[0.3, 0.25, 0.25, 0.15, 0.05]))
    offence = np.where(np.isin(ctype, [1, 0]), rng.integers(1, len(OFFENCES), n), 0)
    outcome = np.select([ctype == 1, ctype == 4],
                        [np.where(v & (rng.random(n) < 0.35), 3, rng.choice(3, n, p=[0.35, 0.25, 0.4])),
                         np.where(v, 3, 0)], 4)
    outcome = np.where(ctype == 0, np.where(rng.random(n) < 0.8, 0, 2), outcome)
    nfa_person = pop["vulnerable"].to_numpy() & (rng.random(len(pop)) < NFA_SHARE)
    postcode, = recording.stale_address(rng, p, 0.5, columns=("postcode",))
    postcode = np.where(nfa_person[who], "NFA", postcode)
    police_no = {pid: f"{(k % 90) + 10:02d}/{k:07d}" for pid, k in zip(pop["person_id"], rng.permutation(len(pop)) + 1_000_000)}
    given = recording.nicknames(rng, p["given_name"], 0.06)
    surname = recording.typos(rng, p["surname"].to_numpy(dtype=object), 0.03)
    when = np.datetime64("2022-04-01") + rng.integers(0, 365, n).astype("timedelta64[D]")
    order = np.argsort(when, kind="stable")
    contacts = pd.DataFrame({
        "person_number": p["person_id"].map(police_no).to_numpy(dtype=object),
        "name": pd.Series(surname).str.upper().to_numpy(dtype=object) + ", " + given,
        "birth_date": pd.to_datetime(recording.transpose_dates(rng, p["birth_date"], 0.02)),
        "sex": np.where(p["sex"] == "F", "Female", "Male"), "postcode": postcode, "contact_date": pd.to_datetime(when),
        "contact_type": np.asarray(TYPES)[ctype], "offence": np.asarray(OFFENCES)[offence],
        "outcome": np.asarray(OUTCOMES)[outcome]}).iloc[order].reset_index(drop=True)
    contacts.insert(0, "contact_id", [f"PC{i:07d}" for i in range(1, n + 1)])
    pid = p["person_id"].to_numpy(dtype=object)[order]

    charged = np.flatnonzero(contacts["outcome"] == "charged")
    m = len(charged)
    verdict = rng.choice(3, m, p=[0.7, 0.15, 0.15])
    sentence = np.where(verdict == 0, rng.choice(4, m, p=[0.12, 0.33, 0.4, 0.15]), 4)
    cases = pd.DataFrame({
        "case_id": [f"KC{i:06d}" for i in range(1, m + 1)], "contact_id": contacts["contact_id"].to_numpy()[charged],
        "defendant_name": contacts["name"].str.title().to_numpy()[charged],
        "birth_date": contacts["birth_date"].to_numpy()[charged],
        "hearing_date": contacts["contact_date"].to_numpy()[charged] + rng.integers(20, 200, m).astype("timedelta64[D]"),
        "verdict": np.asarray(VERDICTS)[verdict], "sentence": np.asarray(SENTENCES)[sentence]})

    per = pd.Series(pid).value_counts()
    repeat = per[per >= 3].index
    vuln_ids = set(pop.loc[pop["vulnerable"], "person_id"])
    lines = ["## Justice (police_contacts, court_cases)", "",
             f"Contacts per adult per year: {CONTACT_RATE} (weighted to young men); vulnerable residents "
             f"({len(vuln_ids)}): Poisson({VULNERABLE_RATE}), {NFA_SHARE:.0%} of them recorded as NFA. "
             f"People with 3+ contacts: {len(repeat)}, of whom {np.mean([r in vuln_ids for r in repeat]):.0%} are vulnerable "
             "(and so have repeat mental-health admissions in health_admissions). Recording errors: nicknames 6%, "
             "surname typos 3%, day and month swapped 2%, stale postcode 50% of movers."]
    links = pd.concat([
        pd.DataFrame({"resource": "police_contacts", "record_id": contacts["contact_id"], "person_id": pid}),
        pd.DataFrame({"resource": "court_cases", "record_id": cases["case_id"], "person_id": pid[charged]})])
    return {"tables": {"police_contacts": contacts, "court_cases": cases}, "links": links, "planted": "\n".join(lines)}


RESOURCES = [
    {"name": "police_contacts", "format": "csv", "datasheet": "justice",
     "title": "Police: contacts with the public, 2022-23",
     "description": "One row per recorded police contact with a person (stop, arrest, victim, witness, welfare check).",
     "schema": {"fields": [
         field("contact_id", "string", "Contact reference", **key(pattern="^PC[0-9]{7}$")),
         field("person_number", "string", "Police person number", required=True),
         field("name", "string", "Name as 'SURNAME, Given'", required=True),
         field("birth_date", "date", "Date of birth as given", required=True),
         field("sex", "string", "Sex", required=True, enum=["Female", "Male"]),
         field("postcode", "string", "Postcode, or NFA for no fixed abode", required=True),
         field("contact_date", "date", "Date of the contact", required=True),
         field("contact_type", "string", "Kind of contact", required=True, enum=TYPES),
         field("offence", "string", "Suspected offence, 'none' if not a suspect", required=True, enum=OFFENCES),
         field("outcome", "string", "What the police did", required=True, enum=OUTCOMES),
     ], "primaryKey": ["contact_id"]}},
    {"name": "court_cases", "format": "csv", "datasheet": "justice",
     "title": "Courts: cases from police charges, 2022-23",
     "description": "One row per court case following a charge recorded in police_contacts.",
     "schema": {"fields": [
         field("case_id", "string", "Court case reference", **key(pattern="^KC[0-9]{6}$")),
         field("contact_id", "string", "Police contact that led to the charge", required=True, unique=True),
         field("defendant_name", "string", "Defendant's name as the court lists it", required=True),
         field("birth_date", "date", "Defendant's date of birth", required=True),
         field("hearing_date", "date", "Date of the final hearing", required=True),
         field("verdict", "string", "Verdict", required=True, enum=VERDICTS),
         field("sentence", "string", "Sentence, 'none' if not convicted", required=True, enum=SENTENCES),
     ], "primaryKey": ["case_id"], "foreignKeys": [fk(["contact_id"], "police_contacts", ["contact_id"])]}},
]
