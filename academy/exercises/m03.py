"""Module 03 — Interoperability and record linkage: one exercise object per exercise (``ex.q1`` … ``ex.q15``).

Checks hold salted fingerprints of expected values (never the values); functions are tested on
small made-up inputs built here. Exercises 16 and 17 are written answers marked by a tutor.
"""

from __future__ import annotations

import copy
import math
import re

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Has, IsA, call_learner
from academy.exercises.core import Exercise, NotAttempted, Wrong, quiet
from academy.exercises.fingerprints import matches

__all__ = ["quiet"] + [f"q{i}" for i in range(1, 16)]

COMMON = ["record_id", "given_name", "family_name", "birth_date", "sex", "postcode", "tax_ref"]
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


# ----------------------------------------------------------------------------- made-up cases
def case_link():
    left = pd.DataFrame({"record_id": ["a1", "a2", "a3", "a4"],
                         "family_name": ["OKAFOR", "OKAFOR", None, "BELL"],
                         "birth_date": pd.to_datetime(["1999-03-04", "1999-03-04", "2000-01-01", None]),
                         "sex": ["F", "M", "M", "F"]})
    right = pd.DataFrame({"record_id": ["b1", "b2", "b3", "b4"],
                          "family_name": ["OKAFOR", "OKAFOR", None, "BELL"],
                          "birth_date": pd.to_datetime(["1999-03-04", "1999-04-03", "2000-01-01", None]),
                          "sex": ["F", "M", "M", "F"]})
    return left, right, ["family_name", "birth_date"]


def case_truth():
    return pd.DataFrame({"left_id": ["s1", "s2", "s3", "s4", "s5"], "right_id": ["KT1", "KT2", "KT3", "KT4", "KT5"]})


def case_links():
    return pd.DataFrame({"left_id": ["s1", "s2", "s2", "s3", "s9", "s1", "s8"],
                         "right_id": ["KT1", "KT2", "KT7", "KT6", "KT9", "KT1", "KT8"]})


def case_blocks():
    left = pd.DataFrame({"record_id": list("abcdefg"), "sex": ["F", "F", "M", None, "F", "M", "M"]})
    right = pd.DataFrame({"record_id": list("tuvwxyz"), "sex": ["F", "M", "M", "M", None, None, "F"]})
    return left, right, ["sex"]


def case_blocks_two():
    left = pd.DataFrame({"record_id": list("abcdefg"), "sex": ["F", "F", "M", "M", "F", None, "M"],
                         "year": [1990, 1991, 1990, 1990, None, 1990, 1992]})
    right = pd.DataFrame({"record_id": list("tuvwxyz"), "sex": ["F", "F", "M", "M", "F", "M", None],
                          "year": [1990, 1990, 1990, 1991, 1991, None, 1990]})
    return left, right, ["sex", "year"]


def case_scored():
    return pd.DataFrame({"left_id": ["s1", "s1", "s2", "s3", "s4", "s9"],
                         "right_id": ["KT1", "KT8", "KT2", "KT6", "KT4", "KT9"],
                         "match_probability": [0.97, 0.55, 0.9, 0.95, 0.5, 0.999]})


def case_claims():
    # x, y: one person, two providers, in January and in February; z, w: one person, one provider;
    # v, s: one person, two providers, but in different months; u, t: not linked (no person).
    claims = pd.DataFrame({"claim_id": ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10"],
                           "learner_ref": ["x", "y", "x", "y", "z", "w", "v", "u", "t", "s"],
                           "provider_id": ["P1", "P2", "P1", "P2", "P1", "P1", "P3", "P3", "P2", "P1"],
                           "month": pd.to_datetime(["2023-01-01", "2023-01-01", "2023-02-01", "2023-02-01", "2023-03-01",
                                                    "2023-03-01", "2023-03-01", "2023-03-01", "2023-03-01", "2023-01-01"]),
                           "training_hours": [4, 4, 4, 4, 6, 6, 2, 2, 3, 5],
                           "amount": [60.0, 60, 60, 60, 90, 90, 30, 30, 45, 75]})
    links = pd.DataFrame({"left_id": ["x", "y", "z", "w", "v", "s"], "right_id": ["KT1", "KT1", "KT2", "KT2", "KT3", "KT3"]})
    return claims, links


def case_groups():
    # Not in the order of case_truth, and with a learner (s7) who is not in truth.
    return pd.Series({"s5": "same", "s3": "changed", "s1": "same", "s7": "other", "s4": "changed", "s2": "same"})


def _pair_set(frame):
    return {f"{l}|{r}" for l, r in zip(frame["left_id"], frame["right_id"])}


