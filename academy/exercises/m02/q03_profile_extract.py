"""Module 02, exercise 3 — a catalogue entry for an extract: `profile_extract(frame, name, key, date_column)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong


def made_up_extract() -> pd.DataFrame:
    return pd.DataFrame({
        "ref": ["r1", "r2", "r3", "r4", "r5", "r6"],
        "person": ["p1", "p2", "p2", None, "p4", "p5"],
        "visits": pd.array([2, None, 5, 1, 0, 3], dtype="Int64"),
        "score": [0.5, np.nan, 1.5, 2.0, np.nan, np.nan],
        "active": [True, False, True, True, False, True],
        "seen": pd.to_datetime(["2023-01-05", None, "2022-12-31", "2023-03-01", "2022-11-15", None]),
        "area": ["n", "s", None, "e", "w", "n"],
    }, index=[11, 12, 13, 14, 15, 16])


CASE = (made_up_extract(), "made_up", "ref", "seen")


def _shape(func):
    frame = made_up_extract()
    entry = func(frame.copy(), "made_up", "ref", "seen")
    if not isinstance(entry, dict):
        raise Wrong(f"`profile_extract` should return a dict, not a {type(entry).__name__}.")
    for part in ["name", "profile", "stats", "schema", "keyUnique", "temporal"]:
        if part not in entry:
            raise Wrong(f"The entry has no {part!r} key: follow the shape in the prompt exactly.")
    if entry["name"] != "made_up" or entry["profile"] != "tabular-data-resource":
        raise Wrong("`name` should be the name you are given, and `profile` the text 'tabular-data-resource'.")
    if not isinstance(entry["stats"], dict) or entry["stats"].get("rows") != len(frame):
        raise Wrong("`stats` should be a dict whose 'rows' is the number of rows of the frame.")
    schema = entry["schema"]
    if not isinstance(schema, dict) or "fields" not in schema or "primaryKey" not in schema:
        raise Wrong("`schema` should be a dict with 'fields' and 'primaryKey'.")
    if schema["primaryKey"] != "ref":
        raise Wrong("The schema's primaryKey should be the key column's name.")
    if [f.get("name") for f in schema["fields"]] != list(frame.columns):
        raise Wrong("The schema's fields should hold one dict per column, in the frame's column order, each with its 'name'.")
    temporal = entry["temporal"]
    if not isinstance(temporal, dict) or set(temporal) != {"startDate", "endDate"}:
        raise Wrong("`temporal` should be a dict with exactly 'startDate' and 'endDate'.")
    if not all(isinstance(v, str) for v in temporal.values()):
        raise Wrong("`startDate` and `endDate` should be text in the form 'YYYY-MM-DD', not dates or timestamps.")
    if not isinstance(entry["keyUnique"], (bool, np.bool_)):
        raise Wrong("`keyUnique` should be True or False.")


def _field(column, part):
    def pick(entry):
        return next(f.get(part) for f in entry["schema"]["fields"] if f.get("name") == column)
    return pick


def _type(column):
    dtype = made_up_extract()[column].dtype
    return Calls("profile_extract", CASE, key=f"type_{column}", transform=lambda e: str(_field(column, "type")(e)),
                 message=f"On a made-up frame, the type of column {column!r} (dtype {dtype}) is not right: each "
                         "field's type is the word the given `field_type` gives for that column.")


def _null_rates(entry):
    return [float(f.get("nullRate", float("nan"))) for f in entry["schema"]["fields"]]


def _unique(key):
    return Calls("profile_extract", (made_up_extract(), "made_up", key, "seen"), key=f"unique_{key}",
                 transform=lambda e: bool(e["keyUnique"]),
                 message=f"`keyUnique` is not right for the key {key!r}: a key is unique only when it has no missing "
                         "value and no repeat.")


exercise = Exercise(
    id="ex02_03",
    name="profile_extract",
    title="A catalogue entry for an extract",
    names=("profile_extract",),
    checks=[
        IsA("profile_extract", "function"),
        Behaves("profile_extract", _shape),
        *[_type(column) for column in made_up_extract().columns],
        Calls("profile_extract", CASE, key="null_rates", transform=_null_rates,
              message=lambda rates: ("`nullRate` should be a share between 0 and 1, not a count or a percentage."
                                     if any(r > 1 for r in rates if r == r)
                                     else "Some `nullRate` values are not the share of missing values in their column."),
              mistakes={"wrong-null-counts": "`nullRate` should be a share between 0 and 1, not a count or a percentage."}),
        *[_unique(key) for key in ["ref", "person", "visits"]],
        Calls("profile_extract", CASE, key="temporal",
              transform=lambda e: [str(e["temporal"]["startDate"]), str(e["temporal"]["endDate"])],
              message="`temporal` should hold the earliest and latest date in the date column (missing dates "
                      "ignored), as 'YYYY-MM-DD'."),
    ],
    hints=[
        "Build the dict piece by piece, following the shape in the prompt. Every number comes from the frame you are given.",
        "The given `field_type(frame[column])` gives each field's type word; `series.isna().mean()` is the share missing. Build the list of fields with one loop over `frame.columns`.",
        "The key is unique when `notna().all()` holds and `duplicated().any()` does not. For the dates, drop missing values, take `min()` and `max()`, and format each with `strftime('%Y-%m-%d')`.",
    ],
)
