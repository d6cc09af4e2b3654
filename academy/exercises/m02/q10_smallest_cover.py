"""Module 02, exercise 10 — the smallest group of participants: `smallest_cover(needed, holdings)`."""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

HOLDINGS = {
    "Ports": {"cargo", "vessel", "date"},
    "Customs": {"cargo", "value", "vessel", "incident"},
    "Tax": {"cargo", "value", "turnover"},
    "Police": {"position", "incident", "vessel"},
    "Coastguard": {"vessel", "position", "incident", "date"},
}
NEED = {"cargo", "value", "turnover", "vessel", "position", "incident"}


def _cover_none(func):
    if func({"cargo", "submarine"}, {k: set(v) for k, v in HOLDINGS.items()}) is not None:
        raise Wrong("When no group of agencies holds every needed attribute, `smallest_cover` should return None.")
    got = func(set(), {k: set(v) for k, v in HOLDINGS.items()})
    if got is None or len(set(got)) != 0:
        raise Wrong("When nothing is needed, the smallest cover is the empty set.")


exercise = Exercise(
    id="ex02_10",
    name="smallest_cover",
    title="The smallest group of participants",
    names=("smallest_cover",),
    checks=[
        IsA("smallest_cover", "function"),
        Calls("smallest_cover", (NEED, HOLDINGS), key="cover", transform=set,
              message="Try every group in order of size (0, 1, 2, …), with the agencies in sorted order, and return "
                      "the first whose attributes together include every needed one.",
              mistakes={"wrong-greedy-cover": "this group covers the need but is not the smallest: picking the agency "
                                              "that covers most first (greedy) can miss the best group. Try every "
                                              "group, smallest first."}),
        Behaves("smallest_cover", _cover_none),
    ],
    hints=[
        "A group covers the need when the union of its members' attributes contains every needed attribute (`needed <= union`).",
        "Two loops: the outer over the size 0, 1, …, len(holdings); the inner over `itertools.combinations(sorted(holdings), size)`.",
        "Return `set(group)` for the first group that covers; if the loops end without one, return None.",
    ],
)
