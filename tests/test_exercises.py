"""The exercise framework: three outcomes, feedback that never reveals the answer, no stderr."""

import io
import contextlib

import pandas as pd
import pytest

from academy import mode
from academy.exercises import Exercise, Outcome
from academy.exercises.core import Wrong
from academy.exercises.checks import Behaves, Calls, Columns, Has, IsA, Matches, Rows
from academy.exercises.fingerprints import fingerprint, matches

SECRET = 273.5

# What `academy fingerprints` would write for the two test exercises of a module "99".
STORE_99 = {"exercises": {
    "count": {"value": {"expected": fingerprint(SECRET, "99/count/value", 0.5),
                        "mistakes": {"wrong-percent": fingerprint(SECRET / 10, "99/count/value", 0.5)}}},
    "add": {"visible": {"expected": fingerprint(5, "99/add/visible"), "mistakes": {}}},
}}


@pytest.fixture(autouse=True)
def module_99(monkeypatch):
    from academy.exercises import fingerprints as stored_fingerprints

    monkeypatch.setattr(stored_fingerprints, "stored", lambda module: STORE_99 if module == "99" else {})


def number_exercise():
    return Exercise(
        "ex99_01",
        "A count",
        ("answer",),
        [
            IsA("answer", "number"),
            Has("answer", lambda v: v >= 0, "A count cannot be negative."),
            Matches("answer", key="value", step=0.5, mistakes={"wrong-percent": "Looks like a percentage, not a count."}),
        ],
        hints=["Think about the base.", "Multiply the share by the base."],
        name="count",
    )


def _handles_negatives(f):
    if f(-1, 1) != 0:
        raise Wrong("It should handle negative numbers.")


