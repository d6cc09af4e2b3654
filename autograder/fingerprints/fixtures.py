"""Wrong-answer and alternative fixtures (tests/fixtures/NN-slug/*.yaml) and what they expect.

A fixture replaces answer cells and states, per exercise it breaks, the outcome and a fragment
of the feedback; every exercise it does not list must stay correct and keep its points::

    description: Subtracted the two means instead of the two totals.
    answers:
      ex06_01_answer: |-
        def reveal_income(mean_all, n_all, mean_rest, n_rest): ...
    expect:
      ex06_01: {outcome: incorrect, feedback: "a mean times its number of people"}

The module total a fixture must score under nbgrader follows from these and the test cells' points.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from academy import paths

OUTCOMES = {"correct", "incorrect", "not attempted"}


def folder(module: str) -> Path:
    return paths.require_repo() / "tests" / "fixtures" / module


def load(module: str) -> dict[str, dict]:
    """Every fixture of a module by file stem, checked for shape (ValueError names the file)."""
    found = {}
    for path in sorted(folder(module).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data.get("answers"), dict) or not data["answers"]:
            raise ValueError(f"{path}: needs `answers:` (answer grade id -> code)")
        for exercise, want in (data.get("expect") or {}).items():
            if not isinstance(want, dict) or want.get("outcome") not in OUTCOMES:
                raise ValueError(f"{path}: expect.{exercise} needs an outcome, one of {sorted(OUTCOMES)}")
        found[path.stem] = data
    return found


def expected(fixture: dict, exercise_id: str) -> dict:
    """What a fixture expects of one exercise: {"outcome", "feedback" (fragment or ""), "points" or None}."""
    want = (fixture.get("expect") or {}).get(exercise_id) or {"outcome": "correct"}
    return {"outcome": want["outcome"], "feedback": want.get("feedback", ""), "points": want.get("points")}


def expected_score(fixture: dict, test_points: dict[str, float]) -> float:
    """The autograded total a fixture must get: each test cell's points unless its exercise is not correct.

    ``test_points`` maps an exercise id (ex06_03) to the points of its test cell. A fixture may set
    ``points`` for an exercise whose check and hidden tests disagree on purpose (rare). Fixtures
    without ``expect`` keep their hand-written ``expected_score`` (modules not yet converted).
    """
    if "expect" not in fixture:
        return float(fixture["expected_score"])
    total = 0.0
    for exercise_id, points in test_points.items():
        want = expected(fixture, exercise_id)
        if want["points"] is not None:
            total += float(want["points"])
        elif want["outcome"] == "correct":
            total += points
    return total
