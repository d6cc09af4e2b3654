"""Module 03, exercise 10 — a match probability by hand: `match_probability(agree, weights, prior)`.

The weights are given (made up here), so this exercise does not depend on exercise 9."""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up

# Made-up weights in bits (agree, disagree).
WEIGHTS = {"name": (8.26, -3.64), "dob": (12.2, -5.05), "post": (6.13, -1.72)}
AGREE = {"name": True, "dob": False, "post": None}


def _probability_range_test(func):
    got = call_on_made_up(func, "match_probability", {"name": True, "dob": True, "post": True}, dict(WEIGHTS), 0.01)
    if got is None:
        raise Wrong("`match_probability` returned None. Did you forget `return`?")
    if not 0 <= float(got) <= 1:
        raise Wrong("`match_probability` returned a value outside 0 to 1: return a probability as a number between 0 and 1 "
                    "(not a percentage, not a weight: a total weight still has to be turned back into a probability).")


exercise = Exercise(
    id="ex03_10",
    name="match_probability",
    title="A match probability by hand",
    names=("match_probability",),
    checks=[
        IsA("match_probability", "function"),
        Behaves("match_probability", _probability_range_test),
        Calls("match_probability", (dict(AGREE), dict(WEIGHTS), 0.01), key="visible_case", transform=float,
              message="Start from the prior's weight, add one weight per field that is not missing, and only then "
                      "turn the total into a probability.",
              mistakes={"wrong-swapped-pair-first-key-and-linked-ghosts":
                        "the prior is left out: the total starts from the prior's own weight, as the text above the exercise explains.",
                        "wrong-unlabelled-links-and-summed-blocks":
                        "a missing field (None) was counted as a disagreement: missing is no evidence either way."}),
    ],
    hints=[
        "Work in weights (bits): they add. Convert to a probability only at the end.",
        "Start with the prior's weight, log2(prior / (1 − prior)); for each field add its agreement or disagreement weight "
        "from `weights`, or nothing if the field is None.",
        "Test `if value is None: continue` before `if value:`; at the end return 2**w / (1 + 2**w).",
    ],
)
