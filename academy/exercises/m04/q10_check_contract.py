"""Module 04, exercise 10 — check a delivery against its contract: `check_contract(frame, contract, as_of)`."""

import copy

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.calling import is_str_list


_CONTRACT = {
    "columns": {"ref": "string", "when": "date", "value": "number", "count": "number"},
    "freshness": {"column": "when", "max_age_days": 10},
    "completeness": {"ref": 1.0, "value": 0.5},
}


def _delivery():
    return pd.DataFrame({
        "ref": pd.array(["a", "b", "c", "d"], dtype="string"),
        "when": pd.to_datetime(["2024-03-01", "2024-03-12", "2024-03-05", "2024-03-02"]),
        "value": [1.5, np.nan, 2.5, 4.0],
        "count": pd.array([1, 2, 3, 4], dtype="Int64"),
        "flag": [True, False, True, True],
    })


def _contract_test(func):
    cases = [
        (_delivery(), "2024-03-20", [], "a delivery that meets every clause (extra columns are allowed; Int64 is a number; "
         "pandas string dtype counts as a string, as does object)"),
        (_delivery(), "2024-03-23", ["freshness"], "a delivery whose newest date is 11 days before `as_of` with a limit of 10"),
        (_delivery(), "2024-03-22", [], "a delivery whose newest date is exactly 10 days old (still fresh)"),
        (_delivery().assign(value=[np.nan, np.nan, np.nan, 4.0]), "2024-03-20", ["completeness"],
         "a delivery where only a quarter of `value` is filled in (threshold 0.5)"),
        (_delivery().assign(ref=pd.array(["a", None, "c", "d"], dtype="string")), "2024-03-20", ["completeness"],
         "a delivery with one missing `ref` (threshold 1.0)"),
        (_delivery().assign(count=["1", "2", "3", "4"]), "2024-03-20", ["schema"], "a delivery where `count` arrives as text"),
        (_delivery().assign(count=[True, False, True, False]), "2024-03-20", ["schema"], "a delivery where `count` is boolean"),
        (_delivery().drop(columns="value"), "2024-03-20", ["completeness", "schema"], "a delivery without the `value` column"),
        (_delivery().drop(columns="when"), "2024-03-20", ["freshness", "schema"], "a delivery without the date column"),
    ]
    for frame, as_of, want, about in cases:
        try:
            out = func(frame, copy.deepcopy(_CONTRACT), as_of)
        except KeyError as error:
            raise Wrong(f"For {about}, `check_contract` raised KeyError: {error} (a column in the contract is missing "
                    "from the delivery). A missing column is not an error of your program but a broken clause: every "
                    "clause that uses the column is broken, and the others are still judged.")
        if out is None:
            raise Wrong("`check_contract` returned None. Did you forget `return`?")
        if not is_str_list(out):
            raise Wrong("`check_contract` should return a list of clause names (strings).")
        if list(out) != want:
            if sorted(set(out)) == want:
                raise Wrong("Name each broken clause once, in a sorted list.")
            raise Wrong(f"For {about}, the broken clauses are not right.")
    return


exercise = Exercise(
    id="ex04_10",
    name="check_contract",
    title="Check a delivery against its contract",
    names=("check_contract",),
    checks=[IsA("check_contract", "function"), Behaves("check_contract", _contract_test)],
    hints=[
        "Three independent checks, each adding its clause name to a set; return the set sorted.",
        "`pd.api.types.is_string_dtype`, `is_object_dtype`, `is_datetime64_any_dtype`, `is_numeric_dtype` and `is_bool_dtype` test a column's kind. "
        "`frame[col].notna().mean()` is the share filled in.",
        "For freshness, compare the newest date with `pd.Timestamp(as_of) - pd.Timedelta(days=max_age_days)`; a missing column or no dates at all also breaks it.",
    ],
)
