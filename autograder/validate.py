"""Validate: every source passes its own tests; every released stub fails them; nothing leaks.

Execution and pass/fail are nbgrader's own ``Validator`` (what ``nbgrader validate`` runs):
on the source with ``validate_all`` (an error in any code cell is a bug in the source), on the
released stub with ``invert`` (a test that passes there gives nothing to do).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from nbgrader.validator import Validator

from autograder import course, lint, notebooks, release
from autograder.leaks import leaks_in_release


@dataclass
class Report:
    module: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    tests: int = 0


def run_validator(path, **settings) -> dict:
    """nbgrader's Validator on ``path`` (checksums ignored); its result dict."""
    saved = dict(os.environ)
    os.environ.update(MPLBACKEND="Agg", PYTHONWARNINGS="ignore")  # the kernel inherits these
    try:
        return Validator(config=course.load_config(), ignore_checksums=True, **settings).validate(str(path))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def validate_module(module: str) -> Report:
    report = Report(module)
    start = time.perf_counter()
    release.release([module])
    report.problems += leaks_in_release(module)
    for source in course.source_notebooks(module):
        report.problems += [f"{source.name}: {p}" for p in lint.lint(source)]
        report.tests += len(notebooks.graded_tests(notebooks.read(source)))
        for cell in run_validator(source, validate_all=True).get("failed", []):
            first = cell["source"].splitlines()[0][:60] if cell["source"] else "(empty cell)"
            report.problems.append(f"{source.name}: source fails at {first!r}: {cell['raw_error'].strip()[-300:]}")
        released = course.course_root() / "release" / module / source.name
        for cell in run_validator(released, invert=True).get("passed", []):
            report.problems.append(f"{released.name}: released stub passes {cell['source'].splitlines()[0][:60]!r}")
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
