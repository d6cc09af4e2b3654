"""Who each resident of Kestria is: name, birth date, address, nationality and tax reference.

These are internal columns of the population frame: every agency copies them (with its own
recording errors), the census view drops them. They come from their own random stream, so
adding them leaves the census microdata byte-for-byte as it was.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import names

CENSUS_DAY = np.datetime64("2023-03-19")
POSTCODE_LETTERS = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))  # letters real postcodes use in the unit
MOVED_SHARE = 0.09  # households that moved in the last two years (agencies may hold the old address)
SECOND_NATIONALITY_SHARE = 0.08  # households with a second nationality
VULNERABLE_SHARE = 0.012  # adults 18-64 with serious mental illness or no settled home


def _birth_dates(rng, age):
    """A birth date that gives exactly `age` completed years on census day (to within a day)."""
    year = (2022 - age - 1970).astype("datetime64[Y]")
    start = year.astype("datetime64[D]") + np.timedelta64(78, "D")  # 20 March (19 in leap years)
    return start + rng.integers(0, 365, len(age)).astype("timedelta64[D]")


def _postcodes(rng, hh_area, hh_code):
    """Postcode per household: district from the small area, about a dozen households per unit."""
    per_area = np.bincount(hh_area)
    units = np.maximum(1, per_area // 12)[hh_area]
    unit = (rng.random(len(hh_area)) * units).astype(np.int64)
    scramble = (unit * 7919 + hh_area * 31) % 400  # unit number -> letter pair, looks arbitrary
    district = pd.Series(hh_code).astype(str).radd("KT")
    return (district + " " + pd.Series(unit % 9 + 1).astype(str)
            + POSTCODE_LETTERS[scramble // 20] + POSTCODE_LETTERS[scramble % 20]).to_numpy(dtype=object)


def _addresses(rng, hh_area):
    street = np.asarray(names.STREETS, dtype=object)[(hh_area * 7 + rng.integers(0, 6, len(hh_area))) % len(names.STREETS)]
    number = rng.integers(1, 140, len(hh_area)).astype(str).astype(object)
    return number + " " + street


def _tax_refs(rng, n):
    """Unique tax references in the style KT123456A (six digits, one of four letters)."""
    draw = rng.choice(3_600_000, size=n, replace=False)
    digits = pd.Series(draw // 4 + 100_000).astype(str)
    return ("KT" + digits + pd.Series(np.array(list("ABCD"))[draw % 4])).to_numpy(dtype=object)


def add_identity(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.Generator(np.random.PCG64([seed, 1]))
    hh = frame["household"].to_numpy()
    n, n_hh = len(frame), int(hh.max()) + 1
    hh_area = np.zeros(n_hh, dtype=np.int64)
    hh_area[hh] = frame["area"].to_numpy()
    hh_code = np.zeros(n_hh, dtype=np.int64)
    hh_code[hh] = frame["area_code"].str[2:].astype(int).to_numpy()
    female = frame["sex"].to_numpy() == "F"
    rel = frame["relationship"].to_numpy()
    age = frame["age"].to_numpy()

    # Names: a household surname; partners often keep their own (then birth and current differ
    # for nobody) or took the household's (then their birth surname differs).
    hh_surname = names.draw(rng, names.SURNAMES, n_hh)
    own = names.draw(rng, names.SURNAMES, n)
    partner = rel == "partner"
    took = partner & (rng.random(n) < np.where(female, 0.65, 0.15))
    surname = np.where(partner & ~took, own, hh_surname[hh])
    birth_surname = np.where(partner, own, surname)
    given = np.where(female, names.draw(rng, names.GIVEN_F, n), names.draw(rng, names.GIVEN_M, n))

    postcode = _postcodes(rng, hh_area, hh_code)
    address = _addresses(rng, hh_area)
    moved = rng.random(n_hh) < MOVED_SHARE
    donor = rng.integers(0, n_hh, n_hh)  # the old home: another household's address
    prev_postcode = np.where(moved, postcode[donor], postcode)
    prev_address = np.where(moved, address[donor], address)

    second = rng.random(n_hh) < SECOND_NATIONALITY_SHARE
    language = np.where(rng.random(n_hh) < np.where(second, 0.6, 0.01), "other", "Kestrian")

    vuln_p = VULNERABLE_SHARE * np.where(np.isin(frame["employment"].to_numpy(), ["unemployed", "inactive"]), 3.0, 0.5)
    vulnerable = (age >= 18) & (age <= 64) & (rng.random(n) < vuln_p * np.where(female, 0.7, 1.3))

    adult = age >= 16
    tax_ref = np.full(n, None, dtype=object)
    tax_ref[adult] = _tax_refs(rng, int(adult.sum()))

    out = frame.copy()
    out["given_name"] = given
    out["surname"] = surname
    out["birth_surname"] = birth_surname
    out["birth_date"] = _birth_dates(rng, age)
    out["postcode"] = postcode[hh]
    out["address"] = address[hh]
    out["moved"] = moved[hh]
    out["previous_postcode"] = prev_postcode[hh]
    out["previous_address"] = prev_address[hh]
    out["second_nationality"] = second[hh]
    out["home_language"] = language[hh]
    out["vulnerable"] = vulnerable
    out["tax_ref"] = tax_ref
    return out