# Fingerprints made with academy.exercises.fingerprints.fingerprint(value, salt=<exercise id>, step=...)
# from the reference solution on the cases above.
_FP = {'ex03_05': {'d': 'fb173a48d18e5e4113650650', 'kind': 'set', 'size': 2},
 'ex03_06': {'items': [{'d': '56240fd2eab6b96243566b2f', 'kind': 'number', 'step': 1e-06},
                       {'d': '6aa9230db2fb3aca8204e731', 'kind': 'number', 'step': 1e-06}],
             'kind': 'sequence'},
 'ex03_06_duplicates': {'items': [{'d': '5e4e1a4929be1bd10eb0c382', 'kind': 'number', 'step': 1e-06},
                                  {'d': '5e4e1a4929be1bd10eb0c382', 'kind': 'number', 'step': 1e-06}],
                        'kind': 'sequence'},
 'ex03_06_swapped': {'items': [{'d': '6aa9230db2fb3aca8204e731', 'kind': 'number', 'step': 1e-06},
                               {'d': '56240fd2eab6b96243566b2f', 'kind': 'number', 'step': 1e-06}],
                     'kind': 'sequence'},
 'ex03_06_unlabelled': {'items': [{'d': '7787830143c47c8d224c0867', 'kind': 'number', 'step': 1e-06},
                                  {'d': '6aa9230db2fb3aca8204e731', 'kind': 'number', 'step': 1e-06}],
                        'kind': 'sequence'},
 'ex03_07': {'d': '0fcd57a87bbc4b1d06f6e5cb', 'kind': 'number', 'step': 0.5},
 'ex03_07_missing': {'d': '82122bf472067eae6c39937f', 'kind': 'number', 'step': 0.5},
 'ex03_07_sum': {'d': '51e193d0c6c9601b5fded26d', 'kind': 'number', 'step': 0.5},
 'ex03_07_two': {'d': 'e05bed784a8bb3b6298f5b0d', 'kind': 'number', 'step': 0.5},
 'ex03_07_two_first': {'d': 'd64da21f2d3741e678178cb6', 'kind': 'number', 'step': 0.5},
 'ex03_09': {'items': [{'d': '93776a64c740cabd270efead', 'kind': 'number', 'step': 1e-06},
                       {'d': '8a3c0562986f2bd2bdbbd94b', 'kind': 'number', 'step': 1e-06}],
             'kind': 'sequence'},
 'ex03_09_flipped': {'items': [{'d': '269f7bfc05c653aef3ae2f7e', 'kind': 'number', 'step': 1e-06},
                               {'d': 'ddec668f12127c6dcb24b4cc', 'kind': 'number', 'step': 1e-06}],
                     'kind': 'sequence'},
 'ex03_09_ln': {'items': [{'d': '0dd3f095f8d33184908ae123', 'kind': 'number', 'step': 1e-06},
                          {'d': '4701b7b1a29e7dc20db237fc', 'kind': 'number', 'step': 1e-06}],
                'kind': 'sequence'},
 'ex03_10': {'d': '77d8082fdd53b20ab63c7597', 'kind': 'number', 'step': 1e-06},
 'ex03_10_none': {'d': '84c10379d6e2cabdf4378ee4', 'kind': 'number', 'step': 1e-06},
 'ex03_10_noprior': {'d': 'cc314bd29a67ba2ee921507a', 'kind': 'number', 'step': 1e-06},
 'ex03_10_weight': {'d': 'a646c0cee4e27972a7f81b48', 'kind': 'number', 'step': 1e-06},
 'ex03_11': {'items': [{'d': '334bf9173f3cde7bbc4a74fb', 'kind': 'number', 'step': 1e-06},
                       {'d': '760a46069bc33d792ece64ca', 'kind': 'number', 'step': 1e-06},
                       {'d': '81ff679ead8567b73cbf2d3a', 'kind': 'number', 'step': 1e-06},
                       {'d': '334bf9173f3cde7bbc4a74fb', 'kind': 'number', 'step': 1e-06},
                       {'d': '8be9ce4a93bd75108a68da7f', 'kind': 'number', 'step': 1e-06},
                       {'d': '81ff679ead8567b73cbf2d3a', 'kind': 'number', 'step': 1e-06}],
             'kind': 'sequence'},
 'ex03_11_strict': {'items': [{'d': 'e59f653aac8800e991bd48ee', 'kind': 'number', 'step': 1e-06},
                              {'d': '8be9ce4a93bd75108a68da7f', 'kind': 'number', 'step': 1e-06},
                              {'d': '81ff679ead8567b73cbf2d3a', 'kind': 'number', 'step': 1e-06},
                              {'d': 'e59f653aac8800e991bd48ee', 'kind': 'number', 'step': 1e-06},
                              {'d': '334bf9173f3cde7bbc4a74fb', 'kind': 'number', 'step': 1e-06},
                              {'d': '81ff679ead8567b73cbf2d3a', 'kind': 'number', 'step': 1e-06}],
                    'kind': 'sequence'},
 'ex03_12': {'d': 'd485ab6a1f397c7b9229aeef', 'kind': 'number', 'step': 1e-06},
 'ex03_12_strict': {'d': '84811561ca162eb38ca0765b', 'kind': 'number', 'step': 1e-06},
 'ex03_13': {'d': '75ab9393a9f6691299f0cf91', 'kind': 'set', 'size': 2},
 'ex03_13_linked': {'d': 'c8cb14c51e09e0b370d0399c', 'kind': 'set', 'size': 6},
 'ex03_14': {'d': 'ee82b293dc1ce7c268897187', 'kind': 'set', 'size': 5},
 'ex03_14_anymonth': {'d': 'b8d6c467adb9e60b1e7e92fa', 'kind': 'set', 'size': 7},
 'ex03_14_sameprovider': {'d': '43fd2e548eda0331c10ed68b', 'kind': 'set', 'size': 7},
 'ex03_15': {'items': [{'d': '616352d6f8eaae39c7960338', 'kind': 'number', 'step': 1e-06},
                       {'d': 'fa0baba6e923d43ed991206a', 'kind': 'number', 'step': 1e-06},
                       {'d': '36ba6885bfd03ec34f05fb0c', 'kind': 'number', 'step': 1e-06}],
             'kind': 'sequence'},
 'ex03_15_duplicates': {'items': [{'d': '616352d6f8eaae39c7960338', 'kind': 'number', 'step': 1e-06},
                                  {'d': '10bf089471df0f643cc04a75', 'kind': 'number', 'step': 1e-06},
                                  {'d': '36ba6885bfd03ec34f05fb0c', 'kind': 'number', 'step': 1e-06}],
                        'kind': 'sequence'},
 'ex03_15_overall': {'items': [{'d': '616352d6f8eaae39c7960338', 'kind': 'number', 'step': 1e-06},
                               {'d': '2950043b55e89a1023e66f8d', 'kind': 'number', 'step': 1e-06},
                               {'d': '36ba6885bfd03ec34f05fb0c', 'kind': 'number', 'step': 1e-06}],
                     'kind': 'sequence'},
 'ex03_15_position': {'items': [{'d': 'e9b1494af43e6bed298605b7', 'kind': 'number', 'step': 1e-06},
                                {'d': 'e9b1494af43e6bed298605b7', 'kind': 'number', 'step': 1e-06},
                                {'d': '0b385429d8f52d78774366ee', 'kind': 'number', 'step': 1e-06}],
                      'kind': 'sequence'}}


