"""Module 02, exercise 11 — who cannot be replaced?: `indispensable(needed, holdings)`.

Graded alone: `smallest_cover` means a correct stand-in while it runs.
"""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m02.earlier_answers import cover_stand_in
from academy.exercises.standins import Alone
from academy.exercises.m02.q10_smallest_cover import HOLDINGS, NEED

STAND_IN = {"smallest_cover": cover_stand_in}


def _substitutes(func):
    holdings = {"Big": {"x", "y"}, "Xonly": {"x"}, "Yonly": {"y"}, "Zed": {"z"}}
    got = func({"x", "y", "z"}, {k: set(v) for k, v in holdings.items()})
    if got is None:
        raise Wrong("`indispensable` returned None: return a set (the empty set if no agency is indispensable).")
    if "Big" in set(got):
        raise Wrong("On made-up holdings where one agency holds two attributes that two others hold one each, you "
                    "call it indispensable. Without it the cover is larger, but it still exists: an agency is "
                    "indispensable only when, without it, **no** group covers the need.")


exercise = Exercise(
    id="ex02_11",
    name="indispensable",
    title="Who cannot be replaced?",
    names=("indispensable",),
    checks=[
        IsA("indispensable", "function"),
        Alone("indispensable", STAND_IN, Calls(
            "indispensable", (NEED, HOLDINGS), key="agencies", transform=set,
            message="An agency is indispensable when, with it removed from `holdings`, no group covers the need.",
            mistakes={"wrong-cover-as-indispensable": "this is the smallest cover, not the agencies that cannot be "
                                                      "replaced: some members of a cover have substitutes."})),
        Alone("indispensable", STAND_IN, Behaves("indispensable", _substitutes)),
    ],
    hints=[
        "Imagine each agency in turn refusing to take part. Can the others still cover the need?",
        "For each agency, build a copy of `holdings` without it and call `smallest_cover` on the copy.",
        "Keep the agencies for which that call returns None.",
    ],
)
