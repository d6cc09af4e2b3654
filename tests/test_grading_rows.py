"""One test per row of issue 8's table: what a learner or instructor did, and what they expect.

Each test's submission is built by the function beside it; one sandboxed `academy autograde
--jobs 2` run (the module fixture) grades them all, as an instructor would. Every test asserts
the score a user expects and that the learner's own code is in the graded notebook.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import tiny_module as tiny
from autograder import autograde, feedback, gradebook, sandbox
from conftest import ROOT

S = tiny.SOLUTION
CONFIG = (
    "\nc.Execute.timeout = 8\n"
    f"c.LatePolicy.due_dates = {{{tiny.MODULE!r}: '2026-01-10 12:00:00 UTC'}}\n"
    f"c.LatePolicy.per_day = {{{tiny.MODULE!r}: 0.1}}\n"
)
BUILDERS = {}


def builds(student):
    def register(function):
        BUILDERS[student] = function
        return function
    return register


def cell(nb, grade_id):
    return next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def graded_notebook(run, student) -> dict:
    path = run["course"] / "autograded" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"
    return nbformat.read(str(path), as_version=4)


def sources(nb) -> str:
    return "\n".join(c["source"] for c in nb["cells"])


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    ok, why = sandbox.available()
    if not ok:
        pytest.skip(f"sandbox unavailable: {why}")
    top = tiny.make_course(tmp_path_factory.mktemp("rows"), ROOT)
    course = top / "course"
    with open(course / "nbgrader_config.py", "a") as handle:
        handle.write(CONFIG)
    env = {**os.environ, "ACADEMY_REPO": str(top)}
    subprocess.run([sys.executable, "-m", "academy.cli", "release", tiny.MODULE], env=env, check=True, capture_output=True)
    released = json.loads((course / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    for student, build in BUILDERS.items():
        folder = course / "submitted" / student / tiny.MODULE
        folder.mkdir(parents=True)
        for name, content in build(json.loads(json.dumps(released))).items():
            (folder / name).write_text(content if isinstance(content, str) else json.dumps(content))
    out = subprocess.run([sys.executable, "-m", "academy.cli", "autograde", tiny.MODULE, "--jobs", "2"],
                         env=env, capture_output=True, text=True)
    with pytest.MonkeyPatch.context() as patch:  # ACADEMY_REPO back as it was, also on failure
        patch.setenv("ACADEMY_REPO", str(top))
        missing = feedback.generate(tiny.MODULE)
        rows = {r["student_id"]: r for r in gradebook.rows([tiny.MODULE])}
        yield {"course": course, "rows": rows, "out": out, "missing_feedback": missing, "released": released}


@builds("split")
def _split(nb):
    """JupyterLab's Split Cell: both halves carry the answer cell's metadata."""
    answer = cell(nb, "a2")
    second = json.loads(json.dumps(answer))
    answer["source"], second["source"], second["id"] = "parts = range(5)", "total = sum(parts)", "split-2"
    nb["cells"].insert(nb["cells"].index(answer) + 1, second)
    for gid in ("a1", "a3"):
        cell(nb, gid)["source"] = S[gid]
    return {"tiny.ipynb": nb}


def test_split_answer_cell_keeps_both_halves_and_gets_full_marks(run):
    row = run["rows"]["split"]
    assert (row["score"], row["status"]) == (4.0, "graded"), row
    text = sources(graded_notebook(run, "split"))
    assert text.index("parts = range(5)") < text.index("total = sum(parts)")


@builds("markdown")
def _markdown(nb):
    nb = tiny.submission(nb, S)
    answer = cell(nb, "a3")
    answer.update(cell_type="markdown")
    answer.pop("outputs"), answer.pop("execution_count")
    return {"tiny.ipynb": nb}


def test_answer_turned_markdown_is_code_again_with_the_learners_text(run):
    row = run["rows"]["markdown"]
    assert (row["score"], row["status"]) == (4.0, "graded"), row
    answer = cell(graded_notebook(run, "markdown"), "a3")
    assert answer["cell_type"] == "code" and answer["source"] == S["a3"]


@builds("kernel_vscode")
def _vscode(nb):
    nb = tiny.submission(nb, S)
    nb["metadata"]["kernelspec"] = {"name": "python3.11", "display_name": "Python 3.11.7", "language": "python"}
    return {"tiny.ipynb": nb}


@builds("kernel_conda")
def _conda(nb):
    nb = tiny.submission(nb, S)
    nb["metadata"]["kernelspec"] = {"name": "conda-env-course-py", "display_name": "course", "language": "python"}
    return {"tiny.ipynb": nb}


@builds("kernel_none")
def _no_kernel(nb):
    nb = tiny.submission(nb, S)
    del nb["metadata"]["kernelspec"]
    return {"tiny.ipynb": nb}


def test_other_kernel_names_are_overwritten_and_graded(run):
    for student in ("kernel_vscode", "kernel_conda", "kernel_none"):
        row = run["rows"][student]
        assert (row["score"], row["status"]) == (4.0, "graded"), row
        nb = graded_notebook(run, student)
        assert nb["metadata"]["kernelspec"]["name"] == "python3" and S["a1"] in sources(nb)


@builds("loud")
def _loud(nb):
    return {"tiny.ipynb": tiny.submission(nb, {**S, "a1": "print('x' * 3_000_000)\n" + S["a1"]})}


def test_three_megabytes_of_output_are_truncated_and_grading_goes_on(run):
    row = run["rows"]["loud"]
    assert (row["score"], row["status"]) == (4.0, "graded"), row
    nb = graded_notebook(run, "loud")
    assert "print('x' * 3_000_000)" in cell(nb, "a1")["source"]
    assert "truncated" in json.dumps(cell(nb, "a1")["outputs"])
    assert len(json.dumps(nb)) < 2_500_000


@builds("loop")
def _loop(nb):
    return {"tiny.ipynb": tiny.submission(nb, {**S, "a2": "while True:\n    pass"})}


def test_endless_loop_is_interrupted_and_the_rest_graded(run):
    row = run["rows"]["loop"]
    assert (row["score"], row["status"]) == (2.0, "timeout"), row  # t1 and t3 pass, t2 cannot
    nb = graded_notebook(run, "loop")
    assert cell(nb, "a2")["source"] == "while True:\n    pass" and S["a3"] in sources(nb)


@builds("late")
def _late(nb):
    # What `nbgrader collect` copies from the exchange: two days after the due date.
    return {"tiny.ipynb": tiny.submission(nb, S), "timestamp.txt": "2026-01-12 12:00:00.000000 UTC"}


def test_late_submission_keeps_its_time_and_penalty_in_the_csv(run, tmp_path):
    out = tmp_path / "grades.csv"
    env = {**os.environ, "ACADEMY_REPO": str(run["course"].parent)}
    subprocess.run([sys.executable, "-m", "academy.cli", "grades", "--csv", str(out)], env=env, check=True)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    late = rows["late"]
    assert late["submitted_at"].startswith("2026-01-12 12:00:00")
    assert (int(late["late_seconds"]), float(late["late_penalty"]), float(late["score"])) == (172800, 0.8, 4.0)
    assert (rows["split"]["late_seconds"], rows["split"]["late_penalty"]) == ("0", "0.0")
    assert S["a1"] in sources(graded_notebook(run, "late"))


@builds("resubmit")
def _resubmit(nb):
    return {"tiny.ipynb": tiny.submission(nb, S)}


def test_invalid_resubmission_replaces_stale_grades_and_feedback(run):
    course, student = run["course"], "resubmit"
    graded = course / "autograded" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"
    page = course / "feedback" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.html"
    assert run["rows"][student]["score"] == 4.0 and S["a1"] in sources(graded_notebook(run, student)) and page.is_file()
    (course / "submitted" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").write_text('{"cells": [ not json')
    result = autograde.grade_student(tiny.MODULE, student, sandbox.UID_BASE + 7, trusted=False)
    row = {r["student_id"]: r for r in gradebook.rows([tiny.MODULE])}[student]
    assert result[1] == "invalid" and (row["status"], row["score"]) == ("invalid", 0.0)
    assert not graded.exists() and not page.exists()


@builds("old_format")
def _old_format(nb):
    nb = tiny.submission(nb, S)
    nb["nbformat_minor"] = 0  # an nbformat 4.0 notebook: no cell ids
    for c in nb["cells"]:
        c.pop("id", None)
    return {"tiny.ipynb": nb}


def test_every_graded_notebook_is_valid_nbformat(run):
    written = list((run["course"] / "autograded").rglob("*.ipynb"))
    assert len(written) >= len(BUILDERS) - 2
    for path in written:
        nbformat.validate(nbformat.read(str(path), as_version=nbformat.NO_CONVERT))
    assert run["rows"]["old_format"]["score"] == 4.0
    assert S["a2"] in sources(graded_notebook(run, "old_format"))


@builds("renamed")
def _renamed(nb):
    return {"tiny (1).ipynb": tiny.submission(nb, S)}


@builds("renamed_unclear")
def _renamed_unclear(nb):
    return {"draft.ipynb": tiny.submission(nb, S), "notes.ipynb": nb}


def test_notebook_saved_as_name_1_is_graded_or_named(run):
    row = run["rows"]["renamed"]
    assert (row["score"], row["status"]) == (4.0, "graded") and "tiny (1).ipynb" in row["detail"]
    assert S["a1"] in sources(graded_notebook(run, "renamed"))
    unclear = run["rows"]["renamed_unclear"]
    assert unclear["status"] == "invalid" and "'draft.ipynb'" in unclear["detail"] and "'notes.ipynb'" in unclear["detail"]
    # Not skipped silently: the run exits non-zero and names the learner and the reason.
    assert run["out"].returncode == 1 and "renamed_unclear" in run["out"].stderr and "draft.ipynb" in run["out"].stderr
    assert "renamed_unclear" in run["missing_feedback"]


@builds("deleted_test")
def _deleted_test(nb):
    nb = tiny.submission(nb, S)
    nb["cells"].remove(cell(nb, "t1"))
    return {"tiny.ipynb": nb}


def test_deleted_test_cell_is_restored_and_scored_without_accusing(run):
    row = run["rows"]["deleted_test"]
    assert (row["score"], row["status"]) == (4.0, "restored") and "t1" in row["detail"], row
    assert S["a1"] in sources(graded_notebook(run, "deleted_test"))


@builds("written")
def _written(nb):
    nb = tiny.submission(nb, S)
    cell(nb, "w1")["source"] = "Because the sum of 0..4 is 10."
    return {"tiny.ipynb": nb}


def test_feedback_says_unmarked_written_answers_wait_for_a_tutor_and_hides_hidden_tests(run):
    page = (run["course"] / "feedback" / "written" / tiny.MODULE / f"{tiny.NOTEBOOK}.html").read_text()
    assert "To be marked by a tutor (1.0 points)" in page and "Score: nan" not in page
    assert "BEGIN HIDDEN TESTS" not in page and "isinstance(total, int)" not in page
    assert run["rows"]["written"]["needs_manual_grading"] is True
