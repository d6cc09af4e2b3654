"""Sandboxed, parallel autograding: hostile submissions are contained and reported; honest ones
get exactly their marks, however many run at once.

One grading run (module-scoped) of a tiny three-exercise module: 40 honest submissions plus one
per attack. Needs bubblewrap: skipped on a developer machine without it, failed in CI.
"""

import csv
import hashlib
import json
import os
from pathlib import Path

import pytest

from autograder import autograde, gradebook, sandbox
import tiny_module as tiny
from conftest import ROOT

ok, why = sandbox.available()
if not ok:
    if os.environ.get("CI"):
        raise RuntimeError(f"CI needs bubblewrap for the sandbox tests: {why}")
    pytest.skip(f"sandbox unavailable: {why}", allow_module_level=True)

S = tiny.SOLUTION
WRONG = {"a1": "def double(x):\n    return x", "a2": "total = 11", "a3": "name = 'bob'"}
HONEST = [("good", S, 4.0), ("blank", None, 0.0), ("half", {**S, "a2": "total = 3"}, 2.0),
          ("one", {"a1": S["a1"]}, 1.0)]
LIMITS = "defaults:\n  wall_seconds: 30\n  memory_mb: 1024\n  processes: 48\n  output_kb: 256\n  submission_mb: 1\n"
CELL_TIMEOUT = "\nc.Execute.timeout = 6\n"  # nbgrader's own per-cell timeout


