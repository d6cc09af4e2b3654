"""Metadata lint for a source notebook: the rules of modules/README.md that a machine can check."""

from __future__ import annotations

import re
from pathlib import Path

from autograder import notebooks

_SOLUTION_REGION = r"### BEGIN SOLUTION.*?### END SOLUTION"
GRADE_ID = re.compile(r"^(front_matter|setup|key_points|ex\d\d_\d\d_(answer|check|tests|written)[a-z0-9_]*)$")


def lint(path: Path) -> list[str]:
    nb = notebooks.read(path)
    problems = []
    if not notebooks.is_clean(path):
        problems.append("not stored clean (outputs or extra metadata): run `academy clean`")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("kernelspec must be python3")
    seen = set()
    for index, cell in enumerate(nb.cells):
        meta = notebooks.nbgrader_meta(cell)
        if not meta:
            continue
        where = f"cell {index}"
        if meta.get("schema_version") != 3:
            problems.append(f"{where}: nbgrader schema_version must be 3")
        grade_id = meta.get("grade_id")
        if (meta.get("grade") or meta.get("solution") or meta.get("locked")) and not grade_id:
            problems.append(f"{where}: graded, answer or locked cell without grade_id")
            continue
        if grade_id in seen:
            problems.append(f"{where}: duplicate grade_id {grade_id}")
        seen.add(grade_id)
        if grade_id and not GRADE_ID.match(grade_id):
            problems.append(f"{where}: grade_id {grade_id!r} is not descriptive (exNN_MM_answer|check|tests|written)")
        if meta.get("grade") and not meta.get("points"):
            problems.append(f"{where}: graded cell {grade_id} has no points")
        if meta.get("grade") and not meta.get("solution") and not meta.get("locked"):
            problems.append(f"{where}: test cell {grade_id} is not locked")
        source = cell.source
        if meta.get("solution") and cell.cell_type == "code" and "### BEGIN SOLUTION" not in source:
            problems.append(f"{where}: answer cell {grade_id} has no solution region")
        if meta.get("grade") and cell.cell_type == "markdown" and "### BEGIN SOLUTION" not in source:
            problems.append(f"{where}: written answer {grade_id} has no model answer and rubric")
        if meta.get("grade") and cell.cell_type == "markdown" and re.sub(_SOLUTION_REGION, "", source, flags=re.S).strip():
            # The release turns the solution region into one "YOUR ANSWER HERE"; anything else in
            # the cell (the question, a second placeholder) lands in the learner's answer.
            problems.append(f"{where}: written answer {grade_id} holds more than its solution region; put the question in the cell above")
        if grade_id and grade_id.endswith("_tests") and "### BEGIN HIDDEN TESTS" not in source:
            problems.append(f"{where}: test cell {grade_id} has no hidden tests")
    problems += _figures_without_description(nb)
    ids = [notebooks.nbgrader_meta(c).get("grade_id") for c in nb.cells]
    for required in ("front_matter", "setup", "key_points"):
        if required not in ids:
            problems.append(f"missing the {required} cell")
    if not notebooks.graded_tests(nb):
        problems.append("no autograded test cells")
    return problems


_DRAWS = re.compile(r"\.(plot|bar|barh|hist|scatter|errorbar|imshow|boxplot)\(|plt\.subplots\(")


def _figures_without_description(nb) -> list[str]:
    """Every cell that draws a figure is followed (same or next code cell) by plotting.describe."""
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for index, cell in enumerate(code):
        if not _DRAWS.search(cell.source):
            continue
        following = code[index + 1].source if index + 1 < len(code) else ""
        if "describe(" not in cell.source and "describe(" not in following:
            grade_id = notebooks.nbgrader_meta(cell).get("grade_id", f"code cell {index}")
            problems.append(f"{grade_id}: a figure without a text description (plotting.describe)")
    return problems
