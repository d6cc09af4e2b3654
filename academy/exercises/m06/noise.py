"""Statistical check helpers shared by exercises 5–7 (Laplace noise drawn by the learner's code).

Each raises ``Wrong`` with feedback or returns; none holds a reference implementation.
"""

import numpy as np

from academy.exercises.core import Wrong


def seeded(seed):
    return np.random.default_rng(seed)


def draws(func, n, *args):
    """``n`` results of ``func(*args)`` as floats."""
    return np.array([float(func(*args)) for _ in range(n)])


def one_number(value, what):
    """Refuse anything but one number (None, an array, text)."""
    if value is None:
        raise Wrong(f"`{what}` returned None. Did you forget `return`?")
    if np.ndim(value) != 0:
        raise Wrong(f"`{what}` returned an array (or list); return one number: draw a single noise value, not many.")
    try:
        float(value)
    except (TypeError, ValueError):
        raise Wrong(f"`{what}` should return a number, but it returned a {type(value).__name__}.")


def same_draws(func, make_args, what):
    """Two calls with generators made from the same seed must agree (the generator is used)."""
    first = func(*make_args(seeded(2468)))
    one_number(first, what)
    first = float(first)
    second = float(func(*make_args(seeded(2468))))
    if not np.isfinite(first):
        raise Wrong(f"`{what}` returned {first}: the result should be a finite number.")
    if first != second:
        raise Wrong(f"`{what}` gives different results for generators made from the same seed. Draw the noise "
                    "from the generator `rng` you are given, not from NumPy's global random functions.")


def noise_size(mad, scale, what, wrong_scales, tolerance=0.06):
    """Feedback on the size of Laplace noise; ``mad`` is the mean absolute deviation measured.

    ``wrong_scales`` lists (scale a typical mistake gives, feedback). The mean absolute size of
    Laplace noise is its scale b, with a relative standard error of 1/√draws: ``tolerance``
    (6% suits 20,000 draws, 10% suits 2,000) keeps every correct answer inside.
    """
    if abs(mad / scale - 1) <= tolerance:
        return
    for wrong, feedback in wrong_scales:
        if wrong > 0 and abs(mad / wrong - 1) <= tolerance:
            raise Wrong(feedback)
    raise Wrong(f"The noise in `{what}` has the wrong size. Laplace noise has scale b = Δ/ε, where Δ is the "
                "sensitivity of the query; its average absolute size is b.")
