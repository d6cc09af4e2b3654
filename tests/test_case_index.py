"""The README's case index: every case of the reference's case list is taught in a module.

Each row names a case, the exercises whose sections teach it, and the phrases the notebooks use
for it. A phrase counts when it appears both in the front matter of the exercise's module and in
the exercise's own section (see ``sections``).
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASE_LIST = ROOT / "tests" / "fixtures" / "reference_cases.txt"
REFERENCE = ROOT.parent / "shared" / "reference" / "cases.md"
EXERCISE_CELL = re.compile(r"(ex\d\d_\d\d)_")
HIDDEN = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", re.S)


def reference_cases() -> list[str]:
    return [line for line in CASE_LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def case_index() -> list[dict]:
    """Rows of the README's "Case index" table: case, module links, exercise ids, phrases."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Case index\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in {"case", "---"}:
            rows.append({"case": cells[0], "modules": re.findall(r"\]\(modules/([^/)]+)/?\)", cells[1]),
                         "exercises": [e.strip() for e in cells[2].split(",")],
                         "phrases": [p.strip() for p in cells[3].split(";")]})
    return rows


def _cells(module: str) -> list[dict]:
    return json.loads((ROOT / "modules" / module / f"{module}.ipynb").read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def _plain(text: str) -> str:
    """Text as read: emphasis marks dropped and line breaks as spaces, so a name may wrap or be bold."""
    return re.sub(r"\s+", " ", text.replace("*", ""))


def _grade_id(cell: dict) -> str:
    return (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id", "")


def sections(module: str) -> tuple[str, dict[str, str]]:
    """(front matter, {exercise id: what a learner reads in its section}) of a module's source notebook.

    An exercise's section is every cell after the previous cell of another exercise up to each of its
    own cells (an exercise with a written part after its test has two stretches), without the
    solution and hidden-test regions a learner never sees.
    """
    front, found, pending = "", {}, []
    for cell in _cells(module):
        gid = _grade_id(cell)
        text = _plain(HIDDEN.sub("", _text(cell)))
        if gid == "front_matter":
            front, pending = text, []
            continue
        pending.append(text)
        match = EXERCISE_CELL.match(gid)
        if match:
            found[match.group(1)] = found.get(match.group(1), "") + "\n".join(pending)
            pending = []
    return front, found


def problems_in(rows: list[dict]) -> list[str]:
    modules = {p.name[:2]: p.name for p in (ROOT / "modules").iterdir() if re.match(r"\d\d-", p.name)}
    problems = []
    for row in rows:
        where = row["case"]
        numbers = sorted({e[2:4] for e in row["exercises"]})
        if sorted(modules.get(n, n) for n in numbers) != sorted(row["modules"]):
            problems.append(f"{where}: the module column {row['modules']} does not match the exercises {row['exercises']}")
            continue
        parsed = {n: sections(modules[n]) for n in numbers}
        for exercise in row["exercises"]:
            if exercise not in parsed[exercise[2:4]][1]:
                problems.append(f"{where}: {exercise} is not an exercise of module {exercise[2:4]}")
        for phrase in row["phrases"]:
            if not any(phrase in parsed[e[2:4]][0] and phrase in parsed[e[2:4]][1].get(e, "") for e in row["exercises"]):
                problems.append(f"{where}: no listed exercise's section and module front matter both name {phrase!r}")
    return problems


def test_every_reference_case_has_one_row_in_the_case_index():
    listed = [row["case"] for row in case_index()]
    assert len(listed) == len(set(listed)), "a case has two rows"
    assert set(listed) == set(reference_cases()), (
        f"missing: {sorted(set(reference_cases()) - set(listed))}; unknown: {sorted(set(listed) - set(reference_cases()))}")


def test_every_row_is_taught_where_the_index_says():
    assert problems_in(case_index()) == []


def test_a_wrong_exercise_or_phrase_is_caught():
    row = next(r for r in case_index() if r["case"] == "US Census Bureau")
    assert problems_in([{**row, "exercises": ["ex06_05"]}])  # the reconstruction section names it; exercise 5's does not
    assert problems_in([{**row, "phrases": ["Census Bureau", "Statistics Canada"]}])
    assert problems_in([{**row, "exercises": ["ex06_99"]}])
    assert problems_in([{**row, "modules": ["05-ethics-and-trust"]}])


def test_the_case_list_copy_matches_the_reference():
    if not REFERENCE.exists():
        pytest.skip(f"the course reference is not beside this checkout ({REFERENCE})")
    rows = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    names = [line.split("|")[1].strip() for line in rows[1:]]
    assert names == reference_cases()
