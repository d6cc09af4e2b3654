"""The test-cell guard (autograder/guard.py) as an ordinary module, in an in-process IPython shell.

The same source is what GuardTests sends into the learner's kernel; the sandbox tests run it
there against hostile submissions.
"""

import io
import json
import math
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell

from autograder import guard, guarding

NONCE = "n0nce"


@pytest.fixture
def shell_and_guard(tmp_path, monkeypatch):
    shell = InteractiveShell.instance()
    tests = {"t_ok": "assert math.sqrt(x) == 3", "t_bad": "assert x == 10", "t_value": "x + 1"}
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"nonce": NONCE, "guard": "_g", "tests": tests, "mark": guard.MARK,
                                  "protect": ["math"], "protect_roots": ["math"], "blocked_events": []}))
    shell.user_ns.update(x=9, math=math)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)  # the guard keeps the stdout it found
    run = guard.install(str(secret), shell=shell, audit=False)
    monkeypatch.undo()
    assert not secret.exists()  # the secret is gone before any learner code could read it
    assert shell.user_ns["_g"] is run
    yield shell, run, out


def test_passing_test_prints_the_mark_with_the_nonce(shell_and_guard):
    _, run, out = shell_and_guard
    run("t_ok")
    assert guarding.read_marks(out.getvalue(), NONCE, "t_ok") == (True, "")


def test_failing_test_raises_and_prints_no_mark(shell_and_guard):
    _, run, out = shell_and_guard
    with pytest.raises(AssertionError):
        run("t_bad")
    assert guarding.read_marks(out.getvalue(), NONCE, "t_bad") == (False, "")


def test_patched_module_function_is_put_back_and_reported(shell_and_guard):
    _, run, out = shell_and_guard
    math.sqrt = lambda value: 3
    with pytest.raises(AssertionError):
        run("t_bad")
    passed, tampered = guarding.read_marks(out.getvalue(), NONCE, "t_bad")
    assert not passed and "math.sqrt" in tampered
    assert math.sqrt(16) == 4.0  # the real function is back


def test_patched_builtin_is_put_back_so_a_failing_check_still_fails(shell_and_guard):
    import builtins

    _, run, out = shell_and_guard
    real = builtins.AssertionError
    builtins.AssertionError = Warning
    with pytest.raises(real):
        run("t_bad")
    assert builtins.AssertionError is real
    assert "builtins.AssertionError" in guarding.read_marks(out.getvalue(), NONCE, "t_bad")[1]


def test_marks_need_this_runs_nonce_and_are_stripped(shell_and_guard):
    _, run, out = shell_and_guard
    run("t_value")
    assert guarding.read_marks(out.getvalue(), "other-nonce", "t_value") == (False, "")
    forged = f"{guard.MARK} guess t_value ok\nhello"
    assert guarding.read_marks(forged, NONCE, "t_value") == (False, "")
    assert guarding.strip_marks(forged) == "hello"


def test_bootstrap_cell_carries_the_module_source_and_compiles():
    source = guarding.bootstrap_source()
    compile(source, "<bootstrap>", "exec")
    assert "def install(secret_path" in source and guarding.SECRET_FILE in source
