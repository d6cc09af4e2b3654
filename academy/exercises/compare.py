"""Checks against the reference answer, by fingerprint: ``Matches``, ``KnownMistakes``, ``Calls``, ``CallsOn``.

They read their fingerprints from the module's generated ``fingerprints.json`` under their
``key``; ``observe(values)`` is the value they fingerprint, which is how ``academy fingerprints``
regenerates them from the source notebook. Import them from ``academy.exercises.checks``.
"""

from __future__ import annotations

import copy

from academy.exercises.fingerprints import fingerprint, matches, table_fingerprint
from academy.exercises.running import NotAttempted, Wrong, _brief, _call


class Fingerprinted:
    """Shared by checks that compare a value with the reference answer's fingerprint.

    Subclasses define ``observe(values)``: the value to fingerprint (the learner's, or during
    ``academy fingerprints`` the reference notebook's or a wrong-answer fixture's).
    ``mistakes`` maps a fixture in tests/fixtures/NN-slug/ (its file stem) to the feedback that a
    value like that fixture's deserves. ``step`` is the grid of the number tolerance (about 1.5
    steps either way); ``table_key`` fingerprints a small table cell by cell, rows sorted by it.
    """

    fingerprinted = True
    expects = True  # False: only known mistakes are recognised (KnownMistakes)

    def _setup(self, key, step, table_key, transform, message, mistakes, expected, shown):
        self.key, self.step, self.table_key = key or self.name, step, table_key
        self.transform = transform or (lambda value: value)
        self.message, self.shown = message, shown or self.name
        self.legacy = expected is not None  # LEGACY: a pasted spec salted with the exercise id
        if self.legacy:
            self.expected, self.mistakes, self.fingerprinted = expected, list(mistakes or []), False
        else:
            self.mistakes = dict(mistakes or {})
        self.exercise = None

    def bind(self, exercise) -> None:
        self.exercise = exercise

    def spec_of(self, value) -> dict:
        """The fingerprint of ``value`` under this check's salt and step (for the generator)."""
        salt = self.exercise.salt_for(self.key)
        if self.table_key:
            return table_fingerprint(value, self.table_key, salt, self.step)
        return fingerprint(value, salt, self.step)

    def _transformed(self, got):
        try:
            return self.transform(got)
        except (Wrong, NotAttempted):
            raise
        except Exception:
            raise Wrong(f"`{self.shown}` does not give the kind of value the prompt asks for.")

    def _verify(self, got, salt) -> None:
        prefix = "" if isinstance(self, Matches) else f"`{self.shown}`: "
        if self.legacy:
            known = [(spec, feedback) for spec, feedback in self.mistakes]
            if matches(got, self.expected, salt):
                return
        else:
            entry = self.exercise.stored(self.key)
            salt = self.exercise.salt_for(self.key)
            if self.expects and matches(got, entry["expected"], salt):
                return
            known = [(entry["mistakes"][f], feedback) for f, feedback in self.mistakes.items() if f in entry.get("mistakes", {})]
        for spec, feedback in known:
            if matches(got, spec, salt):
                raise Wrong(prefix + feedback)
        if not self.expects:
            return
        message = self.message(got) if callable(self.message) else self.message
        raise Wrong(message if isinstance(self, Matches) else f"`{self.shown}` does not return the expected result. {message}".strip())


class Matches(Fingerprinted):
    """The value (after ``transform``) has the fingerprint of the reference answer.

    ``message`` (text, or a function of the value giving text) is the feedback otherwise.
    """

    def __init__(self, name, expected=None, message="This is not the value we expect yet. Re-read the prompt and check each step.",
                 mistakes=None, *, key=None, step=1e-6, table_key=None, transform=None):
        self.name = name
        self._setup(key, step, table_key, transform, message, mistakes, expected, name)

    def observe(self, values):
        return self.transform(values[self.name])

    def __call__(self, values, salt=None):
        self._verify(self._transformed(values[self.name]), salt)


class KnownMistakes(Matches):
    """Recognises known wrong values (from fixtures) and names the mistake; passes anything else.

    For answers with many right values (random draws) where one wrong value is typical.
    """

    expects = False

    def __init__(self, name, mistakes, *, key=None, step=1e-6, table_key=None, transform=None):
        super().__init__(name, mistakes=mistakes, key=key, step=step, table_key=table_key, transform=transform)


class Calls(Fingerprinted):
    """``func(*args, **kwargs)`` on a visible case matches the reference (inputs deep-copied)."""

    def __init__(self, name, args, expected=None, message="", kwargs=None, mistakes=None, *,
                 key=None, step=1e-6, table_key=None, transform=None):
        self.name, self.args, self.kwargs = name, tuple(args), dict(kwargs or {})
        shown = ", ".join([_brief(a) for a in self.args] + [f"{k}={_brief(v)}" for k, v in self.kwargs.items()])
        self._setup(key, step, table_key, transform, message, mistakes, expected, f"{name}({shown})")

    def _raw(self, values):
        return _call(values[self.name], self.name, self.shown, copy.deepcopy(list(self.args)), copy.deepcopy(self.kwargs))

    def observe(self, values):
        return self.transform(self._raw(values))

    def __call__(self, values, salt=None):
        self._verify(self._transformed(self._raw(values)), salt)


class CallsOn(Fingerprinted):
    """``func(*notebook values, *fixed)`` matches the reference: the notebook's own data as input.

    The inputs are deep-copied, so a function that changes its input cannot spoil later checks;
    ``transform`` turns the result into the value that was fingerprinted (raise Wrong to refuse).
    """

    def __init__(self, name, arg_names, expected=None, message="", mistakes=None, transform=None, shown=None, fixed=(),
                 *, key=None, step=1e-6, table_key=None):
        self.name, self.arg_names, self.fixed = name, tuple(arg_names), tuple(fixed)
        self._setup(key, step, table_key, transform, message, mistakes, expected,
                    shown or f"{name}({', '.join(arg_names)})")

    def _raw(self, values):
        args = [copy.deepcopy(values[n]) for n in self.arg_names] + [copy.deepcopy(v) for v in self.fixed]
        return _call(values[self.name], self.name, self.shown, args, {})

    def observe(self, values):
        return self.transform(self._raw(values))

    def __call__(self, values, salt=None):
        self._verify(self._transformed(self._raw(values)), salt)
