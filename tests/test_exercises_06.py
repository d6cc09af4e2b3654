"""Module 06's faults from issue 9, each kept fixed as a kind.

- Every sensitivity the module teaches is the largest change one person can make under the
  neighbouring-datasets definition the module states for that query (and is reached).
- The written questions agree with the teaching: the three tables of a year are one release.
- A teaching cell that runs the learner's function many times is bounded in time.
"""

import itertools
import re

import numpy as np
import pytest

from autograder.fingerprints import notebook

MODULE = "06-differential-privacy"


@pytest.fixture(scope="module")
def cells():
    return {c.grade_id or f"cell{c.index}": c for c in notebook.cells(MODULE)}


def _markdown(cells, heading: str) -> str:
    found = [c.source for c in cells.values() if c.kind == "markdown" and c.source.startswith(heading)]
    assert len(found) == 1, heading
    return found[0]


def _reference(cells, grade_id: str) -> dict:
    """The reference answer cell run on its own (markers are comments)."""
    namespace: dict = {}
    exec(cells[grade_id].source, namespace)
    return namespace


def _teaching(cells, defines: str) -> dict:
    """The definitions of the teaching cell that defines ``defines`` (its data-loading lines left out)."""
    import ast

    source = next(c.source for c in cells.values() if c.kind == "code" and f"def {defines}(" in c.source)
    tree = ast.parse(source)
    tree.body = [n for n in tree.body if isinstance(n, ast.FunctionDef)
                 or (isinstance(n, ast.Assign) and isinstance(n.value, (ast.List, ast.Tuple, ast.Constant)))]
    namespace: dict = {}
    exec(compile(tree, "<teaching>", "exec"), namespace)
    return namespace


def test_the_module_states_which_neighbouring_datasets_each_query_uses(cells):
    section = _markdown(cells, "## 4. The promise")
    assert "add or remove one person" in section and "replace one person" in section
    add_remove = section[section.index("add or remove one person"):section.index("replace one person")]
    assert "counts" in add_remove and "sums" in add_remove and "section 6" in add_remove
    replace = section[section.index("replace one person"):]
    assert "means" in replace
    prompt = _markdown(cells, "### Exercise 4")
    assert "add or remove one person for a count and a sum" in prompt and "replace" in prompt
    assert "adding or removing a person" in _markdown(cells, "## 6.")


def test_each_taught_sensitivity_is_the_largest_change_under_its_definition(cells):
    sensitivity = _reference(cells, "ex06_04_answer")["sensitivity"]
    rng = np.random.default_rng(4)
    upper = 1_000
    for _ in range(50):
        n = int(rng.integers(2, 8))
        values = rng.uniform(0, upper, n)
        extremes = [0.0, float(upper)]
        # add or remove one person (counts, sums)
        neighbours = [np.delete(values, i) for i in range(n)] + [np.append(values, v) for v in extremes]
        assert max(abs(len(b) - len(values)) for b in neighbours) == sensitivity("count", upper)
        assert max(abs(b.sum() - values.sum()) for b in neighbours) <= sensitivity("sum", upper) + 1e-9
        # replace one person: n stays the same (means)
        swapped = [np.where(np.arange(n) == i, v, values) for i in range(n) for v in extremes]
        assert max(abs(b.mean() - values.mean()) for b in swapped) <= sensitivity("mean", upper, n) + 1e-9
    # and the bounds are reached: an income at the top added, or replaced by 0
    top = np.array([float(upper)] * 3)
    assert np.append(top, upper).sum() - top.sum() == sensitivity("sum", upper)
    assert top.mean() - np.array([0.0, upper, upper]).mean() == pytest.approx(sensitivity("mean", upper, 3))


def test_the_release_of_three_tables_has_sensitivity_three_under_add_or_remove(cells):
    tables_from_records = _teaching(cells, "tables_from_records")["tables_from_records"]
    kinds = [(b, s, x) for b in ("0-17", "18-64", "65+") for s in ("F", "M") for x in (False, True)]

    def l1(a, b):
        return sum(abs(a[t][k] - b[t][k]) for t in a for k in a[t])

    records = [kinds[i] for i in np.random.default_rng(6).integers(0, len(kinds), 12)]
    base = tables_from_records(records)
    added = [l1(base, tables_from_records(records + [k])) for k in kinds]
    removed = [l1(base, tables_from_records(records[:i] + records[i + 1:])) for i in range(len(records))]
    assert max(added + removed) == 3  # the Δ of section 6 and the 3/ε of exercise 7
    assert "3/ε" in _markdown(cells, "### Exercise 7")


def test_exercise_12_asks_what_section_6_teaches(cells):
    prompt = _markdown(cells, "### Exercise 12")
    model = cells["ex06_12_written"].source
    assert "one release" in prompt and "Δ = 3" in prompt
    for text in (prompt, model):
        assert not re.search(r"split\w*[^.]*between\s+(the\s+)?tables", text), text[:200]
        assert "most-used table" not in text


def test_teaching_loops_over_learner_code_are_bounded(cells, capsys):
    from academy.exercises.m06 import teaching

    loops = [c.source for c in cells.values() if c.kind == "code" and not c.grade_id and "reconstruct(" in c.source]
    assert loops and all("ex.teaching.at_most(" in source for source in loops)
    done = []
    with teaching.at_most(0.2, "a demonstration"):
        for step in itertools.count():
            done.append(step)
    assert done and "Stopped a demonstration" in capsys.readouterr().out
