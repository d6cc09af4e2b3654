"""`academy progress`: per module, exercises correct / tried / not started and points, from the
learner's own checks; kept outside the workspace; outcomes only, never answers."""

import json
import shutil

import pytest

import academy
from academy import cli, learner_progress, plotting
from academy.exercises import m01
from conftest import ROOT

MODULE = "01-data-ecosystems"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("ACADEMY_PROGRESS", str(tmp_path / "data" / "progress.json"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    ws = tmp_path / "ws"
    (ws / MODULE).mkdir(parents=True)
    # The catalogue reads only nbgrader's metadata (grade ids, points), the same in source and release.
    shutil.copy(ROOT / "modules" / MODULE / f"{MODULE}.ipynb", ws / MODULE)
    return ws


def right_count(percent, n):
    return round(percent / 100 * n)


def wrong_interval(successes, n, z=1.96):
    return (0.0, 1.0)


def one_right_one_wrong():
    m01.q1.check({"count_from_share": right_count})
    m01.q2.check({"wilson_interval": wrong_interval})


def test_one_done_one_wrong_the_rest_untouched(workspace, capsys):
    one_right_one_wrong()
    capsys.readouterr()
    assert cli.main(["progress", "--dir", str(workspace)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith(MODULE)).split()
    exercises = learner_progress.catalogue(workspace)[MODULE]
    count = len([e for e in exercises if ":" not in e])
    assert count >= 3
    assert row[1:4] == ["1", "1", str(count - 2)]  # correct, tried, not started
    assert row[4] == f"{exercises['ex01_01']:g}" and row[6] == f"{sum(v for e, v in exercises.items() if ':' not in e):g}"
    assert "marked by a person" in out  # written answers are not counted as checked points


def test_not_attempted_is_not_a_try_and_correct_stays_correct(workspace):
    m01.q1.check({"count_from_share": right_count})
    m01.q1.check({"count_from_share": NotImplemented})  # e.g. a fresh release checked again
    m01.q1.check({"count_from_share": lambda p, n: 0})  # experimenting after solving it
    (row,) = learner_progress.summary(workspace)
    assert (row.correct, row.tried) == (1, 0)


def test_progress_survives_a_fresh_workspace_and_holds_no_answer(workspace, tmp_path):
    one_right_one_wrong()
    shutil.rmtree(workspace / MODULE)  # outputs cleared, module re-released: the record is elsewhere
    (workspace / MODULE).mkdir()
    shutil.copy(ROOT / "modules" / MODULE / f"{MODULE}.ipynb", workspace / MODULE)
    (row,) = learner_progress.summary(workspace)
    assert (row.correct, row.tried) == (1, 1)
    stored = learner_progress.store().read_text()
    assert set(json.loads(stored)["exercises"]) == {"ex01_01", "ex01_02"}
    assert "round" not in stored and "0.0, 1.0" not in stored and "def " not in stored


def test_the_notebook_summary_and_chart(workspace, capsys):
    one_right_one_wrong()
    capsys.readouterr()
    academy.progress(workspace, chart=False)
    assert capsys.readouterr().out.strip() == learner_progress.table(learner_progress.summary(workspace)).strip()
    rows = learner_progress.summary(workspace)
    ax = learner_progress.chart(rows)
    assert plotting.is_accessible(ax) == []
    assert "1 correct, 1 tried" in learner_progress.describe(rows)


def test_an_unreadable_progress_file_is_reported_and_kept(workspace, capsys):
    learner_progress.store().parent.mkdir(parents=True)
    learner_progress.store().write_text("{not json")
    assert cli.main(["progress", "--dir", str(workspace)]) == 2
    assert "could not be read" in capsys.readouterr().err
    m01.q1.check({"count_from_share": right_count})
    assert "not recorded" in capsys.readouterr().out
    assert learner_progress.store().read_text() == "{not json"


def test_nothing_is_recorded_under_the_grader(workspace, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    m01.q1.check({"count_from_share": right_count})
    assert not learner_progress.store().exists()
