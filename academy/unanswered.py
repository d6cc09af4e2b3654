"""Run All past unanswered exercises: a stub says "not attempted" instead of stopping the run.

A released exercise holds nbgrader's stub, ``raise NotImplementedError()``, at the top of a cell
or inside a function. Run as it stands, the first one stops JupyterLab's Run All, and every
teaching cell and chart below it never runs. Outside the grader, ``academy.setup()`` registers
``SkipUnanswered`` with IPython (an AST transformer, IPython's extension point for rewriting a
cell before it runs):

* a top-level stub, or a class whose body is the stub (and the rest of its cell, which needs the
  answer), becomes a printed "not attempted" note;
* a cell that uses an answer not given yet is skipped with a note that names what it waits
  for: a function whose body is still the stub, an exercise's name still undefined, or, once a
  stub has been met or a cell cut short in this kernel, any undefined name (a later cell that
  needs what the missing answer, or the cut cell, would have defined).

Under nbgrader (``NBGRADER_EXECUTION``) nothing is registered: the stub raises and fails every
test, as ``nbgrader validate --invert`` expects. The exercise's check cell reports
"not attempted" on its own (``Exercise.evaluate``).
"""

from __future__ import annotations

import ast
import builtins
import sys

STUB_NOTE = "… Not attempted yet: replace `raise NotImplementedError()` with your answer, then run this cell again."
SKIP_NOTE = ("… Skipped from here: this needs {names}, from an exercise above that is not attempted "
             "(or not run) yet. Answer it, then run this cell again.")


def _is_stub_raise(node: ast.AST) -> bool:
    """``raise NotImplementedError`` or ``raise NotImplementedError()`` with no message."""
    if not isinstance(node, ast.Raise) or node.exc is None:
        return False
    exc = node.exc.func if isinstance(node.exc, ast.Call) and not node.exc.args and not node.exc.keywords else node.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _is_stub_body(body: list[ast.stmt]) -> bool:
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]  # the docstring
    return len(body) == 1 and _is_stub_raise(body[0])


def _is_stub_function(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_stub_body(list(node.body))


def _is_stub_class(node: ast.AST) -> bool:
    """A class whose body is the stub: it raises as soon as it is defined, like a top-level stub."""
    return isinstance(node, ast.ClassDef) and _is_stub_body(list(node.body))


def _bound_names(tree: ast.AST) -> set[str]:
    """Every name the cell itself binds (assignments, loops, defs, imports, arguments)."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


def _answer_names() -> set[str]:
    """The names every loaded exercise expects the learner to define."""
    from academy.exercises.core import Exercise

    names = set()
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("academy.exercises") and module is not None:
            for value in list(vars(module).values()):
                if isinstance(value, Exercise):
                    names.update(value.names)
    return names


def _used_names(statement: ast.AST) -> set[str]:
    """Names a statement reads when it runs: function bodies count only when called, not defined."""
    used = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            parts = list(node.args.defaults) + [d for d in node.args.kw_defaults if d is not None]
            parts += list(getattr(node, "decorator_list", []))
            for part in parts:
                visit(part)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            used.add(node.id)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(statement)
    return used


def _note(text: str) -> list[ast.stmt]:
    call = ast.Call(func=ast.Name("print", ast.Load()), args=[ast.Constant(text)], keywords=[])
    return [ast.Expr(call)]


class SkipUnanswered(ast.NodeTransformer):
    """IPython AST transformer: see the module's docstring. ``namespace`` is the kernel's user_ns."""

    def __init__(self, namespace: dict):
        self.namespace = namespace
        self.stubs: set[str] = set()  # functions whose body is still nbgrader's stub
        self.stub_met = False  # a stub was met or a cell cut in this kernel: names it would define are missing

    def visit_Module(self, tree: ast.Module) -> ast.Module:
        """Keep the cell's statements up to the first stub or the first that needs a missing answer."""
        bound: set[str] = set()
        stubs = set(self.stubs)
        for index, statement in enumerate(tree.body):
            if _is_stub_raise(statement) or _is_stub_class(statement):  # the rest of the cell needs the answer too
                tree.body = tree.body[:index] + _note(STUB_NOTE)
                self.stub_met = True
                break
            waiting = self._waiting_for(statement, bound, stubs)
            if waiting:
                tree.body = tree.body[:index] + _note(SKIP_NOTE.format(names=", ".join(waiting)))
                self.stub_met = True  # what this cell would have defined is missing now too
                break
            if _is_stub_function(statement):
                stubs.add(statement.name)
                bound.add(statement.name)
            else:
                names = _bound_names(statement)
                stubs -= names
                bound |= names
        self.stubs = stubs
        return ast.fix_missing_locations(tree)

    def _waiting_for(self, statement: ast.AST, bound: set[str], stubs: set[str]) -> list[str]:
        used = _used_names(statement) - _bound_names(statement)
        undefined = {n for n in used - bound if n not in self.namespace and not hasattr(builtins, n)}
        if undefined and not self.stub_met:
            undefined &= _answer_names()  # otherwise a plain NameError, as usual
        return [f"`{n}` (still the stub)" for n in sorted(used & stubs)] + [f"`{n}`" for n in sorted(undefined - stubs)]


def register() -> bool:
    """Add the transformer to the running IPython kernel, once. False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    if not any(isinstance(t, SkipUnanswered) for t in shell.ast_transformers):
        shell.ast_transformers.append(SkipUnanswered(shell.user_ns))
    return True
