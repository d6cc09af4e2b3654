"""Module 06, exercise 11 — a private model and its twin: `baseline_accuracy` and `model_curve`."""

from academy.exercises.checks import Columns, Has, IsA, Matches, Rows
from academy.exercises.core import Exercise

exercise = Exercise(
    id="ex06_11",
    name="private_model",
    title="A private model and its non-private twin",
    names=("baseline_accuracy", "model_curve"),
    checks=[
        IsA("baseline_accuracy", "number"),
        Has("baseline_accuracy", lambda v: 0 <= float(v) <= 1, "An accuracy is a share between 0 and 1."),
        Matches("baseline_accuracy", key="baseline", step=1e-5,
                message="`baseline_accuracy` is not the test accuracy of scikit-learn's GaussianNB trained on the "
                        "training set."),
        IsA("model_curve", "frame"),
        Columns("model_curve", ["epsilon", "accuracy"]),
        Rows("model_curve", 6, "value of ε in MODEL_EPSILONS"),
        Has("model_curve", lambda f: bool(f["accuracy"].astype(float).between(0, 1).all()),
            "Each accuracy should be a share between 0 and 1."),
        Matches("model_curve", key="curve", step=1e-5,
                message="Some accuracies differ from what the 20 private models give. Check the ε, the bounds and "
                        "the random state of each model, where it is trained and scored, and that you average "
                        "the 20 test accuracies for each ε."),
    ],
    hints=[
        "`model.fit(X_train, y_train).score(X_test, y_test)` trains a model and returns its test accuracy.",
        "For the private models, loop over `MODEL_EPSILONS` and, inside, over `range(20)` as `random_state`.",
        "Average the 20 scores with `np.mean` for each ε and build the frame from the two lists.",
    ],
)
