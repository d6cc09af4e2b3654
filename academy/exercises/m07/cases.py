"""Small inputs the module 07 checks build at import time (the same every run): hospitals, models, updates.

Shared by several exercises; these are inputs, never answers.
"""

import numpy as np

HOSPITALS = ["Capital General", "North Coast Infirmary", "Hillside and Islands Hospital"]
MOD = 2 ** 32  # the notebook's modulus for secure aggregation (section 6)

_rng = np.random.default_rng(20070)


def small_hospitals(sizes=(40, 70, 30), columns=4, seed=7):
    """A dict like the notebook's `hospitals`, with made-up features and labels (both labels present)."""
    g = np.random.default_rng(seed)
    out = {}
    for i, n in enumerate(sizes):
        X = g.normal(size=(n, columns))
        y = (X[:, 0] + g.normal(size=n) > 0).astype(int)
        y[:2] = [0, 1]
        out[f"hospital {i}"] = {"X": X, "y": y}
    return out


def as_list(value):
    """A vector as a plain list of floats (for fingerprints)."""
    return [float(v) for v in np.asarray(value, dtype=float).ravel()]


MODELS = [_rng.normal(size=5) for _ in range(3)]
SIZES = [1_200, 300, 500]
W = _rng.normal(scale=0.3, size=6)
X_SMALL = _rng.normal(size=(8, 5))
Y_SMALL = np.array([0, 1, 1, 0, 0, 1, 0, 1])
