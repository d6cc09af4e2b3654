"""Module 10, exercise 1 — pick the pilot and its participants: `pick_pilot(candidates, weights, needs, holdings)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

# A made-up catalogue: the top bid needs a field nobody holds; the next two tie on score.
BIDS = pd.DataFrame({"use_case": ["kappa", "alpha", "omega"], "value": [5, 3, 3], "trust": [5, 4, 4]})
WEIGHTS = {"value": 1, "trust": 1}
NEEDS = {"kappa": {"x", "missing"}, "alpha": {"x", "y"}, "omega": {"y"}}
HOLDINGS = {"B": {"x", "y"}, "A": {"x"}, "C": {"y"}}


def _as_pair(got):
    if got is None:
        return None
    if not isinstance(got, dict) or set(got) != {"use_case", "participants"}:
        raise Wrong("`pick_pilot` should return a dict with exactly the keys use_case and participants.")
    group = got["participants"]
    if group is None:  # a bid with no cover: compared as such, so the feedback names that, not a crash
        return [str(got["use_case"]), None]
    if isinstance(group, str) or not hasattr(group, "__iter__"):
        raise Wrong("`participants` should be a set of agency names.")
    return [str(got["use_case"]), sorted(map(str, group))]


def _edges(func):
    got = _as_pair(func(BIDS.copy(), dict(WEIGHTS), {k: set(v) for k, v in NEEDS.items()},
                        {k: set(v) for k, v in HOLDINGS.items()}))
    if got is None:
        raise Wrong("`pick_pilot` returned None although some bids can be covered: go down the ranking.")
    if got[0] == "kappa":
        raise Wrong("The top-ranked bid needs a field no agency holds: a bid nobody can supply cannot be the pilot. "
                    "Go down the ranking to the first bid that can be covered.")
    if got[0] != "alpha":
        raise Wrong("Two coverable bids tie on score here: the prompt says which of them comes first.")
    nothing = func(BIDS.copy(), dict(WEIGHTS), {k: set(v) for k, v in NEEDS.items()}, {"A": {"q"}})
    if nothing is not None:
        raise Wrong("When no bid can be covered by the agencies, `pick_pilot` should return None.")


exercise = Exercise(
    id="ex10_01",
    name="pick_pilot",
    title="Pick the pilot and its participants",
    names=("pick_pilot",),
    checks=[
        IsA("pick_pilot", "function"),
        Behaves("pick_pilot", _edges),
        Calls("pick_pilot", (BIDS, WEIGHTS, NEEDS, HOLDINGS), key="visible_case", transform=_as_pair,
              message="Rank the bids with module 02's score, take the best one that some group of agencies can "
                      "cover, and give the smallest such group."),
    ],
    hints=[
        "Two tools from module 02 do the work: the ranking of the bids, and the smallest group of agencies for one bid.",
        "Walk the ranked table best first (ties by name); for each bid ask `ex.teaching.smallest_cover` for its group.",
        "Sort the ranked table by rank, then by use_case; return the first bid whose cover is not None, with that cover.",
    ],
)
