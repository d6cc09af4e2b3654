"""Module 06, exercise 9 — a privacy accountant: class `PrivacyAccountant(total)` with `.spend(ε)` and `.remaining()`."""

import numpy as np

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong


def _raises(action):
    try:
        action()
    except Exception:
        return True
    return False


def _remaining_is_a_number(acc):
    if not callable(getattr(acc, "remaining", None)):
        raise Wrong("`remaining` must be a method, called as `.remaining()`, that returns the budget left — not "
                    "an attribute that holds a number.")
    value = acc.remaining()
    if value is None:
        raise Wrong("`remaining()` returned None. Did you forget `return`?")
    if isinstance(value, (tuple, list)) or np.ndim(value) != 0:
        raise Wrong("`remaining()` should return one number, the ε left. diffprivlib's accountant reports a pair "
                    "(ε, δ); only the ε is asked for.")
    try:
        float(value)
    except (TypeError, ValueError):
        raise Wrong(f"`remaining()` should return a number, but it returned a {type(value).__name__}.")


def _unchanged(acc, left):
    if abs(float(acc.remaining()) - left) > 1e-6:
        raise Wrong("A refused spend changed the budget: refuse before you record anything.")


def _accountant_test(cls):
    total = 2.0
    acc = cls(total)
    _remaining_is_a_number(acc)
    if abs(float(acc.remaining()) - total) > 1e-6:
        raise Wrong("A new accountant should have its whole budget remaining.")
    spends = [0.5, 0.25, 0.75]
    for e in spends:
        if _raises(lambda: acc.spend(e)):
            raise Wrong("`spend` refused a spend that fits in the budget.")
    left = total - sum(spends)
    if abs(float(acc.remaining()) - left) > 1e-6:
        raise Wrong("`remaining()` does not return the budget minus everything spent.")
    if not _raises(lambda: acc.spend(left + 0.125)):
        raise Wrong("`spend` allowed a spend larger than what is left. It must raise an exception instead.")
    _unchanged(acc, left)
    if not _raises(lambda: acc.spend(-0.25)) or not _raises(lambda: acc.spend(0)):
        raise Wrong("`spend` accepted an ε that is not positive; refuse it with an exception.")
    _unchanged(acc, left)
    if _raises(lambda: acc.spend(left)):
        raise Wrong("Spending exactly what is left should be allowed.")
    if abs(float(cls(total).remaining()) - total) > 1e-6:
        raise Wrong("Two accountants share their spending: each accountant must keep its own record, not the class.")
    tenths = cls(1.0)
    for _ in range(10):
        if _raises(lambda: tenths.spend(0.1)):
            raise Wrong("Ten spends of 0.1 from a budget of 1 were refused: sums of decimals carry rounding "
                        "errors, which is what the prompt's slack is for.")


exercise = Exercise(
    id="ex06_09",
    name="privacy_accountant",
    title="A privacy accountant",
    names=("PrivacyAccountant",),
    checks=[IsA("PrivacyAccountant", "function"), Behaves("PrivacyAccountant", _accountant_test)],
    hints=[
        "The accountant needs to remember two numbers: the budget and what has been spent.",
        "In `spend`, first check (positive? fits within the budget plus 1e-9?) and `raise` if not; only then add to what is spent.",
        "`__init__` stores `self.total` and `self.spent = 0.0`; `remaining()` returns `self.total - self.spent`.",
    ],
)
