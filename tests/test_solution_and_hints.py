"""A learner's help: a worked solution shows the whole answer cell; hints say how many there are."""

import pytest

from academy.exercises import m01


def test_solution_prints_the_def_line_and_body(monkeypatch, capsys):
    monkeypatch.setenv("ACADEMY_MODE", "self-paced")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    m01.q1.solution()
    shown = capsys.readouterr().out
    assert "def count_from_share(percent, n):" in shown
    assert "return " in shown and "### BEGIN SOLUTION" not in shown and "### END SOLUTION" not in shown


@pytest.mark.parametrize("asked", [0, 4, 99])
def test_a_hint_beyond_the_last_says_how_many_there_are(capsys, asked):
    count = len(m01.q1.hints)
    assert count == 3
    m01.q1.hint(asked)
    shown = capsys.readouterr().out
    assert f"only {count} hints" in shown
    assert not any(h in shown for h in m01.q1.hints)  # no hint silently repeated


def test_hints_in_range_are_numbered(capsys):
    m01.q1.hint(3)
    assert "hint 3 of 3" in capsys.readouterr().out
