"""Module 07, exercise 1 — local-only models: `local_auc` (a Series) and `local_models` (a dict)."""

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise
from academy.exercises.m07.cases import HOSPITALS


def _by_hospital(series):
    return [float(series[h]) for h in HOSPITALS]


exercise = Exercise(
    id="ex07_01",
    name="local_baselines",
    title="Local-only models",
    names=("local_auc", "local_models"),
    checks=[
        IsA("local_auc", "series"),
        Has("local_auc", lambda s: set(map(str, s.index)) == set(HOSPITALS),
            "`local_auc` should have one value per hospital, indexed by the names in `HOSPITALS`."),
        Has("local_auc", lambda s: bool(((s.astype(float) >= 0) & (s.astype(float) <= 1)).all()),
            "An AUC lies between 0 and 1."),
        IsA("local_models", "dict"),
        Has("local_models", lambda d: set(d) == set(HOSPITALS),
            "`local_models` should map each hospital's name to its trained vector."),
        Matches("local_auc", key="value", step=1e-4, transform=_by_hospital,
                message="Some AUCs differ from those of each hospital's own model on its own test data. Check "
                        "the starting vector, the epochs and the seed, and which data each model is scored on.",
                mistakes={"wrong-unweighted-and-training-auc":
                          "these are AUCs on the records each model was trained on, and a model always looks "
                          "better on its own training records. Score each model on its hospital's later "
                          "patients, the test data."}),
    ],
    hints=[
        "Loop over `hospitals.items()`: each value holds that hospital's training and test arrays.",
        "Train with `local_update` on the training arrays; score with `auc` on the test arrays of the same hospital.",
        "Build a dict of models, then `pd.Series({name: auc(model, h[\"X_test\"], h[\"y_test\"]) ...})`.",
    ],
)
