"""Module 08, exercise 9 — a joint statistic with MPyC: `mpc_total_and_max(values)`."""

import sys

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

VISIBLE = ([412, 388, 97],)


def _pair(got):
    if not isinstance(got, (list, tuple)) or len(got) != 2:
        raise Wrong("`mpc_total_and_max` should return two numbers: (total, largest).")
    try:
        return int(got[0]), int(got[1])
    except (TypeError, ValueError):
        raise Wrong("`mpc_total_and_max` should return plain numbers, opened with `mpc.output`, not secure objects.")


def _opened_by(func, values):
    """Call the learner's function, counting the secure values it opens with ``mpc.output``."""
    from academy.exercises.m08.teaching import mpc_runtime

    mpc = mpc_runtime()
    original, opened = mpc.output, []

    def counting(x, *args, **kwargs):  # why: opening the inputs gives the right pair but protects nothing
        # MPyC's own protocols (max, comparisons) open masked values too: count only the learner's calls.
        if not sys._getframe(1).f_globals.get("__name__", "").startswith("mpyc"):
            opened.append(len(x) if isinstance(x, (list, tuple)) else 1)
        return original(x, *args, **kwargs)

    mpc.output = counting
    try:
        got = call_learner(func, "mpc_total_and_max", list(values), seconds=20,
                           too_slow="`mpc_total_and_max` took more than 20 seconds on a few numbers.")
    finally:
        del mpc.output  # the class's own method again
    return got, sum(opened)


def _new(func):
    for values in ([5, 17, 3], [0, 0, 0], [1200, 45, 1199, 8]):
        got, opened = _opened_by(func, values)
        if opened > 2:
            raise Wrong("`mpc_total_and_max` opens more secure values than the two results, so the parties see "
                        "more than the total and the largest. What must stay secret-shared until the end?")
        got = _pair(got)
        if got != (sum(values), max(values)):
            raise Wrong("On new inputs `mpc_total_and_max` does not give the total and the largest value.")


exercise = Exercise(
    id="ex08_09",
    name="mpc_total_max",
    title="A joint statistic with MPyC",
    names=("mpc_total_and_max",),
    checks=[
        IsA("mpc_total_and_max", "function"),
        Calls("mpc_total_and_max", VISIBLE, key="visible", step=0.5, transform=_pair,
              message="Return the total of all values first, then the largest value."),
        Behaves("mpc_total_and_max", _new),
    ],
    time_limit=60,
    hints=[
        "Follow the worked example: each value becomes a secure integer, the computation runs on those, "
        "and only the results are opened.",
        "`mpc.sum` adds secure integers and `mpc.max` finds the largest; `mpc.output` opens a list of results.",
        "Inside an `async def`: `await mpc.start()`, compute, `await mpc.output([...])`, `await mpc.shutdown()`; "
        "outside, `mpc.run(...)` runs it and returns the opened values.",
    ],
)
