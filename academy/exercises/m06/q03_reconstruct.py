"""Module 06, exercise 3 — reconstruction from published tables: `reconstruct(tables)`."""

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

BANDS = ("0-17", "18-64", "65+")
SEXES = ("F", "M")


def tables_of(records):
    """The three published tables of a list of (band, sex, benefit) records (as in the notebook)."""
    return {
        "people": {(b, s): sum(1 for r in records if r[0] == b and r[1] == s) for b in BANDS for s in SEXES},
        "benefit_by_sex": {s: sum(1 for r in records if r[1] == s and r[2]) for s in SEXES},
        "benefit_by_band": {b: sum(1 for r in records if r[0] == b and r[2]) for b in BANDS},
    }


def _canonical(solution):
    if hasattr(solution, "itertuples"):
        solution = solution.itertuples(index=False)
    return tuple(sorted((str(r[0]), str(r[1]), bool(r[2])) for r in solution))


VISIBLE_RECORDS = [("18-64", "F", True), ("65+", "M", True), ("18-64", "M", False), ("65+", "F", False), ("0-17", "F", False)]
# Eight people, as many as section 6 searches; a blunt search over multisets takes about half a
# second here, a search over the benefit flags a millisecond, a search over orderings hours.
LARGER_RECORDS = [("0-17", "M", False), ("18-64", "F", True), ("18-64", "F", False), ("18-64", "M", True),
                  ("18-64", "M", False), ("65+", "F", True), ("65+", "F", False), ("65+", "M", False)]
SPEED_SECONDS = 6.0


def _shape(func):
    tables = tables_of(VISIBLE_RECORDS)
    snapshot = repr(tables)
    found = func(tables)
    if found is None:
        raise Wrong("`reconstruct` returned None. Did you forget `return`?")
    if repr(tables) != snapshot:
        raise Wrong("`reconstruct` changed the tables it was given; work on a copy.")
    if not isinstance(found, (list, tuple)):
        raise Wrong(f"`reconstruct` should return a list of sets of records, not a {type(found).__name__}.")
    try:
        solutions = [_canonical(s) for s in found]
    except Exception:
        raise Wrong("Each item of the list should be one set of records: a list of (band, sex, benefit) tuples.")
    if any(tables_of(s) != tables for s in solutions):
        raise Wrong("Some sets of records you return do not reproduce the published tables.")
    if _canonical(VISIBLE_RECORDS) not in solutions:
        raise Wrong("The true records are not among your reconstructions: the search misses some possibilities.")
    if len(set(solutions)) != len(solutions):
        raise Wrong("The same set of records appears more than once. Records are unordered: search over "
                    "multisets (combinations with replacement), not over orderings.")


def _speed(func):
    found = call_learner(
        func, "reconstruct", tables_of(LARGER_RECORDS), seconds=SPEED_SECONDS,
        too_slow=(f"`reconstruct` is right on a small table but took more than {SPEED_SECONDS:g} seconds on a table "
                  "of 8 people, and section 6 calls it up to 200 times. Search only what the tables leave open — "
                  "how many people in each (band, sex) cell receive benefit — instead of every multiset or "
                  "ordering of records."))
    if _canonical(LARGER_RECORDS) not in [_canonical(s) for s in found]:
        raise Wrong("On a larger table the true records are not among your reconstructions.")


exercise = Exercise(
    id="ex06_03",
    name="reconstruct",
    title="Reconstruction from published tables",
    names=("reconstruct",),
    checks=[
        IsA("reconstruct", "function"),
        Behaves("reconstruct", _shape),
        Calls("reconstruct", (tables_of(VISIBLE_RECORDS),), key="how_many", step=0.5, transform=len,
              message="Your search misses some sets of records that are consistent with the tables."),
        Behaves("reconstruct", _speed),
    ],
    hints=[
        "The `people` table already says how many people sit in each (band, sex) cell. What is still unknown?",
        "Only who receives benefit is unknown: in a cell with n people, 0, 1, …, n of them can receive it. "
        "`itertools.product` runs through every combination of those choices.",
        "For each combination build the list of records (True for the first k of a cell, False for the rest), "
        "and keep it when `tables_from_records(records) == tables`.",
    ],
)
