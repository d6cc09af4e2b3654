"""Module 05, exercise 12 — debts by averaging, and debts in fact: `debts(fortnights, annual_pay, rule)`
(a DataFrame: claim_id, averaged_debt, actual_debt) and `count_false_debts(owed)` (an integer).

`debts` takes the benefit rule as an argument, so it is checked with a made-up rule of the
check's own: a slip in exercise 11's `entitlement` costs no points here.
"""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import is_number, run

CLAIMS = ["P", "Q", "R", "S"]
_DEBTS = ["averaged_debt", "actual_debt"]


def made_up_rule(pay):
    """A made-up benefit rule (not Kestria's): £300 a fortnight less 40% of earnings over £100, never
    below 0, to the penny. Given a Series it returns a Series on the same index, given a number a
    number: a learner's `debts` gets the kind of value any reasonable `entitlement` returns."""
    due = np.round(np.maximum(300.0 - 0.4 * np.maximum(np.asarray(pay, dtype=float) - 100.0, 0.0), 0.0), 2)
    if isinstance(pay, pd.Series):
        return pd.Series(due, index=pay.index)
    return float(due) if due.ndim == 0 else due


def debt_case():
    """Made-up claims under `made_up_rule`: P steady and paid right, Q bursts and paid right, R bursts and
    overpaid, S steady and underpaid (no debt, never a negative one), T has fortnights but no annual
    pay, Z annual pay but no fortnights."""
    steady = [300.0] * 26
    burst = [0.0] * 22 + [2500.0] * 4
    declared = steady + burst + [0.0] * 26 + steady + steady
    paid = list(made_up_rule(np.array(declared)))
    paid[3 * 26:4 * 26] = [200.0] * 26  # S: paid less than the rule gives
    frame = pd.DataFrame({
        "claim_id": ["P"] * 26 + ["Q"] * 26 + ["R"] * 26 + ["S"] * 26 + ["T"] * 26,
        "fortnight_start": list(pd.date_range("2022-04-06", periods=26, freq="14D")) * 5,
        "declared_earnings": declared,
        "payslip_earnings": steady + burst + burst + steady + steady,
        "benefit_paid": paid,
    })
    return frame, pd.Series({"P": 7800.0, "Q": 10000.0, "R": 10000.0, "S": 7800.0, "Z": 5000.0})


FRAME, PAY = debt_case()


def _by_claim(got):
    """The learner's table indexed by claim (claim_id may be a column or the index); Wrong if it is not one."""
    if not isinstance(got, pd.DataFrame):
        raise Wrong("`debts` should return a DataFrame.")
    if "claim_id" not in got.columns and got.index.name == "claim_id":
        got = got.reset_index()
    missing = [c for c in ["claim_id", *_DEBTS] if c not in got.columns]
    if missing:
        raise Wrong(f"The result of `debts` is missing the column(s) {missing}.")
    return got.assign(claim_id=got["claim_id"].astype(str)).set_index("claim_id").sort_index()


def _flat(got):
    table = _by_claim(got)
    return [float(table.loc[c, k]) for c in CLAIMS for k in _DEBTS]


def _structure(func):
    frame, pay = FRAME.copy(), PAY.copy()
    got = _by_claim(run(func, "debts", frame, pay, made_up_rule))
    if "T" in got.index:
        raise Wrong("On a made-up case, `debts` has a row for a claim that has fortnights but no annual pay. The "
                    "averaging needs Revenue's annual figure, so such a claim has no place in the result.")
    if "Z" in got.index:
        raise Wrong("On a made-up case, `debts` has a row for a claim that has annual pay but no fortnights. With "
                    "no fortnights there is nothing paid to compare: the prompt keeps only claims that have fortnights.")
    if list(got.index) != CLAIMS:
        raise Wrong("`debts` should have one row per claim of `annual_pay` that has fortnights (on a made-up case it "
                    "has missing or repeated claims).")
    amounts = got[_DEBTS].astype(float)
    if amounts.isna().any().any():
        raise Wrong("Some debts are missing (NaN): every claim of `annual_pay` with fortnights needs both debts.")
    if (amounts < -1e-9).any().any():
        raise Wrong("A debt is never negative. On a made-up case a claimant who was paid less than was due gets a "
                    "negative debt: what should a debt be when nothing was overpaid?")


# Made-up debts: two false debts, one of them averaged at exactly £10; one actual debt of exactly £10;
# one small averaged debt above its actual debt (f), so that comparing the two debts with each other
# counts differently from every edge mistake.
OWED = pd.DataFrame({"claim_id": list("abcdef"), "averaged_debt": [10.0, 9.99, 50.0, 10.0, 0.0, 5.0],
                     "actual_debt": [0.0, 0.0, 9.99, 10.0, 0.0, 0.0]})


def _a_count(func):
    got = run(func, "count_false_debts", OWED.copy(), case="a small made-up table of 6 debts")
    if not is_number(got) or not float(got).is_integer():
        raise Wrong("`count_false_debts` should return a whole number of claims (an integer).")


exercise = Exercise(
    id="ex05_12",
    name="debts",
    title="Debts by averaging, and debts in fact",
    names=("debts", "count_false_debts"),
    checks=[
        IsA("debts", "function"),
        Behaves("debts", _structure),
        Calls("debts", (FRAME, PAY, made_up_rule), key="made_up_case", step=0.05, transform=_flat,
              message="Some debts are wrong on a made-up case (a steady earner, a burst earner paid correctly, a "
                      "burst earner who was overpaid), with the check's own benefit rule. Per claim, compare the "
                      "total paid with what the rule gives at the averaged earnings over 26 fortnights, and with "
                      "what it gives fortnight by fortnight on the payslips.",
              mistakes={"wrong-declared-earnings":
                        "`actual_debt` is measured against the earnings the claimants declared. A claimant who "
                        "under-declared then owes nothing; the prompt measures the truth against the payslips.",
                        "wrong-partial-weights-and-proxies-alone":
                        "on a made-up case with a benefit rule of its own, the debts follow Kestria's rule instead: "
                        "`debts` should work out every entitlement with the `rule` it is given, not a fixed function."}),
        IsA("count_false_debts", "function"),
        Behaves("count_false_debts", _a_count),
        Calls("count_false_debts", (OWED,), key="edges", step=0.5,
              message="A false debt has an averaged debt of £10 or more and an actual debt below £10.",
              mistakes={"wrong-log-score-and-strict-count":
                        "an averaged debt of exactly £10 is left out, but the agency pursues £10 *or more*. Look at "
                        "which side of the edge £10 itself falls.",
                        "wrong-combinations-and-groups":
                        "an actual debt of exactly £10 is counted as false, but it is a real debt: only an actual "
                        "debt *below* £10 makes a false one.",
                        "wrong-debt-comparison":
                        "this compares the averaged debt with the actual debt. A false debt is not one that is "
                        "bigger than the real one: it is one the agency pursues (£10 or more) although the claimant "
                        "really owes less than £10. Test each debt against £10 on its own."}),
    ],
    hints=[
        "Per claim you need three totals: benefit paid, `rule` on the payslip earnings, and 26 × `rule` at the averaged earnings.",
        "Keep the fortnights of claims in `annual_pay`, add a column with `rule(...)` of the payslip earnings, then "
        "`groupby('claim_id')` and sum; align `annual_pay` to the same claims.",
        "Debts are paid minus due, floored at 0 (`np.maximum(..., 0)`). A false debt has averaged_debt >= 10 and actual_debt < 10.",
    ],
)