def attacks(paths: dict) -> dict:
    """name -> (answers or raw text, expected status, expected score or None)."""
    snoop = (
        "import os, socket\nfound = []\n"
        f"for p in {sorted(paths.values())!r}:\n"
        "    try:\n        open(p).read(1); found.append('READ ' + p)\n    except Exception: pass\n"
        "    try:\n        open(p, 'a').write('pwned'); found.append('WROTE ' + p)\n    except Exception: pass\n"
        "try:\n    socket.create_connection(('1.1.1.1', 80), 2); found.append('NET')\nexcept Exception: pass\n"
        # The grader's own home (the sandbox's HOME is a private, throwaway /tmp).
        f"try:\n    open({str(Path.home() / 'academy-sandbox-probe')!r}, 'w').write('x'); found.append('HOME')\nexcept Exception: pass\n"
        "print('\\n'.join(found))\n" + S["a1"]
    )
    patch_academy = ("import academy.exercises.hashing as h\nclass Any(str):\n    def __eq__(self, other): return True\n"
                     "h.text_digest = lambda *a, **k: Any()\nname = 'bob'")
    return {
        "loop": ({**S, "a2": "while True: pass"}, "timeout", 2.0),  # interrupted; t3 still graded
        "spin_all": ({**S, "a1": "while True: pass"}, "timeout", 3.0),
        "memory": ({**S, "a2": "x = []\nwhile True: x.append(bytearray(50_000_000))"}, "memory", 2.0),
        "forkbomb": ({**S, "a3": "import os\nwhile True:\n    os.fork()"}, {"processes", "killed", "timeout"}, None),
        "daemon": ({**S, "a3": "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(3600)\nname = 'ada'"}, "graded", 4.0),
        # Endless and noisy: whichever limit it meets first (a cell timeout on a loaded machine).
        "flood": ({**S, "a2": "while True: print('x' * 10000)"}, {"output_limit", "memory", "timeout", "killed"}, None),
        "os_exit": ({**S, "a2": "import os\nos._exit(3)"}, "killed", 1.0),
        # A message signed with another key: jupyter_client refuses it; graded as far as it ran.
        "forged_message": ({**S, "a2": "from ipykernel.kernelapp import IPKernelApp\nfrom jupyter_client.session import Session\n"
                                       "Session(key=b'not-the-key').send(IPKernelApp.instance().iopub_socket, 'stream', "
                                       "{'name': 'stdout', 'text': 'forged'})\nimport time\ntime.sleep(2)\n" + S["a2"]},
                           "killed", 1.0),
        "sigkill": ({**S, "a3": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"}, "killed", 3.0),
        "sys_exit": ({**S, "a3": "import sys\nsys.exit(0)"}, "graded", 3.0),
        "snoop": ({**S, "a1": snoop}, "graded", 4.0),
        "display": ({**WRONG, "a1": "get_ipython().showtraceback = lambda *a, **k: None\nimport sys\nsys.stderr = sys.stdout\n" + WRONG["a1"]}, "tampered", 0.0),
        "class_display": ({**WRONG, "a1": "type(get_ipython()).showtraceback = lambda *a, **k: None\n" + WRONG["a1"]}, "tampered", 0.0),
        "excepthook": ({**WRONG, "a1": "import sys\nsys.excepthook = lambda *a: None\n" + WRONG["a1"]}, "graded", 0.0),
        "builtins": ({**WRONG, "a1": "import builtins\nbuiltins.print = lambda *a, **k: None\nbuiltins.AssertionError = Warning\n" + WRONG["a1"]}, "tampered", 0.0),
        "academy": ({**S, "a3": patch_academy}, "tampered", 3.0),
        "fake_mark": ({**WRONG, "a1": "print('\\x1eACADEMY-GUARD 0123 t1 ok')\n" + WRONG["a1"]}, "graded", 0.0),
        "run_cell": ({**S, "a1": S["a1"] + "\nip = get_ipython(); orig = ip.run_cell\nip.run_cell = lambda raw_cell, *a, **k: orig('pass', *a, **k)"}, "graded", 0.0),
        "settrace": ({**WRONG, "a1": "import sys\nsys.settrace(lambda *a: None)\n" + WRONG["a1"]}, "graded", 0.0),
        "edit_test": ("edit_test", "restored", 0.0),  # put back, not an accusation
        "delete_test": ("delete_test", "restored", 4.0),
        "duplicate": ("duplicate", "restored", 4.0),
        "malformed": ("{not json", "invalid", 0.0),
        "wrong_kernel": ("wrong_kernel", "graded", 4.0),  # kernelspec overwritten, as nbgrader does
        "too_large": ("too_large", "too_large", 0.0),
    }


def _special(kind: str, released: dict) -> dict | str:
    nb = tiny.submission(released, S)
    tests = [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "t1"]
    if kind == "edit_test":
        nb = tiny.submission(released, WRONG)
        next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "t1")["source"] = "pass"
    elif kind == "delete_test":
        nb["cells"] = [c for c in nb["cells"] if c not in tests]
    elif kind == "duplicate":
        copy = json.loads(json.dumps(tests[0]))
        copy["id"] = "dup"
        nb["cells"].insert(1, copy)
    elif kind == "wrong_kernel":
        nb["metadata"]["kernelspec"]["name"] = "evil"
    elif kind == "too_large":
        nb["cells"][0]["source"] = "x" * 1_200_000
    return nb


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    top = tiny.make_course(tmp_path_factory.mktemp("sandbox"), ROOT, LIMITS)
    with open(top / "course" / "nbgrader_config.py", "a") as handle:
        handle.write(CELL_TIMEOUT)
    saved = os.environ.get("ACADEMY_REPO")
    os.environ["ACADEMY_REPO"] = str(top)
    canary = Path.home() / f".academy-canary-{os.getpid()}"
    canary.write_text("canary")
    try:
        course = top / "course"
        from autograder import release

        release.release([tiny.MODULE])
        released = json.loads((course / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
        expected = {}
        for i in range(40):
            name, answers, points = HONEST[i % len(HONEST)]
            student = f"h{i:02d}-{name}"
            tiny.submit(course, student, released if answers is None else tiny.submission(released, answers))
            expected[student] = ("graded", points)
        other = course / "submitted" / "h00-good" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"
        source = top / "modules" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"
        paths = {"canary": str(canary), "gradebook": str(course / "gradebook.db"), "source": str(source),
                 "other": str(other), "config": str(course / "nbgrader_config.py")}
        for name, (answers, status, points) in attacks(paths).items():
            if isinstance(answers, dict):
                nb = tiny.submission(released, answers)
            elif answers.startswith("{"):
                nb = answers
            else:
                nb = _special(answers, released)
            tiny.submit(course, name, nb)
            expected[name] = (status, points)
        before = {k: _digest(Path(p)) for k, p in paths.items() if k != "gradebook"}
        rows = autograde.autograde(tiny.MODULE, jobs=max(2, os.cpu_count() or 2))
        after = {k: _digest(Path(p)) for k, p in paths.items() if k != "gradebook"}
        yield {"rows": {r["student_id"]: r for r in rows}, "expected": expected, "before": before,
               "after": after, "course": course}
    finally:
        canary.unlink(missing_ok=True)
        if saved is None:
            os.environ.pop("ACADEMY_REPO", None)
        else:
            os.environ["ACADEMY_REPO"] = saved


def test_run_finished_with_every_submission(run):
    assert set(run["rows"]) == set(run["expected"])


def test_parallel_honest_submissions_get_exact_totals(run):
    honest = {k: v for k, v in run["expected"].items() if k.startswith("h") and k[1:3].isdigit()}
    assert len(honest) == 40
    for student, (status, points) in honest.items():
        row = run["rows"][student]
        assert (row["status"], row["score"], row["max_score"]) == (status, points, 5.0), student
        assert row["needs_manual_grading"] is False  # the written answer was left blank: 0, as in nbgrader
    assert sum(run["rows"][s]["score"] for s in honest) == sum(p for _, p in honest.values())


@pytest.mark.parametrize("name", sorted(attacks({"x": "/x"})))
def test_attack_is_contained_and_reported(run, name):
    status, points = run["expected"][name]
    row = run["rows"][name]
    assert row["status"] in (status if isinstance(status, set) else {status}), row
    if points is not None:
        assert row["score"] == points, row


def test_nothing_outside_the_working_copy_changed_or_leaked(run):
    assert run["before"] == run["after"]
    nb = json.loads((run["course"] / "autograded" / "snoop" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    text = json.dumps([c.get("outputs", []) for c in nb["cells"]])
    for leak in ("READ ", "WROTE ", "NET", "HOME"):
        assert leak not in text


def test_no_sandbox_process_survives(run):
    left = [p for n in range(os.cpu_count() or 2) for p in sandbox._pids_of(sandbox.run_uid_base(os.getpid()) + n)]
    assert left == []


def test_grades_csv_has_status(run, tmp_path):
    out = tmp_path / "grades.csv"
    gradebook.export_csv(out, [tiny.MODULE])
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert list(next(iter(rows.values()))) == gradebook.COLUMNS
    assert rows["loop"]["status"] == "timeout" and rows["malformed"]["status"] == "invalid"


def test_autograded_notebooks_keep_hidden_tests_for_feedback_but_no_marks(run):
    text = (run["course"] / "autograded" / "h00-good" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text()
    assert "BEGIN HIDDEN TESTS" in text and "ACADEMY-GUARD" not in text and "_grader_bootstrap" not in text


def test_refuses_without_bubblewrap(monkeypatch, tmp_path):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    with pytest.raises(SystemExit, match="apt-get install bubblewrap"):
        autograde.autograde(tiny.MODULE)