# ----------------------------------------------------------------------------- small checks
def _called(func, args, what):
    """Call learner code on a made-up case; a KeyError names the columns the case's tables have."""
    try:
        return call_learner(func, what, *args)
    except KeyError as error:
        tables = [str([str(c) for c in a.columns]) for a in args if isinstance(a, pd.DataFrame)]
        if not tables:
            raise
        raise Wrong(f"`{what}` raised KeyError: {error} on a made-up case. Its tables have only these columns: "
                    f"{' and '.join(tables)}. If your own table has that column, your function relies on a column "
                    "the prompt does not promise.")


def _fp_test(name, args_of, transform, key, message, mistakes=()):
    """Behaves-test: func(*args) transformed matches _FP[key]; known mistakes get their feedback."""
    def test(func):
        got = _called(func, args_of(), name)
        if got is None:
            return f"`{name}` returned None. Did you forget `return`?"
        value = transform(got)
        salt = key[:7]
        if matches(value, _FP[key], salt):
            return None
        for mistake_key, feedback in mistakes:
            if mistake_key in _FP and matches(value, _FP[mistake_key], salt):
                return feedback
        return message
    return test


# ----------------------------------------------------------------------------- 1 to_common
def _to_common_skills(func):
    frame = pd.DataFrame({
        "learner_ref": ["P7-002", "P7-001"], "provider_id": ["P7", "P7"], "uln": ["9", "8"],
        "given_name": ["  Priya", "Tom "], "family_name": ["McBride", " de Souza"],
        "birth_date": pd.to_datetime(["1998-05-06", "2002-11-30"]), "sex": pd.array([2, 1], dtype="Int64"),
        "postcode": ["kt4 9xy", "KT210 3AB"], "tax_ref": [" kt765432c", None], "account_id": ["LA1", "LA2"],
        "standard": ["ST0001", "ST0002"], "start_date": pd.to_datetime(["2022-09-01", "2023-01-09"]),
        "planned_hours": pd.array([400, 300], dtype="Int64")})
    before = frame.copy()
    got = _called(func, (frame, "skills"), "to_common")
    if not frame.equals(before):
        return "`to_common` changed the table it was given; work on a copy (or build a new table)."
    if not isinstance(got, pd.DataFrame):
        return f"`to_common` should return a DataFrame, not a {type(got).__name__}."
    if sorted(map(str, got.columns)) != sorted(COMMON):
        return f"`to_common` should return exactly the columns {COMMON}; it returned {list(map(str, got.columns))}."
    if len(got) != len(frame):
        return "`to_common` should return one row per input row."
    got = pd.DataFrame(got).reset_index(drop=True)
    if list(got["record_id"]) == ["P7-001", "P7-002"]:
        return "The rows come back sorted by record_id: keep them in the order of the input table (do not sort)."
    if list(got["record_id"]) != ["P7-002", "P7-001"]:
        return "For the skills agency, `record_id` is the `learner_ref`, rows in the input order."
    if list(got["sex"].astype(str)) != ["F", "M"]:
        return "Sex is not translated right: the skills agency codes 1 for male and 2 for female; the common model uses 'M' and 'F'."
    if list(got["given_name"]) != ["PRIYA", "TOM"] or list(got["family_name"]) != ["MCBRIDE", "DE SOUZA"]:
        return "Names should be in capitals with the spaces at either end removed (spaces inside a name stay)."
    if list(got["postcode"]) != ["KT49XY", "KT2103AB"]:
        return "Postcodes should be in capitals with every space removed."
    if got["tax_ref"][0] != "KT765432C" or not pd.isna(got["tax_ref"][1]):
        return "tax_ref should be in capitals and stripped; a missing tax reference stays missing (not the text 'NONE' or 'NAN')."
    if not pd.api.types.is_datetime64_any_dtype(got["birth_date"]):
        return "birth_date should be a datetime column."
    return None


def _to_common_revenue(func):
    frame = pd.DataFrame({
        "employment_id": ["E77"], "employer_ref": ["123/AB45678"], "tax_ref": ["KT100200A"], "surname": ["NOWAK "],
        "forenames": ["Zofia"], "birth_date": pd.to_datetime(["1985-02-02"]), "sex": ["F"], "postcode": ["KT33 1QQ"],
        "start_date": pd.to_datetime(["2020-04-01"]), "end_date": pd.to_datetime([None]),
        "hours_per_week": pd.array([37], dtype="Int64"), "annual_pay": pd.array([31000], dtype="Int64")})
    got = _called(func, (frame, "revenue"), "to_common")
    if not isinstance(got, pd.DataFrame) or sorted(map(str, got.columns)) != sorted(COMMON):
        return f"For Revenue too, `to_common` should return exactly the columns {COMMON}."
    row = got.reset_index(drop=True).iloc[0]
    if row["record_id"] != "E77":
        return "For Revenue, `record_id` is the `employment_id`."
    if (row["given_name"], row["family_name"]) != ("ZOFIA", "NOWAK"):
        return "For Revenue, `given_name` comes from `forenames` and `family_name` from `surname`, in capitals and stripped."
    if (row["sex"], row["postcode"], row["tax_ref"]) != ("F", "KT331QQ", "KT100200A"):
        return "For Revenue, sex is already F/M; postcode loses its spaces; tax_ref is kept."
    try:
        func(frame, "police")
    except ValueError:
        return None
    except Exception as error:
        return f"For an unknown source, raise ValueError (yours raised {type(error).__name__})."
    return "For an unknown source (say 'police'), `to_common` should raise a ValueError."


