"""Checks: small classes, one rule each. A check raises ``Wrong`` with feedback, or returns.

Every check gets the learner's values by name and the exercise's salt. Feedback names what is
wrong and how to think about it; it never states the expected value.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from academy.exercises.core import NotAttempted, Wrong
from academy.exercises.fingerprints import matches

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


@dataclass
class IsA:
    """The name holds a value of the right kind (see TYPE_WORDS)."""

    name: str
    kind: str

    def __call__(self, values, salt):
        value = values[self.name]
        if not _is_type(value, self.kind):
            raise Wrong(f"`{self.name}` should be {TYPE_WORDS[self.kind]}, but it is a {type(value).__name__}.")


@dataclass
class Has:
    """A property every correct answer has, with the feedback to give when it is missing."""

    name: str
    test: Callable[[Any], bool]
    message: str

    def __call__(self, values, salt):
        if not self.test(values[self.name]):
            raise Wrong(self.message)


@dataclass
class Columns:
    """A table has the columns the prompt asked for (any order, extra columns refused)."""

    name: str
    required: list[str]
    exact: bool = True

    def __call__(self, values, salt):
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

    def __call__(self, values, salt):
        n = len(values[self.name])
        if n != self.count:
            raise Wrong(f"`{self.name}` has {n} rows, but it should have one row per {self.what}.")


@dataclass
class Matches:
    """The value has the fingerprint of the reference answer; known mistakes get their own feedback."""

    name: str
    expected: dict
    message: str = "This is not the value we expect yet. Re-read the prompt and check each step."
    mistakes: list[tuple[dict, str]] = field(default_factory=list)

    def __call__(self, values, salt):
        value = values[self.name]
        if matches(value, self.expected, salt):
            return
        for spec, feedback in self.mistakes:
            if matches(value, spec, salt):
                raise Wrong(feedback)
        raise Wrong(self.message)


@dataclass
class Calls:
    """A learner's function, called on a visible case, returns a value with the right fingerprint."""

    name: str
    args: tuple
    expected: dict
    message: str = ""
    kwargs: dict = field(default_factory=dict)
    mistakes: list[tuple[dict, str]] = field(default_factory=list)

    def __call__(self, values, salt):
        func = values[self.name]
        shown = ", ".join([repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()])
        try:
            got = func(*self.args, **self.kwargs)
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except Exception as error:
            raise Wrong(f"`{self.name}({shown})` raised {type(error).__name__}: {error}")
        if got is None:
            raise Wrong(f"`{self.name}({shown})` returned None. Did you forget `return`?")
        if matches(got, self.expected, salt):
            return
        for spec, feedback in self.mistakes:
            if matches(got, spec, salt):
                raise Wrong(f"`{self.name}({shown})`: {feedback}")
        raise Wrong(f"`{self.name}({shown})` does not return the expected result. {self.message}".strip())


@dataclass
class Behaves:
    """A learner's function has a property on inputs built at check time (randomised, larger, edge cases).

    ``test(func)`` returns None when the property holds, or a feedback string when it does not.
    """

    name: str
    test: Callable[[Callable], str | None]

    def __call__(self, values, salt):
        func = values[self.name]
        try:
            problem = self.test(func)
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except (Wrong, NotAttempted):
            raise
        except Exception as error:
            raise Wrong(f"`{self.name}` raised {type(error).__name__}: {error}")
        if problem:
            raise Wrong(problem)
