"""Reading, writing, authoring and normalising course notebooks (nbgrader schema 3).

Source notebooks are stored clean: no outputs, no execution counts, and only the metadata
nbgrader needs, so that a diff shows what an author changed and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def _meta(grade_id: str | None, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "solution": solution, "locked": locked, "schema_version": 3, "task": False}
    if grade_id:
        meta["grade_id"] = grade_id
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text.strip("\n"))


def locked_markdown(grade_id: str, text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text.strip("\n"), metadata=_meta(grade_id, locked=True))


def code(source: str) -> nbformat.NotebookNode:
    """An ordinary, editable code cell (teaching examples learners may change)."""
    return nbformat.v4.new_code_cell(source.strip("\n"))


def locked_code(grade_id: str, source: str) -> nbformat.NotebookNode:
    """Setup and visible-check cells: read-only, restored by the grader."""
    return nbformat.v4.new_code_cell(source.strip("\n"), metadata=_meta(grade_id, locked=True))


def answer(grade_id: str, source: str) -> nbformat.NotebookNode:
    """The learner's answer cell; the solution sits between BEGIN/END SOLUTION markers."""
    return nbformat.v4.new_code_cell(source.strip("\n"), metadata=_meta(grade_id, solution=True))


def tests(grade_id: str, source: str, points: float) -> nbformat.NotebookNode:
    """An autograded test cell; hidden tests sit between BEGIN/END HIDDEN TESTS markers."""
    return nbformat.v4.new_code_cell(
        source.strip("\n"), metadata=_meta(grade_id, grade=True, locked=True, points=points)
    )


def written(grade_id: str, source: str, points: float) -> nbformat.NotebookNode:
    """A manually graded written answer; the model answer and rubric sit between SOLUTION markers."""
    return nbformat.v4.new_markdown_cell(
        source.strip("\n"), metadata=_meta(grade_id, grade=True, solution=True, points=points)
    )


def new(cells: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return clean(nb)


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip outputs and volatile metadata; give every cell a stable, unique id."""
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}})
    nb.nbformat, nb.nbformat_minor = 4, 5
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        keep = {k: cell.metadata[k] for k in ("nbgrader",) if k in cell.metadata}
        cell.metadata = nbformat.from_dict(keep)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if "attachments" in cell and not cell["attachments"]:
            del cell["attachments"]
        grade_id = keep.get("nbgrader", {}).get("grade_id")
        wanted = grade_id or cell.get("id") or f"cell-{index:03d}"
        if not _ID.match(wanted) or wanted in seen:
            wanted = f"cell-{index:03d}"
        seen.add(wanted)
        cell["id"] = wanted
        if isinstance(cell.source, list):
            cell.source = "".join(cell.source)
    return nb


class BrokenNotebook(Exception):
    """A notebook file that is not valid notebook JSON; the message names the file and the fix."""


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(str(path), as_version=4)
    except Exception as error:  # NotJSONError, JSONDecodeError, a missing key, ...
        first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        raise BrokenNotebook(
            f"{path} is not a valid notebook ({first}). Nothing was changed; restore it from git "
            "(`git checkout -- <file>`) or repair it in JupyterLab, then run the command again."
        ) from None


def dumps(nb: nbformat.NotebookNode) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    Path(path).write_text(dumps(nb), encoding="utf-8")


def is_clean(path: Path) -> bool:
    nb = read(path)  # a broken file fails here with a clear message
    return Path(path).read_text(encoding="utf-8") == dumps(clean(nb))


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def graded_tests(nb) -> list:
    """Autograded test cells (code cells with grade: true and no solution)."""
    return [c for c in nb.cells if c.cell_type == "code" and nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")]


def written_answers(nb) -> list:
    return [c for c in nb.cells if nbgrader_meta(c).get("grade") and nbgrader_meta(c).get("solution")]
