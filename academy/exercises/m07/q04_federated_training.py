"""Module 07, exercise 4 — the federation: `federated_training(hospitals, rounds, epochs, aggregate)`.

The checks pass an averaging rule of their own (a plain mean, not FedAvg), so this exercise is
graded whatever the learner's `fedavg` does.
"""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import as_list, small_hospitals


def plain_mean(models, sizes):
    """The checks' stand-in for the server: every hospital counts the same."""
    return np.mean(np.asarray(models, dtype=float), axis=0)


def _rounds_and_sizes(func):
    calls = []

    def recording(models, sizes):
        calls.append((len(models), [int(s) for s in sizes]))
        return np.asarray(models[0], dtype=float)

    got = func(small_hospitals(), 3, 1, recording)
    if got is None:
        raise Wrong("`federated_training` returned None. Did you forget `return`?")
    if np.shape(got) != (5,):
        raise Wrong("`federated_training` should return one vector: one weight per column of `X`, then the intercept.")
    if len(calls) != 3:
        raise Wrong(f"With 3 rounds, `aggregate` should be called 3 times; it was called {len(calls)} times.")
    if any(n != 3 for n, _ in calls):
        raise Wrong("Each call of `aggregate` should get one returned vector per hospital.")
    if any(s != [40, 70, 30] for _, s in calls):
        raise Wrong("`aggregate` should get each hospital's number of training records (the length of its `y`), "
                    "in the order of the hospitals.")


def _seeds_and_starts(func):
    """Names two common slips: the same seed every round, and every round restarting from zeros."""
    namespace = getattr(func, "__globals__", {})
    if "local_update" not in namespace:
        return   # the learner's function does not use a global local_update; the comparison below judges it
    seen = []

    def recording(w, X, y, epochs, seed=0, **_):
        seen.append((float(np.mean(w)), seed))
        return np.asarray(w, dtype=float) + 1.0   # each round moves the vector by exactly 1

    saved = namespace["local_update"]
    namespace["local_update"] = recording
    try:
        func(small_hospitals(), 3, 1, plain_mean)
    finally:
        namespace["local_update"] = saved
    if len(seen) != 9:
        return   # other shapes of mistake are named by the checks around this one
    if {s for _, s in seen} == {seen[0][1]}:
        raise Wrong("Every round passes the same seed to `local_update`. Each round should use its own seed, "
                    "as the prompt describes, so that the rounds do not repeat the same shuffling of the records.")
    if all(start == 0.0 for start, _ in seen):
        raise Wrong("Every round trains from a vector of zeros again, so the rounds never build on each other. "
                    "Which vector should the hospitals receive at the start of round 2?")


exercise = Exercise(
    id="ex07_04",
    name="federated_training",
    title="The federation",
    names=("federated_training",),
    checks=[
        IsA("federated_training", "function"),
        Behaves("federated_training", _rounds_and_sizes),
        Behaves("federated_training", _seeds_and_starts),
        Calls("federated_training", (small_hospitals(), 3, 2, plain_mean), key="visible_case", step=1e-6,
              transform=as_list,
              message="With an averaging rule of the check's own, the final vector differs from what the rounds "
                      "as described give. Check the starting vector, that every round starts from the previous "
                      "round's result, and the seed each round passes to `local_update`."),
    ],
    hints=[
        "Each round: every hospital trains from the same current vector; then the server replaces it with the aggregate.",
        "Start from `np.zeros(...)` of the right length; loop `for r in range(rounds)`; pass `seed=r` to `local_update`.",
        "Inside the loop build the list of returned vectors and the list of `len(h[\"y\"])`, then `w = aggregate(models, sizes)`.",
    ],
)
