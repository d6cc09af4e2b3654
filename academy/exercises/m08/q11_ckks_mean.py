"""Module 08, exercise 11 — an encrypted mean with CKKS: `encrypted_mean(context, values)`, `ckks_error`."""

import math

import numpy as np

from academy.exercises.checks import Behaves, Has, IsA, call_learner
from academy.exercises.core import Exercise, Wrong


def _decrypting(func, context, data):
    """Call the learner's function, noting how many values each CKKS decryption gives back."""
    import tenseal as ts

    original, sizes = ts.CKKSVector.decrypt, []

    def decrypt(self, *args, **kwargs):  # why: decrypting every record gives the right mean, encrypted nothing
        plain = original(self, *args, **kwargs)
        sizes.append(len(plain))
        return plain

    ts.CKKSVector.decrypt = decrypt
    try:
        got = call_learner(func, "encrypted_mean", context, data.copy(), seconds=20)
    finally:
        ts.CKKSVector.decrypt = original
    return got, sizes


def _new(values, salt=None):
    func, context = values["encrypted_mean"], values["ckks_context"]
    for data in (np.arange(1, 101, dtype=float), np.array([3.5, 0.25, 12.0, 7.0, 1.0])):
        got, sizes = _decrypting(func, context, data)
        if any(size > 1 for size in sizes):
            raise Wrong("`encrypted_mean` decrypts the whole vector of values, so whoever decrypts sees every "
                        "record. Which single number should be the only thing ever decrypted?")
        try:
            got = float(got)
        except (TypeError, ValueError):
            raise Wrong("`encrypted_mean` should return one plain number: decrypt the result and take its one value.")
        if abs(got - data.sum()) < 1e-2 * max(1.0, data.sum()) and len(data) > 1:
            raise Wrong("`encrypted_mean` returns the total, not the mean: multiply the encrypted sum by 1/n.")
        if abs(got - data.mean()) > 1e-3 * max(1.0, abs(data.mean())):
            raise Wrong("On new values `encrypted_mean` is not close to the mean.")


exercise = Exercise(
    id="ex08_11",
    name="ckks_mean",
    title="An encrypted mean with CKKS",
    names=("encrypted_mean", "ckks_error", "ckks_context"),
    checks=[
        IsA("encrypted_mean", "function"),
        _new,
        IsA("ckks_error", "number"),
        Has("ckks_error", lambda v: math.isfinite(v) and v >= 0,
            "`ckks_error` should be the absolute difference: a number that is not negative."),
        Has("ckks_error", lambda v: v < 1e-2,
            "`ckks_error` is much larger than CKKS's rounding: compare the encrypted mean of the lengths of "
            "stay with their plain mean, both on the same values."),
        Has("ckks_error", lambda v: v > 0,
            "`ckks_error` is exactly 0: did you compare the plain mean with itself? CKKS is approximate, "
            "so its answer differs from the plain mean in the last digits."),
    ],
    time_limit=60,
    hints=[
        "Encrypt the whole vector once, add its elements up while encrypted, and scale by 1/n while encrypted.",
        "`ts.ckks_vector(context, list_of_floats)` encrypts; `.sum()` adds the elements; `* (1 / n)` scales.",
        "Decrypt with `.decrypt()`, which returns a list: its first element is the mean. The error is the "
        "absolute difference from `np.mean` of the same values.",
    ],
)
