"""Module 10, exercise 4 — the pilot's privacy budget: class `BudgetAccountant(total)`."""

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong


def _refused(action):
    """True when `action` is refused with a ValueError, as the prompt asks (the notebook catches that)."""
    try:
        action()
    except ValueError:
        return True
    except Exception as error:
        raise Wrong(f"`spend` raised {type(error).__name__}. Refuse a query with a ValueError, as the prompt asks: "
                    "the code that calls the accountant catches that kind of error, and no other.")
    return False


def _behaves(cls):
    acc = cls(1.0)
    for method in ("spend", "spent", "ledger"):
        if not callable(getattr(acc, method, None)):
            raise Wrong(f"A `BudgetAccountant` should have a method `{method}`.")
    if float(acc.spent()) != 0.0 or list(acc.ledger()) != []:
        raise Wrong("A new accountant has spent nothing and its ledger is empty.")
    for what in ("a", "b", "a"):  # a repeated description is a second query, not the same one
        if _refused(lambda: acc.spend(0.3, what)):
            raise Wrong("`spend` refused a query that fits in the budget.")
    if not _refused(lambda: acc.spend(0.2, "too much")):
        raise Wrong("`spend` allowed a query that would overspend the budget: it must raise an exception instead.")
    if abs(float(acc.spent()) - 0.9) <= 1e-9 and len(acc.ledger()) == 2:
        raise Wrong("Two queries with the same description were merged into one ledger entry. Each query spends ε "
                    "again: the ledger keeps one entry per accepted query, repeats included.")
    if abs(float(acc.spent()) - 0.9) > 1e-9 or len(acc.ledger()) != 3:
        raise Wrong("A refused query changed the accountant: refuse before you record anything.")
    for bad in (0, -0.1):
        if not _refused(lambda: acc.spend(bad, "bad")):
            raise Wrong("`spend` accepted an ε that is not a positive number; refuse it with an exception.")
    if not _refused(lambda: acc.spend(float("nan"), "bad")):
        raise Wrong("`spend` accepted ε = NaN (not a number, what a failed calculation gives). Every comparison with "
                    "NaN is false, so a test that only looks for ε at or below 0 lets it through: test for what a "
                    "valid ε is, not for what an invalid one looks like.")
    if _refused(lambda: acc.spend(0.1, "last")):
        raise Wrong("Spending exactly what is left was refused: a query that brings the total to the budget fits.")
    if [tuple(entry) for entry in acc.ledger()] != [("a", 0.3), ("b", 0.3), ("a", 0.3), ("last", 0.1)]:
        raise Wrong("`ledger()` should list every accepted query as a (what, ε) pair, in the order charged.")
    if not _refused(lambda: acc.spend(1e-6, "more")):
        raise Wrong("After the whole budget is spent, even a tiny query must be refused.")
    small = cls(0.3)
    if _refused(lambda: small.spend(0.1, "x")) or _refused(lambda: small.spend(0.2, "y")):
        raise Wrong("From a budget of 0.3, queries of 0.1 and 0.2 were refused: in floating point 0.1 + 0.2 comes out "
                    "a hair above 0.3, so compare with a small tolerance.")
    tenths = cls(1.0)
    if any(_refused(lambda: tenths.spend(0.1, "t")) for _ in range(10)):
        raise Wrong("Ten queries of 0.1 from a budget of 1 were refused: decimals do not add up exactly in floating "
                    "point, so compare with a small tolerance.")
    if abs(float(cls(2.0).spent())) > 0:
        raise Wrong("Two accountants share their spending: keep the record on each accountant, not on the class.")


exercise = Exercise(
    id="ex10_04",
    name="budget_accountant",
    title="The pilot's privacy budget",
    names=("BudgetAccountant",),
    checks=[IsA("BudgetAccountant", "function"), Behaves("BudgetAccountant", _behaves)],
    hints=[
        "Keep the budget and a list of (what, ε) entries; everything else can be computed from them.",
        "In `spend`, check first (a positive number? does it fit, with a tolerance of 1e-9?) and raise; record only after.",
        "`math.fsum` adds a list of floats with a single rounding, which keeps the total honest over many queries.",
    ],
)
