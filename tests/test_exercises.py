"""The exercise framework: three outcomes, feedback that never reveals the answer, no stderr."""

import io
import contextlib

import pandas as pd
import pytest

from academy import mode
from academy.exercises import Exercise, Outcome
from academy.exercises.checks import Behaves, Calls, Columns, Has, IsA, Matches, Rows
from academy.exercises.fingerprints import fingerprint, matches

SECRET = 273.5


def number_exercise():
    return Exercise(
        "ex99_01",
        "A count",
        ("answer",),
        [
            IsA("answer", "number"),
            Has("answer", lambda v: v >= 0, "A count cannot be negative."),
            Matches(
                "answer",
                fingerprint(SECRET, "ex99_01", 0.5),
                mistakes=[(fingerprint(SECRET / 10, "ex99_01", 0.05), "Looks like a percentage, not a count.")],
            ),
        ],
        hints=["Think about the base.", "Multiply the share by the base."],
    )


def function_exercise():
    return Exercise(
        "ex99_02",
        "Add",
        ("add",),
        [
            IsA("add", "function"),
            Calls("add", (2, 3), fingerprint(5, "ex99_02")),
            Behaves("add", lambda f: None if f(-1, 1) == 0 else "It should handle negative numbers."),
        ],
    )


@pytest.mark.parametrize(
    "namespace, outcome",
    [
        ({}, Outcome.NOT_ATTEMPTED),
        ({"answer": ...}, Outcome.NOT_ATTEMPTED),
        ({"answer": "273.5"}, Outcome.INCORRECT),
        ({"answer": -1}, Outcome.INCORRECT),
        ({"answer": 100}, Outcome.INCORRECT),
        ({"answer": SECRET}, Outcome.CORRECT),
        ({"answer": SECRET + 0.3}, Outcome.CORRECT),  # within tolerance
        ({"answer": int(SECRET)}, Outcome.CORRECT),
    ],
)
def test_outcomes_for_values(namespace, outcome):
    assert number_exercise().evaluate(namespace).outcome is outcome


def test_known_mistake_gets_its_own_feedback():
    result = number_exercise().evaluate({"answer": SECRET / 10})
    assert result.outcome is Outcome.INCORRECT and "percentage" in result.message


def stub(*args):
    raise NotImplementedError()


@pytest.mark.parametrize(
    "func, outcome",
    [
        (stub, Outcome.NOT_ATTEMPTED),
        (lambda a, b: a + b, Outcome.CORRECT),
        (lambda a, b: a - b, Outcome.INCORRECT),
        (lambda a, b: None, Outcome.INCORRECT),
        (lambda a, b: 1 / 0, Outcome.INCORRECT),
        (lambda a, b: 5, Outcome.INCORRECT),  # hard-coded visible case fails the property check
        (42, Outcome.INCORRECT),
    ],
)
def test_outcomes_for_functions(func, outcome):
    assert function_exercise().evaluate({"add": func}).outcome is outcome


def test_messages_never_contain_the_expected_value():
    ex = number_exercise()
    for wrong in (0, 100, 272, 1e9, "x", SECRET / 10):
        message = ex.evaluate({"answer": wrong}).message
        assert "273" not in message and "27.3" not in message


def test_checks_write_nothing_to_stderr():
    def noisy(a, b):
        import sys
        import warnings

        warnings.warn("careful")
        print("oops", file=sys.stderr)
        return a + b

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        function_exercise().check({"add": noisy})
        function_exercise().check({"add": stub})
    assert err.getvalue() == ""


