"""Running learner code safely: a time limit that nests, and output that cannot reach stderr.

``time_limit`` and ``quiet`` are what checks, the teaching helpers and the fingerprint generator
use; ``checks.call_learner`` wraps them for one call of learner code.
"""

from __future__ import annotations

import contextlib
import io
import warnings

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


_TooSlow = TooSlow  # old name, kept while modules 01-05 move to the package layout


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


def _brief(value) -> str:
    """An argument as feedback shows it: tables by their size, long values cut short."""
    if isinstance(value, pd.DataFrame):
        return f"<a table of {len(value)} rows>"
    if isinstance(value, pd.Series):
        return f"<a column of {len(value)} values>"
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
