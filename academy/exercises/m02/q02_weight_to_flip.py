"""Module 02, exercise 2 — how far must a weight move to change the winner?:
`weight_to_flip(candidates, weights, criterion, step=0.01, max_change=1.0)`.

Graded alone: `score_use_cases` means a correct stand-in while it runs.
"""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m02.earlier_answers import scores_stand_in
from academy.exercises.standins import Alone

STAND_IN = {"score_use_cases": scores_stand_in}


def made_up_flip_table() -> pd.DataFrame:
    return pd.DataFrame({
        "use_case": ["north", "south", "east", "west"],
        "a": [4, 3, 5, 2], "b": [3, 5, 2, 4], "c": [2, 2, 3, 5],
    })


FLIP_WEIGHTS = {"a": 0.4, "b": 0.35, "c": 0.105}


def made_up_tie_table() -> pd.DataFrame:
    """Whole-number weights and steps, so that scores tie exactly at one increase."""
    return pd.DataFrame({"use_case": ["first", "second", "third"], "a": [5, 1, 2], "b": [1, 5, 2]})


TIE_WEIGHTS = {"a": 3, "b": 1}


def made_up_drift_table() -> pd.DataFrame:
    return pd.DataFrame({"use_case": ["steady", "rising", "other"], "a": [5, 2, 1], "c": [1, 5, 2]})


DRIFT_WEIGHTS = {"a": 1.0, "c": 0.02}
DRIFT = ("With step=0.05 and max_change=0.75, your function misses a change at the last allowed increase. Floats "
         "are not exact: adding `step` again and again drifts (fifteen additions of 0.05 come to slightly more "
         "than 0.75), and dividing max_change by step can land just below a whole number. Think about how your "
         "loop counts the steps and decides that the last one is still allowed.")


def _flip_none(func):
    if func(made_up_flip_table(), dict(FLIP_WEIGHTS), "b") is not None:
        raise Wrong("On a made-up table, you return an increase for a criterion on which the top use case already "
                    "scores best. Raising that weight only widens its lead: return None when nothing up to "
                    "max_change flips the top.")
    if func(made_up_flip_table(), dict(FLIP_WEIGHTS), "c", step=0.01, max_change=0.1) is not None:
        raise Wrong("When no increase up to `max_change` changes the top choice, return None: your function looks "
                    "further than `max_change`.")


def _edges(func):
    """The change comes exactly at max_change (found from the learner's own tie case), and a drifting step."""
    tie = call_learner(func, "weight_to_flip", made_up_tie_table(), dict(TIE_WEIGHTS), "b", step=1, max_change=10)
    if tie is None:
        return  # the tie check below says what is wrong
    edge = call_learner(func, "weight_to_flip", made_up_tie_table(), dict(TIE_WEIGHTS), "b", step=1, max_change=float(tie))
    if edge is None:
        raise Wrong("On a made-up table where the top changes at an increase exactly equal to `max_change`, you "
                    "return None: the increases tried go up to **and including** `max_change`. Look at where your "
                    "loop stops.")
    drift = call_learner(func, "weight_to_flip", made_up_drift_table(), dict(DRIFT_WEIGHTS), "c", step=0.05, max_change=0.75)
    if drift is None:
        raise Wrong(DRIFT)


def _alone(check):
    return Alone("weight_to_flip", STAND_IN, check)


exercise = Exercise(
    id="ex02_02",
    name="weight_to_flip",
    title="How far must a weight move to change the winner?",
    names=("weight_to_flip",),
    checks=[
        IsA("weight_to_flip", "function"),
        _alone(Calls("weight_to_flip", (made_up_flip_table(), FLIP_WEIGHTS, "c"), key="rising_c", step=0.001,
                     message="Find the top use case first; then raise only this criterion's weight by k × step, "
                             "k = 1, 2, …, re-score, and stop at the first k where another use case scores strictly higher.")),
        _alone(Calls("weight_to_flip", (made_up_flip_table(), FLIP_WEIGHTS, "a"), kwargs={"step": 0.02, "max_change": 2.0},
                     key="rising_a", step=0.001, message="Does your function use its `step` argument (increases of k × step)?")),
        _alone(Behaves("weight_to_flip", _flip_none)),
        _alone(Calls("weight_to_flip", (made_up_tie_table(), TIE_WEIGHTS, "b"), kwargs={"step": 1, "max_change": 10},
                     key="tie", step=0.001,
                     message="On a made-up table with whole-number weights and step=1, this is not the first increase "
                             "at which another use case is strictly ahead.",
                     mistakes={"wrong-tie-counts-as-flip": "the scores tie exactly at this increase, and a tie does not "
                                                           "change the top choice: another use case must score strictly "
                                                           "higher than the original top choice."})),
        _alone(Behaves("weight_to_flip", _edges)),
        _alone(Calls("weight_to_flip", (made_up_drift_table(), DRIFT_WEIGHTS, "c"), kwargs={"step": 0.05, "max_change": 0.75},
                     key="drift", step=0.001, message=DRIFT)),
    ],
    hints=[
        "Score the use cases with the weights as given and note the top one. Then ask: if this one weight were a little larger, would another use case be ahead?",
        "Loop k = 1, 2, 3, …: copy the weights, set this criterion's weight to the original plus k × step, re-score with `score_use_cases`, and compare every other use case's score with the original top's.",
        "Stop the loop when k × step passes `max_change` and return None then; return k × step as soon as some other use case's score is greater than the original top's.",
    ],
)
