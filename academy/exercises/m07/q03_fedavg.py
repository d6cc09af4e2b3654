"""Module 07, exercise 3 — the FedAvg average: `fedavg(models, sizes)`."""

import copy

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import MODELS, SIZES, as_list


def _shape_and_inputs(func):
    models, sizes = copy.deepcopy(MODELS), list(SIZES)
    got = func(models, sizes)
    if got is None:
        raise Wrong("`fedavg` returned None. Did you forget `return`?")
    if np.shape(got) != (5,):
        raise Wrong("`fedavg` should return one vector as long as each model, not a list of vectors or one number.")
    if any(not np.array_equal(a, b) for a, b in zip(models, MODELS)) or sizes != SIZES:
        raise Wrong("`fedavg` changed the models or sizes it was given; compute on copies.")
    same = [MODELS[0].copy() for _ in range(3)]
    if not np.allclose(np.asarray(func(same, sizes), dtype=float), MODELS[0]):
        raise Wrong("The average of three identical models should be that model: check how you divide.")


exercise = Exercise(
    id="ex07_03",
    name="fedavg",
    title="The FedAvg average",
    names=("fedavg",),
    checks=[
        IsA("fedavg", "function"),
        Behaves("fedavg", _shape_and_inputs),
        Calls("fedavg", (MODELS, SIZES), key="visible_case", step=1e-6, transform=as_list,
              message="Each hospital's vector should count in proportion to its number of training records.",
              mistakes={"wrong-unweighted-and-training-auc":
                        "this is the plain average, in which every hospital counts the same. FedAvg lets a hospital "
                        "with more training records count for more."}),
    ],
    hints=[
        "A hospital with twice the records should pull the average twice as hard.",
        "Multiply each vector by its size, add the products up, and divide by the total size.",
        "With NumPy: `np.asarray(models)` is a table with one row per hospital; weight the rows by `sizes` and sum down the rows.",
    ],
)
