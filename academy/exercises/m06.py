"""Module 06 — Differential privacy: one exercise object per exercise (``ex.q1`` … ``ex.q11``).

Checks hold fingerprints (salted digests) of expected values, never the values; functions are
tested on inputs made at check time. Exercise 12 is a written answer marked by a tutor.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import signal
import threading
import time
import warnings

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, Columns, Has, IsA, Matches, Rows
from academy.exercises.core import Exercise, quiet
from academy.exercises.fingerprints import matches

__all__ = ["quiet", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"]

BANDS = ("0-17", "18-64", "65+")
SEXES = ("F", "M")

# Fingerprints of reference answers, made with academy.exercises.fingerprints.fingerprint(value,
# salt=<exercise id>, step=...). Regenerate them if the census_microdata dataset changes.
_FP = {
    'ex06_01_call': {"kind": "number", "step": 0.001, "d": "2035b7b04623454aadd6dbee"},
    'ex06_01_mean_difference': {"kind": "number", "step": 0.001, "d": "ff1960e09cd02a9c8d688d4e"},
    'ex06_02': {"kind": "number", "step": 1.0, "d": "c362c04096f109e1b5355715"},
    'ex06_02_mean_difference': {"kind": "number", "step": 1.0, "d": "6d2efc1b4a350e64ac4edda7"},
    'ex06_03_count': {"kind": "number", "step": 0.5, "d": "af4c16560c5484925ad16d7e"},
    'ex06_04_count': {"kind": "number", "step": 1e-06, "d": "3533d23fad1ac064b710e4f0"},
    'ex06_04_sum': {"kind": "number", "step": 1e-06, "d": "bee41259af7359d21cd40401"},
    'ex06_04_mean': {"kind": "number", "step": 1e-06, "d": "e287a1846cbb7089e9842a80"},
    'ex06_04_sum_as_count': {"kind": "number", "step": 1e-06, "d": "3533d23fad1ac064b710e4f0"},
    'ex06_04_mean_without_n': {"kind": "number", "step": 1e-06, "d": "bee41259af7359d21cd40401"},
    'ex06_04_mean_uneven': {"kind": "number", "step": 1e-06, "d": "268cf349d7c3559b6bbcecf9"},
    'ex06_04_mean_floor': {"kind": "number", "step": 1e-06, "d": "09784ac5f500ce33166c0a52"},
    'ex06_10_fifty_runs': {"kind": "sequence", "items": [{"kind": "number", "step": 0.01, "d": "e65421984fe09db5ed6b038d"}, {"kind": "number", "step": 0.01, "d": "ee92862697938776d34e3203"}, {"kind": "number", "step": 0.01, "d": "3ff99ee194f6ae2b6cf99f41"}, {"kind": "number", "step": 0.01, "d": "15ff6458a0372c4490f38803"}, {"kind": "number", "step": 0.01, "d": "2bef8c6c9ae0ffeef62153d4"}, {"kind": "number", "step": 0.01, "d": "49dfd9ef8b593f09dc603dec"}, {"kind": "number", "step": 0.01, "d": "849cf177329af493e2e62642"}]},
    'ex06_11_baseline': {"kind": "number", "step": 1e-05, "d": "31322054fdf3cdb1d982bbdc"},
    'ex06_11_curve': {"kind": "frame", "step": 1e-05, "columns": ["accuracy", "epsilon"], "rows": 6, "d": "a0de5f28dc8cbe26408cc2b4"},
}


# ----------------------------------------------------------------------------- helpers
def _seeded(seed):
    return np.random.default_rng(seed)


def _draws(func, n, *args):
    return np.array([float(func(*args)) for _ in range(n)])


def _one_number(value, what):
    """Feedback when a function returns something other than one number (None, an array, text)."""
    if value is None:
        return f"`{what}` returned None. Did you forget `return`?"
    if np.ndim(value) != 0:
        return (f"`{what}` returned an array (or list); return one number, not an array. "
                "`rng.laplace(0, b)` without `size=` draws a single number.")
    try:
        float(value)
    except (TypeError, ValueError):
        return f"`{what}` should return a number, but it returned a {type(value).__name__}."
    return None


def _same_draws(func, make_args, what):
    """Two calls with generators made from the same seed must agree (the generator is used)."""
    first = func(*make_args(_seeded(2468)))
    problem = _one_number(first, what)
    if problem:
        return problem
    first = float(first)
    second = float(func(*make_args(_seeded(2468))))
    if not np.isfinite(first):
        return f"`{what}` returned {first}: the result should be a finite number."
    if first != second:
        return (f"`{what}` gives different results for generators made from the same seed. Draw the "
                "noise from the `rng` you are given (for example `rng.laplace(...)`), not from `np.random`.")
    return None


def _noise_feedback(mad, scale, what, wrong_scales):
    """Feedback on the size of Laplace noise: ``mad`` is the mean absolute deviation measured."""
    if abs(mad / scale - 1) <= 0.06:
        return None
    for wrong, feedback in wrong_scales:
        if wrong > 0 and abs(mad / wrong - 1) <= 0.06:
            return feedback
    return (f"The noise in `{what}` has the wrong size. Laplace noise has scale b = Δ/ε, where Δ is the "
            "sensitivity of the query; its average absolute size is b.")


def _tables_of(records):
    return {
        "people": {(b, s): sum(1 for r in records if r[0] == b and r[1] == s) for b in BANDS for s in SEXES},
        "benefit_by_sex": {s: sum(1 for r in records if r[1] == s and r[2]) for s in SEXES},
        "benefit_by_band": {b: sum(1 for r in records if r[0] == b and r[2]) for b in BANDS},
    }


def _canonical(solution):
    if isinstance(solution, pd.DataFrame):
        solution = solution.itertuples(index=False)
    return tuple(sorted((str(r[0]), str(r[1]), bool(r[2])) for r in solution))


# ----------------------------------------------------------------------------- 1, 2 differencing
def _not_negative(func):
    got = func(31250.0, 8, 30000.0, 7)
    try:
        negative = float(got) < 0
    except (TypeError, ValueError):
        return None  # the call check below says what is wrong with the value
    if negative:
        return "Your result is negative: subtract the smaller group's total from the larger group's."
    return None


q1 = Exercise(
    id="ex06_01",
    title="The differencing attack",
    names=("reveal_income",),
    checks=[
        IsA("reveal_income", "function"),
        Behaves("reveal_income", _not_negative),
        Calls(
            "reveal_income", (31250.0, 8, 30000.0, 7), _FP["ex06_01_call"],
            message="Turn each mean back into a total first.",
            mistakes=[(_FP["ex06_01_mean_difference"],
                       "the difference of two means is not one person's income: a mean times its number of people is a total.")],
        ),
    ],
    hints=[
        "If you know the total income of 8 people and of 7 of them, what do you know about the eighth?",
        "A mean is a total divided by a number of people, so a total is a mean times a number of people.",
        "Return (total of the first group) minus (total of the second group), each total computed from its mean and size.",
    ],
)

q2 = Exercise(
    id="ex06_02",
    title="Your neighbour's income",
    names=("neighbour_income",),
    checks=[
        IsA("neighbour_income", "number"),
        Has("neighbour_income", lambda v: not matches(v, _FP["ex06_02_mean_difference"], "ex06_02"),
            "A difference of two means is not an income: use `reveal_income` with each group's mean and "
            "number of people."),
        Has("neighbour_income", lambda v: float(v) >= -1, "An income cannot be negative: check the order of the two groups."),
        Matches(
            "neighbour_income", _FP["ex06_02"],
            message="This is not your neighbour's income yet. Ask for the area once with all ages and once "
                    "with every age except your neighbour's, and pass both answers to `reveal_income`.",
        ),
    ],
    hints=[
        "Which two groups differ by exactly your neighbour? Both must have at least 10 people.",
        "Your neighbour is the only person in KA0055 aged 90 or over: compare all ages with ages up to 89.",
        "Call `query` twice for that area: once with no age limit, once with `max_age` just below 90. Then give `reveal_income` the `mean_income` and `people` of both answers.",
    ],
)


# ----------------------------------------------------------------------------- 3 reconstruction
_VISIBLE_RECORDS = [("18-64", "F", True), ("65+", "M", True), ("18-64", "M", False), ("65+", "F", False), ("0-17", "F", False)]


def _reconstruct_test(func):
    tables = _tables_of(_VISIBLE_RECORDS)
    snapshot = repr(tables)
    found = func(tables)
    if found is None:
        return "`reconstruct` returned None. Did you forget `return`?"
    if repr(tables) != snapshot:
        return "`reconstruct` changed the tables it was given; work on a copy."
    if not isinstance(found, (list, tuple)):
        return f"`reconstruct` should return a list of sets of records, not a {type(found).__name__}."
    try:
        solutions = [_canonical(s) for s in found]
    except Exception:
        return "Each item of the list should be one set of records: a list of (band, sex, benefit) tuples."
    if any(_tables_of(s) != tables for s in solutions):
        return "Some sets of records you return do not reproduce the published tables."
    if _canonical(_VISIBLE_RECORDS) not in solutions:
        return "The true records are not among your reconstructions: the search misses some possibilities."
    if len(set(solutions)) != len(solutions):
        return ("The same set of records appears more than once. Records are unordered: search over "
                "multisets (combinations with replacement), not over orderings.")
    if not matches(len(solutions), _FP["ex06_03_count"], "ex06_03"):
        return "Your search misses some sets of records that are consistent with the tables."
    return _reconstruct_speed(func)


# Eight people, as many as section 6 searches; a blunt search over multisets takes about half a
# second here, a search over the benefit flags a millisecond, a search over orderings hours.
_LARGER_RECORDS = [("0-17", "M", False), ("18-64", "F", True), ("18-64", "F", False), ("18-64", "M", True),
                   ("18-64", "M", False), ("65+", "F", True), ("65+", "F", False), ("65+", "M", False)]
_SPEED_SECONDS = 6.0


class _Slow(BaseException):
    """Raised inside learner code when the speed budget of one call is used up."""


@contextlib.contextmanager
def _within(seconds):
    """Raise _Slow in the block after ``seconds``; keeps (and then restores) any outer alarm."""
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()

    def _alarm(signum, frame):
        raise _Slow()

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds if not outer_left else min(seconds, outer_left))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))


def _reconstruct_speed(func):
    tables = _tables_of(_LARGER_RECORDS)
    try:
        with _within(_SPEED_SECONDS):
            found = func(tables)
    except _Slow:
        return (f"`reconstruct` is right on a small table but took more than {_SPEED_SECONDS:g} seconds on a "
                "table of 8 people, and section 6 calls it up to 200 times. Search only what the tables leave "
                "open — how many people in each (band, sex) cell receive benefit — instead of every "
                "multiset or ordering of records.")
    if _canonical(_LARGER_RECORDS) not in [_canonical(s) for s in found]:
        return "On a larger table the true records are not among your reconstructions."
    return None


q3 = Exercise(
    id="ex06_03",
    title="Reconstruction from published tables",
    names=("reconstruct",),
    checks=[IsA("reconstruct", "function"), Behaves("reconstruct", _reconstruct_test)],
    hints=[
        "The `people` table already says how many people sit in each (band, sex) cell. What is still unknown?",
        "Only who receives benefit is unknown: in a cell with n people, 0, 1, …, n of them can receive it. "
        "`itertools.product` runs through every combination of those choices.",
        "For each combination build the list of records (True for the first k of a cell, False for the rest), "
        "and keep it when `tables_from_records(records) == tables`.",
    ],
)


# ----------------------------------------------------------------------------- 4 sensitivity
q4 = Exercise(
    id="ex06_04",
    title="Sensitivity",
    names=("sensitivity",),
    checks=[
        IsA("sensitivity", "function"),
        Calls("sensitivity", ("count", 50_000), _FP["ex06_04_count"],
              message="How much can one person change a count?"),
        Calls("sensitivity", ("sum", 50_000), _FP["ex06_04_sum"],
              message="After clipping to [0, upper], how much can one person change a sum?",
              mistakes=[(_FP["ex06_04_sum_as_count"],
                         "one person adds 1 to a count, but up to the clipping bound to a sum of incomes.")]),
        Calls("sensitivity", ("mean", 50_000, 400), _FP["ex06_04_mean"],
              message="A mean is a sum divided by the (public) number of people.",
              mistakes=[(_FP["ex06_04_mean_without_n"],
                         "that is the sensitivity of the sum; the mean divides it by the number of people.")]),
        Calls("sensitivity", ("mean", 50_000, 300), _FP["ex06_04_mean_uneven"],
              message="A mean is a sum divided by the (public) number of people.",
              mistakes=[(_FP["ex06_04_mean_floor"],
                         "the result was rounded down. Use true division `/`, not floor division `//`: a "
                         "sensitivity need not be a whole number.")]),
    ],
    hints=[
        "Imagine the one person whose value changes the answer the most. How big is that change?",
        "A count moves by one; a clipped sum by at most the clipping bound; a mean by the sum's change shared over n people.",
        "Count: one extra person. Sum: the largest amount one clipped income can add. Mean: the sum's change shared over n people.",
    ],
)


# ----------------------------------------------------------------------------- 5 laplace_count
def _laplace_count_test(func):
    problem = _same_draws(func, lambda rng: (10, 1.0, rng), "laplace_count")
    if problem:
        return problem
    for epsilon in (0.25, 2.0):
        rng = _seeded(20260611)
        dev = _draws(func, 20_000, 120, epsilon, rng) - 120
        scale = 1 / epsilon
        if not np.all(np.isfinite(dev)):
            return "`laplace_count` returned a value that is not a finite number."
        if np.all(dev == np.round(dev)):
            return "`laplace_count` rounds its result; return the noisy value as a float, unrounded."
        if abs(np.median(dev)) > 0.1 * scale:
            return "The noisy counts are not centred on the true count: the noise should have mean 0."
        mad = np.mean(np.abs(dev))
        if mad / dev.std() > 0.75:
            return ("The noise does not have the shape of a Laplace distribution (it looks like normal or uniform "
                    "noise). Use `rng.laplace(0, b)`.")
        problem = _noise_feedback(mad, scale, "laplace_count", [
            (epsilon, "The noise scale is ε/Δ, upside down: it must be Δ/ε, so that a smaller ε gives more noise."),
            (1.0, "The noise does not depend on ε: the scale must be Δ/ε."),
        ])
        if problem:
            return problem
    return None


q5 = Exercise(
    id="ex06_05",
    title="A noisy count with the Laplace mechanism",
    names=("laplace_count",),
    checks=[IsA("laplace_count", "function"), Behaves("laplace_count", _laplace_count_test)],
    hints=[
        "What is the sensitivity of a count, and what noise scale b follows from it and ε?",
        "`rng.laplace(loc, scale)` draws one Laplace number; loc is the centre (0), scale is b = Δ/ε.",
        "Add `rng.laplace(0, b)` to the true count, with b computed from the sensitivity of a count and ε.",
    ],
)


# ----------------------------------------------------------------------------- 6 noisy_sum
def _noisy_sum_test(func):
    # incomes in pounds (whole numbers), two far above `upper` and one below 0 (a loss)
    values = np.append(_seeded(6).integers(0, 20_000, 50), [180_000, 600_000, -80_000]).astype(float)
    upper = 100_000
    clipped = np.clip(values, 0, upper).sum()
    given = values.copy()
    problem = _same_draws(func, lambda rng: (given, upper, 1.0, rng), "noisy_sum")
    if problem:
        return problem
    if not np.array_equal(given, values):
        return ("`noisy_sum` changed the array it was given (it clipped the values in place). Clip into a new "
                "array and leave `values` as it was: a function should not change its input.")
    got = float(func(pd.Series(values.astype(int), dtype="Int64"), upper, 1.0, _seeded(3)))
    if not np.isfinite(got):
        return "`noisy_sum` does not return a finite number for a pandas Series of whole numbers (Int64)."
    epsilon = 0.5
    scale = upper / epsilon
    dev = _draws(func, 5_000, values.copy(), upper, epsilon, _seeded(99)) - clipped
    if np.all(dev == np.round(dev)):
        return "`noisy_sum` rounds its result; return the noisy value as a float, unrounded."
    # the noise must not grow with the number of values: one draw for the total, not one per value
    many = _draws(func, 200, np.full(400, 50.0), 100, 1.0, _seeded(12))
    if np.mean(np.abs(many - np.median(many))) > 3 * 100:
        return ("The noise grows with the number of values. Add one noise draw to the total, not one per value: "
                "the sensitivity of the clipped sum already covers any one person.")
    top_gap = np.clip(values, 0, None).sum() - clipped
    if abs(np.median(dev) - top_gap) < 0.1 * scale or abs(np.median(dev) - (values.sum() - clipped)) < 0.1 * scale:
        return "Values above `upper` are not clipped: one very large income could then move the sum without limit."
    bottom_gap = np.clip(values, None, upper).sum() - clipped
    if abs(np.median(dev) - bottom_gap) < 0.1 * scale:
        return ("Values below 0 are not raised to 0: clip to [0, `upper`] at both ends (`np.clip` takes a lower "
                "and an upper bound).")
    if abs(np.median(dev)) > 0.1 * scale:
        return "The noisy sum is not centred on the sum of the clipped values."
    return _noise_feedback(np.mean(np.abs(dev)), scale, "noisy_sum", [
        (1 / epsilon, "The noise is sized for a count (Δ = 1). A clipped sum has a larger sensitivity."),
        (epsilon / upper, "The noise scale is ε/Δ, upside down: it must be Δ/ε."),
        (epsilon * upper, "The noise scale multiplies Δ by ε; it must divide: Δ/ε."),
    ])


q6 = Exercise(
    id="ex06_06",
    title="A noisy sum of clipped incomes",
    names=("noisy_sum",),
    checks=[IsA("noisy_sum", "function"), Behaves("noisy_sum", _noisy_sum_test)],
    hints=[
        "Three steps: clip, add up, add noise. Which sensitivity does a sum of values in [0, upper] have?",
        "`np.clip(np.asarray(values, dtype=float), 0, upper)` clips; the noise scale is the sum's sensitivity divided by ε.",
        "Add `rng.laplace(0, b)` to the clipped total, with b = (sensitivity of a clipped sum) / ε, and return it as a float.",
    ],
)


# ----------------------------------------------------------------------------- 7 noisy_tables
def _noisy_tables_test(func):
    base = {
        "people": {(b, s): 300 + 40 * i for i, (b, s) in enumerate(itertools.product(BANDS, SEXES))},
        "benefit_by_sex": {"F": 90, "M": 80},
        "benefit_by_band": {"0-17": 20, "18-64": 100, "65+": 50},
    }
    snapshot = repr(base)
    out = func(base, 0.5, _seeded(1))
    if repr(base) != snapshot:
        return "`noisy_tables` changed the tables it was given. Build and return a new dict instead."
    if not isinstance(out, dict) or set(out) != set(base):
        return "`noisy_tables` should return a dict with the same table names as its input."
    for name, table in base.items():
        if not isinstance(out[name], dict) or set(out[name]) != set(table):
            return f"The table `{name}` in your result does not have the same keys as in the input."
        for value in out[name].values():
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                return "Every noisy count should be a whole number (`int`): round it and convert with `int(...)`."
    small = {name: {k: 0 for k in table} for name, table in base.items()}
    zeros = []
    for _ in range(60):
        zeros += [v for t in func(small, 0.5, _seeded(_)).values() for v in t.values()]
    zeros = np.array(zeros, dtype=float)
    if np.any(zeros < 0):
        return "Some noisy counts are negative: raise them to 0 (for example with `max(0, ...)`)."
    if not np.any(zeros > 0):
        return ("A true count of 0 is always published as 0, which tells everyone which cells are empty. Add "
                "noise to every count, zeros included; only afterwards raise negative results to 0.")
    if np.mean(zeros == 0) < 0.3:
        return ("True counts of 0 are published as 0 too rarely: negative noisy counts seem to be turned "
                "positive (for example with `abs`). Raise them to 0 instead, with `max(0, ...)`.")
    first = func(base, 1.0, _seeded(5))
    if first != func(base, 1.0, _seeded(5)):
        return "Draw the noise from the `rng` you are given, so that the same seed gives the same release."
    # independent noise per cell: differences between two cells of a table must vary from call to call
    rng = _seeded(17)
    gaps = {name: set() for name in base}
    firsts = {name: set() for name in base}
    for _ in range(30):
        noisy = func(base, 0.5, rng)
        for name, table in base.items():
            k1, k2 = list(table)[:2]
            gaps[name].add(noisy[name][k1] - noisy[name][k2])
            firsts[name].add(noisy[name][k1])
    if any(len(gaps[name]) == 1 and len(firsts[name]) > 1 for name in base):
        return ("The differences between the cells of a table are the same in every release: all cells share "
                "one noise draw. Then the differences are published exactly, which is not differentially "
                "private. Draw new noise for every count.")
    epsilon = 0.5
    rng = _seeded(31)
    dev = []
    for _ in range(400):
        noisy = func(base, epsilon, rng)
        dev += [noisy[t][k] - base[t][k] for t in base for k in base[t]]
    dev = np.array(dev, dtype=float)
    if abs(np.median(dev)) > 1:
        return "The noisy counts are not centred on the true counts."
    problem = _noise_feedback(np.mean(np.abs(dev)), 3 / epsilon, "noisy_tables", [
        (1 / epsilon, "The noise is sized for one count (Δ = 1), but one person can change three counts: Δ = 3 for the release."),
        (epsilon / 3, "The noise scale is ε/Δ, upside down: it must be Δ/ε."),
    ])
    if problem:
        return problem
    # rounding to the nearest whole number keeps the noise centred; `int(count + noise)` alone cuts
    # the decimals off, which for a positive count rounds down: on average half a person too few
    rng = _seeded(43)
    dev = []
    for _ in range(200):
        noisy = func(base, 3.0, rng)
        dev += [noisy[t][k] - base[t][k] for t in base for k in base[t]]
    if np.mean(dev) < -0.25:
        return ("The noisy counts are rounded down on average (for example by `int(...)` alone, which cuts the "
                "decimals off) rather than rounded to the nearest whole number: round first, then convert with `int`.")
    return None


q7 = Exercise(
    id="ex06_07",
    title="Protect the published tables",
    names=("noisy_tables",),
    checks=[IsA("noisy_tables", "function"), Behaves("noisy_tables", _noisy_tables_test)],
    hints=[
        "Go through every table and every count in it, and build a new dict as you go.",
        "Build a new dict with the same table names; inside each, a new dict with the same keys and a noisy, rounded, non-negative count. Two nested loops (or comprehensions) over `.items()` do it.",
        "For each count, zeros included: add its own Laplace draw of scale 3/ε, round to the nearest whole number, make it an `int`, and raise negatives to 0 with `max`.",
    ],
)


# ----------------------------------------------------------------------------- 8 dp_mean_income
def _dp_mean_test(func):
    incomes = _seeded(8).uniform(0, 40_000, 800)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = func(incomes, 50_000, 1.0, random_state=4)
    if first is None:
        return "`dp_mean_income` returned None. Did you forget `return`?"
    if any(w.category.__name__ == "PrivacyLeakWarning" for w in caught):
        return ("diffprivlib warned about a privacy leak: give it `bounds=(0, upper)` so that it does not "
                "compute the bounds from the (private) data.")
    if float(first) != float(func(incomes, 50_000, 1.0, random_state=4)):
        return "The same `random_state` gives different results: pass `random_state` on to diffprivlib."
    with_outliers = np.append(incomes, [3e8, 9e8])
    outlier_runs = [float(func(with_outliers, 50_000, 2.0, random_state=s)) for s in range(40)]
    if abs(np.median(outlier_runs) - np.clip(with_outliers, 0, 50_000).mean()) > 50:
        return "Incomes above `upper` are not clipped to it (or the bounds are not (0, upper))."
    epsilon = 0.5
    errors = np.array([float(func(incomes, 50_000, epsilon, random_state=s)) for s in range(1_500)]) - incomes.mean()
    scale = 50_000 / incomes.size / epsilon
    mad = np.mean(np.abs(errors))
    if abs(mad / scale - 1) > 0.12:
        if mad < 0.01 * scale:
            return "The result has (almost) no noise: use `diffprivlib.tools.mean` with the given `epsilon`."
        return ("The noise has the wrong size: pass `epsilon=epsilon` and `bounds=(0, upper)` to "
                "`diffprivlib.tools.mean`. Without bounds diffprivlib takes them from the (private) data, "
                "and silencing its warning does not make that safe.")
    return None


q8 = Exercise(
    id="ex06_08",
    title="A private mean with diffprivlib",
    names=("dp_mean_income",),
    checks=[IsA("dp_mean_income", "function"), Behaves("dp_mean_income", _dp_mean_test)],
    hints=[
        "`diffprivlib.tools.mean` works like `np.mean`, with three more arguments.",
        "The arguments are `epsilon=...`, `bounds=(lower, upper)` and `random_state=...`; diffprivlib clips to the bounds for you.",
        "Call `dp.tools.mean` on the incomes with `epsilon=`, `bounds=` set to the clipping range, and `random_state=`; return what it gives.",
    ],
)


# ----------------------------------------------------------------------------- 9 accountant
def _raises(action):
    try:
        action()
    except Exception:
        return True
    return False


def _remaining_problem(acc):
    """Feedback when `remaining` is not a method returning one number (None: it is)."""
    if not callable(getattr(acc, "remaining", None)):
        return ("`remaining` must be a method, called as `.remaining()`: define `def remaining(self):` in the "
                "class and return the budget left from it (not an attribute that holds a number).")
    value = acc.remaining()
    if value is None:
        return "`remaining()` returned None. Did you forget `return`?"
    if isinstance(value, (tuple, list)) or np.ndim(value) != 0:
        return ("`remaining()` should return one number. diffprivlib's `BudgetAccountant.remaining()` returns "
                "a pair (ε, δ): return its ε, the first item.")
    try:
        float(value)
    except (TypeError, ValueError):
        return f"`remaining()` should return a number, but it returned a {type(value).__name__}."
    return None


def _accountant_test(cls):
    total = 2.0
    acc = cls(total)
    problem = _remaining_problem(acc)
    if problem:
        return problem
    if abs(float(acc.remaining()) - total) > 1e-6:
        return "A new accountant should have its whole budget remaining."
    spends = [0.5, 0.25, 0.75]
    for e in spends:
        if _raises(lambda: acc.spend(e)):
            return "`spend` refused a spend that fits in the budget."
    left = total - sum(spends)
    if abs(float(acc.remaining()) - left) > 1e-6:
        return "`remaining()` does not return the budget minus everything spent."
    if not _raises(lambda: acc.spend(left + 0.125)):
        return "`spend` allowed a spend larger than what is left. It must raise an exception instead."
    if abs(float(acc.remaining()) - left) > 1e-6:
        return "A refused spend changed the budget: refuse before you record anything."
    if not _raises(lambda: acc.spend(-0.25)) or not _raises(lambda: acc.spend(0)):
        return "`spend` accepted an ε that is not positive; refuse it with an exception."
    if abs(float(acc.remaining()) - left) > 1e-6:
        return "A refused spend changed the budget: refuse before you record anything."
    if _raises(lambda: acc.spend(left)):
        return "Spending exactly what is left should be allowed."
    other = cls(total)
    if abs(float(other.remaining()) - total) > 1e-6:
        return "Two accountants share their spending: keep the spending on `self`, not on the class."
    tenths = cls(1.0)
    for _ in range(10):
        if _raises(lambda: tenths.spend(0.1)):
            return "Ten spends of 0.1 from a budget of 1 were refused: allow a small rounding slack (1e-9)."
    return None


q9 = Exercise(
    id="ex06_09",
    title="A privacy accountant",
    names=("PrivacyAccountant",),
    checks=[IsA("PrivacyAccountant", "function"), Behaves("PrivacyAccountant", _accountant_test)],
    hints=[
        "The accountant needs to remember two numbers: the budget and what has been spent.",
        "In `spend`, first check (positive? fits within the budget plus 1e-9?) and `raise` if not; only then add to what is spent.",
        "`__init__` stores `self.total` and `self.spent = 0.0`; `remaining()` returns `self.total - self.spent`.",
    ],
)


# ----------------------------------------------------------------------------- 10 curve
_CURVE_EPSILONS = [0.1, 0.2, 0.5, 1, 2, 5, 10]


def _sorted_curve(frame):
    return frame.assign(epsilon=frame["epsilon"].astype(float), mae=frame["mae"].astype(float)).sort_values("epsilon")


@functools.lru_cache(maxsize=1)
def _area_size(area="KA0100"):
    from academy import data

    people = data.load("census_microdata")
    return int((people["area_code"] == area).sum())


def _curve_size(frame):
    """Feedback on the size of the errors, measured against the noise scale b = Δ/ε with Δ = upper/n.

    The mean absolute error of Laplace noise is b. With 500 runs its Monte-Carlo error is about
    b/√500 ≈ 4.5% of b, so every correct simulation lands within ±20% (over 4 standard errors);
    the usual mistakes land outside: RMSE ≈ 1.41 b, median ≈ 0.69 b, one shared random_state
    |one draw|, three times the error 3 b, a forgotten ÷n n·b.
    """
    curve = _sorted_curve(frame)
    n = _area_size()
    ratios = curve["mae"].to_numpy() * curve["epsilon"].to_numpy() / (150_000 / n)
    if matches(list(curve["mae"]), _FP["ex06_10_fifty_runs"], "ex06_10"):
        return "These errors come from 50 runs per ε; the prompt asks for 500 runs, each with its own random_state."
    if np.all(np.abs(ratios - 1) <= 0.2):
        return None
    typical = float(np.median(ratios))
    if abs(typical / n - 1) < 0.25:
        return (f"Your errors are about {typical:.0f} times too large — about the number of people in the area. "
                "Did you divide the sensitivity by n? The mean's sensitivity is upper / n.")
    if typical > 2:
        return (f"Your errors are about {typical:.0f} times too large. The error of one run is the private mean "
                "minus the true clipped mean; take its absolute value, then the mean over the 500 runs — "
                "nothing more.")
    if typical < 0.5:
        return (f"Your errors are about {1 / typical:.0f} times too small. Compare each private mean with the "
                "true mean of the clipped incomes, in pounds, and average the absolute errors.")
    if typical > 1:
        return ("Your errors are somewhat too large. The mean absolute error averages |error|; a root mean square "
                "error (squares, then a square root) is about 1.4 times larger.")
    return ("Your errors are somewhat too small. Average the absolute errors (a median is about 0.7 times the "
            "mean), and give each of the 500 runs its own random_state (the same random_state gives the same "
            "release every time).")


q10 = Exercise(
    id="ex06_10",
    title="The accuracy–privacy curve",
    names=("curve",),
    checks=[
        IsA("curve", "frame"),
        Columns("curve", ["epsilon", "mae"]),
        Rows("curve", len(_CURVE_EPSILONS), "value of ε in EPSILONS"),
        Has("curve", lambda f: np.allclose(sorted(f["epsilon"].astype(float)), _CURVE_EPSILONS),
            "The `epsilon` column should hold exactly the values in `EPSILONS`."),
        Has("curve", lambda f: bool((f["mae"].astype(float) > 0).all()),
            "Every mean absolute error should be positive: take the absolute value of each error, then the mean."),
        Has("curve", lambda f: bool(np.all(np.diff(_sorted_curve(f)["mae"].to_numpy()) < 0)),
            "The error should shrink as ε grows. Check that each ε is passed to diffprivlib."),
        Has("curve", lambda f: bool(np.ptp(np.log(_sorted_curve(f)["mae"] * _sorted_curve(f)["epsilon"])) < np.log(1.6)),
            "The error should be about inversely proportional to ε (twice the ε, half the error). Use 500 "
            "runs per ε, each with its own random_state, and bounds (0, 150,000)."),
        Behaves("curve", _curve_size),
    ],
    hints=[
        "Two loops: one over ε, and inside it one over 500 runs. Collect the 500 private means for each ε.",
        "The error of one run is `release - true_mean`, where `true_mean` is the mean of the incomes clipped to [0, 150,000]; take `np.abs` before averaging.",
        "Append `{\"epsilon\": epsilon, \"mae\": ...}` to a list for each ε, then `pd.DataFrame(rows)`.",
    ],
)


# ----------------------------------------------------------------------------- 11 model
q11 = Exercise(
    id="ex06_11",
    title="A private model and its non-private twin",
    names=("baseline_accuracy", "model_curve"),
    checks=[
        IsA("baseline_accuracy", "number"),
        Has("baseline_accuracy", lambda v: 0 <= float(v) <= 1, "An accuracy is a share between 0 and 1."),
        Matches("baseline_accuracy", _FP["ex06_11_baseline"],
                message="`baseline_accuracy` is not the test accuracy of scikit-learn's GaussianNB trained on the training set."),
        IsA("model_curve", "frame"),
        Columns("model_curve", ["epsilon", "accuracy"]),
        Rows("model_curve", 6, "value of ε in MODEL_EPSILONS"),
        Has("model_curve", lambda f: bool(f["accuracy"].astype(float).between(0, 1).all()),
            "Each accuracy should be a share between 0 and 1."),
        Matches("model_curve", _FP["ex06_11_curve"],
                message="Some accuracies differ from what the 20 private models give. Use "
                        "`dp.models.GaussianNB(epsilon=..., bounds=BOUNDS, random_state=seed)` for seed in range(20), "
                        "fit on the training set, score on the test set, and average."),
    ],
    hints=[
        "`model.fit(X_train, y_train).score(X_test, y_test)` trains a model and returns its test accuracy.",
        "For the private models, loop over `MODEL_EPSILONS` and, inside, over `range(20)` as `random_state`.",
        "Average the 20 scores with `np.mean` for each ε and build the frame from the two lists.",
    ],
)
