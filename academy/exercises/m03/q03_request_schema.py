"""Module 03, exercise 3 — a JSON Schema for exchange messages: `request_schema`.

The UUID pattern is tested at both ends."""

import copy

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong

_GOOD = {"request_id": "a3f9c1d2-0b4e-4f6a-9c8d-7e6f5a4b3c2d", "requester": {"agency": "welfare", "officer": "W-12"},
         "purpose": "service-delivery", "query": {"tax_ref": "KT000001A"}}


def _request_schema_test(schema):
    import jsonschema

    if not isinstance(schema, dict):
        raise Wrong("`request_schema` should be a dict (a JSON Schema).")
    try:
        validator = jsonschema.validators.validator_for(schema)(schema)
        validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise Wrong(f"`request_schema` is not a valid JSON Schema: {error.message}")
    if not validator.is_valid(_GOOD):
        raise Wrong("`request_schema` refuses a valid message. Check each rule against a message like `example_request`.")
    for purpose in ("counter-fraud", "statistics"):
        if not validator.is_valid({**_GOOD, "purpose": purpose}):
            raise Wrong("`request_schema` refuses an allowed purpose.")
    upper = {**_GOOD, "request_id": _GOOD["request_id"].upper()}
    if not validator.is_valid(upper):
        raise Wrong("`request_schema` refuses a UUID in upper case; hexadecimal digits may be either case.")
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
            raise Wrong(f"`request_schema` accepts {what}.")
    return


exercise = Exercise(
    id="ex03_03",
    name="request_schema",
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
