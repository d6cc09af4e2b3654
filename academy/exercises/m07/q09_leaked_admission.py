"""Module 07, exercise 9 — whose record was it?: `leaked_admission` (text)."""

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise

exercise = Exercise(
    id="ex07_09",
    name="leaked_admission",
    title="Whose record was it?",
    names=("leaked_admission",),
    checks=[
        IsA("leaked_admission", "text"),
        Has("leaked_admission", lambda v: len(v) == 8 and v.startswith("A"),
            "An admission reference looks like \"A0001234\": take it from Hillside's list of admission references, `ids`."),
        Matches("leaked_admission", key="admission",
                message="This is not the admission behind the update. Rebuild the features from `global_model` "
                        "and `sent`, then look for the training row of Hillside that matches them."),
    ],
    hints=[
        "Your `reconstruct_record(global_model, sent)` gives the features; the rows of `hillside[\"X\"]` are the candidates.",
        "Compare each row with the rebuilt features using `np.allclose`, and keep the position of the one that matches.",
        "The admission reference sits at the same position in `hillside[\"ids\"]`.",
    ],
)
