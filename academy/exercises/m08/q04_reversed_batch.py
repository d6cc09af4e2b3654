"""Module 08, exercise 4 — the attack on one batch of tax references: `reversed_ids`, `seconds_for_all`."""

import hashlib
import math

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise, Wrong


def _consistent(values, salt=None):
    found = values["reversed_ids"]
    if any(hashlib.sha256(str(v).encode("utf-8")).hexdigest() != k for k, v in found.items()):
        raise Wrong("Some identifiers in `reversed_ids` do not hash to the hash they are stored under.")


exercise = Exercise(
    id="ex08_04",
    name="reversed_batch",
    title="Reversing Revenue's hashes, one batch",
    names=("reversed_ids", "seconds_for_all"),
    checks=[
        IsA("reversed_ids", "dict"),
        _consistent,
        Matches("reversed_ids", key="how_many", step=0.5, transform=len,
                message="`reversed_ids` does not hold every hash of Revenue's list that the batch reverses. "
                        "Attack Revenue's hashes with every candidate of the batch."),
        IsA("seconds_for_all", "number"),
        Has("seconds_for_all", lambda v: math.isfinite(v) and v > 0,
            "`seconds_for_all` should be a positive number of seconds."),
        Has("seconds_for_all", lambda v: v > 1.0,
            "`seconds_for_all` looks like the time of the batch alone. Scale it up to every possible tax "
            "reference: the batch is only a small part of them."),
        Has("seconds_for_all", lambda v: v < 3 * 3600,
            "`seconds_for_all` is far longer than scaling the batch's time up to every possible tax reference "
            "gives. Divide the time by the batch's size, then multiply by the number of possible references."),
    ],
    hints=[
        "The batch is every tax reference whose digits start with 10: build them all, then call your attack.",
        "Time the attack with `time.perf_counter()` before and after the call.",
        "The whole space is `n_possible_ids` candidates; the batch took its time for `len(batch)` of them.",
    ],
)
