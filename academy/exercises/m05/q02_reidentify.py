"""Module 05, exercise 2 — the linkage attack: `reidentify(extract, register, keys)` (a DataFrame)."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import run

# Two women born in 1980 share KT1 1AA on the register (ambiguous); KT4 0DD is not on it at all.
REGISTER = pd.DataFrame({
    "elector_id": ["R1", "R2", "R3", "R4", "R5"],
    "full_name": ["Ava Hill", "Ben Hill", "Cara Moss", "Dan Reed", "Eve Reed"],
    "postcode": ["KT1 1AA", "KT1 1AA", "KT1 1AA", "KT2 4BB", "KT3 9CC"],
    "birth_year": [1980, 1980, 1991, 1975, 1960],
    "sex": ["F", "F", "M", "M", "F"],
})
EXTRACT = pd.DataFrame({
    "postcode": ["KT1 1AA", "KT1 1AA", "KT2 4BB", "KT4 0DD"],
    "birth_year": [1980, 1991, 1975, 1999],
    "sex": ["F", "M", "M", "F"],
    "disability": [True, False, True, False],
})
KEYS = ["postcode", "birth_year", "sex"]
_AMBIGUOUS = {"Ava Hill", "Ben Hill"}


def _shape(func):
    register, extract = REGISTER.copy(), EXTRACT.copy()
    got = run(func, "reidentify", extract, register, list(KEYS))
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`reidentify` should return a DataFrame, not a {type(got).__name__}.")
    if not (register.equals(REGISTER) and extract.equals(EXTRACT)):
        raise Wrong("`reidentify` changed the tables it was given; work on copies.")
    if "full_name" not in got.columns:
        raise Wrong("The result needs the register's `full_name` column: that is what the attacker gains.")
    if not set(EXTRACT.columns) <= set(got.columns):
        raise Wrong("Keep the extract's columns in the result: they are what the attacker learns about each person.")
    extra = sorted(set(map(str, got.columns)) - set(EXTRACT.columns) - {"full_name"})
    if extra:
        raise Wrong(f"The result also carries {extra}. The prompt asks for the extract's columns plus `full_name` "
                    "only: which of the register's columns does the attacker need to bring along?")
    if got["full_name"].isna().any():
        raise Wrong("Rows with no match in the register are kept (their `full_name` is missing). The attacker "
                    "learns nothing about them, so they do not belong in the result.")
    names = [str(n) for n in got["full_name"]]
    if _AMBIGUOUS & set(names) or len(set(names)) < len(names):
        raise Wrong("Some rows match two register entries (two women born the same year at the same postcode), "
                    "and you kept them. The attacker cannot tell which of the two it is: keep only keys that "
                    "occur once in the register.")


exercise = Exercise(
    id="ex05_02",
    name="reidentify",
    title="The linkage attack",
    names=("reidentify",),
    checks=[
        IsA("reidentify", "function"),
        Behaves("reidentify", _shape),
        Calls("reidentify", (EXTRACT, REGISTER, KEYS), key="names", transform=lambda got: sorted(map(str, got["full_name"])),
              message="The rows kept or the names attached are not right. Keep the extract rows that match exactly "
                      "one register entry."),
    ],
    hints=[
        "Two steps: find the register entries whose keys occur only once in the register, then join the extract to them.",
        "Count register rows per combination of `keys` (`groupby(keys)...transform('size')`) and keep those with count 1.",
        "Merge the extract with those register rows (only `keys` and `full_name`) on `keys`, keeping only matches (`how='inner'`).",
    ],
)
