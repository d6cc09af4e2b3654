"""Module 04, exercise 11 — the ombudsman's table with small numbers suppressed: `ombudsman_table(complaints, threshold, deadline)`."""

import pandas as pd

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def _ombudsman_test(func):
    rows = ([("Alpha", "late", True, 3)] * 4 + [("Alpha", "late", False, 40)] * 8
            + [("Alpha", "wrong", False, 2)] * 3 + [("Beta", "late", True, 10)] * 12
            + [("Gamma", "late", True, 20)] * 6 + [("Gamma", "late", False, 5)])
    frame = pd.DataFrame(rows, columns=["agency", "category", "upheld", "days_to_resolve"])
    frame.insert(0, "complaint_id", [f"T{i}" for i in range(len(frame))])
    shown = "On a test table called with threshold=5 and deadline=10"
    out = call_on_made_up(func, "ombudsman_table", frame.copy(), threshold=5, deadline=10)
    if not isinstance(out, pd.DataFrame):
        raise Wrong("`ombudsman_table` should return a DataFrame.")
    needed = {"agency", "category", "complaints", "upheld", "on_time_share"}
    if not needed <= set(map(str, out.columns)):
        raise Wrong(f"The table needs the columns {sorted(needed)}.")
    if len(out) != 4:
        raise Wrong("There should be one row per (agency, category) pair present in the complaints.")
    table = out.set_index(["agency", "category"])
    a_late, a_wrong, b_late, g_late = (table.loc[k] for k in [("Alpha", "late"), ("Alpha", "wrong"),
                                                              ("Beta", "late"), ("Gamma", "late")])
    if pd.isna(a_late["complaints"]) or int(a_late["complaints"]) != 12:
        raise Wrong("`complaints` should count the complaints in each pair.")
    share = a_late["on_time_share"]
    if pd.isna(share):
        raise Wrong(f"{shown}, a pair of 12 complaints has no `on_time_share`; only pairs below the threshold are blanked.")
    if abs(float(share) - 100 * 4 / 12) < 1e-6:
        raise Wrong("`on_time_share` should be a share between 0 and 1, not a percentage.")
    if abs(float(share) - 8 / 12) < 1e-9:
        raise Wrong("`on_time_share` is the share answered on time (within the deadline), not the share answered late.")
    if abs(float(share) - 4 / 12) > 1e-9:
        raise Wrong("`on_time_share` should be the share of the pair's complaints resolved within the deadline (the prompt says which days count).")
    if pd.isna(b_late["on_time_share"]) or float(b_late["on_time_share"]) != 1.0:
        raise Wrong("A complaint answered on the deadline day itself is on time; your share leaves those complaints out.")
    if not pd.isna(a_late["upheld"]):
        raise Wrong("An upheld count from 1 to threshold − 1 must be suppressed (set to missing).")
    if not all(pd.isna(a_wrong[c]) for c in ["complaints", "upheld", "on_time_share"]):
        raise Wrong("A pair with fewer complaints than the threshold must have all three numbers suppressed.")
    if pd.isna(g_late["complaints"]):
        raise Wrong(f"{shown}, a pair of 7 complaints is suppressed. Use the `threshold` argument, "
                "not a fixed number.")
    if pd.isna(g_late["on_time_share"]) or abs(float(g_late["on_time_share"]) - 1 / 7) > 1e-9:
        raise Wrong(f"{shown}, the on-time share of a pair answered in 20 days (6 complaints) and 5 days (1) is wrong. "
                "Use the `deadline` argument, not a fixed number of days.")
    if pd.isna(g_late["upheld"]) or int(g_late["upheld"]) != 6:
        raise Wrong(f"{shown}, an upheld count of 6 should be published: only counts from 1 to threshold − 1 are suppressed, "
                "with the `threshold` passed in.")
    if pd.isna(b_late["upheld"]) or int(b_late["upheld"]) != 12:
        raise Wrong("Upheld counts at or above the threshold must be published as they are.")
    zero = func(frame.assign(upheld=False), threshold=5, deadline=10).set_index(["agency", "category"])
    if pd.isna(zero.loc[("Beta", "late"), "upheld"]) or int(zero.loc[("Beta", "late"), "upheld"]) != 0:
        raise Wrong("An upheld count of 0 is published as 0; only counts from 1 to threshold − 1 are suppressed.")
    return


def _ombudsman_course(value):
    if not isinstance(value, pd.DataFrame):
        raise Wrong("`ombudsman_table` should return a DataFrame.")
    frame = value.reset_index(drop=not {"agency", "category"} <= set(value.columns))
    return frame[["agency", "category", "complaints", "upheld", "on_time_share"]]


exercise = Exercise(
    id="ex04_11",
    name="ombudsman_table",
    title="The ombudsman's table",
    names=("ombudsman_table", "complaints"),
    checks=[
        IsA("ombudsman_table", "function"),
        Behaves("ombudsman_table", _ombudsman_test),
        CallsOn("ombudsman_table", ("complaints",), key="course", table_key=["agency", "category"],
                message="Check the counts, the on-time share and both suppression rules.", transform=_ombudsman_course),
    ],
    hints=[
        "First build the table without suppression: group by agency and category, and count, sum and average.",
        "`groupby([...]).agg(complaints=(..., 'size'), upheld=('upheld', 'sum'), on_time_share=(..., 'mean'))`, where the "
        "last one averages a True/False column 'resolved within the deadline'. Reset the index to get the columns back.",
        "Then suppress: convert the counts to a type that can hold missing values (float or Int64), blank the whole row's "
        "numbers where complaints < threshold, and blank `upheld` where it is between 1 and threshold − 1.",
    ],
)
