"""Several graders at once: `--shard K/N` splits students exactly, and two grader processes
writing one SQLite gradebook at the same time lose nothing."""

import json
import os
import subprocess
import sys

import pytest

import tiny_module as tiny
from autograder import autograde, gradebook, sandbox
from conftest import ROOT

WRONG = {"a1": "def double(x):\n    return x", "a2": "total = 3", "a3": "name = 'bob'"}


def test_shards_cover_every_student_exactly_once():
    students = [f"s{i:03d}" for i in range(300)]
    for n in (1, 2, 3, 7):
        shards = [[s for s in students if autograde.in_shard(s, (k, n))] for k in range(1, n + 1)]
        assert sorted(sum(shards, [])) == students
        if n > 1:
            assert all(len(shard) > 300 / n / 2 for shard in shards)  # roughly even
    assert [s for s in students if autograde.in_shard(s, (2, 3))] == [s for s in students if autograde.in_shard(s, (2, 3))]


def test_cli_rejects_a_bad_shard():
    out = subprocess.run([sys.executable, "-m", "academy.cli", "autograde", "01", "--shard", "3/2"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "K must be between 1 and N" in out.stderr


def test_two_graders_writing_one_gradebook_lose_nothing(tmp_path):
    if not sandbox.available()[0]:
        pytest.skip("sandbox unavailable")
    top = tiny.make_course(tmp_path, ROOT)
    env = {**os.environ, "ACADEMY_REPO": str(top)}
    subprocess.run([sys.executable, "-m", "academy.cli", "release", tiny.MODULE], env=env, check=True, capture_output=True)
    course = top / "course"
    released = json.loads((course / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    expected = {}
    for i in range(8):
        answers = tiny.SOLUTION if i % 2 == 0 else {**WRONG, "a3": tiny.SOLUTION["a3"]}
        tiny.submit(course, f"p{i}", tiny.submission(released, answers))
        expected[f"p{i}"] = 4.0 if i % 2 == 0 else 1.0
    graders = [subprocess.Popen([sys.executable, "-m", "academy.cli", "autograde", tiny.MODULE, "--jobs", "1",
                                 "--shard", f"{k}/2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for k in (1, 2)]
    outputs = [g.communicate(timeout=600) for g in graders]
    assert [g.returncode for g in graders] == [0, 0], outputs
    os.environ["ACADEMY_REPO"] = str(top)
    try:
        rows = {r["student_id"]: r for r in gradebook.rows([tiny.MODULE])}
    finally:
        os.environ.pop("ACADEMY_REPO")
    assert {s: r["score"] for s, r in rows.items()} == expected
    assert all(r["status"] == "graded" for r in rows.values())
    graded_by = [set(line.split()[0] for line in out.splitlines() if line.startswith("p")) for out, _ in outputs]
    assert graded_by[0] | graded_by[1] == set(expected) and not graded_by[0] & graded_by[1]
