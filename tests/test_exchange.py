"""The hub loop through nbgrader's exchange: release, a learner fetches and submits,
`academy collect` gathers it, `academy autograde` grades it, `academy grades` exports it."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from autograder import sandbox
from conftest import ROOT
import tiny_module as tiny

COURSE_ID = "exchange-test"


def nbgrader(cwd: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    return out


def academy(*args: str, env: dict) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "academy.cli", *args], env=env, capture_output=True, text=True)
    assert out.returncode == 0, (out.stdout + out.stderr)[-2000:]
    return out


def test_release_fetch_submit_collect_grade(tmp_path):
    top = tiny.make_course(tmp_path / "instructor", ROOT)
    exchange = tmp_path / "exchange"
    exchange.mkdir(mode=0o777)
    env = {**os.environ, "ACADEMY_REPO": str(top), "ACADEMY_EXCHANGE": str(exchange),
           "ACADEMY_COURSE_ID": COURSE_ID, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    course = top / "course"
    academy("release", tiny.MODULE, env=env)
    nbgrader(course, "release_assignment", tiny.MODULE, "--force", env=env)

    learner = tmp_path / "learner"
    learner.mkdir()
    flags = [f"--Exchange.root={exchange}", f"--CourseDirectory.course_id={COURSE_ID}"]
    nbgrader(learner, "fetch_assignment", tiny.MODULE, *flags, env=env)
    fetched = learner / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"
    released = json.loads(fetched.read_text())
    assert "BEGIN SOLUTION" not in fetched.read_text()
    fetched.write_text(json.dumps(tiny.submission(released, tiny.SOLUTION)))
    nbgrader(learner, "submit", tiny.MODULE, *flags, env=env)

    academy("collect", tiny.MODULE, env=env)
    student = os.environ.get("USER") or __import__("getpass").getuser()
    assert (course / "submitted" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").is_file()

    trusted = [] if sandbox.available()[0] else ["--trusted"]
    academy("autograde", tiny.MODULE, *trusted, env=env)
    out = tmp_path / "grades.csv"
    academy("grades", "--csv", str(out), env=env)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert float(rows[student]["score"]) == 4.0 and rows[student]["status"] == "graded"
