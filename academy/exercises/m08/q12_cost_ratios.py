"""Module 08, exercise 12 — what encryption costs: `time_ratio`, `bytes_ratio`."""

import math

from academy.exercises.checks import Has, IsA
from academy.exercises.core import Exercise

_INVERTED = ("is below 1, which would make the encrypted computation cheaper than the plain one. "
             "Divide the encrypted measurement by the plain one.")

exercise = Exercise(
    id="ex08_12",
    name="cost_ratios",
    title="The cost of encrypted computation",
    names=("time_ratio", "bytes_ratio"),
    checks=[
        IsA("time_ratio", "number"),
        IsA("bytes_ratio", "number"),
        Has("time_ratio", lambda v: math.isfinite(v) and v > 0, "`time_ratio` should be a positive number."),
        Has("bytes_ratio", lambda v: math.isfinite(v) and v > 0, "`bytes_ratio` should be a positive number."),
        Has("time_ratio", lambda v: v > 1, "`time_ratio` " + _INVERTED),
        Has("bytes_ratio", lambda v: v > 1, "`bytes_ratio` " + _INVERTED),
        # Why these bounds: CKKS with this context takes tens of thousands of times np.mean's time, and its
        # ciphertext of the stays is about 15 times their bytes; the slips below are off by 1,000 and by 8.
        Has("time_ratio", lambda v: v > 300,
            "`time_ratio` is far smaller than encrypted computation costs. Is your plain time the time of one "
            "`np.mean`, or of all the repetitions together?"),
        Has("bytes_ratio", lambda v: not 50 <= v < 400,
            "`bytes_ratio` is about eight times too large. What does `stays.nbytes` count, and what did you "
            "divide by?"),
        Has("bytes_ratio", lambda v: 5 < v < 50,
            "`bytes_ratio` is far from what the sizes give: compare the serialised ciphertext's bytes with the "
            "plain array's bytes (`.nbytes`), both for the same lengths of stay."),
    ],
    hints=[
        "A ratio says how many times more the encrypted way costs: encrypted divided by plain.",
        "Time both ways with `time.perf_counter()`; for bytes, `len(vector.serialize())` against `values.nbytes`.",
        "Time the plain mean over many repetitions if it is too fast to measure once, and divide by the repetitions.",
    ],
)
