"""Run a notebook top to bottom and score its autograded cells the way nbgrader does.

A test cell passes when it produced no error output and wrote nothing to stderr; it scores
its points then, zero otherwise. ``validate`` and the test suite use this to prove that a
source notebook passes its own tests and that its released stub fails them.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.notebooks import graded_tests, nbgrader_meta


@dataclass
class CellScore:
    grade_id: str
    points: float
    passed: bool
    error: str = ""


def cell_passed(cell) -> tuple[bool, str]:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return False, f"{out.get('ename')}: {out.get('evalue')}"[:500]
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            return False, "wrote to stderr: " + "".join(out.get("text", ""))[:500]
    return True, ""


def run(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 300, env: dict | None = None) -> nbformat.NotebookNode:
    """Execute a copy of ``nb`` in ``cwd`` as nbgrader would (errors do not stop the run)."""
    nb = nbformat.from_dict(nb)
    saved = dict(os.environ)
    os.environ.update({"NBGRADER_EXECUTION": "validate", "MPLBACKEND": "Agg"})
    os.environ.update(env or {})
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", allow_errors=True,
            resources={"metadata": {"path": str(cwd)}},
        )
        # The kernel's own log lines (transport warnings) are noise beside the report.
        client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def scores(nb: nbformat.NotebookNode) -> list[CellScore]:
    result = []
    for cell in graded_tests(nb):
        meta = nbgrader_meta(cell)
        ok, why = cell_passed(cell)
        result.append(CellScore(meta["grade_id"], float(meta.get("points", 0)), ok, why))
    return result


def errors_outside_tests(nb: nbformat.NotebookNode) -> list[str]:
    """Errors in cells that are not test cells (a broken teaching cell is a bug in the source)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or cell in graded_tests(nb):
            continue
        ok, why = cell_passed(cell)
        if not ok and not why.startswith("wrote to stderr"):
            found.append(f"cell {index} ({nbgrader_meta(cell).get('grade_id', 'ungraded')}): {why}")
    return found