def function_exercise():
    return Exercise(
        "ex99_02",
        "Add",
        ("add",),
        [IsA("add", "function"), Calls("add", (2, 3), key="visible"), Behaves("add", _handles_negatives)],
        name="add",
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


def test_a_name_an_earlier_step_makes_sends_the_learner_to_that_step():
    from academy.exercises.core import Exercise

    exercise = Exercise(id="ex99_02", title="t", names=("brief", "total"), checks=[],
                        from_earlier={"total": "the cell after exercise 1"})
    made_earlier = exercise.evaluate({"brief": 1})
    assert made_earlier.outcome is Outcome.NOT_ATTEMPTED and "the cell after exercise 1" in made_earlier.message
    assert "cell above" not in made_earlier.message
    own = exercise.evaluate({"total": 1})
    assert own.outcome is Outcome.NOT_ATTEMPTED and "cell above" in own.message


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


# ----------------------------------------------------------------------------- the package layout
import ast
import json
import re
from pathlib import Path

from academy.exercises import core, fingerprints as fp_module
from academy.exercises.checks import KnownMistakes, call_learner
from academy.exercises.core import FingerprintMissing, TooSlow, Wrong, time_limit

PACKAGE = Path(core.__file__).parent
CONVERTED = sorted(p.name for p in PACKAGE.glob("m[0-9][0-9]") if (p / "__init__.py").is_file())


def stored_exercise(monkeypatch, store):
    """A new-style exercise (module 99, name 'share') whose fingerprints.json is ``store``."""
    monkeypatch.setattr(fp_module, "stored", lambda module: store if module == "99" else {})
    return Exercise(
        "ex99_04", "A share", ("share",),
        [IsA("share", "number"),
         Matches("share", key="value", step=0.005, mistakes={"wrong-percent": "That looks like a percentage."})],
        name="share",
    )


def store_for(values: dict) -> dict:
    salt = "99/share/value"
    return {"exercises": {"share": {"value": {
        "expected": fingerprint(values["right"], salt, 0.005),
        "mistakes": {"wrong-percent": fingerprint(values["percent"], salt, 0.005)}}}}}


def test_new_checks_read_the_generated_store(monkeypatch):
    ex = stored_exercise(monkeypatch, store_for({"right": 0.42, "percent": 42.0}))
    assert ex.evaluate({"share": 0.421}).correct
    wrong = ex.evaluate({"share": 42.0})
    assert wrong.outcome is Outcome.INCORRECT and "percentage" in wrong.message
    assert ex.evaluate({"share": 0.5}).outcome is Outcome.INCORRECT


def test_salts_come_from_the_name_not_the_position(monkeypatch):
    store = store_for({"right": 0.42, "percent": 42.0})
    first = stored_exercise(monkeypatch, store)
    renumbered = Exercise("ex99_07", "A share", ("share",), first.checks, name="share")
    assert renumbered.salt_for("value") == first.salt_for("value") == "99/share/value"
    assert renumbered.evaluate({"share": 0.42}).correct  # no override needed after renumbering


def test_a_missing_fingerprint_is_an_instructor_problem_not_a_learner_one(monkeypatch):
    ex = stored_exercise(monkeypatch, {})
    result = ex.evaluate({"share": 0.42})
    assert result.outcome is Outcome.INCORRECT and "tell your instructor" in result.message


def test_pasted_fingerprints_and_returned_feedback_are_refused():
    with pytest.raises(TypeError, match="generated, not pasted"):
        Matches("x", fingerprint(1, "s"))
    ex = Exercise("ex99_09", "Old", ("f",), [Behaves("f", lambda f: "feedback as text")])
    assert "raise Wrong" in ex.evaluate({"f": len}).message


def test_fingerprinted_checks_need_distinct_keys():
    with pytest.raises(ValueError, match="share a key"):
        Exercise("ex99_05", "Two", ("f",), [Calls("f", (1,), key="k"), Calls("f", (2,), key="k")], name="two")


def test_known_mistakes_pass_anything_unknown(monkeypatch):
    salt = "99/draws/runs"
    monkeypatch.setattr(fp_module, "stored", lambda m: {"exercises": {"draws": {"runs": {
        "mistakes": {"wrong-few": fingerprint([1.0, 2.0], salt, 0.01)}}}}})
    ex = Exercise("ex99_06", "Draws", ("d",), [KnownMistakes("d", key="runs", step=0.01, mistakes={"wrong-few": "Too few runs."})], name="draws")
    assert ex.evaluate({"d": [1.5, 2.5]}).correct
    assert ex.evaluate({"d": [1.0, 2.0]}).message == "Too few runs."


def test_behaves_speaks_by_raising():
    def rule(func):
        if func(2) != 4:
            raise Wrong("Doubling is the rule.")

    ex = Exercise("ex99_08", "Double", ("f",), [Behaves("f", rule)])
    assert ex.evaluate({"f": lambda x: 2 * x}).correct
    assert ex.evaluate({"f": lambda x: x + 1}).message == "Doubling is the rule."


def test_call_learner_limits_time_and_keeps_an_outer_limit():
    def slow():
        while True:
            pass

    with time_limit(5) as outer:
        with pytest.raises(Wrong, match="too slow here"):
            call_learner(slow, "slow", seconds=0.2, too_slow="too slow here")
    with pytest.raises(TooSlow) as caught:
        with time_limit(0.3) as outer:
            with time_limit(10):
                slow()
    assert caught.value is outer  # the outer limit still fires, and says it was its own


def test_call_learner_reads_the_stub_as_not_attempted():
    from academy.exercises.core import NotAttempted

    with pytest.raises(NotAttempted):
        call_learner(stub, "f", seconds=1)


def test_stand_ins_hold_for_the_block_and_the_learners_own_come_back():
    from academy.exercises.standins import Alone, replaced

    ns = {}
    exec("def earlier(x):\n    return 'mine'\ndef later(x):\n    return earlier(x)\n", ns)
    later, stand_ins = ns["later"], {"earlier": lambda x: "stand-in", "unused": len}
    with replaced(later, stand_ins):
        assert later(1) == "stand-in"
    assert later(1) == "mine" and "unused" not in ns
    with pytest.raises(TooSlow):  # a time-out inside the block puts the learner's own back too
        with replaced(later, stand_ins), time_limit(0.2):
            while True:
                pass
    assert later(1) == "mine"

    def check(values, salt=None):
        if values["later"](1) != "stand-in":
            raise Wrong("the earlier answer leaked in")

    check.key = "k"
    alone = Alone("later", stand_ins, check)
    alone({"later": later})
    assert alone.key == "k" and later(1) == "mine"
    with pytest.raises(Wrong):
        check({"later": later})


# ----------------------------------------------------------------------------- the generator's parts
def test_stub_keeps_the_indentation_of_the_solution():
    from autograder.fingerprints.notebook import stub_of

    src = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\n"
    namespace = {}
    exec(stub_of(src), namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](1)


def test_drift_names_the_exercise_and_the_check():
    from autograder.fingerprints.observe import drift

    old = {"exercises": {"share": {"value": {"expected": {"d": "a"}, "mistakes": {"wrong-x": {"d": "b"}}}}}}
    new = json.loads(json.dumps(old))
    new["exercises"]["share"]["value"]["mistakes"]["wrong-x"]["d"] = "c"
    assert drift(old, old, {"share": "ex99_04"}) == []
    assert drift(old, new, {"share": "ex99_04"}) == ["ex99_04 (share) check 'value': the mistake from fixture wrong-x drifted"]


def test_module_totals_follow_from_per_exercise_expectations():
    from autograder.fingerprints.fixtures import expected_score

    points = {"ex99_01": 2.0, "ex99_02": 3.0, "ex99_03": 1.0}
    assert expected_score({"expect": {}}, points) == 6
    assert expected_score({"expect": {"ex99_02": {"outcome": "incorrect"}}}, points) == 3
    assert expected_score({"expect": {"ex99_02": {"outcome": "incorrect", "points": 1}}}, points) == 4
    assert expected_score({"expected_score": 5}, points) == 5  # a module not yet converted


# ----------------------------------------------------------------------------- every converted package
def _feedback_strings(path: Path) -> list[str]:
    """Sentences a file's checks can show a learner: string literals, minus hints, docstrings and ids."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("hints", "id", "name", "title", "key"):
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            skip.add(id(node.body[0].value))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if len(text.split()) >= 4:
            found.append(text)
    return found


class CODE_IN_BACKTICKS:
    """A code span (`...`, paired left to right) holding code rather than a name: calls with
    arguments, assignments, operators, indexing."""

    CODE = re.compile(r"\([^)]|=|//|\[|\+|\*")

    @classmethod
    def search(cls, text: str) -> bool:
        return any(cls.CODE.search(span) for span in re.findall(r"`([^`]*)`", text))
TARGET_VALUE = re.compile(r"(Δ|ε|\bb)\s*=\s*\d")


@pytest.mark.parametrize("package", CONVERTED)
def test_feedback_never_hands_over_code_or_a_target_value(package):
    """Feedback says what is wrong and how to think about it; the code is left to the learner and the last hint."""
    problems = []
    for path in sorted((PACKAGE / package).glob("*.py")):
        if path.name in ("teaching.py", "__init__.py"):
            continue
        for text in _feedback_strings(path):
            if CODE_IN_BACKTICKS.search(text) or TARGET_VALUE.search(text):
                problems.append(f"{path.name}: {text[:100]!r}")
    assert problems == []


def test_the_feedback_rule_catches_what_it_should():
    assert CODE_IN_BACKTICKS.search("Use `max(0, ...)` instead.")
    assert CODE_IN_BACKTICKS.search("give it `bounds=(0, upper)`")
    assert CODE_IN_BACKTICKS.search("Use true division `/`, not floor division `//`.")
    assert TARGET_VALUE.search("one person can change three counts: Δ = 3 for the release.")
    assert not CODE_IN_BACKTICKS.search("`remaining()` returned None. Did you forget `return`?")
    assert not CODE_IN_BACKTICKS.search("`f` changed the array (in place). Leave `values` as it was.")


@pytest.mark.parametrize("package", CONVERTED)
def test_package_files_are_small_and_one_exercise_each(package):
    folder = PACKAGE / package
    for path in folder.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 300, path.name
    module = __import__(f"academy.exercises.{package}", fromlist=["__all__"])
    exercises = [getattr(module, n) for n in module.__all__ if re.fullmatch(r"q\d+", n)]
    files = sorted(folder.glob("q[0-9][0-9]_*.py"))
    assert len(files) == len(exercises)
    for ex in exercises:
        assert ex.name, f"{ex.id} needs a stable name"
        assert (folder / f"q{int(ex.id[-2:]):02d}_{ex.name}.py").is_file(), f"{ex.id}: file should be q{ex.id[-2:]}_{ex.name}.py"
        assert ex.id.startswith(f"ex{package[1:]}_")
    assert (folder / "fingerprints.json").is_file(), "run `academy fingerprints` for this module"


def test_exercise_framework_files_are_under_300_lines():
    for path in PACKAGE.glob("*.py"):
        if not re.fullmatch(r"m\d\d\.py", path.name):  # legacy single-file modules are being split
            assert len(path.read_text(encoding="utf-8").splitlines()) < 300, path.name


@pytest.mark.parametrize("package", CONVERTED)
def test_hidden_tests_use_no_private_helper_of_the_exercise_package(package):
    """A hidden test builds its own inputs (a reference implementation may sit in it); it never
    reaches into the package's private helpers, which may change with the visible checks."""
    from autograder.fingerprints import notebook

    module = next(m for m in notebook.all_modules() if m.startswith(package[1:] + "-"))
    for cell in notebook.cells(module):
        if cell.grade_id.endswith("_tests"):
            assert not re.search(r"\bex\.(\w+\.)*_[a-z]", cell.source), f"{cell.grade_id} calls a private helper"
            assert "academy.exercises.m" not in cell.source, f"{cell.grade_id} imports the exercise package"


@pytest.mark.parametrize("package", CONVERTED)
def test_converted_packages_use_one_protocol_and_no_legacy(package):
    """Checks raise Wrong/NotAttempted (no returned feedback strings), fingerprints come from
    fingerprints.json (pasted specs are refused when the check is built)."""
    module = __import__(f"academy.exercises.{package}", fromlist=["__all__"])
    for name in module.__all__:
        ex = getattr(module, name)
        if not re.fullmatch(r"q\d+", name):
            continue
        assert ex.name, f"{ex.id}: salts come from the name"
    for path in (PACKAGE / package).glob("q[0-9][0-9]_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tests = {call.args[1].id for call in ast.walk(tree) if isinstance(call, ast.Call)
                 and getattr(call.func, "id", "") == "Behaves" and len(call.args) > 1 and isinstance(call.args[1], ast.Name)}
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef) and func.name in tests:
                for node in ast.walk(func):
                    if isinstance(node, ast.Return) and isinstance(node.value, (ast.JoinedStr, ast.Constant)) \
                            and isinstance(getattr(node.value, "value", ""), str):
                        pytest.fail(f"{path.name}:{node.lineno}: a Behaves test returns feedback; raise Wrong(...) instead")