q1 = Exercise(
    id="ex03_01",
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


# ----------------------------------------------------------------------------- 2 common_schema
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
        return "`common_schema` should be a `pa.DataFrameSchema`."

    refused = (pa.errors.SchemaError, pa.errors.SchemaErrors)

    def valid(table):
        try:
            schema.validate(table, lazy=True)
        except refused:
            return False
        return True

    if not valid(_schema_frame()):
        return "`common_schema` refuses a valid table. Does it fix a dtype for text columns, or refuse missing values where they are allowed?"
    text = ["record_id", "given_name", "family_name", "sex", "postcode", "tax_ref"]
    if not valid(_schema_frame().astype({c: "string" for c in text})):
        return "`common_schema` refuses a valid table whose text columns have the `string` dtype: do not fix the dtype of text columns."
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
            return f"`common_schema` accepts {what}: {why}"
    return None


q2 = Exercise(
    id="ex03_02",
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


# ----------------------------------------------------------------------------- 3 request_schema
_GOOD = {"request_id": "a3f9c1d2-0b4e-4f6a-9c8d-7e6f5a4b3c2d", "requester": {"agency": "welfare", "officer": "W-12"},
         "purpose": "service-delivery", "query": {"tax_ref": "KT000001A"}}


def _request_schema_test(schema):
    import jsonschema

    if not isinstance(schema, dict):
        return "`request_schema` should be a dict (a JSON Schema)."
    try:
        validator = jsonschema.validators.validator_for(schema)(schema)
        validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        return f"`request_schema` is not a valid JSON Schema: {error.message}"
    if not validator.is_valid(_GOOD):
        return "`request_schema` refuses a valid message. Check each rule against a message like `example_request`."
    for purpose in ("counter-fraud", "statistics"):
        if not validator.is_valid({**_GOOD, "purpose": purpose}):
            return "`request_schema` refuses an allowed purpose."
    upper = {**_GOOD, "request_id": _GOOD["request_id"].upper()}
    if not validator.is_valid(upper):
        return "`request_schema` refuses a UUID in upper case; hexadecimal digits may be either case."
    cases = []
    for key in ("request_id", "requester", "purpose", "query"):
        message = copy.deepcopy(_GOOD)
        message.pop(key)
        cases.append((f"a message without `{key}`", message))
    cases += [
        ("a message with an extra top-level field", {**_GOOD, "extra": 1}),
        ("a request_id that is not a UUID", {**_GOOD, "request_id": "request-42"}),
        ("a request_id with text before the UUID", {**_GOOD, "request_id": "x" + _GOOD["request_id"]}),
        ("a request_id with text after the UUID", {**_GOOD, "request_id": _GOOD["request_id"] + "x"}),
        ("a purpose that is not in PURPOSES", {**_GOOD, "purpose": "research"}),
        ("a requester without officer", {**_GOOD, "requester": {"agency": "welfare"}}),
        ("a requester without agency", {**_GOOD, "requester": {"officer": "W-12"}}),
        ("an empty officer (non-empty means at least one character: `minLength`)", {**_GOOD, "requester": {"agency": "welfare", "officer": ""}}),
        ("an empty agency (non-empty means at least one character: `minLength`)", {**_GOOD, "requester": {"agency": "", "officer": "W-12"}}),
        ("a query that is a string", {**_GOOD, "query": "KT000001A"}),
    ]
    for what, message in cases:
        if validator.is_valid(message):
            return f"`request_schema` accepts {what}."
    return None


q3 = Exercise(
    id="ex03_03",
    title="A schema for exchange messages",
    names=("request_schema",),
    checks=[IsA("request_schema", "dict"), Behaves("request_schema", _request_schema_test)],
    hints=[
        "The outside of the message is given; each of your two rules is itself a small schema, a dict.",
        "`request_id_rule` needs a `type` and a `pattern`; `requester_rule` is an object schema with `required` and `properties`, "
        "each property a string with a `minLength`.",
        "The UUID pattern is five groups of hexadecimal characters `[0-9a-fA-F]` of lengths 8, 4, 4, 4 and 12, joined by "
        "hyphens, anchored with `^` and `$`. `requester` is itself an object schema with its own `required` list.",
    ],
)


# ----------------------------------------------------------------------------- 4 make_request
def _make_request_test(func):
    query = {"tax_ref": "KT909090D"}
    first = func("revenue", "R-77", "statistics", query)
    second = func("revenue", "R-77", "statistics", query)
    if not isinstance(first, dict):
        return f"`make_request` should return a dict, not a {type(first).__name__}."
    if set(first) != {"request_id", "requester", "purpose", "query"}:
        return f"The message should have exactly the fields request_id, requester, purpose and query; it has {sorted(first)}."
    if not isinstance(first["request_id"], str) or not _UUID.match(first["request_id"]):
        return "`request_id` should be a random UUID written as text: 8-4-4-4-12 hexadecimal digits with hyphens."
    if first["request_id"] == second["request_id"]:
        return "Two messages got the same request_id: make a fresh one inside the function, on every call."
    if first["requester"] != {"agency": "revenue", "officer": "R-77"}:
        return "`requester` should be a dict with the keys agency and officer."
    if first["purpose"] != "statistics" or first["query"] != query:
        return "The purpose and the query should be carried into the message unchanged."
    first["query"]["tax_ref"] = "changed"
    if query["tax_ref"] != "KT909090D":
        return "The message holds the caller's own query dict: changing the message changed the caller's query. Store a copy."
    try:
        func("revenue", "R-77", "profiling", query)
    except ValueError:
        return None
    except Exception as error:
        return f"For a purpose outside PURPOSES, raise ValueError (yours raised {type(error).__name__})."
    return "`make_request` builds a message for a purpose that is not in PURPOSES: raise a ValueError instead."


q4 = Exercise(
    id="ex03_04",
    title="Build an exchange message",
    names=("make_request",),
    checks=[IsA("make_request", "function"), Behaves("make_request", _make_request_test)],
    hints=[
        "Check the purpose first; only then build the dict.",
        "`str(uuid.uuid4())` gives a fresh random UUID each call; `dict(query)` makes a copy.",
        "Test the purpose against the allowed list and raise a ValueError when it is not there; then return a dict with the four fields, requester itself being a dict.",
    ],
)


# ----------------------------------------------------------------------------- 5 link_exact
def _link_exact_test(func):
    left, right, keys = case_link()
    got = _called(func, (left, right, keys), "link_exact")
    if not isinstance(got, pd.DataFrame):
        return f"`link_exact` should return a DataFrame, not a {type(got).__name__}."
    if sorted(map(str, got.columns)) != ["left_id", "right_id"]:
        return f"`link_exact` should return exactly the columns left_id and right_id; it returned {list(map(str, got.columns))}."
    pairs = _pair_set(got)
    if len(pairs) != len(got):
        return "`link_exact` returns the same pair more than once: drop duplicate rows."
    if any(p.startswith(("a3|", "a4|")) for p in pairs):
        return ("Records with a missing key were linked to each other. In pandas a missing value joins to a missing value, "
                "but two unknown surnames say nothing about two people: a record with a missing key must not take part.")
    if not matches(pairs, _FP["ex03_05"], "ex03_05"):
        return "On a made-up case `link_exact` does not return the expected pairs: every key must agree exactly."
    return None


q5 = Exercise(
    id="ex03_05",
    title="Deterministic linkage",
    names=("link_exact",),
    checks=[IsA("link_exact", "function"), Behaves("link_exact", _link_exact_test)],
    hints=[
        "A merge on the key columns is an exact-agreement rule. What does pandas do with missing keys?",
        "Drop the rows with a missing key on each side (`dropna(subset=keys)`), merge on the keys, then keep the two ids.",
        "Rename `record_id` to `left_id` / `right_id` before the merge, merge `on=keys`, select the two columns and `drop_duplicates()`.",
    ],
)


# ----------------------------------------------------------------------------- 6 precision_recall
def _as_pair(value):
    return [float(v) for v in value]


def _no_link_test(func):
    links, truth = case_links(), case_truth()
    for shown, none_kept in [("no links at all", links.iloc[:0]), ("only links of unlabelled learners", links[links["left_id"] == "s9"])]:
        got = _called(func, (none_kept, truth), "precision_recall")
        if got is None:
            return "`precision_recall` returned None. Did you forget `return`?"
        precision, recall = _as_pair(got)
        if not math.isnan(precision):
            return (f"With {shown}, precision is 0 ÷ 0, which is undefined: return NaN for it, as the prompt says "
                    "(0 would claim that every link is wrong).")
        if recall != 0:
            return f"With {shown}, nothing in `truth` is found: recall should be 0."
    return None


q6 = Exercise(
    id="ex03_06",
    title="Precision and recall on a labelled sample",
    names=("precision_recall",),
    checks=[
        IsA("precision_recall", "function"),
        Behaves("precision_recall", _fp_test(
            "precision_recall", lambda: (case_links(), case_truth()), _as_pair, "ex03_06",
            "On a made-up case `precision_recall` does not give the expected pair. Keep only labelled learners, count each pair once, "
            "and return (precision, recall) in that order.",
            mistakes=[("ex03_06_swapped", "The two numbers are the wrong way round: return (precision, recall)."),
                      ("ex03_06_unlabelled", "Precision counts links of learners who are not in `truth`: we cannot judge those, so leave them out."),
                      ("ex03_06_duplicates", "A pair that appears twice is counted twice: count each (left_id, right_id) pair once.")])),
        Behaves("precision_recall", _no_link_test),
    ],
    hints=[
        "Turn both tables into sets of (left_id, right_id) pairs; the right links are the intersection.",
        "Keep links whose left_id is in truth first. Precision divides the right links by the links kept, recall by the true pairs.",
        "`set(zip(frame['left_id'], frame['right_id']))` makes a set of pairs; `&` intersects two sets.",
    ],
)


# ----------------------------------------------------------------------------- 7 count_pairs
def _count_type_test(func):
    got = _called(func, case_blocks(), "count_pairs")
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer)):
        return (f"`count_pairs` returned a {type(got).__name__}; the prompt asks for an `int` (a count of pairs is a whole "
                "number), not a float or another kind of number.")
    return None


