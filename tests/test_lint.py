"""The metadata lint catches what modules/README.md forbids."""

from autograder import lint, notebooks as N


def _lint(tmp_path, cells):
    path = tmp_path / "nb.ipynb"
    N.write(N.new([N.locked_markdown("front_matter", "# T"), N.locked_code("setup", "import math"), *cells,
                   N.locked_markdown("key_points", "## Key points")]), path)
    return lint.lint(path)


GOOD = [N.answer("ex99_01_answer", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION"),
        N.tests("ex99_01_tests", "assert x == 1\n### BEGIN HIDDEN TESTS\nassert x\n### END HIDDEN TESTS", 1)]


def test_a_well_formed_notebook_passes(tmp_path):
    assert _lint(tmp_path, GOOD) == []


def test_undescriptive_grade_id_is_caught(tmp_path):
    bad = [N.answer("answer1", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION"), GOOD[1]]
    assert any("not descriptive" in p for p in _lint(tmp_path, bad))


def test_written_answer_holding_its_question_is_caught(tmp_path):
    written = N.written("ex99_02_written", "Why?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION", 1)
    assert any("holds more than its solution region" in p for p in _lint(tmp_path, [*GOOD, written]))


def test_test_cell_without_hidden_tests_is_caught(tmp_path):
    shallow = [GOOD[0], N.tests("ex99_01_tests", "assert x == 1", 1)]
    assert any("no hidden tests" in p for p in _lint(tmp_path, shallow))
