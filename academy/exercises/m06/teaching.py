"""Helpers the teaching cells of module 06 import (not checks).

``at_most(seconds, what)`` bounds the teaching cells of sections 3 and 6, which run the learner's
``reconstruct`` (and ``noisy_tables``) many times: a correct but slow answer then shortens a
demonstration instead of stalling the notebook.
"""

from academy.exercises.running import at_most

__all__ = ["at_most"]
