"""Grading an exercise alone: while a check (or a hidden test) runs a learner's later function,
the earlier answers it calls mean correct stand-ins, so one early slip costs points once only.

A learner's function finds an earlier answer by name in the notebook's namespace when it is
called, so the stand-ins are bound there (``func.__globals__``) for the length of the block and
the learner's own definitions are put back afterwards, also after a time-out or an error.
The stand-ins themselves are module-specific (``mNN/earlier_answers.py``).
"""

from __future__ import annotations

import contextlib


@contextlib.contextmanager
def replaced(func, stand_ins: dict):
    """While the block runs, the names in ``stand_ins`` (name -> callable) mean the stand-ins
    inside ``func``. A ``func`` without a namespace (not a Python function) is left as it is."""
    namespace = getattr(func, "__globals__", None)
    if not isinstance(namespace, dict):
        yield
        return
    missing = object()
    saved = {name: namespace.get(name, missing) for name in stand_ins}
    namespace.update(stand_ins)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


class Alone:
    """One check, run (and observed by `academy fingerprints`) with the earlier answers inside the
    learner's function ``name`` replaced by ``stand_ins``; every other attribute is the wrapped check's."""

    def __init__(self, name: str, stand_ins: dict, check):
        self.name, self.stand_ins, self.check = name, stand_ins, check

    def __call__(self, values, salt=None):
        with replaced(values[self.name], self.stand_ins):
            return self.check(values, salt)

    def observe(self, values):
        with replaced(values[self.name], self.stand_ins):
            return self.check.observe(values)

    def __getattr__(self, attr):
        if attr == "check":  # not set yet (copy, pickle): no endless lookup
            raise AttributeError(attr)
        return getattr(self.check, attr)
