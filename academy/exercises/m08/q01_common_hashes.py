"""Module 08, exercise 1 — people on both lists, found by comparing hashes: `n_common`."""

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise

exercise = Exercise(
    id="ex08_01",
    name="common_hashes",
    title="Matching hashed identifiers",
    names=("n_common",),
    checks=[
        IsA("n_common", "integer"),
        Has("n_common", lambda v: v >= 0, "A number of people cannot be negative."),
        Matches("n_common", key="value", step=0.5,
                mistakes={"wrong-rows-and-leading-zero": "This counts employments, not people: someone with two "
                          "jobs sends two equal hashes. Count each hash once."},
                message="This is not the number of people on both lists yet. Compare the two lists of hashes "
                        "as sets: which hashes appear in both?"),
    ],
    hints=[
        "Both agencies hashed their identifiers the same way, so the same person gives the same hash on both lists.",
        "Turn each list into a set: a set keeps each hash once and can be intersected with another set.",
        "The size of the intersection of the two sets of hashes is the number of people on both lists.",
    ],
)
