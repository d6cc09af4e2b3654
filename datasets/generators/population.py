"""The synthetic population of Kestria: people in households in small areas.

`generate_population` builds the person-level frame every agency view is derived from (the
census view is `census`). Everything is vectorised numpy from one seeded PCG64 generator, so a
seed gives the same people on any machine. Calibration figures (UK, approximate) are listed in
datasets/datasheets/census_microdata.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import identity

REGIONS = ["Capital", "North Coast", "Eastern Plains", "Lakelands", "Southern Hills", "Western Isles"]
REGION_SHARE = np.array([0.30, 0.16, 0.20, 0.13, 0.15, 0.06])  # of ordinary areas
PEOPLE_PER_AREA = 300  # ordinary areas average about this many residents
TINY_AREAS = 12  # remote island areas of 1-9 residents, kept at every population size

# Household size shares, about England and Wales 2021 (mean about 2.4).
HH_SIZES = np.array([1, 2, 3, 4, 5, 6, 7])
HH_SHARE = np.array([0.300, 0.340, 0.155, 0.135, 0.048, 0.015, 0.007])

AGES = np.arange(101)
EMPLOYMENT = ["child", "employed", "unemployed", "inactive", "retired"]


def age_distribution() -> np.ndarray:
    """A smooth single-year age distribution: ~17.5% aged 0-14, ~18.5% aged 65+."""
    level = np.interp(AGES, [0, 14, 20, 30, 45, 58, 64, 70, 80, 90, 100],
                      [1.10, 1.18, 1.18, 1.35, 1.30, 1.35, 1.20, 1.10, 0.80, 0.25, 0.01])
    p = level / level.sum()
    # Rescale the three broad bands to the target shares, then smooth the joins.
    for lo, hi, share in [(0, 14, 0.175), (15, 64, 0.640), (65, 100, 0.185)]:
        p[lo:hi + 1] *= share / p[lo:hi + 1].sum()
    p = np.convolve(np.pad(p, 2, mode="edge"), np.ones(5) / 5, mode="valid")
    return p / p.sum()


def _draw_ages(rng, n, lo, hi, weight=None):
    """n ages from the age distribution restricted to [lo, hi], optionally reweighted."""
    p = age_distribution().copy()
    p[:lo] = 0
    p[hi + 1:] = 0
    if weight is not None:
        p *= weight
    return rng.choice(AGES, size=n, p=p / p.sum())


def _household_sizes(rng, people):
    sizes = rng.choice(HH_SIZES, size=int(people / 2.2) + 50, p=HH_SHARE)
    total = np.cumsum(sizes)
    last = int(np.searchsorted(total, people))  # first household that reaches the total
    sizes = sizes[:last + 1].copy()
    sizes[-1] -= total[last] - people  # trim the last household to hit the exact count
    return sizes


def _members(rng, sizes):
    """Age, sex and relationship of every member, household by household (vectorised)."""
    n_hh = len(sizes)
    hh = np.repeat(np.arange(n_hh), sizes)
    pos = np.arange(len(hh)) - np.repeat(np.cumsum(sizes) - sizes, sizes)  # 0 = reference person
    # Reference person: older in one- and two-person households, parents' ages in larger ones.
    older = np.clip((AGES - 20) / 50, 0.05, 1.6)
    ref_age = np.where(sizes == 1, _draw_ages(rng, n_hh, 18, 100, older ** 1.3), 0)
    two = sizes == 2
    ref_age = np.where(two, _draw_ages(rng, n_hh, 20, 100, older ** 1.3), ref_age)
    ref_age = np.where(sizes >= 3, _draw_ages(rng, n_hh, 24, 60, np.clip(AGES - 18, 1, 30) ** 0.4), ref_age)
    has_partner = (sizes >= 2) & (rng.random(n_hh) < np.where(two, 0.78, 0.76))
    # Second person: a partner of similar age, else (lone parent) a child.
    ref = ref_age[hh]
    age = ref.astype(float)
    is_partner = (pos == 1) & has_partner[hh]
    is_child = (pos >= 1) & ~is_partner
    age = np.where(is_partner, ref + rng.normal(-1.5, 4.0, len(hh)), age)
    # Children: born to the reference person between ages 18 and ~42.
    child_age = ref - rng.uniform(18, 42, len(hh))
    age = np.where(is_child, child_age, age)
    age = np.clip(np.rint(age), 0, 100).astype(np.int64)
    age = np.where(is_partner, np.maximum(age, 18), age)
    relationship = np.select([pos == 0, is_partner], ["reference", "partner"], "child")
    # Sex: women outlive men, so the female share rises with age; partners mostly opposite sex.
    p_female = np.interp(age, [0, 20, 60, 75, 85, 100], [0.488, 0.50, 0.525, 0.555, 0.62, 0.72])
    female = rng.random(len(hh)) < p_female
    ref_female = female[pos == 0][hh]
    opposite = rng.random(len(hh)) < 0.97
    female = np.where(is_partner, np.where(opposite, ~ref_female, ref_female), female)
    return hh, pos, age, female, relationship


def _areas(rng, sizes, people):
    """Area of each household: a handful of tiny island areas, the rest skewed in size."""
    n_hh = len(sizes)
    area_of = np.full(n_hh, -1)
    # Tiny areas take whole households from the front of the (random) list until full.
    targets = rng.integers(1, 10, TINY_AREAS)
    i, limit = 0, min(n_hh, 500)
    for k, target in enumerate(targets):  # a loop over ~12 areas, not over people
        room = int(target)
        while room > 0 and i < limit:  # skip households too big for the room left
            if sizes[i] <= room:
                area_of[i] = k
                room -= int(sizes[i])
            i += 1
    rest = area_of < 0
    n_ordinary = max(20, round(people / PEOPLE_PER_AREA))
    region_of = np.concatenate([np.full(TINY_AREAS, REGIONS.index("Western Isles")),
                                rng.choice(len(REGIONS), n_ordinary, p=REGION_SHARE)])
    # Skewed area sizes (lognormal weights); island areas are smaller.
    weight = rng.lognormal(0.0, 0.55, n_ordinary)
    weight *= np.where(region_of[TINY_AREAS:] == REGIONS.index("Western Isles"), 0.45, 1.0)
    area_of[rest] = TINY_AREAS + rng.choice(n_ordinary, int(rest.sum()), p=weight / weight.sum())
    return area_of, region_of


def generate_population(people: int = 100_000, seed: int = 20221) -> pd.DataFrame:
    """Every resident of Kestria, one row each, with household, area and economic status."""
    rng = np.random.Generator(np.random.PCG64(seed))
    sizes = _household_sizes(rng, people)
    hh, pos, age, female, relationship = _members(rng, sizes)
    area_of, region_of = _areas(rng, sizes, people)
    n = len(hh)

    # Economic status by age (rates about the UK Labour Force Survey, 2022).
    u = rng.random(n)
    p_emp = np.interp(age, [16, 17, 18, 22, 25, 35, 50, 55, 60, 64, 65, 70, 80],
                      [0.20, 0.28, 0.48, 0.64, 0.82, 0.84, 0.83, 0.78, 0.66, 0.52, 0.18, 0.08, 0.02])
    p_unemp = np.interp(age, [16, 20, 25, 50, 65], [0.09, 0.07, 0.035, 0.028, 0.0])
    p_retired = np.interp(age, [54, 60, 64, 66, 70], [0.0, 0.10, 0.20, 0.75, 0.90])
    status = np.select(
        [age < 16, u < p_emp, u < p_emp + p_unemp, u < p_emp + p_unemp + p_retired],
        [0, 1, 2, 4], 3)

    # Income: lognormal earnings (full-time median about £33,000, ASHE 2022), lower for
    # part-timers and the young; pensions for the retired; nothing otherwise.
    z = rng.standard_normal(n)
    part_time = rng.random(n) < np.interp(age, [16, 22, 30, 55, 65], [0.70, 0.35, 0.20, 0.25, 0.55])
    profile = np.interp(age, [16, 22, 30, 40, 50, 60, 70], [0.45, 0.70, 0.95, 1.08, 1.08, 1.0, 0.9])
    earnings = 33_000 * profile * np.exp(0.5 * z) * np.where(part_time, 0.42, 1.0)
    pension = 9_600 * rng.uniform(0.75, 1.05, n) + rng.lognormal(np.log(6_000), 1.0, n) * (rng.random(n) < 0.7)
    other = rng.lognormal(np.log(4_000), 0.8, n) * (rng.random(n) < 0.10)  # small own income
    income = np.select([status == 1, status == 4, status == 3], [earnings, pension, other], 0.0)
    income = (np.rint(income / 10) * 10).astype(np.int64)

    # Means-tested benefit: mostly the unemployed, low earners and parents on low incomes.
    kids = np.bincount(hh, weights=age < 16, minlength=len(sizes))[hh]
    logit = (-3.0 + 3.0 * (status == 2) + 1.3 * (status == 3) + 0.9 * ((kids > 0) & (relationship != "child"))
             + 1.4 * ((income > 0) & (income < 12_000)) - 0.4 * (status == 4) - 2.0 * (income > 30_000))
    benefit = (age >= 16) & (rng.random(n) < 1 / (1 + np.exp(-logit)))

    frame = pd.DataFrame({
        "household": hh,
        "relationship": relationship,
        "area": area_of[hh],
        "region": np.asarray(REGIONS)[region_of[area_of[hh]]],
        "age": age,
        "sex": np.where(female, "F", "M"),
        "employment": np.asarray(EMPLOYMENT)[status],
        "income": income,
        "benefit": benefit,
        "household_size": sizes[hh],
    })
    # Shuffle rows so that identifiers reveal neither household nor area order.
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    hh_ids = rng.permutation(len(sizes)) + 1
    frame["person_id"] = _ids("P", np.arange(1, n + 1))
    frame["household_id"] = _ids("H", hh_ids[frame["household"].to_numpy()])
    # Area codes run by region (as real geography codes do), in random order within a region.
    order = np.lexsort((rng.random(len(region_of)), region_of))
    code = np.empty(len(region_of), dtype=np.int64)
    code[order] = np.arange(1, len(region_of) + 1)
    frame["area_code"] = _ids("KA", code[frame["area"].to_numpy()], width=4)
    return identity.add_identity(frame, seed)


def _ids(prefix, numbers, width=7):
    return pd.Series(numbers).astype(str).str.zfill(width).radd(prefix).astype("string")


CENSUS_COLUMNS = ["person_id", "household_id", "area_code", "region", "age", "sex",
                  "employment", "income", "benefit", "household_size"]


def census(population: pd.DataFrame) -> pd.DataFrame:
    """The census view: what a census would record about each resident."""
    frame = population[CENSUS_COLUMNS].copy()
    for col in ["person_id", "household_id", "area_code", "region", "sex", "employment"]:
        frame[col] = frame[col].astype("string")
    for col in ["age", "income", "household_size"]:
        frame[col] = frame[col].astype("Int64")
    frame["benefit"] = frame["benefit"].astype("boolean")
    return frame
