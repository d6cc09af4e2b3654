"""The source notebook of a module as the generator needs it: answer, check and test cells by exercise."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

from academy import paths

SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION[ \t]*(?:\n|\Z)", re.S | re.M)
# What nbgrader's ClearSolutions puts in place of a solution (course/nbgrader_config.py).
STUB = "# YOUR CODE HERE\nraise NotImplementedError()\n"


@dataclass
class Cell:
    index: int
    kind: str  # "code" or "markdown"
    source: str
    grade_id: str
    points: float


def module_id(module: str) -> str:
    """'06', '6' or '06-differential-privacy' -> '06-differential-privacy' (ValueError if unknown)."""
    root = paths.require_repo() / "modules"
    wanted = module if "-" in module else f"{int(module):02d}-"
    found = sorted(p.name for p in root.iterdir() if p.is_dir() and (p.name == wanted or p.name.startswith(wanted)))
    if len(found) != 1:
        raise ValueError(f"no single module matches {module!r} in {root}")
    return found[0]


def all_modules() -> list[str]:
    root = paths.require_repo() / "modules"
    return sorted(p.parent.name for p in root.glob("[0-9][0-9]-*/*.ipynb"))


def source_path(module: str) -> Path:
    found = sorted((paths.require_repo() / "modules" / module).glob("*.ipynb"))
    if len(found) != 1:
        raise ValueError(f"module {module} should have exactly one source notebook, found {len(found)}")
    return found[0]


def cells(module: str) -> list[Cell]:
    nb = json.loads(source_path(module).read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb["cells"]):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        out.append(Cell(i, cell["cell_type"], source, meta.get("grade_id", ""), float(meta.get("points", 0) or 0)))
    return out


def is_check_or_test(cell: Cell) -> bool:
    return cell.grade_id.endswith(("_check", "_tests"))


def stub_of(source: str) -> str:
    """The answer cell as the release shows it: solution regions replaced by the stub."""
    return SOLUTION.sub(lambda m: "".join(m.group(1) + line for line in STUB.splitlines(keepends=True)), source)


def names_defined(source: str) -> set[str]:
    """Top-level names a cell assigns, defines or imports."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((a.asname or a.name).split(".")[0] for a in node.names)
    return found


def names_used(source: str) -> set[str]:
    """Names a cell reads (a superset is fine: it only decides what to re-run)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
