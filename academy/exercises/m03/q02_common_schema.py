"""Module 03, exercise 2 — a pandera schema for the common model: `common_schema`.

Every pattern rule is tested at both ends (text before, text after)."""

import pandas as pd

from academy.exercises.checks import Behaves, Has
from academy.exercises.core import Exercise, Wrong

def _schema_frame(**changes):
    base = {"record_id": ["r1", "r2"], "given_name": ["NIA", "LEO"], "family_name": ["ADEYEMI", "LE ROUX"],
            "birth_date": pd.to_datetime(["1990-06-01", None]), "sex": ["F", "M"],
            "postcode": ["KT71AA", None], "tax_ref": [None, "KT424242B"]}
    base.update(changes)
    made_up = pd.DataFrame(base)
    return made_up


def _schema_test(schema):
    import pandera.pandas as pa

    if not hasattr(schema, "validate"):
        raise Wrong("`common_schema` should be a `pa.DataFrameSchema`.")

    refused = (pa.errors.SchemaError, pa.errors.SchemaErrors)

    def valid(table):
        try:
            schema.validate(table, lazy=True)
        except refused:
            return False
        return True

    if not valid(_schema_frame()):
        raise Wrong("`common_schema` refuses a valid table. Does it fix a dtype for text columns, or refuse missing values where they are allowed?")
    text = ["record_id", "given_name", "family_name", "sex", "postcode", "tax_ref"]
    if not valid(_schema_frame().astype({c: "string" for c in text})):
        raise Wrong("`common_schema` refuses a valid table whose text columns have the `string` dtype: do not fix the dtype of text columns.")
    rules = [
        ("two rows with the same record_id", _schema_frame(record_id=["r1", "r1"]), "record_id must be unique."),
        ("a missing record_id", _schema_frame(record_id=["r1", None]), "record_id may never be missing."),
        ("a lower-case letter in a given name", _schema_frame(given_name=["Nia", "LEO"]),
         "given_name needs the upper-case rule too, not only family_name."),
        ("a lower-case letter in a family name", _schema_frame(family_name=["Adeyemi", "LE ROUX"]),
         "family_name must equal its own upper-case form."),
        ("a missing given name", _schema_frame(given_name=[None, "LEO"]), "given_name may never be missing."),
        ("a missing family name", _schema_frame(family_name=["ADEYEMI", None]), "family_name may never be missing."),
        ("a birth date written as text", _schema_frame(birth_date=["sometime in June", None]),
         "birth_date must be a datetime column: the rule has to say which dtype the column has."),
        ("sex coded 1", _schema_frame(sex=["F", "1"]), "sex must be one of 'F' and 'M'."),
        ("a missing sex", _schema_frame(sex=["F", None]), "sex may never be missing."),
        ("a postcode with a space", _schema_frame(postcode=["KT7 1AA", None]), "postcodes hold letters and digits only."),
        ("a tax reference with a letter among its digits", _schema_frame(tax_ref=[None, "KT42x242B"]),
         "the tax reference has exactly six digits after KT."),
        ("a tax reference with seven digits", _schema_frame(tax_ref=[None, "KT4242420B"]),
         "the tax reference has exactly six digits after KT."),
        ("a tax reference with two letters at the end", _schema_frame(tax_ref=[None, "KT424242BX"]),
         "the rule must hold up to the end of the text: a valid tax reference followed by more characters is not valid."),
        ("a tax reference with text before it", _schema_frame(tax_ref=[None, "XKT424242B"]),
         "the rule must hold from the start of the text: characters before KT make the tax reference invalid."),
        ("a tax reference ending in a lower-case letter", _schema_frame(tax_ref=[None, "KT424242b"]),
         "the last character is one **capital** letter; a lower-case letter is not allowed there."),
    ]
    for what, frame, why in rules:
        if valid(frame):
            raise Wrong(f"`common_schema` accepts {what}: {why}")
    return


exercise = Exercise(
    id="ex03_02",
    name="common_schema",
    title="A schema for the common model",
    names=("common_schema",),
    checks=[Has("common_schema", lambda s: hasattr(s, "validate"), "`common_schema` should be a `pa.DataFrameSchema`."),
            Behaves("common_schema", _schema_test)],
    hints=[
        "Copy the style of the three given columns: one `pa.Column(...)` per column; `nullable=` says whether missing values are allowed.",
        "A custom `pa.Check(lambda s: ...)` can compare a whole column with its upper-case form; a dtype such as `pa.DateTime` "
        "as the first argument of `pa.Column` fixes birth_date's type; `pa.Check.str_matches(regex)` tests tax_ref.",
        "For tax_ref anchor the pattern at both ends: `^` + KT + six digits (`\\d{6}`) + one capital letter + `$`.",
    ],
)