q7 = Exercise(
    id="ex03_07",
    title="How many pairs does blocking create?",
    names=("count_pairs",),
    checks=[
        IsA("count_pairs", "function"),
        Behaves("count_pairs", _count_type_test),
        Behaves("count_pairs", _fp_test(
            "count_pairs", case_blocks, float, "ex03_07",
            "On a made-up case `count_pairs` does not give the expected number: per key value, multiply the number of left records by the number of right records, and add up.",
            mistakes=[("ex03_07_missing", "Records with a missing key were counted as one block of their own: a missing key agrees with nothing, so those records make no pairs."),
                      ("ex03_07_sum", "You added the left and right counts: a block of a left and b right records makes a × b pairs.")])),
        Behaves("count_pairs", _fp_test(
            "count_pairs", case_blocks_two, float, "ex03_07_two",
            "Blocking on two keys (sex and year) does not give the expected number: a pair must agree on **every** key, "
            "and a record missing either key is left out.",
            mistakes=[("ex03_07_two_first", "On two keys you blocked on the first key only: group by all the columns in `keys`.")])),
    ],
    hints=[
        "Within one block every left record meets every right record.",
        "Count the records per key value on each side (`groupby(keys).size()`), line the two counts up by key value, multiply, add up.",
        "Line the two size Series up on their index (a join or `pd.concat` with `axis=1`), keep the key values both sides have, "
        "multiply, add up, and convert the total with `int(...)`.",
    ],
)