def test_academy_exercise_names_every_part_of_module_06_exercise_3():
    from autograder.fingerprints import locate

    text = "\n".join(locate.describe("06", 3))
    for part in ("prompt      cell", "grade id ex06_03_answer", "grade id ex06_03_check",
                 "grade id ex06_03_tests (3 points), hidden tests inside",
                 "academy/exercises/m06/q03_reconstruct.py", "[reconstruct] how_many",
                 "wrong-gaussian-and-first-match", "-k ex06_03"):
        assert part in text, part


@pytest.mark.parametrize("package", CONVERTED)
def test_academy_exercise_finds_every_exercise(package):
    """Every exercise's prompt, test cell and file are found (the under-a-minute promise)."""
    from autograder.fingerprints import locate

    module = __import__(f"academy.exercises.{package}", fromlist=["__all__"])
    root = PACKAGE.parents[1]
    for name in module.__all__:
        if not re.fullmatch(r"q\d+", name):
            continue
        lines = locate.describe(package[1:], int(name[1:]))
        assert any(line.strip().startswith("prompt") for line in lines), f"{name}: no prompt cell right before the answer"
        assert any("_tests" in line for line in lines)
        exercise_file = next(line.split()[2] for line in lines if line.startswith("exercise file"))
        assert (root / exercise_file).is_file(), exercise_file
