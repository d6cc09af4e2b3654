"""Module 05, exercise 8 — the agency's gaps: `agency_gaps` (a dict: demographic_parity, equalized_odds)."""

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise

KEYS = ("demographic_parity", "equalized_odds")


def _gaps(d):
    return [float(d[k]) for k in KEYS]


exercise = Exercise(
    id="ex05_08",
    name="agency_gaps",
    title="The agency's gaps",
    names=("agency_gaps",),
    checks=[
        IsA("agency_gaps", "dict"),
        Has("agency_gaps", lambda d: set(KEYS) <= set(d),
            "`agency_gaps` needs the keys 'demographic_parity' and 'equalized_odds'."),
        Has("agency_gaps", lambda d: all(0 <= g <= 1 for g in _gaps(d)),
            "Both differences are gaps between two rates, so each lies between 0 and 1."),
        Matches("agency_gaps", key="gaps", step=0.001, transform=_gaps,
                message="One or both differences are not the gaps between the groups' weighted rates for the "
                        "agency's flags. Check which column is the truth, which the prediction, and that both use "
                        "the weights.",
                mistakes={"wrong-unweighted-audit":
                          "These are the unweighted gaps. Without the weights the investigated claims "
                          "over-represent flagged claims, so the rates describe the sample rather than all claims.",
                          "wrong-all-yes-masked-counts-and-fpr-gap":
                          "The equalized odds difference is not the gap in false positive rates alone: it is the "
                          "larger of that gap and the gap in true positive rates. Compare both."}),
    ],
    hints=[
        "Both functions take y_true, y_pred, `sensitive_features=` and `sample_weight=`.",
        "y_true is `sample['irregular']`, y_pred is `sample['flagged']`, the groups are `sample['group']`.",
        "Store the two results in a dict with the keys 'demographic_parity' and 'equalized_odds'.",
    ],
)