# ----------------------------------------------------------------------------- 8 name_similarity
def _similarity_test(func):
    def shown(v):
        return "pd.NA" if v is pd.NA else repr(v)

    def sim(a, b):
        try:
            value = func(a, b)
        except NotImplementedError:
            raise
        except Exception as error:
            missing = any(v is None or v is pd.NA for v in (a, b))
            why = (" A missing name (None or pd.NA) should give 0.0 before anything else is done with it." if missing else "")
            raise Wrong(f"`name_similarity({shown(a)}, {shown(b)})` raised {type(error).__name__}: {error}.{why}")
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise Wrong(f"`name_similarity` should return a number, not a {type(value).__name__}.")
        value = float(value)
        if not 0 <= value <= 1:
            raise Wrong(f"`name_similarity({a!r}, {b!r})` is {value:.3f}: a similarity lies between 0 and 1.")
        return value

    if sim("Nguyen ", " NGUYEN") != 1:
        return "The same name with different case or end spaces should score 1: case and end spaces must not count."
    if sim(None, "REID") != 0 or sim("REID", pd.NA) != 0:
        return "A missing name (None or pd.NA) should score 0.0, whatever the other name is."
    for a, b in [("MACKENZIE", "MACKENZE"), ("GALLAGHER", "GALAGHER"), ("PATTERSON", "PATERSON"), ("FITZGERALD", "FITZGERALT")]:
        if sim(a, b) < 0.8:
            return f"`name_similarity({a!r}, {b!r})` is below 0.8, but the names differ by one slip."
        if abs(sim(a, b) - sim(b, a)) > 1e-9:
            return "`name_similarity(a, b)` and `name_similarity(b, a)` differ: a similarity should be symmetric."
    for a, b in [("HRARISON", "ADERSON"), ("ADERSON", "MENSAH"), ("DIET", "TIDE")]:
        if abs(sim(a, b) - sim(b, a)) > 1e-9:
            return (f"`name_similarity({a!r}, {b!r})` and `name_similarity({b!r}, {a!r})` differ: the prompt asks for the same "
                    "value in both orders. Some similarity measures read their two texts differently; make the result "
                    "not depend on which name comes first.")
    for a, b in [("SMITH", "PATEL"), ("BROWN", "OKAFOR"), ("HILL", "MURPHY")]:
        if sim(a, b) >= 0.5:
            return f"`name_similarity({a!r}, {b!r})` is 0.5 or more for unrelated names."
    return None


q8 = Exercise(
    id="ex03_08",
    title="Comparing names fuzzily",
    names=("name_similarity",),
    checks=[IsA("name_similarity", "function"), Behaves("name_similarity", _similarity_test)],
    hints=[
        "First deal with missing names, then normalise both names, then measure how much of them they share, in a way "
        "that gives the same value whichever name comes first.",
        "`difflib.SequenceMatcher(None, a, b).ratio()` is a ready-made similarity between 0 and 1, but it can change when "
        "the two names swap places: compute it both ways and combine the two values so that the order no longer matters "
        "(an edit distance scaled by the longer name is symmetric already).",
        "Return 0.0 if `pd.isna(a)` or `pd.isna(b)` (test None too); otherwise strip and upper-case both, compute the ratio "
        "in both orders and return the larger (or the mean) of the two.",
    ],
)


# ----------------------------------------------------------------------------- 9 fs_weights
q9 = Exercise(
    id="ex03_09",
    title="Fellegi–Sunter weights",
    names=("fs_weights",),
    checks=[
        IsA("fs_weights", "function"),
        Behaves("fs_weights", _fp_test(
            "fs_weights", lambda: (0.95, 0.02), _as_pair, "ex03_09",
            "`fs_weights(0.95, 0.02)` does not give the expected weights. Compare each with its formula in the prompt, and the order of the pair.",
            mistakes=[("ex03_09_ln", "These are natural logarithms. Weights here are in bits (logarithms in base 2), so that one point of weight doubles the odds."),
                      ("ex03_09_flipped", "The ratios are upside down: agreement weighs log2(m/u), which is positive when m > u.")])),
    ],
    hints=[
        "Agreement is m/u times more likely for a match than for a non-match; disagreement (1−m)/(1−u) times.",
        "Take the logarithm in base 2 of each ratio (the `math` module has one).",
        "Return a tuple: the agreement weight first, the disagreement weight second.",
    ],
)


# ----------------------------------------------------------------------------- 10 match_probability
# Made-up weights in bits (agree, disagree), so that this exercise does not depend on exercise 9.
_W = {"name": (8.26, -3.64), "dob": (12.2, -5.05), "post": (6.13, -1.72)}
_AGREE = {"name": True, "dob": False, "post": None}


def _weights():
    return {field: tuple(pair) for field, pair in _W.items()}


def _probability_range_test(func):
    got = _called(func, ({"name": True, "dob": True, "post": True}, _weights(), 0.01), "match_probability")
    if got is None:
        return "`match_probability` returned None. Did you forget `return`?"
    if not 0 <= float(got) <= 1:
        return ("`match_probability` returned a value outside 0 to 1: return a probability as a number between 0 and 1 "
                "(not a percentage, not a weight).")
    return None


