"""Module 09, exercise 11 — the ε for the sandbox: `chosen_epsilon` (justified in written exercise 12)."""

from academy.exercises.checks import Has, IsA
from academy.exercises.core import Exercise

EPSILONS = (0.1, 0.5, 1, 2, 5, 10)

exercise = Exercise(
    id="ex09_11",
    name="chosen_epsilon",
    title="Choose ε",
    names=("chosen_epsilon",),
    checks=[
        IsA("chosen_epsilon", "number"),
        Has("chosen_epsilon", lambda v: any(abs(float(v) - e) < 1e-9 for e in EPSILONS),
            "Choose one of the values in `EPSILONS`: those are the ones whose utility and risk you measured."),
    ],
    hints=[
        "Look at both tables at once: where does utility stop improving, and where do the risks start to rise?",
        "Any ε you measured can be defended; exercise 12 asks you to defend yours with the numbers.",
    ],
)
