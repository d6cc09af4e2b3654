"""Module 02, exercise 6 — which rows break a rule?: `violating_rows(frame, schema)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong


def made_up_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["a", "b", "b", "c", None, "d", "e"],
        "size": [1, 50, 3, -2, 4, 5, 6],
        "colour": ["red", "red", "blue", "red", "green", "blue", "red"],
    }, index=[100, 90, 80, 70, 60, 50, 40])


def made_up_schema():
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {"code": pa.Column(nullable=False, unique=True),
         "size": pa.Column(checks=pa.Check.ge(0)),
         "colour": pa.Column(checks=pa.Check.isin(["red", "blue"]))},
        checks=[pa.Check(lambda df: df["size"] < 40)],
    )


def _labels(func, frame, schema):
    got = func(frame, schema)
    if got is None:
        raise Wrong("`violating_rows` returned None. Did you forget `return`?")
    try:
        return list(got)
    except TypeError:
        raise Wrong(f"`violating_rows` should return a list, not a {type(got).__name__}.")


def _once(func):
    labels = _labels(func, made_up_frame(), made_up_schema())
    if len(set(labels)) != len(labels):
        raise Wrong("Some index labels appear more than once: a row that breaks several rules should be listed once.")


def _passing_frame(func):
    import pandera.pandas as pa

    clean = func(made_up_frame(), pa.DataFrameSchema({"size": pa.Column(checks=pa.Check.le(1000))}))
    if clean is None:
        raise Wrong("When the frame passes every rule, `violating_rows` should return an empty list, not None: what "
                    "does it return when validation raises no error?")
    if list(clean) != []:
        raise Wrong("When the frame passes every rule, `violating_rows` should return an empty list.")


def _text_labels(func):
    named = made_up_frame().set_axis([f"row{n}" for n in made_up_frame().index])
    try:
        return _labels(func, named, made_up_schema())
    except Wrong:
        raise
    except Exception as error:
        raise Wrong(f"`violating_rows` raised {type(error).__name__}: {error} on a frame whose index labels are text "
                    "('row100', 'row90', …): keep the labels as they are.")


exercise = Exercise(
    id="ex02_06",
    name="violating_rows",
    title="Which rows break a rule?",
    names=("violating_rows",),
    checks=[
        IsA("violating_rows", "function"),
        Behaves("violating_rows", _once),
        Calls("violating_rows", (made_up_frame(), made_up_schema()), key="rows", transform=lambda got: sorted(got),
              message="On a small made-up frame and schema, these are not the rows that break a rule. A lazy "
                      "validation reports every failure at once, each with the index label of its row (missing for "
                      "failures that belong to no row).",
              mistakes={"wrong-failure-table-index": "these are the numbers of the failures in the report, not the "
                                                     "frame's index labels: the report names each failing row in a "
                                                     "column of its own."}),
        Calls("violating_rows", (made_up_frame(), made_up_schema()), key="order", transform=list,
              message="The right rows, but not in sorted order."),
        Behaves("violating_rows", _passing_frame),
        Behaves("violating_rows", lambda func: _text_labels(func) and None),
        Calls("violating_rows", (made_up_frame().set_axis([f"row{n}" for n in made_up_frame().index]), made_up_schema()),
              key="text_labels", transform=list,
              message="On the same made-up frame with text index labels ('row100', 'row90', …), these are not those "
                      "labels, sorted. Keep the labels as they are: do not turn them into numbers."),
    ],
    hints=[
        "Validate inside `try:`; a lazy validation raises one error that holds every failure.",
        "Catch `pa.errors.SchemaErrors` (with an s). Its `.failure_cases` is a DataFrame; the `index` column says which row failed, and is missing for failures that belong to no row.",
        "Drop the missing labels, remove repeats with `set`, and return them `sorted`. If no error is raised, return `[]`.",
    ],
)