q10 = Exercise(
    id="ex03_10",
    title="A match probability by hand",
    names=("match_probability",),
    checks=[
        IsA("match_probability", "function"),
        Behaves("match_probability", _probability_range_test),
        Behaves("match_probability", _fp_test(
            "match_probability", lambda: (dict(_AGREE), _weights(), 0.01), float, "ex03_10",
            "On a made-up case `match_probability` does not give the expected probability. Start from the prior's weight, "
            "add one weight per field that is not missing, and only then turn the total into a probability.",
            mistakes=[("ex03_10_noprior", "The prior is left out: the total starts from the prior's own weight, as the text above the exercise explains."),
                      ("ex03_10_none", "A missing field (None) was counted as a disagreement: missing is no evidence either way."),
                      ("ex03_10_weight", "This is the total weight, not a probability: the weight still has to be turned back into a probability.")])),
    ],
    hints=[
        "Work in weights (bits): they add. Convert to a probability only at the end.",
        "Start with the prior's weight, log2(prior / (1 − prior)); for each field add its agreement or disagreement weight "
        "from `weights`, or nothing if the field is None.",
        "Test `if value is None: continue` before `if value:`; at the end return 2**w / (1 + 2**w).",
    ],
)


# ----------------------------------------------------------------------------- 11 pr_table
def _pr_values(frame):
    frame = frame.reset_index(drop=True)
    return [float(v) for v in frame["precision"]] + [float(v) for v in frame["recall"]]


def _counting_measure(calls):
    """A stand-in for precision_recall: (links / 10, distinct learners / 10), so the values show which links it got."""
    def measure(links, truth):
        calls.append(len(links))
        return len(links) / 10, len(set(links["left_id"])) / 10
    return measure


def _pr_test(func):
    calls = []
    got = _called(func, (case_scored(), case_truth(), [0.9, 0.5, 0.96], _counting_measure(calls)), "pr_table")
    if not isinstance(got, pd.DataFrame):
        return f"`pr_table` should return a DataFrame, not a {type(got).__name__}."
    if sorted(map(str, got.columns)) != ["precision", "recall", "threshold"]:
        return f"`pr_table` should have the columns threshold, precision and recall; it has {list(map(str, got.columns))}."
    if [float(t) for t in got["threshold"]] != [0.9, 0.5, 0.96]:
        return "`pr_table` should have one row per threshold, in the order given."
    if not calls:
        return ("`pr_table` never calls the `measure` it is given. The check passes a measure of its own: "
                "get each row's precision and recall from `measure`.")
    values = _pr_values(got)
    if matches(values, _FP["ex03_11"], "ex03_11"):
        return None
    if matches(values, _FP["ex03_11_strict"], "ex03_11"):
        return "A pair whose probability equals the threshold is left out; the prompt says **at least** the threshold."
    return ("On a made-up case, with a measure of the check's own, some rows of `pr_table` are not right: each row should "
            "hold what `measure` returns for the pairs at or above that row's threshold, precision first.")


q11 = Exercise(
    id="ex03_11",
    title="Precision and recall at each threshold",
    names=("pr_table",),
    checks=[IsA("pr_table", "function"), Behaves("pr_table", _pr_test)],
    hints=[
        "For one threshold: which pairs would you accept, and how good are they?",
        "Loop over the thresholds; keep the rows of `scored` with `match_probability >= threshold`; call `measure` on them and the truth.",
        "Collect one dict per threshold with the keys threshold, precision, recall, and build a DataFrame from the list.",
    ],
)


# ----------------------------------------------------------------------------- 12 lowest_threshold
def _pr_case():
    # rows not sorted; one precision missing (no links); one exactly at 0.99
    return pd.DataFrame({"threshold": [0.95, 0.5, 0.99, 0.7, 0.8, 0.9],
                         "precision": [0.999, 0.93, np.nan, 0.96, 0.99, 0.995],
                         "recall": [0.6, 0.99, 0.0, 0.95, 0.9, 0.8]})


def _lowest_test(func):
    got = _called(func, (_pr_case(), 0.99), "lowest_threshold")
    if got is None:
        return "`lowest_threshold` returned None although some thresholds of the made-up table reach the precision."
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
        return f"`lowest_threshold` should return a number, not a {type(got).__name__}."
    if not matches(float(got), _FP["ex03_12"], "ex03_12"):
        if matches(float(got), _FP["ex03_12_strict"], "ex03_12"):
            return "A precision exactly equal to `min_precision` reaches it: the rule says **at least**."
        return ("On a made-up table whose rows are not sorted, `lowest_threshold` does not return the lowest threshold "
                "whose precision reaches `min_precision`.")
    none = _called(func, (_pr_case(), 0.9999), "lowest_threshold")
    if none is not None:
        return "When no threshold reaches `min_precision`, return None."
    return None


q12 = Exercise(
    id="ex03_12",
    title="Choose a threshold",
    names=("lowest_threshold",),
    checks=[IsA("lowest_threshold", "function"), Behaves("lowest_threshold", _lowest_test)],
    hints=[
        "Which rows of the table meet the precision rule? Among them, which threshold gives the most recall?",
        "Select the rows whose precision is at least `min_precision`, then take the smallest threshold among them.",
        "If no row is selected, return None; otherwise return the minimum of the selected thresholds as a plain float. "
        "A NaN precision is never at least anything, so it drops out by itself.",
    ],
)


# ----------------------------------------------------------------------------- 13 find_ghosts
def _ghost_value(got):
    if isinstance(got, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)):
        return set(got)
    raise Wrong(f"`find_ghosts` should return a set of learner_refs, not a {type(got).__name__}.")


