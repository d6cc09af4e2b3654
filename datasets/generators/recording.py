"""Recording errors clerks make, applied per agency at that agency's own rates.

Each function returns a new array; `rate` is the share of records affected. Errors are what make
linkage across agencies hard: exact joins on name and birth date miss the affected records.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators import names

LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _pick(rng, n, rate):
    return np.flatnonzero(rng.random(n) < rate)


def typos(rng, values, rate):
    """One slip per affected value: swap two neighbours, drop, double or replace a letter."""
    out = np.asarray(values, dtype=object).copy()
    for i in _pick(rng, len(out), rate):  # a loop over the few affected rows only
        s = out[i]
        if not isinstance(s, str) or len(s) < 3:
            continue
        j, kind = int(rng.integers(1, len(s) - 1)), int(rng.integers(0, 4))
        if kind == 0:
            s = s[:j] + s[j + 1] + s[j] + s[j + 2:]
        elif kind == 1:
            s = s[:j] + s[j + 1:]
        elif kind == 2:
            s = s[:j] + s[j] + s[j:]
        else:
            letter = LETTERS[rng.integers(0, 26)]
            s = s[:j] + (letter.upper() if s[j].isupper() else letter) + s[j + 1:]
        out[i] = s
    return out


def nicknames(rng, given, rate):
    out = np.asarray(given, dtype=object).copy()
    short = pd.Series(out).map(names.NICKNAMES).to_numpy(dtype=object)
    hit = (rng.random(len(out)) < rate) & pd.notna(short)
    out[hit] = short[hit]
    return out


def transpose_dates(rng, dates, rate):
    """Day and month swapped (1985-03-07 recorded as 1985-07-03); only where that is a valid date."""
    d = pd.DatetimeIndex(dates)
    hit = (rng.random(len(d)) < rate) & (d.day <= 12) & (d.day != d.month)
    swapped = pd.to_datetime(pd.DataFrame({"year": d.year, "month": np.where(hit, d.day, d.month),
                                            "day": np.where(hit, d.month, d.day)}))
    return swapped.to_numpy().astype("datetime64[D]")


def blank(rng, values, rate):
    out = pd.Series(values).copy()
    out[rng.random(len(out)) < rate] = None
    return out


def other_surname(rng, surname, birth_surname, rate):
    """The surname before (or after) a marriage: only differs for those whose surname changed."""
    return np.where(rng.random(len(surname)) < rate, birth_surname, surname)


def stale_address(rng, pop, rate, columns=("postcode", "address")):
    """Old address for some of those who moved: the agency was never told."""
    old = pop["moved"].to_numpy() & (rng.random(len(pop)) < rate)
    return [np.where(old, pop["previous_" + c].to_numpy(dtype=object), pop[c].to_numpy(dtype=object)) for c in columns]
