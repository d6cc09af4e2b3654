"""Helpers the teaching cells of module 10 (the capstone) import (not checks).

The capstone reuses earlier modules' course material rather than copying it: module 02's scoring
and cover search (the correct versions its own grading stands in with), module 04's agreement
schema, module 09's coarsening, public categories and memorising synthesizer. ``CANDIDATES``,
``WEIGHTS``, ``NEEDS`` and ``HOLDINGS`` are the fund's catalogue of bids for this pilot;
``sandbox_split`` and ``sandbox_risk`` fix how the sandbox is trained and measured.
"""

import numpy as np
import pandas as pd

from academy.exercises.m02.earlier_answers import cover_stand_in as smallest_cover
from academy.exercises.m02.earlier_answers import scores_stand_in as score_use_cases
from academy.exercises.m04.agreement_schema import DSA_SCHEMA
from academy.exercises.m09.teaching import coarsen, domain, memorising_synthesizer

__all__ = ["CANDIDATES", "DSA_SCHEMA", "HOLDINGS", "NEEDS", "RISK_THRESHOLD", "WEIGHTS", "coarsen", "domain",
           "memorising_synthesizer", "sandbox_risk", "sandbox_split", "score_use_cases", "smallest_cover"]

RISK_THRESHOLD = 0.1  # the sandbox's agreed ceiling on sandbox_risk (the pilot's agreement sets it)

# The bids on the fund's desk, scored 1 (poor) to 5 (good) by the panel, as in module 02.
CANDIDATES = pd.DataFrame({
    "use_case": ["Benefits and earnings pilot", "Child wellbeing early help", "Once-only address change",
                 "Regional skills-gap map", "Youth employment tracker"],
    "value":          [5, 5, 3, 4, 4],
    "feasibility":    [4, 3, 4, 4, 3],
    "data_readiness": [4, 4, 3, 4, 3],
    "public_trust":   [3, 3, 4, 4, 3],
    "affordability":  [4, 4, 5, 3, 3],
})
WEIGHTS = {"value": 0.35, "feasibility": 0.2, "data_readiness": 0.2, "public_trust": 0.15, "affordability": 0.1}

# What each bid needs, and what each agency holds (person-level fields).
NEEDS = {
    "Benefits and earnings pilot": {"benefit_receipt", "tax_ref", "annual_pay", "region", "employment", "income"},
    "Child wellbeing early help": {"school_attendance", "benefit_receipt", "hospital_admissions"},
    "Once-only address change": {"address", "postcode", "tax_ref"},
    "Regional skills-gap map": {"apprenticeship_standard", "region", "employment_rate"},
    "Youth employment tracker": {"apprenticeship_standard", "annual_pay", "tax_ref", "birth_date"},
}
HOLDINGS = {
    "Census office": {"region", "employment", "income", "household_size", "age", "employment_rate"},
    "Health": {"hospital_admissions", "birth_date", "postcode"},
    "Register": {"address", "postcode", "birth_date"},
    "Revenue": {"tax_ref", "annual_pay", "hours_per_week", "employer_ref", "birth_date", "postcode"},
    "Skills": {"apprenticeship_standard", "tax_ref", "birth_date", "postcode"},
    "Welfare": {"tax_ref", "benefit_receipt", "region", "household_size", "birth_date", "postcode"},
}


def sandbox_split(seed: int = 1010) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(train, control)``: two disjoint samples of 5,000 people each from the coarsened census.

    ``train`` is what the sandbox's synthesizer may learn from; ``control`` is never shown to it and
    is as large as ``train`` (module 09: a smaller control set scores a spurious risk).
    """
    from academy import data

    coarse = coarsen(data.load("census_microdata"))
    shuffled = coarse.sample(frac=1, random_state=seed).reset_index(drop=True)
    return shuffled.iloc[:5000].reset_index(drop=True), shuffled.iloc[5000:10000].reset_index(drop=True)


def _rare_found(synthetic: pd.DataFrame, people: pd.DataFrame) -> float:
    """Share of the people alone in ``people`` on every column whose whole record is in ``synthetic``."""
    columns = list(people.columns)
    keys = pd.Series(list(people[columns].astype(str).itertuples(index=False, name=None)))
    alone = keys[~keys.duplicated(keep=False)]
    if len(alone) == 0:
        return 0.0
    released = set(synthetic[columns].astype(str).itertuples(index=False, name=None))
    return float(alone.isin(released).mean())


def sandbox_risk(synthetic: pd.DataFrame, train: pd.DataFrame, control: pd.DataFrame) -> float:
    """The sandbox's measured risk, in [0, 1] (0: the synthetic data tells nothing about ``train``).

    Rare people re-found: the share of people unique in ``train`` whose whole record appears in
    ``synthetic``, against the same share in ``control`` (as large, never seen), turned into
    Giomi et al.'s risk (r_train − r_control) / (1 − r_control), floored at 0.
    Raises KeyError if ``synthetic`` lacks one of ``train``'s columns.
    """
    r_train, r_control = _rare_found(synthetic, train), _rare_found(synthetic, control)
    if r_control >= 1:
        return 0.0
    return max(0.0, (r_train - r_control) / (1 - r_control))
