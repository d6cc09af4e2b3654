"""Module 10, exercise 8 — the figures the minister's brief quotes: `brief_numbers` (a dict)."""

import math

from academy.exercises.checks import IsA
from academy.exercises.core import Exercise, Wrong

KEYS = {"shared_population", "psi_seconds", "epsilon_spent", "sandbox_risk"}


def _same(quoted, computed) -> bool:
    """Equal up to 0.1 % (or 1e-9): the dict quotes the computation; the brief's text may round."""
    return math.isfinite(quoted) and abs(quoted - computed) <= max(1e-3 * abs(computed), 1e-9)


def _consistent(values, salt):
    brief = values["brief_numbers"]
    if set(brief) != KEYS:
        raise Wrong(f"`brief_numbers` should have exactly the keys {', '.join(sorted(KEYS))}.")
    try:
        quoted = {key: float(value) for key, value in brief.items()}
    except (TypeError, ValueError):
        raise Wrong("Every figure in `brief_numbers` should be a number.")
    computed = {"shared_population": values["shared_n"], "psi_seconds": values["psi_seconds"],
                "epsilon_spent": values["accountant"].spent(), "sandbox_risk": values["sandbox_risk_measured"]}
    for key in sorted(KEYS):
        if not _same(quoted[key], float(computed[key])):
            raise Wrong(f"The figure {key} in `brief_numbers` is not the one your own computation gave. Take it from the "
                        "variable or object that holds it, not from the agreement or from memory.")


exercise = Exercise(
    id="ex10_08",
    name="brief_numbers",
    title="The brief's numbers",
    names=("brief_numbers", "shared_n", "psi_seconds", "accountant", "sandbox_risk_measured"),
    checks=[IsA("brief_numbers", "dict"), _consistent],
    from_earlier={"shared_n": "the cell after exercise 3 (it calls your `shared_population`)",
                  "psi_seconds": "the cell after exercise 3 (it times your `shared_population`)",
                  "accountant": "the cell after exercise 4 (it creates your `BudgetAccountant`)",
                  "sandbox_risk_measured": "the cell after exercise 7 (it measures your `sandbox`)"},
    hints=[
        "Each figure was computed earlier in this notebook; find the variable (or the accountant method) that holds it.",
        "The ε spent is what the accountant recorded, which need not be the whole budget.",
        "Build the dict from `shared_n`, `psi_seconds`, `accountant.spent()` and `sandbox_risk_measured`.",
    ],
)
