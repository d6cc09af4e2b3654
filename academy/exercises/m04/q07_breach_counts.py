"""Module 04, exercise 7 — which accesses broke the agreement: `breach_counts(log, policy, judge)`.

The check passes a judge of its own, so this exercise does not depend on exercise 3 (decide)."""

import copy

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.access_requests import request
from academy.exercises.running import call_on_made_up


def _as_breach_table(out):
    if not isinstance(out, pd.DataFrame):
        raise Wrong("`breach_counts` should return a DataFrame with the columns `who` and `breaches`.")
    if "who" not in map(str, out.columns) and out.index.name == "who":
        out = out.reset_index()
    if sorted(map(str, out.columns)) != ["breaches", "who"]:
        raise Wrong(f"The table should have exactly the columns `who` and `breaches`; it has {[str(c) for c in out.columns]}.")
    return out


def _judge(calls):
    """A stand-in for decide: refuses the entries whose `seq` is in policy["refuse"], with two reasons each."""
    def judge(entry, policy):
        calls.append(entry["seq"])
        refused = entry["seq"] in policy["refuse"]
        return (not refused, ["role", "fields"] if refused else [])
    return judge


def _breach_test(func):
    # t1: two allowed; t2: one refused (two reasons), one allowed; t3: two refused; t4: only allowed.
    small = [request(who=who, seq=i) for i, who in enumerate(["t1", "t1", "t2", "t2", "t3", "t3", "t4", "t4"])]
    calls = []
    got = call_on_made_up(func, "breach_counts", copy.deepcopy(small), {"refuse": {2, 4, 5}}, _judge(calls))
    if not calls:
        raise Wrong("`breach_counts` never calls the `judge` it is given. The check passes a judge of its own: "
                "judge each entry with it and the `policy` passed in.")
    out = _as_breach_table(got)
    counts = {str(w): b for w, b in zip(out["who"], out["breaches"])}
    if any(not pd.isna(b) and int(b) == 0 for b in counts.values()):
        raise Wrong("On a small test log, staff with no refused access appear in the table with 0. Keep only staff "
                "with at least one refused access: no rows with 0.")
    if not out["who"].is_unique:
        raise Wrong("Each member of staff should appear once.")
    if set(counts) != {"t2", "t3"}:
        raise Wrong("On a small test log, with a judge and a policy of the check's own, the staff with refused accesses are "
                    "not right. An access is refused when the first thing the judge returns is False.")
    if int(counts["t2"]) == 2:
        raise Wrong("These count broken rules, not accesses: an access that breaks two rules counts once.")
    if int(counts["t2"]) != 1 or int(counts["t3"]) != 2:
        raise Wrong("On a small test log, some counts of refused accesses are wrong.")
    other = _as_breach_table(call_on_made_up(func, "breach_counts", copy.deepcopy(small), {"refuse": {7}}, _judge([])))
    if [str(w) for w in other["who"]] != ["t4"]:
        raise Wrong("With another policy the result did not change as it should: pass the `policy` you are given on to the judge.")
    return


exercise = Exercise(
    id="ex04_07",
    name="breach_counts",
    title="Which accesses broke the agreement?",
    names=("breach_counts",),
    checks=[
        IsA("breach_counts", "function"),
        Behaves("breach_counts", _breach_test),
    ],
    hints=[
        "Each entry of a log is a dict with the same keys as a request, so `judge(entry, policy)` works on it directly.",
        "Keep the entries where the first item `judge` returns is False, then count them per `who`.",
        "`pd.DataFrame(refused_entries).groupby('who').size()` counts them; `.reset_index(name='breaches')` gives the two columns.",
    ],
)
