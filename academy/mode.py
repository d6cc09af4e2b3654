"""Which situation a notebook runs in: graded (hub, nbgrader) or self-paced (a laptop).

Graded is the default: a hub sets nothing, and solutions must stay hidden there. The
course launcher (``python3 run.py lab``) sets ``ACADEMY_MODE=self-paced`` for learners who
work alone and may ask for a worked solution.
"""

import os
import warnings

SELF_PACED = "self-paced"
GRADED = "graded"


def _frozen(value: bool):
    # A callable, not a plain flag: the sandboxed grader restores the package's callables before
    # every test, so a submission cannot switch grading off by editing this module or os.environ.
    return lambda: value


_started_under_grader = _frozen(bool(os.environ.get("NBGRADER_EXECUTION")))


def under_grader() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return _started_under_grader() or bool(os.environ.get("NBGRADER_EXECUTION"))


def current() -> str:
    if under_grader():
        return GRADED
    value = os.environ.get("ACADEMY_MODE", GRADED).strip().lower()
    return SELF_PACED if value in {SELF_PACED, "self_paced", "selfpaced"} else GRADED


def silence_warnings() -> None:
    warnings.simplefilter("ignore")
