"""Made-up linkage cases shared by several checks of module 03 (no reference code). Checks call
the learner's function on them with ``academy.exercises.running.call_on_made_up``: a KeyError
names the columns the made-up tables have."""

import pandas as pd


def case_truth():
    """A labelled sample: five learners and their true Revenue person."""
    return pd.DataFrame({"left_id": ["s1", "s2", "s3", "s4", "s5"], "right_id": ["KT1", "KT2", "KT3", "KT4", "KT5"]})


def case_links():
    """Links with a duplicate (s1, KT1), a wrong link, and links of learners outside the sample."""
    return pd.DataFrame({"left_id": ["s1", "s2", "s2", "s3", "s9", "s1", "s8"],
                         "right_id": ["KT1", "KT2", "KT7", "KT6", "KT9", "KT1", "KT8"]})


def case_claims():
    """Funding claims and links. x, y: one person, two providers, in January and in February;
    z, w: one person, one provider; v, s: one person, two providers, in different months;
    u, t: not linked (no person)."""
    claims = pd.DataFrame({"claim_id": ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10"],
                           "learner_ref": ["x", "y", "x", "y", "z", "w", "v", "u", "t", "s"],
                           "provider_id": ["P1", "P2", "P1", "P2", "P1", "P1", "P3", "P3", "P2", "P1"],
                           "month": pd.to_datetime(["2023-01-01", "2023-01-01", "2023-02-01", "2023-02-01", "2023-03-01",
                                                    "2023-03-01", "2023-03-01", "2023-03-01", "2023-03-01", "2023-01-01"]),
                           "training_hours": [4, 4, 4, 4, 6, 6, 2, 2, 3, 5],
                           "amount": [60.0, 60, 60, 60, 90, 90, 30, 30, 45, 75]})
    links = pd.DataFrame({"left_id": ["x", "y", "z", "w", "v", "s"], "right_id": ["KT1", "KT1", "KT2", "KT2", "KT3", "KT3"]})
    return claims, links
