"""Module 06, exercise 10 — the accuracy–privacy curve: `curve` (columns epsilon, mae; one row per ε)."""

import functools

import numpy as np

from academy.exercises.checks import Behaves, Columns, Has, IsA, KnownMistakes, Rows
from academy.exercises.core import Exercise, Wrong

EPSILONS = [0.1, 0.2, 0.5, 1, 2, 5, 10]
UPPER = 150_000


def _sorted_curve(frame):
    return frame.assign(epsilon=frame["epsilon"].astype(float), mae=frame["mae"].astype(float)).sort_values("epsilon")


@functools.lru_cache(maxsize=1)
def _area_size(area="KA0100"):
    from academy import data

    people = data.load("census_microdata")
    return int((people["area_code"] == area).sum())


def _curve_size(frame):
    """The errors against the noise scale b = Δ/ε with Δ = UPPER/n (a mean of n people).

    The mean absolute error of Laplace noise is b. With 500 runs its Monte-Carlo error is about
    b/√500 ≈ 4.5% of b, so every correct simulation lands within ±20% (over 4 standard errors);
    the usual mistakes land outside: RMSE ≈ 1.41 b, median ≈ 0.69 b, one shared random_state
    |one draw|, three times the error 3 b, a forgotten ÷n n·b.
    """
    curve = _sorted_curve(frame)
    n = _area_size()
    ratios = curve["mae"].to_numpy() * curve["epsilon"].to_numpy() / (UPPER / n)
    if np.all(np.abs(ratios - 1) <= 0.2):
        return
    typical = float(np.median(ratios))
    if abs(typical / n - 1) < 0.25:
        raise Wrong(f"Your errors are about {typical:.0f} times too large — about the number of people in the area. "
                    "How does the sensitivity of a mean depend on the number of people behind it?")
    if typical > 2:
        raise Wrong(f"Your errors are about {typical:.0f} times too large. The error of one run is the private mean "
                    "minus the true clipped mean; take its absolute value, then the mean over the 500 runs — "
                    "nothing more.")
    if typical < 0.5:
        raise Wrong(f"Your errors are about {1 / typical:.0f} times too small. Compare each private mean with the "
                    "true mean of the clipped incomes, in pounds, and average the absolute errors.")
    if typical > 1:
        raise Wrong("Your errors are somewhat too large. The mean absolute error averages |error|; a root mean "
                    "square error (squares, then a square root) is about 1.4 times larger.")
    raise Wrong("Your errors are somewhat too small. Average the absolute errors (a median is about 0.7 times the "
                "mean), and give each of the 500 runs its own random_state (the same random_state gives the same "
                "release every time).")


exercise = Exercise(
    id="ex06_10",
    name="accuracy_curve",
    title="The accuracy–privacy curve",
    names=("curve",),
    checks=[
        IsA("curve", "frame"),
        Columns("curve", ["epsilon", "mae"]),
        Rows("curve", len(EPSILONS), "value of ε in EPSILONS"),
        Has("curve", lambda f: np.allclose(sorted(f["epsilon"].astype(float)), EPSILONS),
            "The `epsilon` column should hold exactly the values in `EPSILONS`."),
        Has("curve", lambda f: bool((f["mae"].astype(float) > 0).all()),
            "Every mean absolute error should be positive: take the absolute value of each error, then the mean."),
        KnownMistakes("curve", key="mae", step=0.01, transform=lambda f: list(_sorted_curve(f)["mae"]),
                      mistakes={"wrong-curve-fifty-runs":
                                "These errors come from 50 runs per ε; the prompt asks for 500 runs, each with "
                                "its own random_state."}),
        Has("curve", lambda f: bool(np.all(np.diff(_sorted_curve(f)["mae"].to_numpy()) < 0)),
            "The error should shrink as ε grows. Check that each ε reaches diffprivlib."),
        Has("curve", lambda f: bool(np.ptp(np.log(_sorted_curve(f)["mae"] * _sorted_curve(f)["epsilon"])) < np.log(1.6)),
            "The error should be about inversely proportional to ε (twice the ε, half the error). Check the "
            "number of runs per ε, that each run has its own random_state, and the bounds."),
        Behaves("curve", _curve_size),
    ],
    hints=[
        "Two loops: one over ε, and inside it one over 500 runs. Collect the 500 private means for each ε.",
        "The error of one run is `release - true_mean`, where `true_mean` is the mean of the incomes clipped to [0, 150,000]; take `np.abs` before averaging.",
        "Append `{\"epsilon\": epsilon, \"mae\": ...}` to a list for each ε, then `pd.DataFrame(rows)`.",
    ],
)
