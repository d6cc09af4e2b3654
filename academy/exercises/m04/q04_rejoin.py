"""Module 04, exercise 4 — join two hashed releases: `rejoin(release_a, release_b)`.

The made-up releases have the columns of the notebook's releases."""

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def _rejoin_test(func):
    # the columns of the notebook's release_a and release_b
    a = pd.DataFrame({"pid": ["h1", "h2", "h3", "h4", "h5"], "region": list("NNSSE"), "housing": ["rent"] * 5,
                      "disability": [False, True, False, False, True], "children": [0, 2, 1, 0, 3]})
    b = pd.DataFrame({"pid": ["h5", "h9", "h2", "h1"], "total_pay": [50.0, 9.0, 20.0, 10.0], "jobs": [1, 1, 2, 1]})
    out = call_on_made_up(func, "rejoin", a.copy(), b.copy())
    if not isinstance(out, pd.DataFrame):
        raise Wrong("`rejoin` should return a DataFrame.")
    if "region" not in out.columns or "total_pay" not in out.columns:
        raise Wrong("The joined frame should hold the columns of both releases.")
    if len(out) != 3:
        if len(out) > 3:
            raise Wrong("The joined frame has people who are in only one release: keep only pseudonyms found in both (an inner join).")
        raise Wrong("The joined frame misses some people who are in both releases.")
    pid = out["pid"] if "pid" in out.columns else pd.Series(out.index)
    if dict(zip(pid, out["total_pay"])) != {"h1": 10.0, "h2": 20.0, "h5": 50.0}:
        raise Wrong("Rows are matched wrongly: each person's pay must come from the row with the same `pid`.")
    return


def _rejoin_course(values, salt):
    func, a, b = values["rejoin"], values["release_a"], values["release_b"]
    out = func(a.copy(), b.copy())
    if len(out) != len(set(a["pid"]) & set(b["pid"])):
        raise Wrong("On the course releases the number of re-joined people is not the number of pseudonyms in both.")


exercise = Exercise(
    id="ex04_04",
    name="rejoin",
    title="Join the two releases",
    names=("rejoin", "release_a", "release_b"),
    checks=[IsA("rejoin", "function"), Behaves("rejoin", _rejoin_test), _rejoin_course],
    hints=[
        "The same person has the same pseudonym in both releases. Which pandas operation matches rows on a shared column?",
        "`DataFrame.merge` on the column `pid`; think about which kind of join keeps only people in both.",
    ],
)
