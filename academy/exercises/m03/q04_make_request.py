"""Module 03, exercise 4 — a structured exchange message: `make_request(agency, officer, purpose, query)`."""

import re

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _make_request_test(func):
    query = {"tax_ref": "KT909090D"}
    first = func("revenue", "R-77", "statistics", query)
    second = func("revenue", "R-77", "statistics", query)
    if not isinstance(first, dict):
        raise Wrong(f"`make_request` should return a dict, not a {type(first).__name__}.")
    if set(first) != {"request_id", "requester", "purpose", "query"}:
        raise Wrong(f"The message should have exactly the fields request_id, requester, purpose and query; it has {sorted(first)}.")
    if not isinstance(first["request_id"], str) or not _UUID.match(first["request_id"]):
        raise Wrong("`request_id` should be a random UUID written as text: 8-4-4-4-12 hexadecimal digits with hyphens.")
    if first["request_id"] == second["request_id"]:
        raise Wrong("Two messages got the same request_id: make a fresh one inside the function, on every call.")
    if first["requester"] != {"agency": "revenue", "officer": "R-77"}:
        raise Wrong("`requester` should be a dict with the keys agency and officer.")
    if first["purpose"] != "statistics" or first["query"] != query:
        raise Wrong("The purpose and the query should be carried into the message unchanged.")
    first["query"]["tax_ref"] = "changed"
    if query["tax_ref"] != "KT909090D":
        raise Wrong("The message holds the caller's own query dict: changing the message changed the caller's query. Store a copy.")
    try:
        func("revenue", "R-77", "profiling", query)
    except ValueError:
        return
    except Exception as error:
        raise Wrong(f"For a purpose outside PURPOSES, raise ValueError (yours raised {type(error).__name__}).")
    raise Wrong("`make_request` builds a message for a purpose that is not in PURPOSES: raise a ValueError instead.")


exercise = Exercise(
    id="ex03_04",
    name="make_request",
    title="Build an exchange message",
    names=("make_request",),
    checks=[IsA("make_request", "function"), Behaves("make_request", _make_request_test)],
    hints=[
        "Check the purpose first; only then build the dict.",
        "`str(uuid.uuid4())` gives a fresh random UUID each call; `dict(query)` makes a copy.",
        "Test the purpose against the allowed list and raise a ValueError when it is not there; then return a dict with the four fields, requester itself being a dict.",
    ],
)
