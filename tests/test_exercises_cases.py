"""Per-exercise tests, without nbgrader: each exercise of each module package against the
reference answer (correct, test cell passes), its stub (not attempted, test cell fails) and each
wrong-answer or alternative fixture (the outcome and feedback fragment the fixture expects; every
exercise it does not list stays correct). Plus: the module's fingerprints.json matches the source.

One subprocess per module runs the source notebook once (autograder/fingerprints/child.py) and
evaluates every case; each test below then looks up its own case, so a failure names the module,
the exercise and the case. Modules still in the single-file layout (mNN.py) are skipped.
"""

import pytest

from autograder.fingerprints import fixtures, generate, notebook
from autograder.fingerprints.workbench import exercises_of

MODULES = [m for m in notebook.all_modules() if generate.converted(m)]
_RUNS: dict[str, dict] = {}


def run(module: str) -> dict:
    if module not in _RUNS:
        _RUNS[module] = generate.run_child(module, cases=True)
    return _RUNS[module]


def _params():
    for module in MODULES:
        names = ["reference", "stub", *fixtures.load(module)]
        for exercise in exercises_of(module):
            for case in names:
                yield pytest.param(module, exercise.id, case, id=f"{exercise.id}-{exercise.name}-{case}")


def _result(module, exercise_id, case) -> dict:
    found = [c for c in run(module)["cases"] if c["exercise"] == exercise_id and c["case"] == case]
    assert len(found) == 1, f"{module}: no result for {exercise_id} / {case}"
    return found[0]


@pytest.mark.parametrize("module, exercise_id, case", list(_params()))
def test_exercise_case(module, exercise_id, case):
    got = _result(module, exercise_id, case)
    shown = f"{case}: {got['outcome']} — {got['feedback'][:300]!r}; test cell: {got['test_detail'][:300]!r}"
    if case == "reference":
        assert got["outcome"] == "correct" and got["test_passed"], shown
        return
    if case == "stub":
        assert got["outcome"] == "not attempted", shown
        assert not got["test_passed"], "the test cell passes on the stub: " + shown
        return
    want = fixtures.expected(fixtures.load(module)[case], exercise_id)
    assert got["outcome"] == want["outcome"], shown
    assert want["feedback"] in got["feedback"], f"feedback lacks {want['feedback']!r}: {shown}"
    if want["points"] is None:  # the test cell agrees with the check: full points or none
        assert got["test_passed"] == (want["outcome"] == "correct"), shown


@pytest.mark.parametrize("module", MODULES)
def test_fingerprints_match_the_source_notebook(module):
    """`academy fingerprints --check`: every stored fingerprint is what the source gives today."""
    assert generate.compare(module, run(module)) == []


@pytest.mark.parametrize("module", MODULES)
def test_every_fixture_expectation_names_a_real_exercise(module):
    ids = {e.id for e in exercises_of(module)}
    for name, fixture in fixtures.load(module).items():
        unknown = set(fixture.get("expect") or {}) - ids
        assert not unknown, f"{name} expects something of unknown exercises {unknown}"
        assert "expect" in fixture, f"{name}: state per-exercise `expect:` (module totals are computed from it)"


def test_a_changed_dataset_value_fails_the_check_naming_the_exercise(tmp_path, monkeypatch, capsys):
    """Done-when of issue 9: change one person's income and `academy fingerprints --check` fails,
    naming the exercise whose reference value moved (module 06, exercise 2)."""
    import hashlib
    import json

    import pandas as pd

    from academy import data

    if "06-differential-privacy" not in MODULES:
        pytest.skip("module 06 is not converted")
    source = data.package_dir()
    package = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    (tmp_path / "data").mkdir()
    for resource in package["resources"]:
        if resource["name"] != "census_microdata":
            (tmp_path / resource["path"]).symlink_to(source / resource["path"])
            continue
        people = pd.read_parquet(source / resource["path"])
        oldest = (people["area_code"] == "KA0055") & (people["age"] >= 90)
        assert oldest.sum() == 1
        people.loc[oldest, "income"] += 1_000  # the neighbour of exercise 2 earns £1,000 more
        people.to_parquet(tmp_path / resource["path"], index=False)
        resource["hash"] = "sha256:" + hashlib.sha256((tmp_path / resource["path"]).read_bytes()).hexdigest()
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    monkeypatch.setenv("ACADEMY_DATA", str(tmp_path))

    assert generate.main(["06"], check=True) == 1
    report = capsys.readouterr().err
    assert "ex06_02 (neighbour_income) check 'value': the reference value drifted" in report
    assert "ex06_03" not in report and "ex06_04" not in report  # untouched exercises stay quiet
