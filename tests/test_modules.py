"""Generic tests every module passes: lint, self-validation, leaks, and an autograde round trip.

The round trip submits, per module: the reference solution (full marks), the blank release
(zero), an alternative correct solution written differently (full marks) and at least three
common wrong answers (exactly the partial marks their fixture states), then grades them with
stock nbgrader and checks the feedback hides the hidden tests.
"""

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from autograder import autograde, feedback, gradebook, leaks, lint, notebooks, validate
from conftest import ROOT, module_ids

MODULES = module_ids()
pytestmark = pytest.mark.skipif(not MODULES, reason="no modules yet")


def fixtures(module: str) -> dict[str, dict]:
    folder = ROOT / "tests" / "fixtures" / module
    return {p.stem: yaml.safe_load(p.read_text()) for p in sorted(folder.glob("*.yaml"))}


def answer_ids(nb) -> set[str]:
    return {notebooks.nbgrader_meta(c).get("grade_id") for c in nb.cells if notebooks.nbgrader_meta(c).get("solution") and c.cell_type == "code"}


def substitute(nb, answers: dict[str, str]):
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    unknown = set(answers) - answer_ids(nb)
    assert not unknown, f"fixture names answer cells that do not exist: {unknown}"
    for cell in nb.cells:
        grade_id = notebooks.nbgrader_meta(cell).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


@pytest.mark.parametrize("module", MODULES)
def test_metadata_lint(module):
    for path in (ROOT / "modules" / module).glob("*.ipynb"):
        assert lint.lint(path) == []


@pytest.mark.parametrize("module", MODULES)
def test_module_has_readme_and_enough_fixtures(module):
    assert (ROOT / "modules" / module / "README.md").is_file()
    found = fixtures(module)
    assert "alternative" in found, "an alternative correct solution is required"
    assert len([k for k in found if k.startswith("wrong")]) >= 3, "at least three common wrong answers"


@pytest.mark.parametrize("module", MODULES)
def test_module_folder_holds_only_what_learners_may_see(module):
    files = {p.name for p in (ROOT / "modules" / module).iterdir()}
    assert files <= {p.name for p in (ROOT / "modules" / module).glob("*.ipynb")} | {"README.md", "images"}


@pytest.fixture(scope="module", params=MODULES)
def graded(request, course_copy):
    """Release, validate and autograde one module in the course copy; yield what was learned."""
    module = request.param
    report = validate.validate_module(module)
    course = course_copy / "course"
    source_path = sorted((course_copy / "modules" / module).glob("*.ipynb"))
    assert len(source_path) == 1, "the round trip handles one notebook per module"
    source = notebooks.read(source_path[0])
    released = notebooks.read(course / "release" / module / source_path[0].name)
    cases = fixtures(module)
    submissions = {"solution": source, "blank": released}
    for name, fixture in cases.items():
        submissions[name] = substitute(source, fixture["answers"])
    for student, nb in submissions.items():
        folder = course / "submitted" / student / module
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(folder / source_path[0].name))
    autograde.autograde(module)
    feedback.generate(module)
    scores = {}
    from nbgrader.api import Gradebook

    with Gradebook(gradebook.db_url()) as gb:
        for student in submissions:
            sub = gb.find_submission(module, student)
            scores[student] = (float(sub.code_score), float(sub.max_code_score))
    yield {"module": module, "report": report, "scores": scores, "cases": cases, "course": course}


def test_source_passes_and_release_fails_and_nothing_leaks(graded):
    assert graded["report"].problems == []
    assert graded["report"].tests >= 8


def test_reference_solution_gets_full_marks(graded):
    got, most = graded["scores"]["solution"]
    assert most > 0 and got == most


def test_blank_release_gets_zero(graded):
    assert graded["scores"]["blank"][0] == 0


def test_alternative_solution_gets_full_marks(graded):
    got, most = graded["scores"]["alternative"]
    assert got == most


def expected_score(module: str, case: dict) -> float:
    """A fixture's total: the test cells' points of the exercises it expects correct (see its `expect:`)."""
    from autograder.fingerprints import fixtures as per_exercise, notebook as source

    points = {c.grade_id[: -len("_tests")]: c.points for c in source.cells(module) if c.grade_id.endswith("_tests")}
    return per_exercise.expected_score(case, points)


def test_wrong_answers_get_exactly_their_partial_marks(graded):
    wrong = {k: v for k, v in graded["cases"].items() if k.startswith("wrong")}
    for name, case in wrong.items():
        got, most = graded["scores"][name]
        assert got == pytest.approx(expected_score(graded["module"], case)), f"{name}: {case['description']}"
        assert 0 < got < most, f"{name} should earn partial marks"


def test_feedback_does_not_reveal_hidden_tests(graded):
    module, course = graded["module"], graded["course"]
    pages = list((course / "feedback").glob(f"*/{module}/*.html"))
    assert len(pages) == len(graded["scores"])
    hidden = leaks.solution_lines(module, kinds="HIDDEN TESTS")
    assert hidden, "the module has hidden tests worth hiding"
    for page in pages:
        text = _visible_text(page.read_text(encoding="utf-8"))
        assert "HIDDEN TESTS" not in text, page
        shown = [line for line in hidden if line in text]
        assert not shown, f"{page}: {shown[:2]}"


def _visible_text(page: str) -> str:
    """What a reader sees: tags (syntax-highlighting spans included) removed, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_grades_csv(graded, tmp_path):
    out = tmp_path / "grades.csv"
    gradebook.export_csv(out, [graded["module"]])
    rows = list(csv.DictReader(out.open()))
    assert set(rows[0]) == set(gradebook.COLUMNS)
    by_student = {r["student_id"]: r for r in rows}
    assert set(by_student) == set(graded["scores"])
    assert float(by_student["blank"]["score"]) == 0
    assert by_student["solution"]["needs_manual_grading"] in {"True", "False"}


def test_stock_nbgrader_validate_agrees(graded):
    module, course = graded["module"], graded["course"]
    source = sorted((course.parent / "modules" / module).glob("*.ipynb"))[0]
    release = course / "release" / module / source.name
    env = {**__import__("os").environ, "PATH": str(Path(sys.executable).parent) + ":" + __import__("os").environ["PATH"]}
    ok = subprocess.run([sys.executable, "-m", "nbgrader", "validate", str(source)], cwd=course, env=env, capture_output=True, text=True)
    assert "Success! Your notebook passes all the tests." in ok.stdout + ok.stderr
    inv = subprocess.run([sys.executable, "-m", "nbgrader", "validate", "--invert", str(release)], cwd=course, env=env, capture_output=True, text=True)
    assert "Success! The notebook does not pass any tests." in inv.stdout + inv.stderr


def test_stock_nbgrader_autograde_agrees(graded):
    """Stock `nbgrader autograde` (unsandboxed) gives the reference solution the same full marks."""
    import os

    module, course = graded["module"], graded["course"]
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + ":" + os.environ["PATH"]}
    run = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", module, "--student", "solution", "--force"],
                         cwd=course, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    from nbgrader.api import Gradebook

    with Gradebook(gradebook.db_url()) as gb:
        sub = gb.find_submission(module, "solution")
        assert float(sub.code_score) == float(sub.max_code_score) > 0
