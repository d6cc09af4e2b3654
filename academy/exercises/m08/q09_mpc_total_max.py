"""Module 08, exercise 9 — a joint statistic with MPyC: `mpc_total_and_max(values)`."""

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


def _new(func):
    for values in ([5, 17, 3], [0, 0, 0], [1200, 45, 1199, 8]):
        got = _pair(call_learner(func, "mpc_total_and_max", list(values), seconds=20,
                                 too_slow="`mpc_total_and_max` took more than 20 seconds on a few numbers."))
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
