"""Small-area census tables: counts per area, computed from the census microdata.

Published here without any disclosure control on purpose: the privacy modules difference these
counts against the microdata and against each other, then protect them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators.population import REGIONS
from generators.schema import field, key


def generate(pop: pd.DataFrame, seed: int, context: dict) -> dict:
    g = pop.assign(
        age_0_15=pop["age"] < 16, age_16_64=pop["age"].between(16, 64), age_65_plus=pop["age"] >= 65,
        female=pop["sex"] == "F", employed=pop["employment"] == "employed",
        unemployed=pop["employment"] == "unemployed").groupby("area_code")
    counts = ["age_0_15", "age_16_64", "age_65_plus", "female", "employed", "unemployed", "benefit"]
    table = g[counts].sum().astype(np.int64)
    table.insert(0, "households", g["household_id"].nunique())
    table.insert(0, "residents", g.size())
    table.insert(0, "region", g["region"].first())
    table = table.rename(columns={"benefit": "benefit_recipients"}).reset_index().sort_values("area_code")
    empty = pd.DataFrame({"resource": [], "record_id": [], "person_id": []}, dtype=object)
    return {"tables": {"census_small_areas": table.reset_index(drop=True)}, "links": empty}


def _count(name, what):
    return field(name, "integer", what, unit="people", required=True, minimum=0)


RESOURCES = [
    {"name": "census_small_areas", "format": "csv", "datasheet": "census_small_areas",
     "title": "Census small-area tables of Kestria (synthetic)",
     "description": "One row per small area: residents and households, with counts by age band, sex, "
                    "economic activity and benefit receipt, computed from census_microdata without disclosure control.",
     "schema": {"fields": [
         field("area_code", "string", "Small area", **key(pattern="^KA[0-9]{4}$")),
         field("region", "string", "Region the area lies in", required=True, enum=REGIONS),
         _count("residents", "Usual residents"),
         field("households", "integer", "Households", unit="households", required=True, minimum=0),
         _count("age_0_15", "Residents aged 0 to 15"),
         _count("age_16_64", "Residents aged 16 to 64"),
         _count("age_65_plus", "Residents aged 65 or over"),
         _count("female", "Female residents"),
         _count("employed", "Residents in employment"),
         _count("unemployed", "Unemployed residents"),
         _count("benefit_recipients", "Residents receiving a means-tested benefit"),
     ], "primaryKey": ["area_code"]}},
]
