"""Module 08, exercise 2 — how many tax references are possible: `n_possible_ids`."""

from academy.exercises.checks import IsA, Matches
from academy.exercises.core import Exercise

exercise = Exercise(
    id="ex08_02",
    name="id_space",
    title="The size of the identifier space",
    names=("n_possible_ids",),
    checks=[
        IsA("n_possible_ids", "integer"),
        Matches("n_possible_ids", key="value", step=0.5,
                mistakes={"wrong-rows-and-leading-zero": "A tax reference never starts its digits with 0: the first "
                          "digit has only nine choices."},
                message="This is not the number of possible tax references. Multiply the choices for each part "
                        "of the format: the digits, then the letter."),
    ],
    hints=[
        "The format is fixed: 'KT', six digits, one letter. How many choices does each part have?",
        "Six digits whose first digit is never 0 run from 100000 to 999999. How many numbers is that?",
        "Multiply the number of six-digit blocks by the number of letters the last character can take.",
    ],
)
