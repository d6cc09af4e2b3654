"""Checks: small classes, one rule each. A check raises ``Wrong`` with feedback, or returns.

Every check gets the learner's values by name and the exercise's salt. Feedback names what is
wrong and how to think about it; it never states the expected value.
"""

from __future__ import annotations

import copy
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


def _brief(value) -> str:
    """An argument as feedback shows it: tables by their size, long values cut short."""
    if isinstance(value, pd.DataFrame):
        return f"<a table of {len(value)} rows>"
    if isinstance(value, pd.Series):
        return f"<a column of {len(value)} values>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def call_learner(func, name: str, *args, **kwargs):
    """Call learner code; the untouched stub means 'not attempted'. Other errors propagate."""
    try:
        return func(*args, **kwargs)
    except NotImplementedError:
        raise NotAttempted(f"`{name}` still raises NotImplementedError: replace the stub with your code.")


def _call(func, name: str, shown: str, args: list, kwargs: dict):
    """Call learner code: a stub means not attempted; any other exception becomes feedback."""
    try:
        got = call_learner(func, name, *args, **kwargs)
    except NotAttempted:
        raise
    except Exception as error:
        raise Wrong(f"`{shown}` raised {type(error).__name__}: {error}")
    if got is None:
        raise Wrong(f"`{shown}` returned None. Did you forget `return`?")
    return got


def _compare(got, expected: dict, mistakes, salt: str, shown: str, message: str) -> None:
    if matches(got, expected, salt):
        return
    for spec, feedback in mistakes:
        if matches(got, spec, salt):
            raise Wrong(f"`{shown}`: {feedback}")
    raise Wrong(f"`{shown}` does not return the expected result. {message}".strip())


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
        shown = ", ".join([_brief(a) for a in self.args] + [f"{k}={_brief(v)}" for k, v in self.kwargs.items()])
        shown = f"{self.name}({shown})"
        got = _call(values[self.name], self.name, shown, list(self.args), self.kwargs)
        _compare(got, self.expected, self.mistakes, salt, shown, self.message)


class CallsOn:
    """``func(*notebook values, *fixed)`` matches a fingerprint: the notebook's own data as input.

    The inputs are deep-copied, so a function that changes its input cannot spoil later checks;
    ``transform`` turns the result into the value that was fingerprinted (raise Wrong to refuse).
    """

    def __init__(self, name, arg_names, expected, message="", mistakes=(), transform=None, shown=None, fixed=()):
        self.name, self.arg_names, self.expected, self.message = name, tuple(arg_names), expected, message
        self.mistakes, self.transform, self.fixed = list(mistakes), transform or (lambda v: v), tuple(fixed)
        self.shown = shown or f"{name}({', '.join(arg_names)})"

    def __call__(self, values, salt):
        args = [copy.deepcopy(values[n]) for n in self.arg_names] + [copy.deepcopy(v) for v in self.fixed]
        got = _call(values[self.name], self.name, self.shown, args, {})
        try:
            got = self.transform(got)
        except Wrong:
            raise
        except Exception:
            raise Wrong(f"`{self.shown}` does not return the kind of value the prompt asks for.")
        _compare(got, self.expected, self.mistakes, salt, self.shown, self.message)


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
