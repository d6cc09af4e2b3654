"""The public register (an electoral-roll-style list): what anyone can buy or inspect.

It is the attacker's side of a linkage attack: name, address, postcode, birth date and sex are
enough to put names to "anonymised" records that keep postcode, birth date and sex.
Habits: full name in one field, sex F/M, not everyone registered, movers often at the old address.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import recording
from generators.schema import field, key

REGISTERED = 0.9  # of adults; lower for the young and recent movers


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    rng = np.random.Generator(np.random.PCG64([seed, 7]))
    a = pop[pop["age"] >= 18].reset_index(drop=True)
    p_reg = REGISTERED * np.interp(a["age"], [18, 25, 35, 100], [0.75, 0.85, 1.0, 1.05]) * np.where(a["moved"], 0.85, 1.0)
    a = a[rng.random(len(a)) < np.clip(p_reg, 0, 0.98)].reset_index(drop=True)
    postcode, address = recording.stale_address(rng, a, 0.5)
    frame = pd.DataFrame({
        "full_name": recording.nicknames(rng, a["given_name"], 0.02) + " " + recording.typos(rng, a["surname"].to_numpy(dtype=object), 0.005),
        "address": address, "postcode": postcode,
        "birth_date": pd.to_datetime(a["birth_date"].to_numpy()), "sex": a["sex"].to_numpy(dtype=object)})
    order = np.lexsort((rng.random(len(a)), frame["address"].to_numpy(dtype=str), frame["postcode"].to_numpy(dtype=str)))
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(0, "elector_id", [f"R{i:07d}" for i in range(1, len(frame) + 1)])
    links = pd.DataFrame({"resource": "public_register", "record_id": frame["elector_id"],
                          "person_id": a["person_id"].to_numpy(dtype=object)[order]})
    lines = ["## Public register", "", f"Adults registered: {len(frame)} ({len(frame) / (pop['age'] >= 18).sum():.1%}); "
             "half of movers still listed at the old address; nicknames 2%, surname typos 0.5%."]
    return {"tables": {"public_register": frame}, "links": links, "planted": "\n".join(lines)}


RESOURCES = [
    {"name": "public_register", "format": "parquet", "datasheet": "public_register",
     "title": "Public register of electors (synthetic)",
     "description": "One row per registered adult elector: name, address, postcode, birth date and sex, as published.",
     "schema": {"fields": [
         field("elector_id", "string", "Entry number on the register", **key(pattern="^R[0-9]{7}$")),
         field("full_name", "string", "Given name and surname", required=True),
         field("address", "string", "Street address", required=True),
         field("postcode", "string", "Postcode", required=True),
         field("birth_date", "date", "Date of birth", required=True),
         field("sex", "string", "Sex (F female, M male)", required=True, enum=["F", "M"]),
     ], "primaryKey": ["elector_id"]}},
]
