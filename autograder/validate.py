"""Validate: every source passes its own tests; every released stub fails them; nothing leaks."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from autograder import course, execute, lint, notebooks, release
from autograder.leaks import leaks_in_release


@dataclass
class Report:
    module: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    tests: int = 0


def validate_module(module: str) -> Report:
    report = Report(module)
    start = time.perf_counter()
    release.release([module])
    report.problems += leaks_in_release(module)
    for source in course.source_notebooks(module):
        report.problems += [f"{source.name}: {p}" for p in lint.lint(source)]
        cwd = source.parent
        done = execute.run(notebooks.read(source), cwd=cwd)
        results = execute.scores(done)
        report.tests += len(results)
        report.problems += [f"{source.name}: source fails {s.grade_id}: {s.error}" for s in results if not s.passed]
        report.problems += [f"{source.name}: {e}" for e in execute.errors_outside_tests(done)]
        released = course.course_root() / "release" / module / source.name
        stub = execute.run(notebooks.read(released), cwd=released.parent)
        report.problems += [
            f"{released.name}: released stub passes {s.grade_id}" for s in execute.scores(stub) if s.passed
        ]
    report.seconds = time.perf_counter() - start
    return report


def validate(modules: list[str]) -> bool:
    ok = True
    for module in modules:
        report = validate_module(module)
        status = "ok" if not report.problems else "FAILED"
        print(f"{module}: {status} ({report.tests} test cells, {report.seconds:.0f} s)")
        for problem in report.problems:
            print(f"  - {problem}")
        ok = ok and not report.problems
    return ok
