"""Module 02, exercise 5 — the learner records' quality rules as a pandera schema: `learner_schema`.

Every pattern rule is tried at both ends (a character too many after, and one before, a valid value).
"""

import pandas as pd

from academy.exercises.checks import Has
from academy.exercises.core import Exercise, Wrong


def _schema_type(value) -> bool:
    import pandera.pandas as pa

    return isinstance(value, pa.DataFrameSchema)


def _fails(schema, table) -> bool:
    import pandera.pandas as pa

    rejected = (pa.errors.SchemaErrors, pa.errors.SchemaError)
    try:
        schema.validate(table, lazy=True)
    except rejected:
        return True
    return False


def _learner_sample() -> pd.DataFrame:
    from academy import data

    return data.load("skills_learners").iloc[40:52].copy()


def _schema_rules(values, salt):
    schema = values["learner_schema"]
    base = _learner_sample()
    base.loc[base.index[0], "tax_ref"] = pd.NA
    if _fails(schema, base):
        raise Wrong("`learner_schema` rejects twelve learner records that obey every rule (one of them without a "
                    "tax_ref, which is allowed). Is each rule exactly as in the table, and `tax_ref` nullable?")
    trials = [
        ("sex", 3, "sex coded 3"),
        ("uln", "400003085", "a uln of 9 digits"),
        ("postcode", "KT12 AB3", "a postcode in the wrong shape"),
        ("postcode", "KT1234 5AB", "a postcode with four digits after KT"),
        ("postcode", "KT12 3ABC", "a postcode with a letter too many at the end"),
        ("postcode", "KT12 3AB 9", "a postcode with something after it"),
        ("postcode", "XKT12 3AB", "a postcode with a letter before KT"),
        ("uln", "12345678901", "a uln of 11 digits"),
        ("uln", "X1234567890", "a uln with a letter before its digits"),
        ("tax_ref", "XKT123456A", "a tax_ref with a letter before KT"),
        ("postcode", "KT12 3ab", "a postcode ending in small letters"),
        ("postcode", pd.NA, "no postcode (a column not marked 'may be missing' must not be missing)"),
        ("tax_ref", "KT12345678", "a tax_ref without its final letter"),
        ("tax_ref", "KT123456AB", "a tax_ref with a character too many at the end"),
        ("planned_hours", 1501, "1,501 planned hours"),
        ("planned_hours", 0, "0 planned hours"),
        ("start_date", pd.Timestamp("2022-03-01"), "a start date before the tax year"),
        ("start_date", pd.Timestamp("2023-04-06"), "a start date after the tax year"),
        ("birth_date", pd.NaT, "no birth date"),
    ]
    for column, value, what in trials:
        bad = base.copy()
        bad.loc[bad.index[3], column] = value
        if not _fails(schema, bad):
            tip = (" `str_matches` anchors only at the start of the value (like `re.match`), so a pattern that is "
                   "open at its end accepts anything after a matching beginning. The pattern has to describe the "
                   "whole value, with exactly the characters and counts the rule names."
                   if column in ("tax_ref", "uln", "postcode") and not pd.isna(value) else "")
            raise Wrong(f"`learner_schema` accepts a record with {what}. Check the rule for `{column}`.{tip}")
    twin = base.copy()
    twin.loc[twin.index[5], "learner_ref"] = twin.loc[twin.index[6], "learner_ref"]
    if not _fails(schema, twin):
        raise Wrong("`learner_schema` accepts two records with the same learner_ref.")
    young = base.copy()
    young.loc[young.index[2], "birth_date"] = pd.Timestamp("2008-06-01")
    young.loc[young.index[2], "start_date"] = pd.Timestamp("2022-05-01")
    if not _fails(schema, young):
        raise Wrong("`learner_schema` accepts a learner aged 13 at the start: add the check on the whole frame.")
    nearly = base.copy()
    nearly.loc[nearly.index[2], "birth_date"] = pd.Timestamp("2007-05-20")
    nearly.loc[nearly.index[2], "start_date"] = pd.Timestamp("2022-05-17")
    if not _fails(schema, nearly):
        raise Wrong("`learner_schema` accepts a learner who starts three days before their 15th birthday. Counting "
                    "15 × 365 days forgets leap years: the rule counts 15 calendar years.")
    edge = base.copy()
    edge.loc[edge.index[1], "start_date"] = pd.Timestamp("2022-04-06")
    edge.loc[edge.index[2], "planned_hours"] = 1
    edge.loc[edge.index[4], "start_date"] = pd.Timestamp("2023-04-05")
    if _fails(schema, edge):
        raise Wrong("`learner_schema` rejects a value on the edge of a range: both ends of each range are allowed.")
    birthday = base.copy()
    birthday.loc[birthday.index[2], "birth_date"] = pd.Timestamp("2007-05-20")
    birthday.loc[birthday.index[2], "start_date"] = pd.Timestamp("2022-05-20")
    if _fails(schema, birthday):
        raise Wrong("`learner_schema` rejects a learner who starts on their 15th birthday: the rule is "
                    "birth date + 15 years **≤** start date, so that day is allowed.")


exercise = Exercise(
    id="ex02_05",
    name="learner_schema",
    title="The learner records' quality rules as a schema",
    names=("learner_schema",),
    checks=[
        Has("learner_schema", _schema_type, "`learner_schema` should be a pandera DataFrameSchema (`pa.DataFrameSchema`)."),
        _schema_rules,
    ],
    hints=[
        "Start from `given_columns` (`{**given_columns, ...}`) and add one `pa.Column(...)` per remaining row of the table, with `nullable=` where the rule says so and the checks in `checks=`.",
        "Regular expressions: `str_matches` anchors only at the start, so `^` and `$` are needed to describe the whole value; `\\d{10}` is ten digits, `[A-D]` one letter from A to D, `[A-Z]{2}` two capitals. Ranges of dates take `pd.Timestamp(...)` ends.",
        "The age rule compares two columns, so it goes in the schema's own `checks=[pa.Check(lambda df: ...)]`, returning True for every row where birth date plus `pd.DateOffset(years=15)` is on or before the start date.",
    ],
)
