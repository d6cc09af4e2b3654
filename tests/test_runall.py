"""Run All on a fresh release runs every cell; under nbgrader the stubs still fail every test.

JupyterLab's Run All stops at the first cell that raises, so each released module is executed
with nbclient the same way (stop on the first error) and every code cell must have run.
"""

import os

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import module_ids

MODULES = module_ids()


class Released(dict):
    """module -> the released notebook as a learner's workspace receives it (released on first use)."""

    def __init__(self, course, ws):
        super().__init__()
        self.course, self.ws = course, ws

    def __missing__(self, module):
        from academy import workspace
        from autograder import release

        workspace.prepare(self.ws, self.course, [module], release.release)
        self[module] = next((self.ws / module).glob("*.ipynb"))
        return self[module]


@pytest.fixture(scope="module")
def released(course_copy, tmp_path_factory):
    os.environ.setdefault("JUPYTER_DATA_DIR", str(tmp_path_factory.mktemp("jupyter-data")))
    return Released(course_copy, tmp_path_factory.mktemp("runall-ws"))


def run(path, **env):
    nb = nbformat.read(path, as_version=4)
    saved = {k: os.environ.get(k) for k in ["NBGRADER_EXECUTION", "MPLBACKEND", *env]}
    os.environ.pop("NBGRADER_EXECUTION", None)
    os.environ.update({"MPLBACKEND": "Agg", **env})
    try:
        client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=bool(env),
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return nb


def text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@pytest.mark.parametrize("module", MODULES)
def test_run_all_on_a_fresh_release_runs_every_cell(released, module):
    nb = run(released[module])  # raises CellExecutionError at the first cell that fails
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "a cell did not run"
    checks = [c for c in code if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_check")]
    assert checks and all("Not attempted" in text(c) for c in checks), "a check cell did not say 'not attempted'"


def test_under_nbgrader_every_test_cell_still_fails(released):
    module = MODULES[0]
    nb = run(released[module], NBGRADER_EXECUTION="validate")
    tests = [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
    assert tests
    for cell in tests:
        assert any(o.output_type == "error" for o in cell.outputs), cell.metadata["nbgrader"]["grade_id"]


def test_stub_cells_are_cut_where_the_answer_is_needed():
    import ast

    from academy.unanswered import SkipUnanswered

    skip = SkipUnanswered({"plt": object()})
    cell = 'def chart(top):\n    """Doc."""\n    raise NotImplementedError()\n\nax = chart(1)\nplt.show()'
    assert ast.unparse(skip.visit(ast.parse(cell))).splitlines()[-1].startswith("print('… Skipped from here")
    cut = ast.parse("x = 1\nraise NotImplementedError()\ny = x")
    assert [type(s).__name__ for s in skip.visit(cut).body] == ["Assign", "Expr"]  # x = 1, then the note
    later = ast.unparse(skip.visit(ast.parse("table = made_by_the_answer.copy()")))
    assert "made_by_the_answer" in later and later.startswith("print(")  # after a stub: skipped
    answered = "def chart(top):\n    return top\n\nax = chart(1)"
    assert ast.unparse(skip.visit(ast.parse(answered))) == ast.unparse(ast.parse(answered))


def test_a_class_whose_body_is_the_stub_is_cut_like_a_top_level_stub():
    import ast

    from academy.unanswered import SkipUnanswered

    skip = SkipUnanswered({})
    cell = 'x = 1\nclass Ledger:\n    """Doc."""\n    # YOUR CODE HERE\n    raise NotImplementedError()\nledger = Ledger()'
    assert [type(s).__name__ for s in skip.visit(ast.parse(cell)).body] == ["Assign", "Expr"]  # x = 1, then the note
    answered = "class Ledger:\n    def spent(self):\n        raise NotImplementedError()"  # a method stub runs only when called
    assert ast.unparse(skip.visit(ast.parse(answered))) == ast.unparse(ast.parse(answered))


def test_a_plain_name_error_is_left_alone_before_any_stub():
    import ast

    from academy.unanswered import SkipUnanswered

    source = "print(typo_in_a_teaching_cell)"
    assert ast.unparse(SkipUnanswered({}).visit(ast.parse(source))) == source


def test_a_cell_cut_short_makes_what_it_would_define_missing_too():
    import ast

    from academy.unanswered import SkipUnanswered

    skip = SkipUnanswered({})
    skip.visit(ast.parse('def k_anonymise(frame):\n    """Doc."""\n    raise NotImplementedError()'))
    skip.visit(ast.parse("loss_table = k_anonymise(1)"))  # cut: needs the stub
    later = ast.unparse(skip.visit(ast.parse("print(len(loss_table))")))
    assert later.startswith("print('… Skipped from here") and "loss_table" in later
