"""A tiny three-exercise module and a course around it, for sandbox tests and the benchmark."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from autograder import notebooks as N

MODULE = "01-tiny"
NOTEBOOK = "tiny"


def source_notebook():
    from academy.exercises.hashing import text_digest

    expected = text_digest("ada", "s")
    return N.new([
        N.markdown("# Tiny module"),
        N.locked_code("setup", "import math"),
        N.answer("a1", "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION"),
        N.tests("t1", "assert double(2) == 4\nassert double(-1) == -2", 1),
        N.answer("a2", "### BEGIN SOLUTION\ntotal = sum(range(5))\n### END SOLUTION"),
        N.tests("t2", "assert total == 10\n### BEGIN HIDDEN TESTS\nassert isinstance(total, int)\n### END HIDDEN TESTS", 2),
        N.answer("a3", "### BEGIN SOLUTION\nname = 'ada'\n### END SOLUTION"),
        N.tests("t3", f"from academy.exercises.hashing import text_digest\nassert text_digest(name, 's') == {expected!r}", 1),
        N.written("w1", "Why?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION", 1),
    ])


SOLUTION = {"a1": "def double(x):\n    return 2 * x", "a2": "total = sum(range(5))", "a3": "name = 'ada'"}


def make_course(top: Path, repo: Path, limits_yaml: str | None = None) -> Path:
    """modules/01-tiny/tiny.ipynb plus the real course/nbgrader_config.py under ``top``."""
    folder = top / "modules" / MODULE
    folder.mkdir(parents=True, exist_ok=True)
    N.write(source_notebook(), folder / f"{NOTEBOOK}.ipynb")
    (top / "course").mkdir(exist_ok=True)
    shutil.copy(repo / "course" / "nbgrader_config.py", top / "course")
    if limits_yaml is not None:
        (top / "course" / "sandbox.yaml").write_text(limits_yaml)
    return top


def submission(released: dict, answers: dict[str, str]) -> dict:
    nb = json.loads(json.dumps(released))
    for cell in nb["cells"]:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell["source"] = answers[gid]
    return nb


def submit(course_root: Path, student: str, nb: dict | str) -> Path:
    folder = course_root / "submitted" / student / MODULE
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{NOTEBOOK}.ipynb"
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb, indent=1))
    return path