def test_grade_raises_under_the_grader_and_passes_when_correct(capsys, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    ex = number_exercise()
    with pytest.raises(AssertionError, match="Not yet"):
        ex.grade({"answer": 1})
    with pytest.raises(AssertionError, match="Not attempted"):
        ex.grade({})
    ex.grade({"answer": SECRET})
    assert "Correct" in capsys.readouterr().out


def test_grade_only_prints_for_a_learner(capsys, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    number_exercise().grade({"answer": 1})  # Run All must not stop here
    out = capsys.readouterr().out
    assert "Not yet" in out and "scores zero" in out


def test_grade_failure_renders_without_a_traceback(monkeypatch):
    from academy.exercises.core import NotYet

    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(NotYet) as caught:
        number_exercise().grade({"answer": 1})
    assert caught.value._render_traceback_()[0].startswith("✘ Not yet")


def test_check_reads_the_callers_namespace(capsys):
    notebook = {"ex": number_exercise(), "answer": SECRET}  # a notebook's globals
    exec("ex.check()", notebook)
    assert "Correct" in capsys.readouterr().out
    exec("answer = 1\nex.check()", notebook)
    assert "Not yet" in capsys.readouterr().out


def test_hints_are_graduated(capsys):
    ex = number_exercise()
    ex.hint()
    ex.hint()
    ex.hint()
    out = capsys.readouterr().out
    assert out.index("Think about the base") < out.index("Multiply")
    assert "hint 2 of 2" in out
    ex.hint(1)
    assert "Think about the base" in capsys.readouterr().out


def test_solution_refused_in_graded_mode(monkeypatch, capsys):
    monkeypatch.setenv("ACADEMY_MODE", "graded")
    number_exercise().solution()
    assert "not available while this course is graded" in capsys.readouterr().out
    monkeypatch.setenv("ACADEMY_MODE", "self-paced")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert mode.current() == mode.GRADED


def test_frame_fingerprint_ignores_order_index_and_dtype():
    df = pd.DataFrame({"area": ["a", "b", "c"], "share": [0.1, 0.25, 0.5]})
    spec = fingerprint(df, "s", 1e-3)
    shuffled = df[["share", "area"]].iloc[[2, 0, 1]].set_index(pd.Index([7, 8, 9]))
    assert matches(shuffled, spec, "s")
    assert matches(df.astype({"share": "float32"}), spec, "s")
    assert not matches(df.assign(share=[0.1, 0.25, 0.6]), spec, "s")
    assert not matches(df.iloc[:2], spec, "s")


def test_table_shape_checks():
    ex = Exercise("ex99_03", "Table", ("t",), [IsA("t", "frame"), Columns("t", ["a", "b"]), Rows("t", 2, "area")])
    assert ex.evaluate({"t": pd.DataFrame({"a": [1, 2]})}).outcome is Outcome.INCORRECT
    assert "missing" in ex.evaluate({"t": pd.DataFrame({"a": [1, 2]})}).message
    assert "one row per area" in ex.evaluate({"t": pd.DataFrame({"a": [1], "b": [2]})}).message
    assert ex.evaluate({"t": pd.DataFrame({"b": [1, 2], "a": [3, 4]})}).correct


def test_endless_loop_ends_in_feedback():
    def forever(a, b):
        while True:
            try:
                pass
            except Exception:  # a learner's catch-all must not swallow the time limit
                pass

    ex = function_exercise()
    ex.time_limit = 0.5
    result = ex.evaluate({"add": forever})
    assert result.outcome is Outcome.INCORRECT and "longer than" in result.message


def test_table_fingerprint_tolerates_float_noise_and_order():
    from academy.exercises.fingerprints import table_fingerprint

    df = pd.DataFrame({"area": ["b", "a", "c"], "rate": [0.1234567, 0.5, 0.75], "n": [3, 4, None]})
    spec = table_fingerprint(df, ["area"], "s", step=1e-4)
    noisy = df.assign(rate=df["rate"] + 3e-6)[["rate", "n", "area"]].iloc[[2, 0, 1]].reset_index(drop=True)
    assert matches(noisy, spec, "s")
    assert matches(df.astype({"n": "Int64"}), spec, "s")
    assert not matches(df.assign(rate=[0.1234567, 0.5, 0.8]), spec, "s")
    assert not matches(df.assign(area=["b", "a", "d"]), spec, "s")
    assert not matches(df.drop(columns="n"), spec, "s")
