"""The test-cell guard as two nbgrader preprocessors around Execute. ``GuardTests`` turns each test
cell into ``<guard>("grade_id")`` and adds a first cell that installs guard.py from a secret file the
executor writes; ``ScoreGuardedTests`` puts the tests back and gives every test cell without this
run's pass mark an error output (SaveAutoGrades then scores it 0); patching is noted `tampered`.
"""

from __future__ import annotations

import inspect
import pkgutil
import re
import secrets

import nbformat
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder import guard, outcome

# Modules whose attributes the tests rely on; patched attributes are put back before each test.
def _exercise_modules(assignment: str) -> list[str]:
    """academy.exercises' shared modules and this module's own (mNN), found without importing them."""
    import academy.exercises

    names = [m.name for m in pkgutil.iter_modules(academy.exercises.__path__)]
    return [f"academy.exercises.{n}" for n in names if not re.fullmatch(r"m\d\d", n) or n == f"m{assignment[:2]}"]


def _stdlib_imports() -> list[str]:
    """Standard-library modules academy.exercises imports (its checks compute with them), read with ast."""
    import ast
    import sys
    from pathlib import Path

    import academy.exercises

    names = set()
    for path in Path(academy.exercises.__path__[0]).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    # sys and builtins are restored by their own rules (stdout changes per cell legitimately).
    return sorted((names & sys.stdlib_module_names) - {"sys", "builtins", "__future__"})


STDLIB = _stdlib_imports()
PROTECT = ["academy", "academy.exercises", "academy.data", "numpy", "numpy.testing", "pandas", "pandas.testing",
           "math", "unittest", "unittest.case"]
PROTECT_ROOTS = ["academy", "numpy", "pandas", "math", "unittest", "pytest", *STDLIB]
BLOCKED_EVENTS = ["sys.settrace", "sys.setprofile", "gc.get_referrers", "gc.get_referents",
                  "gc.get_objects", "sys._current_frames"]
BOOTSTRAP_ID = "grader-guard"
SECRET_FILE = ".grader-guard.json"  # relative: the kernel starts in its working copy


def is_test(cell) -> bool:
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def bootstrap_source(secret_file: str = SECRET_FILE) -> str:
    """The first cell: run guard.py's source with a private copy of the builtins, then install."""
    return (
        "def _grader_bootstrap(source, path):\n"
        "    import builtins\n"
        "    ns = {'__name__': 'grader_guard', '__builtins__': dict(vars(builtins))}\n"
        "    exec(compile(source, '<grader guard>', 'exec'), ns)\n"
        "    ns['install'](path)\n"
        f"_grader_bootstrap({inspect.getsource(guard)!r}, {secret_file!r})\n"
        "del _grader_bootstrap\n"
    )


class GuardTests(NbGraderPreprocessor):
    """Replace test cells by guard calls; the secret goes to resources["guard"] for the executor."""

    def preprocess(self, nb, resources):
        nonce, name = secrets.token_hex(16), "_g" + secrets.token_hex(8)
        tests = {}
        for cell in nb.cells:
            if is_test(cell):
                grade_id = cell.metadata.nbgrader["grade_id"]
                tests[grade_id] = cell.source
                cell.source = f"{name}({grade_id!r})"
        resources["guard"] = {"tests": tests, "file": SECRET_FILE, "secret": {
            "nonce": nonce, "guard": name, "tests": tests, "mark": guard.MARK,
            "protect": PROTECT + STDLIB + _exercise_modules(resources["nbgrader"]["assignment"]),
            "protect_roots": PROTECT_ROOTS, "blocked_events": BLOCKED_EVENTS}}
        nb.cells.insert(0, nbformat.v4.new_code_cell(bootstrap_source(), id=BOOTSTRAP_ID))
        return nb, resources


def read_marks(text: str, nonce: str, grade_id: str) -> tuple[bool, str]:
    """(passed, what was patched) from one test cell's stdout."""
    ok, tampered = False, ""
    prefix = re.escape(f"{guard.MARK} {nonce} {grade_id} ")
    for match in re.finditer(prefix + r"(ok|tampered)(?: (.*))?$", text, re.M):
        if match.group(1) == "ok":
            ok = True
        else:
            tampered = match.group(2) or "patched"
    return ok, tampered


def strip_marks(text: str) -> str:
    # split on "\n" only: str.splitlines would also split at the mark's own \x1e.
    return "\n".join(line for line in text.split("\n") if not line.startswith(guard.MARK))


class ScoreGuardedTests(NbGraderPreprocessor):
    """Restore test code; fail test cells without this run's pass mark; note tampering."""

    def preprocess(self, nb, resources):
        state = resources.pop("guard", None)
        if state is None:
            return nb, resources
        if nb.cells and nb.cells[0].get("id") == BOOTSTRAP_ID:
            boot = nb.cells.pop(0)
            if any(o.get("output_type") == "error" for o in boot.get("outputs", [])):
                outcome.note("killed", "the grading guard could not start in the kernel")
        nonce = state["secret"]["nonce"]
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            stdout = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
            for out in cell.outputs:
                if out.get("output_type") == "stream":
                    out["text"] = strip_marks(out["text"])
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "stream" or o["text"]]
            if not is_test(cell) or cell.metadata.nbgrader["grade_id"] not in state["tests"]:
                continue
            grade_id = cell.metadata.nbgrader["grade_id"]
            cell.source = state["tests"][grade_id]
            passed, tampered = read_marks(stdout, nonce, grade_id)
            if tampered:
                outcome.note("tampered", f"{grade_id}: patched {tampered}")
            if not passed and not any(o.get("output_type") == "error" for o in cell.outputs):
                cell.outputs.append(nbformat.v4.new_output(
                    "error", ename="NotRun", evalue="This test did not run to the end, so it scores 0.",
                    traceback=["This test did not run to the end, so it scores 0."]))
        return nb, resources
