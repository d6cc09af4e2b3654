"""Module 04, exercise 8 — records past their retention date: `expired(records, schedule, today)`."""

import pandas as pd

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def _expired_test(func):
    records = pd.DataFrame({  # the columns of welfare_investigations
        "investigation_id": ["r1", "r2", "r3", "r4"], "claim_id": ["c1", "c2", "c3", "c4"],
        "opened": pd.to_datetime(["2022-01-01", "2022-01-01", "2022-01-21", "2021-01-01"]),
        "reason": ["tip-off"] * 4, "outcome": ["brief", "lengthy", "brief", "lengthy"],
        "overpayment": pd.array([0, 120, 0, None], dtype="Int64"),
    })
    schedule = {"brief": 30, "lengthy": 500}
    before = records.copy()
    out = call_on_made_up(func, "expired", records, schedule, "2022-02-20")
    if not isinstance(out, pd.DataFrame):
        raise Wrong("`expired` should return the rows of `records` (a DataFrame), not a mask or ids.")
    if not records.equals(before):
        raise Wrong("`expired` changed the `records` it was given; work on a copy or build new columns outside it.")
    got = set(out["investigation_id"])
    if got == {"r1", "r3"}:
        raise Wrong("A record exactly at its limit (opened + days == today) must be kept: expire only when today is later.")
    if got != {"r1"}:
        raise Wrong("Wrong rows on a small test table: each record's limit is `opened` plus the days its own `outcome` gets in `schedule`.")
    if set(func(records, schedule, pd.Timestamp("2022-05-17"))["investigation_id"]) != {"r1", "r3", "r4"}:
        raise Wrong("Wrong rows when `today` is a Timestamp, or the lengthy outcome does not use its own period.")
    return


exercise = Exercise(
    id="ex04_08",
    name="expired",
    title="Records past their retention date",
    names=("expired", "investigations", "SCHEDULE", "TODAY"),
    checks=[
        IsA("expired", "function"),
        Behaves("expired", _expired_test),
        CallsOn("expired", ("investigations", "SCHEDULE", "TODAY"), key="course",
                message="Check the schedule lookup for each outcome.", transform=lambda f: set(f["investigation_id"])),
    ],
    hints=[
        "Each record has its own limit: the date it was opened plus the days its outcome is kept.",
        "`records['outcome'].map(schedule)` gives the days per row; `pd.to_timedelta(days, unit='D')` turns them into durations to add to `opened`.",
        "Keep the rows whose limit is strictly before `pd.Timestamp(today)`.",
    ],
)
