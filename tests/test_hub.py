"""The course on a real JupyterHub, end to end on 127.0.0.1 (hub/harness.py builds it).

Two learners and one instructor are real Unix accounts. The instructor releases module 01
through the formgrader service; each learner's own server fetches it, answers (one right, one
partly wrong), validates and submits through nbgrader's REST endpoints; the instructor collects
through the formgrader; a grader host (root) autogrades in the sandbox; the instructor generates
and releases feedback through the formgrader; each learner fetches their own feedback; the grade
export holds both with the right scores and submission times. Then isolation, through the file
system (as the learner's Unix account) and through the hub's APIs (with the learner's token).

Needs root, bubblewrap, PostgreSQL, Node/npm and /usr/bin/python3.11: skipped without them on a
developer machine, an error in CI. The first run builds the hub environment (a few minutes,
cached in /var/cache/academy-hub).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import pwd
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hub"))
import harness as H  # noqa: E402

MODULE = "01-data-ecosystems"
ANN, BEN, INES = "ahub-ann", "ahub-ben", "ahub-ines"  # right answers, one wrong answer, instructor
WRONG = {"ex01_08_answer": 'supported = {"A", "D"}'}  # misses one supported statement: q8's 2 points

missing = [what for what, ok in [
    ("root", os.geteuid() == 0), ("bubblewrap", shutil.which("bwrap")), ("useradd", shutil.which("useradd")),
    ("npm", shutil.which("npm")), ("python3.11", Path(H.HUB_PYTHON).exists()),
    ("PostgreSQL", list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) if Path("/usr/lib/postgresql").exists() else []),
] if not ok]
if missing:
    if os.environ.get("CI"):
        raise RuntimeError(f"CI needs {', '.join(missing)} for the JupyterHub test")
    pytest.skip(f"needs {', '.join(missing)}", allow_module_level=True)


def source_cells() -> dict[str, dict]:
    nb = json.loads(next((ROOT / "modules" / MODULE).glob("*.ipynb")).read_text())
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"] if "grade_id" in c["metadata"].get("nbgrader", {})}


def solution_of(cell: dict) -> str:
    """The source cell's solution, markers removed: what a learner who got it right would type."""
    lines = "".join(cell["source"]).splitlines()
    return "\n".join(line for line in lines if not re.match(r"\s*#+ (BEGIN|END) SOLUTION", line))


