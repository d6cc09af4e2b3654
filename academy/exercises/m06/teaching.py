"""Helpers the teaching cells of module 06 import (not checks).

``at_most(seconds, what)`` runs a teaching cell's loop over the learner's own functions with a
time limit: a correct but slow answer then shortens a demonstration instead of stalling the
notebook (and, under the grader, every test cell after it).
"""

import contextlib

from academy.exercises.core import TooSlow, time_limit


@contextlib.contextmanager
def at_most(seconds: float, what: str):
    """Run the block for at most ``seconds``; if it runs out, say so and carry on."""
    try:
        with time_limit(seconds) as limit:
            yield
    except TooSlow as slow:
        if slow is not limit:
            raise
        print(f"Stopped {what} after {seconds:g} seconds: your function is correct but slow here. "
              "The rest of the notebook runs on.")
