"""Module 02, exercise 4 — a catalogue row from an entry: `catalogue_row(entry)`.

Graded on entries the checks make, so a slip in exercise 3 (`profile_extract`) costs no points here.
"""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong


def made_up_entries() -> list[dict]:
    """Two made-up catalogue entries; the key sits in a different place in each."""
    first = {
        "name": "made_up_visits", "profile": "tabular-data-resource", "stats": {"rows": 8},
        "schema": {"fields": [{"name": "ref", "type": "string", "nullRate": 0.0},
                              {"name": "person", "type": "string", "nullRate": 0.125},
                              {"name": "visits", "type": "integer", "nullRate": 0.375},
                              {"name": "score", "type": "number", "nullRate": 0.5}],
                   "primaryKey": "person"},
        "keyUnique": False, "temporal": {"startDate": "2022-11-15", "endDate": "2023-03-01"},
    }
    second = {
        "name": "made_up_claims", "profile": "tabular-data-resource", "stats": {"rows": 40},
        "schema": {"fields": [{"name": "amount", "type": "number", "nullRate": 0.25},
                              {"name": "opened", "type": "date", "nullRate": 0.05},
                              {"name": "claim_id", "type": "string", "nullRate": 0.0}],
                   "primaryKey": "claim_id"},
        "keyUnique": True, "temporal": {"startDate": "2019-04-06", "endDate": "2020-04-05"},
    }
    return [first, second]


FIELDS = ["name", "rows", "key", "key_unique", "key_null_rate", "start", "end"]
FEEDBACK = {
    "name": "`name` should be the entry's name.",
    "rows": "`rows` is not the entry's number of rows: where in the entry is the row count recorded?",
    "key": "`key` should be the entry's primary key.",
    "key_unique": "`key_unique` should say what the entry says about whether its key is unique.",
    "key_null_rate": "`key_null_rate` is not the nullRate of the key's own field: the key is not always the first field.",
    "start": "`start` should be the first date of the entry's temporal coverage, as the text the entry holds.",
    "end": "`end` should be the last date of the entry's temporal coverage, as the text the entry holds.",
}


def _shape(func):
    import copy

    for entry in made_up_entries():
        got = func(copy.deepcopy(entry))
        if not isinstance(got, dict):
            raise Wrong(f"`catalogue_row` should return a dict, not a {type(got).__name__}.")
        missing = [f for f in FIELDS if f not in got]
        if missing:
            raise Wrong(f"The dict `catalogue_row` returns has no {missing[0]!r} key.")
        extra = sorted(str(k) for k in got if k not in FIELDS)
        if extra:
            raise Wrong(f"The dict `catalogue_row` returns has key(s) the prompt did not ask for: {extra}.")


def _value(field):
    """One field of the row, in the form it is fingerprinted in (numbers as floats, flags as bools, dates as text)."""
    def pick(row):
        value = row[field]
        if field in ("rows", "key_null_rate"):
            return float(value)
        if field == "key_unique":
            return bool(value)
        return str(value)
    return pick


def _field(number, entry, field):
    mistakes = {"wrong-catalogue-rows": FEEDBACK["rows"]} if field == "rows" else {}
    return Calls("catalogue_row", (entry,), key=f"entry{number}_{field}", transform=_value(field),
                 message=FEEDBACK[field], mistakes=mistakes)


exercise = Exercise(
    id="ex02_04",
    name="catalogue_row",
    title="A catalogue row from an entry",
    names=("catalogue_row",),
    checks=[
        IsA("catalogue_row", "function"),
        Behaves("catalogue_row", _shape),
        *[_field(n, entry, field) for n, entry in enumerate(made_up_entries()) for field in FIELDS],
    ],
    hints=[
        "Every value of the row is somewhere in the entry: follow the shape of the dict in exercise 3.",
        "The key's null rate is in the entry's list of fields: find the field whose name is the entry's primary key.",
        "A dict from each field's name to its nullRate, built with one loop over `entry['schema']['fields']`, lets you look the key up.",
    ],
)