def answered(released: dict, overrides: dict[str, str]) -> dict:
    sources = source_cells()
    for cell in released["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            gid = meta["grade_id"]
            cell["source"] = overrides.get(gid, solution_of(sources[gid]))
    return released


def autograded_points(wrong: dict[str, str]) -> float:
    """Points of the automatic test cells, less those of the exercises answered wrongly."""
    cells = source_cells()
    lost = {gid.replace("_answer", "_tests") for gid in wrong}
    return float(sum(c["metadata"]["nbgrader"]["points"] for gid, c in cells.items()
                     if c["metadata"]["nbgrader"].get("grade") and not c["metadata"]["nbgrader"].get("solution")
                     and gid not in lost))


@pytest.fixture(scope="module")
def hub():
    deployment = H.Deployment([ANN, BEN], [INES], [MODULE])
    try:
        deployment.open()
        yield deployment
    finally:
        deployment.close()
    assert not deployment.run.exists()
    for name in deployment.accounts:  # removed only after every process of theirs was killed
        with pytest.raises(KeyError):
            pwd.getpwnam(name)


class Learner:
    """One account's view of the hub: its own token, its own server, nbgrader's endpoints."""

    def __init__(self, hub: H.Deployment, name: str):
        self.hub, self.name = hub, name
        self.token = hub.hub.token_for(name)
        self.base = f"{hub.hub.url}/user/{name}"

    def call(self, method: str, path: str, body=None) -> tuple[int, bytes]:
        return H.http(method, f"{self.base}{path}", self.token, body, timeout=300)

    def json(self, method: str, path: str, body=None):
        status, raw = self.call(method, path, body)
        assert status == 200, f"{self.name} {method} {path}: {status} {raw[:500]!r}\n{self.hub.hub.tail()}"
        return json.loads(raw)

    def action(self, verb: str) -> dict:
        out = self.json("POST", f"/assignments/{verb}", {"assignment_id": MODULE, "course_id": self.hub.course_id})
        assert out.get("success") is not False, f"{self.name} {verb}: {out}"
        return out


def formgrader(hub: H.Deployment, token: str, method: str, path: str, body=None) -> dict:
    status, raw = H.http(method, f"{hub.hub.url}/services/{hub.course_id}/formgrader/api{path}", token, body, timeout=600)
    assert status == 200, f"formgrader {path}: {status} {raw[:800]!r}\n{hub.hub.tail()}"
    out = json.loads(raw) if raw else {}
    assert not (isinstance(out, dict) and out.get("success") is False), f"formgrader {path}: {out}"
    return out


STATE: dict = {}  # what the loop leaves for the isolation checks


def test_release_submit_grade_feedback_through_the_hub(hub, tmp_path):
    for user in (ANN, BEN, INES):
        hub.hub.start_server(user)
    ann, ben, ines = Learner(hub, ANN), Learner(hub, BEN), Learner(hub, INES)

    # The instructor releases module 01 through the hub: formgrader's generate, then release.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/assign")
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/release")
    released = next((hub.exchange / hub.course_id / "outbound" / MODULE).glob("*.ipynb")).read_text()
    assert "BEGIN SOLUTION" not in released and "HIDDEN TESTS" not in released and "Model answer" not in released

    # Each learner's own server: fetch, answer, validate, submit.
    path = f"{MODULE}/{MODULE}.ipynb"
    submitted_at = {}
    for learner, wrong in ((ann, {}), (ben, WRONG)):
        listed = learner.action("fetch")
        assert any(a["assignment_id"] == MODULE and a["status"] == "fetched" for a in listed["value"]), listed
        nb = learner.json("GET", f"/api/contents/{path}?content=1")["content"]
        assert "raise NotImplementedError" in json.dumps(nb)
        learner.json("PUT", f"/api/contents/{path}", {"type": "notebook", "format": "json", "content": answered(nb, wrong)})
        result = learner.json("POST", "/assignments/validate", {"path": path})
        assert result["success"] is True, result
        if wrong:
            assert result["value"].get("failed"), f"validation should report q8 failing: {result}"
        else:
            assert not result["value"].get("failed") and not result["value"].get("errors"), result
        listed = learner.action("submit")
        mine = [a for a in listed["value"] if a["assignment_id"] == MODULE and a["status"] == "submitted"]
        assert mine, listed
        submitted_at[learner.name] = max(sub["timestamp"] for a in mine for sub in a.get("submissions", [a]))

    # The instructor collects through the formgrader; a grader host autogrades in the sandbox.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/collect")
    for name in (ANN, BEN):
        assert (hub.top / "course" / "submitted" / name / MODULE / f"{MODULE}.ipynb").is_file(), name
    hub.academy("autograde", MODULE, "--jobs", "2")

    # Feedback through the formgrader, then each learner fetches their own.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/generate_feedback")
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/release_feedback")
    expected = {ANN: autograded_points({}), BEN: autograded_points(WRONG)}
    assert expected[ANN] - expected[BEN] == 2.0
    for learner in (ann, ben):
        learner.action("fetch_feedback")
        folders = learner.json("GET", f"/api/contents/{MODULE}/feedback")["content"]
        assert len(folders) == 1, folders  # one submission, one feedback folder
        html_path = f"{folders[0]['path']}/{MODULE}.html"
        html = learner.json("GET", f"/api/contents/{quote(html_path)}?content=1&format=text&type=file")["content"]
        assert "HIDDEN TESTS" not in html and "_wilson" not in html, "feedback must not show hidden tests"
        assert "Model answer" not in html, "feedback must not show model answers"
        assert re.search(rf"Score: {expected[learner.name]:g}(\.0)? / ", html) or f"{expected[learner.name]:g}" in html
        STATE.setdefault("feedback", {})[learner.name] = hub.run / "home" / learner.name / html_path

    # The grade export: both learners, the right scores, the times they submitted.
    out = tmp_path / "grades.csv"
    hub.academy("grades", "--csv", str(out), MODULE)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert set(rows) == {ANN, BEN}, rows
    for name in (ANN, BEN):
        row = rows[name]
        assert row["status"] == "graded", row
        assert float(row["score"]) == expected[name], (name, row, expected)
        exported = dt.datetime.fromisoformat(row["submitted_at"].rstrip("Z"))
        learner_side = dt.datetime.fromisoformat(submitted_at[name].replace(" UTC", ""))
        assert abs((exported - learner_side).total_seconds()) < 1, (row["submitted_at"], submitted_at[name])
    STATE.update(ann=ann, ben=ben, ines=ines, done=True)
