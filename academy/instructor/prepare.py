"""Prepare one submitted notebook for grading: validate it, restore locked and test cells from
the gradebook (as nbgrader's OverwriteCells does), and record any tampering.

Runs in the parent, never in the sandbox. The result is the notebook to keep (test cells hold
the real tests, hidden ones included) and the notebook to execute, whose test cells are calls
to the guard (see guard.py), which holds the test code out of the student's sight.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from academy.instructor.feedback import strip_hidden

KERNEL_NAME = "python3"


@dataclass
class CellSpec:
    """A cell as the gradebook knows it (nbgrader.api SourceCell, GradeCell, SolutionCell)."""

    name: str
    cell_type: str
    locked: bool
    source: str
    grade: bool = False
    solution: bool = False
    points: float | None = None

    @property
    def is_test(self) -> bool:
        return self.grade and not self.solution and self.cell_type == "code"

    def metadata(self) -> dict:
        meta = {"grade": self.grade, "solution": self.solution, "locked": self.locked,
                "grade_id": self.name, "schema_version": 3, "task": False}
        if self.points is not None:
            meta["points"] = self.points
        return {"nbgrader": meta}


@dataclass
class NotebookSpec:
    name: str  # without .ipynb
    cells: dict[str, CellSpec]
    template: list  # the released notebook's cells, for rebuilding a damaged submission


@dataclass
class Prepared:
    student: str
    notebook: str
    status: str = "ok"  # ok | tampered | invalid | too_large
    detail: list[str] = field(default_factory=list)
    graded: dict | None = None  # notebook to store, as JSON-able dict
    tests: dict[str, str] = field(default_factory=dict)  # grade_id -> real test code

    def flag(self, status: str, why: str) -> None:
        if self.status in ("ok", "tampered"):
            self.status = status
        self.detail.append(why)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", strip_hidden(text)).strip()


def prepare(path: Path, spec: NotebookSpec, student: str, max_bytes: int) -> Prepared:
    out = Prepared(student=student, notebook=spec.name)
    if not path.is_file():
        out.flag("invalid", f"{spec.name}.ipynb is missing")
        return out
    if path.stat().st_size > max_bytes:
        out.flag("too_large", f"{spec.name}.ipynb is {path.stat().st_size // 1024} KiB (limit {max_bytes // 1024} KiB)")
        return out
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("no cell list")
    except Exception as error:  # malformed JSON, wrong schema, not UTF-8
        out.flag("invalid", f"not a readable notebook: {str(error)[:200]}")
        return out
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != KERNEL_NAME:
        out.flag("invalid", f"kernel {kernel!r} is not {KERNEL_NAME!r}")
        return out
    cells, seen, missing = _restore(nb.cells, spec, out)
    if missing:
        cells = _rebuild(cells, spec)
    ids = set()
    for index, cell in enumerate(cells):  # duplicated cells share ids; nbformat wants them unique
        if not isinstance(cell.get("id"), str) or cell["id"] in ids:
            cell["id"] = f"cell-{index:03d}-dup"
        ids.add(cell["id"])
    nb.cells = cells
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
    out.tests = {c.name: c.source for c in spec.cells.values() if c.is_test}
    out.graded = json.loads(json.dumps(nb))
    return out


def _restore(student_cells, spec: NotebookSpec, out: Prepared):
    cells, seen, duplicated = [], set(), False
    for cell in student_cells:
        meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
        gid = meta.get("grade_id")
        known = spec.cells.get(gid) if isinstance(gid, str) else None
        if known is None:
            if meta.get("grade") or meta.get("solution") or meta.get("locked"):
                out.flag("tampered", f"cell marked as graded with unknown id {gid!r}")
            cell.get("metadata", {}).pop("nbgrader", None)
            cells.append(cell)
            continue
        if gid in seen:  # which copy is "the" cell is ambiguous: lay out as released
            out.flag("tampered", f"duplicated cell {gid}")
            duplicated = True
            continue
        seen.add(gid)
        if cell.get("cell_type") != known.cell_type:
            out.flag("tampered", f"cell {gid} changed type")
            cell = _fresh(known)
        elif known.locked:
            if _norm("".join(cell.get("source", ""))) != _norm(known.source):
                out.flag("tampered", f"edited locked cell {gid}")
            cell = _fresh(known)
        else:  # the student's answer: keep the text, reset the grading metadata
            cell["metadata"]["nbgrader"] = known.metadata()["nbgrader"]
        cells.append(cell)
    missing = [n for n in spec.cells if n not in seen]
    for name in missing:
        out.flag("tampered", f"deleted cell {name}")
    return cells, seen, missing or duplicated


def _fresh(known: CellSpec):
    make = nbformat.v4.new_code_cell if known.cell_type == "code" else nbformat.v4.new_markdown_cell
    return make(known.source, metadata=known.metadata(), id=known.name)


def _rebuild(cells, spec: NotebookSpec):
    """Cells deleted: lay the notebook out as released, keeping the student's answers."""
    by_id = {c["metadata"]["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c.get("metadata", {})}
    rebuilt = []
    for cell in spec.template:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in by_id:
            rebuilt.append(by_id[gid])
        elif gid in spec.cells:
            rebuilt.append(_fresh(spec.cells[gid]) if spec.cells[gid].locked else nbformat.from_dict(cell))
        else:
            rebuilt.append(nbformat.from_dict(cell))
    return rebuilt
