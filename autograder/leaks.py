"""What must never reach a learner: solutions, hidden tests, model answers, plain answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from autograder import course

MARKERS = re.compile(r"BEGIN (SOLUTION|HIDDEN TESTS)|END (SOLUTION|HIDDEN TESTS)")


def _secret_and_public(module: str, kinds: str) -> tuple[set[str], set[str]]:
    wanted = rf"### BEGIN (?:{kinds})\n(.*?)### END (?:{kinds})"
    secret, public = set(), set()
    for path in course.source_notebooks(module):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for region in re.findall(wanted, source, re.S):
                secret.update(line.strip() for line in region.splitlines())
            public.update(line.strip() for line in re.sub(_REGION, "", source, flags=re.S).splitlines())
    return secret, public


def solution_lines(module: str | list[str], kinds: str = "SOLUTION|HIDDEN TESTS") -> set[str]:
    """Distinctive lines of the source's solution and hidden-test regions (or just ``kinds``).

    ``module`` may be a list: then a line counts only if no listed module shows it openly,
    because a site or package holding several modules shows every module's public lines.
    """
    secret, public = set(), set()
    for name in [module] if isinstance(module, str) else module:
        s, p = _secret_and_public(name, kinds)
        secret |= s
        public |= p
    # Short or generic lines (return x, pass) say nothing about the answer; lines the
    # learner sees elsewhere in the notebook are not secret either.
    return {line for line in secret - public if len(line) >= 25 and not line.startswith("#")}


_REGION = r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END (?:SOLUTION|HIDDEN TESTS)"


def leaks_in_text(text: str, lines: set[str], where: str, markers: bool = True) -> list[str]:
    problems = []
    if markers and MARKERS.search(text):
        problems.append(f"{where}: contains a solution or hidden-test marker")
    for line in lines:
        if line in text or json.dumps(line)[1:-1] in text:
            problems.append(f"{where}: contains the solution line {line[:60]!r}")
    return problems


def leaks_in_release(module: str) -> list[str]:
    release = course.course_root() / "release" / module
    lines = solution_lines(module)
    problems = []
    for path in sorted(release.rglob("*")):
        if path.is_file():
            problems += leaks_in_text(path.read_text(encoding="utf-8", errors="replace"), lines, str(path))
    return problems


def leaks_in_package(package_dir: Path, modules: list[str]) -> list[str]:
    """Scan an installed (or built) package tree for notebooks, markers and solution lines."""
    lines = solution_lines(modules) if modules else set()
    problems = []
    for path in sorted(package_dir.rglob("*")):
        if not path.is_file() or path.suffix in {".pyc", ".parquet"}:
            continue
        if path.suffix == ".ipynb":
            problems.append(f"{path}: a notebook inside the package")
            continue
        # The package's own tooling names the markers; only solution lines count there.
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += leaks_in_text(text, lines, str(path), markers=False)
    return problems
