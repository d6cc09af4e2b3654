"""Module 05's faults from issue 9, each kept fixed as a kind (the per-exercise cases are in
tests/test_exercises_cases.py and tests/fixtures/05-ethics-and-trust/).

- A teaching cell never needs an import that only an answer cell makes (a learner may clear it).
- A hidden test grades its own exercise: it calls no function or value another answer cell defines.
- A teaching cell that runs the learner's functions on Kestria's tables is bounded in time.
- A check that meets a KeyError on its made-up table says the table differs on purpose.
"""

import ast
import itertools
import re

import pandas as pd
import pytest

from autograder.fingerprints import notebook

MODULE = "05-ethics-and-trust"
BIG_TABLES = ("extract", "register", "fortnights")  # Kestria's person-level tables (thousands of rows)


@pytest.fixture(scope="module")
def cells():
    return notebook.cells(MODULE)


def _imported(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _answers(cells):
    return [c for c in cells if c.kind == "code" and c.grade_id.endswith("_answer")]


def _teaching(cells):
    return [c for c in cells if c.kind == "code" and not c.grade_id]


def test_teaching_cells_never_need_an_import_from_an_answer_cell(cells):
    from_answers = set().union(*(_imported(c.source) for c in _answers(cells)))
    from_teaching = set().union(*(_imported(c.source) for c in cells if c.kind == "code" and not c.grade_id.endswith("_answer")))
    for cell in _teaching(cells):
        needed = notebook.names_used(cell.source) & (from_answers - from_teaching)
        assert not needed, f"teaching cell {cell.index} uses {sorted(needed)}, imported only in an answer cell"
    for cell in _answers(cells):  # nothing outside the learner's own region to lose
        assert not _imported(notebook.stub_of(cell.source)), f"{cell.grade_id} imports outside its solution region"


def test_hidden_tests_grade_their_own_exercise_only(cells):
    defined = {c.grade_id[:7]: notebook.names_defined(c.source) for c in _answers(cells)}
    for cell in cells:
        if not cell.grade_id.endswith("_tests"):
            continue
        own = cell.grade_id[:7]
        others = set().union(*(names for ex, names in defined.items() if ex != own))
        used = notebook.names_used(cell.source) - defined.get(own, set())
        assert not used & others, f"{cell.grade_id} uses {sorted(used & others)} from another exercise's answer"
        assert not re.search(r"\bex\._", cell.source), f"{cell.grade_id} calls a private helper"


def test_teaching_cells_that_run_learner_code_on_kestrias_tables_are_bounded(cells):
    functions = set()
    for cell in _answers(cells):
        functions |= {n.name for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.FunctionDef)}
    heavy = [c for c in _teaching(cells)
             if any(re.search(rf"\b{f}\(", c.source) for f in functions)
             and any(re.search(rf"\b{t}\b", c.source) for t in BIG_TABLES)]
    assert len(heavy) >= 4
    for cell in heavy:
        assert "ex.teaching.at_most(" in cell.source, f"teaching cell {cell.index} runs learner code unbounded"


def test_at_most_stops_a_demonstration_and_carries_on(capsys):
    from academy.exercises.m05 import teaching

    done = []
    with teaching.at_most(0.2, "a demonstration"):
        for step in itertools.count():
            done.append(step)
    assert done and "Stopped a demonstration" in capsys.readouterr().out


def test_a_key_error_on_a_made_up_table_says_the_table_differs():
    from academy.exercises.m05 import q1

    def fixed_columns(frame, columns):
        return float((frame.groupby(["postcode", "birth_date", "sex"]).size() == 1).mean())

    result = q1.evaluate({"unique_share": fixed_columns})
    assert not result.correct
    assert "KeyError" in result.message and "differs from Kestria's on purpose" in result.message
    assert "birth_year" in result.message  # the columns the check's table does have


def test_debts_is_checked_with_a_rule_of_its_own():
    """Exercise 12's check never needs the learner's `entitlement` (exercise 11)."""
    from academy.exercises.m05 import q12
    from academy.exercises.m05.q12_debts import made_up_rule

    assert "entitlement" not in q12.names
    assert made_up_rule(250.0) == 240.0  # £300 less 40% of the £150 above £100
    assert list(made_up_rule(pd.Series([0.0, 1000.0], index=[7, 8])).index) == [7, 8]