def _ghost_args():
    claims, links = case_claims()
    refs = ["x", "y", "z", "w", "v", "u", "t"]
    # every column of a skills_learners table, so that a function written for the notebook's table runs here too
    learners = pd.DataFrame({
        "learner_ref": refs, "provider_id": ["P1"] * 7, "uln": [str(100 + i) for i in range(7)],
        "given_name": ["Ann", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus"], "family_name": ["Roe"] * 7,
        "birth_date": pd.to_datetime(["2000-01-01"] * 7), "sex": pd.array([2, 1, 1, 2, 1, 2, 1], dtype="Int64"),
        "postcode": ["KT1 1AA"] * 7, "tax_ref": [None] * 7, "account_id": ["A1"] * 7, "standard": ["ST0001"] * 7,
        "start_date": pd.to_datetime(["2022-09-01"] * 7), "planned_hours": pd.array([300] * 7, dtype="Int64")})
    return learners, links


q13 = Exercise(
    id="ex03_13",
    title="Ghost learners",
    names=("find_ghosts",),
    checks=[
        IsA("find_ghosts", "function"),
        Behaves("find_ghosts", _fp_test(
            "find_ghosts", _ghost_args, _ghost_value, "ex03_13",
            "On a made-up case `find_ghosts` does not return the expected learners: those whose learner_ref is not a left_id in `links`.",
            mistakes=[("ex03_13_linked", "You returned the linked learners: a ghost is a learner with **no** link.")])),
    ],
    hints=[
        "Who is in `learners` but not among the linked learners?",
        "A set difference: all learner_refs minus the left_ids of `links`.",
        "Make a set of each side's learner references and take what only `learners` has; return it as a set.",
    ],
)


# ----------------------------------------------------------------------------- 14 find_double_claims
def _double_value(got):
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`find_double_claims` should return a DataFrame, not a {type(got).__name__}.")
    if "person" not in map(str, got.columns):
        raise Wrong("`find_double_claims` should add a column `person` (the linked right_id).")
    if not {"claim_id", "learner_ref", "provider_id", "month", "amount"} <= set(map(str, got.columns)):
        raise Wrong("`find_double_claims` should keep the columns of `claims`.")
    if got["person"].isna().any():
        raise Wrong("Some flagged claims have no `person`: they belong to learners without a link. An unlinked learner is "
                    "nobody we can compare, so all unlinked learners must not be lumped together as one 'person': only "
                    "claims of linked learners can be part of a double claim.")
    return {f"{c}|{p}" for c, p in zip(got["claim_id"], got["person"])} | {f"rows={len(got)}"}


q14 = Exercise(
    id="ex03_14",
    title="Double claims",
    names=("find_double_claims",),
    checks=[
        IsA("find_double_claims", "function"),
        Behaves("find_double_claims", _fp_test(
            "find_double_claims", case_claims, _double_value, "ex03_14",
            "On a made-up case `find_double_claims` does not return the expected claims: the same person, the same month, "
            "two or more **different** providers; every claim involved, each once.",
            mistakes=[("ex03_14_sameprovider", "You counted claims or learners, not providers: two claims from the same provider in a month "
                                               "(even for two learner records of one person) are not a double claim here. What has to "
                                               "be two or more is the number of **different** providers."),
                      ("ex03_14_anymonth", "You grouped by person only: two providers claiming for one person in *different* months is "
                                           "not a double claim. Group by person **and** month.")])),
    ],
    hints=[
        "Give every claim its person first (via `links`), then look at each person and month.",
        "Merge `claims` with `links` (learner_ref = left_id, right_id renamed to person); group by person and month and count distinct providers.",
        "`groupby(['person', 'month'])['provider_id'].transform('nunique')` gives each claim the number of providers in its group; keep those with 2 or more.",
    ],
)


# ----------------------------------------------------------------------------- 15 recall_by_group
def _group_value(got):
    if not isinstance(got, pd.Series):
        raise Wrong(f"`recall_by_group` should return a pandas Series, not a {type(got).__name__}.")
    keep = got.dropna()
    return [float(keep.get("changed", np.nan)), float(keep.get("same", np.nan)), float(len(keep))]


def _group_test(func):
    args = (case_links(), case_truth(), case_groups())
    generic = ("On a made-up case `recall_by_group` does not give the expected recalls: for each group, the share of that "
               "group's rows of `truth` whose pair is among the links.")
    problem = _fp_test(
        "recall_by_group", lambda: args, _group_value, "ex03_15", generic,
        mistakes=[("ex03_15_overall", "Each group's recall is divided by all true pairs, not by the true pairs of that group."),
                  ("ex03_15_duplicates", "A link that appears twice in `links` was counted twice (a merge repeats a truth row for "
                                         "every matching link): count each pair once, as in exercise 6."),
                  ("ex03_15_position", "The groups were matched to the rows of `truth` by position. `groups` is indexed by "
                                       "left_id and need not be in the order of `truth`: each learner's group has to be found "
                                       "by its left_id.")])(func)
    if problem == generic:
        got = pd.Series(func(*(copy.deepcopy(a) for a in args)))
        if "other" in got.dropna().index:
            return ("`recall_by_group` gives a recall to the group 'other', which has no learner in `truth` (its recall is "
                    "0 ÷ 0): leave groups without a labelled learner out.")
    return problem


q15 = Exercise(
    id="ex03_15",
    title="Recall by group",
    names=("recall_by_group",),
    checks=[
        IsA("recall_by_group", "function"),
        Behaves("recall_by_group", _group_test),
    ],
    hints=[
        "Mark each row of `truth` as found or not, then average that mark within each group.",
        "A row of truth is found when its (left_id, right_id) pair is among the links; look up its group in `groups` by left_id, "
        "never by position.",
        "Put the found/not-found marks and the looked-up groups side by side, one row per row of truth; group by the label "
        "and take the mean of the marks (True counts as 1).",
    ],
)
