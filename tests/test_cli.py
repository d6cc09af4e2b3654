"""The academy command on bad input: a clear message, exit code 2, nothing changed."""

import shutil
import subprocess
import sys

from conftest import ROOT


def test_broken_source_notebook_gets_a_clear_message(tmp_path):
    top = tmp_path / "course-copy"
    (top / "modules" / "01-broken").mkdir(parents=True)
    (top / "course").mkdir()
    shutil.copy(ROOT / "course" / "nbgrader_config.py", top / "course")
    broken = top / "modules" / "01-broken" / "01-broken.ipynb"
    broken.write_text('{"cells": [ this is not json')
    env = {"ACADEMY_REPO": str(top), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "academy.cli", "clean"], env=env, capture_output=True, text=True)
    assert out.returncode == 2
    assert "01-broken.ipynb is not a valid notebook" in out.stderr and "Traceback" not in out.stderr
    assert broken.read_text() == '{"cells": [ this is not json'


def test_unknown_module_is_named():
    out = subprocess.run([sys.executable, "-m", "academy.cli", "release", "99"], capture_output=True, text=True)
    assert out.returncode != 0 and "No module '99'" in (out.stderr + out.stdout)
