"""Running learner code safely: a time limit that nests, and output that cannot reach stderr.

``call_learner`` is the one way checks call learner code (the stub reads as not attempted; an
optional time limit gives feedback), ``call_on_made_up`` the same on made-up tables; ``at_most`` bounds a teaching cell's loop over learner
code; ``time_limit`` and ``quiet`` are the parts both use, as does the fingerprint generator.
"""

from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
import pandas as pd


class TooSlow(BaseException):
    """Raised inside learner code when a ``time_limit`` runs out.

    A BaseException, so that a learner's bare ``except Exception`` cannot swallow it. Each
    ``time_limit`` raises its own instance: compare with ``is`` to know whose limit it was.
    """


_LIMITS: list = []  # active limits, innermost last: [deadline, TooSlow instance]


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the block after ``seconds`` with a ``TooSlow`` (yields that instance).

    Nests: when an outer limit runs out first, the outer limit's own instance is raised, so each
    caller can tell whose limit it was. Main thread on Unix; elsewhere no limit.
    """
    import signal
    import threading
    import time

    fired = TooSlow(seconds)
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        yield fired
        return

    def _arm():
        deadline, _ = min(_LIMITS, key=lambda entry: entry[0])
        signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 0.001))

    def _alarm(signum, frame):
        raise min(_LIMITS, key=lambda entry: entry[0])[1]

    outermost = not _LIMITS
    if outermost:  # an alarm set by someone else: keep it, and give back what is left of it
        foreign_left, _ = signal.getitimer(signal.ITIMER_REAL)
        previous = signal.signal(signal.SIGALRM, _alarm)
        started = time.monotonic()
    entry = [time.monotonic() + seconds, fired]
    _LIMITS.append(entry)
    _arm()
    try:
        yield fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _LIMITS.remove(entry)
        if _LIMITS:
            _arm()
        else:
            signal.signal(signal.SIGALRM, previous)
            if foreign_left:
                signal.setitimer(signal.ITIMER_REAL, max(foreign_left - (time.monotonic() - started), 0.001))




@contextlib.contextmanager
def quiet():
    """Run learner code with warnings and stderr swallowed (stderr zeroes an nbgrader test)."""
    sink = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.redirect_stderr(sink):
            yield sink


class NotAttempted(Exception):
    """Raised by a check when the answer is still the stub or a placeholder."""


class Wrong(Exception):
    """Raised by a check with feedback that says what is wrong, never what is right."""


def call_learner(func, name: str, *args, seconds: float | None = None, too_slow: str = "", **kwargs):
    """The one way to call learner code: ``func(*args, **kwargs)``, optionally within ``seconds``.

    The untouched stub raises ``NotAttempted``; running out of ``seconds`` raises ``Wrong`` with
    ``too_slow`` as feedback. Any other exception of the learner's code propagates.
    """
    try:
        if seconds is None:
            return func(*args, **kwargs)
        with time_limit(seconds) as limit:
            return func(*args, **kwargs)
    except NotImplementedError:
        raise NotAttempted(f"`{name}` still raises NotImplementedError: replace the stub with your code.")
    except TooSlow as slow:
        if seconds is None or slow is not limit:
            raise
        raise Wrong(too_slow or f"`{name}` took more than {seconds:g} seconds on a small case.")


def call_on_made_up(func, name: str, *args, **kwargs):
    """``call_learner(func, name, *args, **kwargs)`` on made-up tables: a KeyError becomes ``Wrong``
    naming the columns those tables have (the learner's own table may well have the missing one).

    Raises ``NotAttempted`` for the stub, ``Wrong`` for a KeyError when an argument is a table; any
    other exception of the learner's code propagates (``Behaves`` turns it into feedback).
    """
    try:
        return call_learner(func, name, *args, **kwargs)
    except KeyError as error:
        tables = [str([str(c) for c in a.columns]) for a in args if isinstance(a, pd.DataFrame)]
        if not tables:
            raise
        raise Wrong(f"`{name}` raised KeyError: {error} on a made-up case. Its tables have only these columns: "
                    f"{' and '.join(tables)}. If your own table has that column, your function relies on a column "
                    "the prompt does not promise.")


def _brief(value) -> str:
    """An argument as feedback shows it: tables by their size, long values cut short."""
    if isinstance(value, pd.DataFrame):
        return f"<a table of {len(value)} rows>"
    if isinstance(value, pd.Series):
        return f"<a column of {len(value)} values>"
    if isinstance(value, np.ndarray) and value.ndim and len(repr(value)) > 60:  # four cut-off arrays bury the message
        return f"<an array of {value.size} values>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _call(func, name: str, shown: str, args: list, kwargs: dict):
    """Call learner code: a stub means not attempted; any other exception becomes feedback."""
    try:
        got = call_learner(func, name, *args, **kwargs)
    except (NotAttempted, Wrong):
        raise
    except Exception as error:
        raise Wrong(f"`{shown}` raised {type(error).__name__}: {error}")
    if got is None:
        raise Wrong(f"`{shown}` returned None. Did you forget `return`?")
    return got


@contextlib.contextmanager
def at_most(seconds: float, what: str, note: str = "your function is correct but slow here. The rest of the notebook runs on."):
    """For teaching cells: run the block for at most ``seconds``; if it runs out, say so and carry on.

    A teaching cell that runs the learner's functions many times is bounded with it, so that a
    correct but slow answer shortens a demonstration instead of stalling the notebook (and, under
    the grader, every test cell after it). ``note`` is what the learner reads after "Stopped ...:".
    """
    try:
        with time_limit(seconds) as limit:
            yield
    except TooSlow as slow:
        if slow is not limit:
            raise
        print(f"Stopped {what} after {seconds:g} seconds: {note}")
