"""Child-process side: the reference namespace of a source notebook, and variants of it.

Runs inside ``child.py`` (a fresh interpreter per module, MPLBACKEND=Agg). The reference
namespace is what the source notebook defines when its code cells run in order in an IPython
shell, check and test cells left out. A variant replaces some answer cells (a fixture's answers,
or the release's stub) in a shallow copy of it, and re-runs the reference answer cells that read a
name a replaced cell defines — as the whole notebook would, without re-running the teaching.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os

from academy.exercises.core import TooSlow, quiet, time_limit
from autograder.fingerprints import fixtures, notebook

TEST_SECONDS = 180  # nbgrader's per-cell timeout in course/nbgrader_config.py


def exercises_of(module: str) -> list:
    """The Exercise objects of a module package (q1, q2, ... in order)."""
    package = importlib.import_module(f"academy.exercises.m{module[:2]}")
    found = [getattr(package, n) for n in getattr(package, "__all__", []) if n[:1] == "q" and n[1:].isdigit()]
    return sorted(found, key=lambda e: e.id)


class Workbench:
    def __init__(self, module: str):
        self.module = module
        self.cells = notebook.cells(module)
        self.exercises = exercises_of(module)
        self.answers = [c for c in self.cells if c.kind == "code" and c.grade_id.endswith("_answer")]
        self.tests = {c.grade_id[: -len("_tests")]: c for c in self.cells if c.grade_id.endswith("_tests")}
        self.fixtures = fixtures.load(module)
        self.reference = self._run_reference()
        self._variants: dict[str, tuple[dict, dict]] = {}

    def _run_reference(self) -> dict:
        from IPython.core.interactiveshell import InteractiveShell

        shell = InteractiveShell.instance()
        os.chdir(notebook.source_path(self.module).parent)
        for cell in self.cells:
            if cell.kind != "code" or notebook.is_check_or_test(cell):
                continue
            shown = io.StringIO()
            with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
                result = shell.run_cell(cell.source, store_history=False, silent=True)
            if not result.success:
                raise RuntimeError(f"{self.module}: source cell {cell.index} ({cell.grade_id or 'teaching'}) failed:\n"
                                   f"{shown.getvalue()[-1500:]}")
        return dict(shell.user_ns)

    def variant(self, replaced: dict[str, str]) -> tuple[dict, dict]:
        """(namespace, errors by grade id) with answer cells replaced (grade id -> code)."""
        by_id = {c.grade_id: c for c in self.answers}
        unknown = set(replaced) - set(by_id)
        if unknown:
            raise ValueError(f"{self.module}: no answer cells {sorted(unknown)}")
        ns, changed, errors = dict(self.reference), set(), {}
        for cell in self.answers:
            if cell.grade_id in replaced:
                source = replaced[cell.grade_id]
            elif notebook.names_used(cell.source) & changed:
                source = cell.source  # the reference answer again: it reads a replaced name
            else:
                continue
            defined = notebook.names_defined(cell.source) | notebook.names_defined(source)
            for name in defined:  # a cell that fails leaves its names undefined, as in a notebook
                ns.pop(name, None)
            changed |= defined
            try:
                with quiet(), contextlib.redirect_stdout(io.StringIO()), time_limit(TEST_SECONDS) as limit:
                    exec(compile(source, f"<{cell.grade_id}>", "exec"), ns)
            except NotImplementedError:
                pass
            except TooSlow as slow:
                if slow is not limit:
                    raise
                errors[cell.grade_id] = f"took more than {TEST_SECONDS} s"
            except Exception as error:
                errors[cell.grade_id] = f"{type(error).__name__}: {error}"
        return ns, errors

    def fixture(self, name: str) -> tuple[dict, dict]:
        if name not in self.fixtures:
            raise ValueError(f"{self.module}: a check names the fixture {name!r}, but tests/fixtures/{self.module}/{name}.yaml does not exist")
        if name not in self._variants:
            self._variants[name] = self.variant(self.fixtures[name]["answers"])
        return self._variants[name]

    def stub(self, exercise) -> tuple[dict, dict]:
        cell = next(c for c in self.answers if c.grade_id == f"{exercise.id}_answer")
        return self.variant({cell.grade_id: notebook.stub_of(cell.source)})
