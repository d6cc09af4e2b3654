"""Every exercise of a module against its cases: the reference, its stub, each fixture.

A case records the check's outcome and feedback and whether the exercise's test cell (the
visible check again plus the hidden tests, run as under the grader) passes. For a fixture,
every exercise is evaluated, so that a mistake in one exercise costing points in another shows
up; an exercise whose inputs are the reference's own objects reuses the reference result.
"""

from __future__ import annotations

import contextlib
import io
import os
import time

from academy.exercises.core import TooSlow, time_limit
from autograder.fingerprints import notebook
from autograder.fingerprints.workbench import TEST_SECONDS, Workbench


def _run_test(bench: Workbench, exercise, ns: dict) -> tuple[bool, str]:
    """Run the exercise's test cell as nbgrader would score it: no exception and nothing on stderr."""
    cell = bench.tests.get(exercise.id)
    if cell is None:
        return False, "no test cell"
    scope, err = dict(ns), io.StringIO()
    saved = os.environ.get("NBGRADER_EXECUTION")
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err), time_limit(TEST_SECONDS) as limit:
            exec(compile(cell.source, f"<{cell.grade_id}>", "exec"), scope)
    except TooSlow as slow:
        if slow is not limit:
            raise
        return False, f"took more than {TEST_SECONDS} s"
    except BaseException as error:  # an assertion, NotYet, or the learner's code failing
        return False, f"{type(error).__name__}: {str(error)[:300]}"
    finally:
        if saved is None:
            os.environ.pop("NBGRADER_EXECUTION", None)
        else:
            os.environ["NBGRADER_EXECUTION"] = saved
    if err.getvalue():
        return False, "wrote to stderr: " + err.getvalue()[:200]
    return True, ""


def _case(bench, exercise, ns, case: str, errors: dict) -> dict:
    started = time.monotonic()
    result = exercise.evaluate(ns)
    passed, detail = _run_test(bench, exercise, ns)
    return {"exercise": exercise.id, "name": exercise.name, "case": case, "outcome": result.outcome.value,
            "feedback": result.message, "test_passed": passed, "test_detail": detail,
            "answer_errors": errors, "seconds": round(time.monotonic() - started, 2)}


def _inputs(bench: Workbench, exercise) -> set[str]:
    cell = bench.tests.get(exercise.id)
    return set(exercise.names) | (notebook.names_used(cell.source) if cell else set())


def evaluate(bench: Workbench) -> list[dict]:
    out, reference = [], {}
    for exercise in bench.exercises:
        reference[exercise.id] = _case(bench, exercise, bench.reference, "reference", {})
        out.append(reference[exercise.id])
        ns, errors = bench.stub(exercise)
        out.append(_case(bench, exercise, ns, "stub", errors))
    for name in bench.fixtures:
        ns, errors = bench.fixture(name)
        for exercise in bench.exercises:
            same = all(ns.get(n, bench) is bench.reference.get(n, bench) for n in _inputs(bench, exercise))
            if same:
                out.append({**reference[exercise.id], "case": name, "reused": True})
            else:
                out.append(_case(bench, exercise, ns, name, errors))
    return out
