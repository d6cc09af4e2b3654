"""Checks: small classes, one rule each. One protocol: a check raises ``Wrong`` (feedback),
``NotAttempted`` (the stub is still there) or returns.

A check is called as ``check(values, salt)`` with the learner's values by name. Feedback names
what is wrong and how to think about it; it never states the expected value or the fixing code.
Checks that compare with the reference answer (``Matches``, ``Calls``, ``CallsOn``,
``KnownMistakes``) read their fingerprints from the module's generated ``fingerprints.json``
under their ``key``; ``observe(values)`` is the value they fingerprint, which is how
``academy fingerprints`` regenerates them from the source notebook.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

from academy.exercises.running import NotAttempted, TooSlow, Wrong, call_learner  # noqa: F401 (one way to call learner code)

TYPE_WORDS = {
    "number": "a number",
    "integer": "a whole number (int)",
    "frame": "a pandas DataFrame",
    "series": "a pandas Series",
    "function": "a function",
    "text": "a string",
    "bool": "True or False",
    "sequence": "a list or tuple",
    "dict": "a dict",
}


def _is_type(value, kind: str) -> bool:
    if kind == "number":
        return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))
    if kind == "integer":
        if isinstance(value, (bool, np.bool_)):
            return False
        if isinstance(value, (numbers.Integral, np.integer)):
            return True
        return isinstance(value, (float, np.floating)) and float(value).is_integer()
    if kind == "frame":
        return isinstance(value, pd.DataFrame)
    if kind == "series":
        return isinstance(value, pd.Series)
    if kind == "function":
        return callable(value)
    if kind == "text":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, (bool, np.bool_))
    if kind == "sequence":
        return isinstance(value, (list, tuple, np.ndarray, pd.Series))
    if kind == "dict":
        return isinstance(value, dict)
    raise ValueError(kind)


# ----------------------------------------------------------------------------- shape and properties
@dataclass
class IsA:
    """The name holds a value of the right kind (see TYPE_WORDS)."""

    name: str
    kind: str

    def __call__(self, values, salt=None):
        value = values[self.name]
        if not _is_type(value, self.kind):
            raise Wrong(f"`{self.name}` should be {TYPE_WORDS[self.kind]}, but it is a {type(value).__name__}.")


@dataclass
class Has:
    """A property every correct answer has, with the feedback to give when it is missing."""

    name: str
    test: Callable[[Any], bool]
    message: str

    def __call__(self, values, salt=None):
        if not self.test(values[self.name]):
            raise Wrong(self.message)


@dataclass
class Columns:
    """A table has the columns the prompt asked for (any order, extra columns refused)."""

    name: str
    required: list[str]
    exact: bool = True

    def __call__(self, values, salt=None):
        frame = values[self.name]
        if isinstance(frame, pd.Series):
            frame = frame.reset_index()
        cols = [str(c) for c in frame.columns]
        missing = [c for c in self.required if c not in cols]
        if missing:
            raise Wrong(f"`{self.name}` is missing the column(s) {', '.join(map(repr, missing))}; it has {cols}.")
        extra = [c for c in cols if c not in self.required]
        if self.exact and extra:
            raise Wrong(f"`{self.name}` has column(s) the prompt did not ask for: {extra}. Keep only {self.required}.")


@dataclass
class Rows:
    """A table has one row per ``what``; the count is shape, not the answer."""

    name: str
    count: int
    what: str

    def __call__(self, values, salt=None):
        n = len(values[self.name])
        if n != self.count:
            raise Wrong(f"`{self.name}` has {n} rows, but it should have one row per {self.what}.")


@dataclass
class Behaves:
    """A learner's function has a property on inputs built at check time (randomised, larger, edge cases).

    ``test(func)`` raises ``Wrong("feedback")`` when the property does not hold, or returns.
    (LEGACY: a returned string is read as feedback; modules 01-05 still do that.)
    """

    name: str
    test: Callable[[Callable], None]

    def __call__(self, values, salt=None):
        func = values[self.name]
        try:
            problem = self.test(func)
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except (Wrong, NotAttempted, TooSlow):
            raise
        except Exception as error:
            raise Wrong(f"`{self.name}` raised {type(error).__name__}: {error}")
        if problem:
            raise Wrong(problem)


# The checks that compare with the reference answer live in compare.py; import them from here.
from academy.exercises.compare import Calls, CallsOn, Fingerprinted, KnownMistakes, Matches  # noqa: E402,F401
