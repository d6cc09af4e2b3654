"""Module 07, exercise 13 — one round of DP-FedAvg: `dp_fedavg_round(w, models, clip, noise_multiplier, rng)`."""

import copy

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import as_list

_g = np.random.default_rng(1313)
W0 = np.round(_g.normal(size=6), 3)
# three returned models: one change far longer than the clip, one shorter, one about the same
MODELS = [W0 + 3.0 * _g.normal(size=6), W0 + 0.05 * _g.normal(size=6), W0 + 0.4 * _g.normal(size=6)]


class _Generator:
    """A stand-in for np.random.Generator that draws no noise but records the scale asked for."""

    def __init__(self):
        self.scales = []

    def normal(self, loc=0.0, scale=1.0, size=None):
        self.scales.append(float(scale))
        return np.zeros(size if size is not None else ())


def _clips_and_keeps_inputs(func):
    w, models = W0.copy(), copy.deepcopy(MODELS)
    got = func(w, models, 0.5, 0.0, np.random.default_rng(0))
    if got is None:
        raise Wrong("`dp_fedavg_round` returned None. Did you forget `return`?")
    if np.shape(got) != W0.shape:
        raise Wrong("`dp_fedavg_round` should return the new global vector, as long as `w`.")
    if not np.array_equal(w, W0) or any(not np.array_equal(a, b) for a, b in zip(models, MODELS)):
        raise Wrong("`dp_fedavg_round` changed `w` or `models`; compute on copies.")
    step = np.linalg.norm(np.asarray(got, dtype=float) - W0)
    if step > 0.5 + 1e-9:
        raise Wrong("Without noise, the global vector moved further than `clip` allows: the changes are not "
                    "clipped. Shrink any change whose length is above `clip` to length `clip`.")
    fake = _Generator()
    func(W0.copy(), copy.deepcopy(MODELS), 0.5, 2.0, fake)
    if len(fake.scales) != 1:
        raise Wrong(f"The noise should be drawn once for the whole sum; `rng.normal` was called {len(fake.scales)} times.")
    if abs(fake.scales[0] - 1.0) > 1e-9:
        raise Wrong("The noise has the wrong standard deviation: it is the noise multiplier times `clip`.")


exercise = Exercise(
    id="ex07_13",
    name="dp_fedavg_round",
    title="One round of DP-FedAvg",
    names=("dp_fedavg_round",),
    checks=[
        IsA("dp_fedavg_round", "function"),
        Behaves("dp_fedavg_round", _clips_and_keeps_inputs),
        Calls("dp_fedavg_round", (W0, MODELS, 0.5, 1.0, np.random.default_rng(77)), key="visible_case", step=1e-6,
              transform=as_list,
              message="On a small round the new vector is not right. Clip each change (model − w), add them up, "
                      "add the noise once, then divide by the number of hospitals and add to `w`.",
              mistakes={"wrong-no-clip-and-signs":
                        "the changes are not clipped, so one hospital can still move the model as far as it likes "
                        "and the noise cannot hide it."}),
    ],
    hints=[
        "Work with changes, not models: each change is `model - w`.",
        "A change longer than `clip` is scaled by `clip / norm`; shorter ones stay as they are.",
        "Sum the clipped changes, add one `rng.normal(0, noise_multiplier * clip, size=len(w))`, divide by `len(models)`, add to `w`.",
    ],
)
