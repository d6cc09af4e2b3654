"""Module 03, exercise 1 — one common model for two agencies: `to_common(frame, source)`.

The made-up tables carry every column of the course tables, so that an answer written for the
notebook's tables runs on them too."""

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up

COMMON = ["record_id", "given_name", "family_name", "birth_date", "sex", "postcode", "tax_ref"]

def _to_common_skills(func):
    frame = pd.DataFrame({
        "learner_ref": ["P7-002", "P7-001"], "provider_id": ["P7", "P7"], "uln": ["9", "8"],
        "given_name": ["  Priya", "Tom "], "family_name": ["McBride", " de Souza"],
        "birth_date": pd.to_datetime(["1998-05-06", "2002-11-30"]), "sex": pd.array([2, 1], dtype="Int64"),
        "postcode": ["kt4 9xy", "KT210 3AB"], "tax_ref": [" kt765432c", None], "account_id": ["LA1", "LA2"],
        "standard": ["ST0001", "ST0002"], "start_date": pd.to_datetime(["2022-09-01", "2023-01-09"]),
        "planned_hours": pd.array([400, 300], dtype="Int64")})
    before = frame.copy()
    got = call_on_made_up(func, "to_common", frame, "skills")
    if not frame.equals(before):
        raise Wrong("`to_common` changed the table it was given; work on a copy (or build a new table).")
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`to_common` should return a DataFrame, not a {type(got).__name__}.")
    if sorted(map(str, got.columns)) != sorted(COMMON):
        raise Wrong(f"`to_common` should return exactly the columns {COMMON}; it returned {list(map(str, got.columns))}.")
    if len(got) != len(frame):
        raise Wrong("`to_common` should return one row per input row.")
    got = pd.DataFrame(got).reset_index(drop=True)
    if list(got["record_id"]) == ["P7-001", "P7-002"]:
        raise Wrong("The rows come back sorted by record_id: keep them in the order of the input table (do not sort).")
    if list(got["record_id"]) != ["P7-002", "P7-001"]:
        raise Wrong("For the skills agency, `record_id` is the `learner_ref`, rows in the input order.")
    if list(got["sex"].astype(str)) != ["F", "M"]:
        raise Wrong("Sex is not translated right: the skills agency codes 1 for male and 2 for female; the common model uses 'M' and 'F'.")
    if list(got["given_name"]) != ["PRIYA", "TOM"] or list(got["family_name"]) != ["MCBRIDE", "DE SOUZA"]:
        raise Wrong("Names should be in capitals with the spaces at either end removed (spaces inside a name stay).")
    if list(got["postcode"]) != ["KT49XY", "KT2103AB"]:
        raise Wrong("Postcodes should be in capitals with every space removed.")
    if got["tax_ref"][0] != "KT765432C" or not pd.isna(got["tax_ref"][1]):
        raise Wrong("tax_ref should be in capitals and stripped; a missing tax reference stays missing (not the text 'NONE' or 'NAN').")
    if not pd.api.types.is_datetime64_any_dtype(got["birth_date"]):
        raise Wrong("birth_date should be a datetime column.")
    return


def _to_common_revenue(func):
    frame = pd.DataFrame({
        "employment_id": ["E77"], "employer_ref": ["123/AB45678"], "tax_ref": ["KT100200A"], "surname": ["NOWAK "],
        "forenames": ["Zofia"], "birth_date": pd.to_datetime(["1985-02-02"]), "sex": ["F"], "postcode": ["KT33 1QQ"],
        "start_date": pd.to_datetime(["2020-04-01"]), "end_date": pd.to_datetime([None]),
        "hours_per_week": pd.array([37], dtype="Int64"), "annual_pay": pd.array([31000], dtype="Int64")})
    got = call_on_made_up(func, "to_common", frame, "revenue")
    if not isinstance(got, pd.DataFrame) or sorted(map(str, got.columns)) != sorted(COMMON):
        raise Wrong(f"For Revenue too, `to_common` should return exactly the columns {COMMON}.")
    row = got.reset_index(drop=True).iloc[0]
    if row["record_id"] != "E77":
        raise Wrong("For Revenue, `record_id` is the `employment_id`.")
    if (row["given_name"], row["family_name"]) != ("ZOFIA", "NOWAK"):
        raise Wrong("For Revenue, `given_name` comes from `forenames` and `family_name` from `surname`, in capitals and stripped.")
    if (row["sex"], row["postcode"], row["tax_ref"]) != ("F", "KT331QQ", "KT100200A"):
        raise Wrong("For Revenue, sex is already F/M; postcode loses its spaces; tax_ref is kept.")
    try:
        func(frame, "police")
    except ValueError:
        return
    except Exception as error:
        raise Wrong(f"For an unknown source, raise ValueError (yours raised {type(error).__name__}).")
    raise Wrong("For an unknown source (say 'police'), `to_common` should raise a ValueError.")


exercise = Exercise(
    id="ex03_01",
    name="to_common",
    title="Two agencies, one common model",
    names=("to_common",),
    checks=[IsA("to_common", "function"), Behaves("to_common", _to_common_skills), Behaves("to_common", _to_common_revenue)],
    hints=[
        "Two steps: rename each agency's columns to the common names, then make every column follow the common format.",
        "A dict from old to new column names per source does the renaming; `.map({1: ..., 2: ...})` translates a code list; "
        "`.str.strip().str.upper()` and `.str.replace(' ', '')` do the formats.",
        "Select the seven source columns, rename them, map sex for skills only, then strip and upper-case the text columns and "
        "remove the spaces from postcodes. Raise ValueError in an `else:` branch.",
    ],
)
