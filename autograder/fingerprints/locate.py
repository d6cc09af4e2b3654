"""``academy exercise MODULE N``: where every part of one exercise lives, printed as paths.

Prompt, answer, check and test cells (notebook cell numbers and grade ids), the exercise file
(names, checks, hints, known-mistake feedback), its fingerprints, the fixtures that mention it
and the command that runs its per-exercise tests.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from academy import paths
from autograder.fingerprints import fixtures, notebook


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(paths.require_repo()))
    except ValueError:
        return str(path)


def describe(module: str, number: int) -> list[str]:
    """Lines naming the parts of exercise ``number`` of ``module`` (ValueError if there is none)."""
    module = notebook.module_id(module)
    exercise_id = f"ex{module[:2]}_{int(number):02d}"
    source = notebook.source_path(module)
    cells = notebook.cells(module)
    mine = [c for c in cells if c.grade_id.startswith(exercise_id + "_")]
    if not mine:
        raise ValueError(f"{module} has no exercise {number} (no cell with a grade id {exercise_id}_*)")
    first = mine[0].index
    before = [c for c in cells[:first] if c.kind == "markdown"]
    prompt = next((c for c in reversed(before) if "xercise" in c.source.lstrip().splitlines()[0]), before[-1] if before else None)
    lines = [f"{exercise_id} — module {module}, exercise {int(number)}", f"notebook      {_rel(source)}"]
    if prompt:
        lines.append(f"  prompt      cell {prompt.index}: {prompt.source.splitlines()[0].lstrip('# ')}")
    for cell in mine:
        role = cell.grade_id[len(exercise_id) + 1:]
        extra = f" ({cell.points:g} points)" if cell.points else ""
        hidden = ", hidden tests inside" if "BEGIN HIDDEN TESTS" in cell.source else ""
        lines.append(f"  {role:<11} cell {cell.index}: grade id {cell.grade_id}{extra}{hidden}")
    package = f"academy.exercises.m{module[:2]}"
    try:
        loaded = importlib.import_module(package)
    except ImportError:
        loaded = None
    exercise = getattr(loaded, f"q{int(number)}", None)
    if exercise is None:
        lines.append("exercise file none: a written answer, marked by a tutor" if loaded else f"exercise file none: {package} is missing")
    elif not hasattr(loaded, "__path__"):
        lines.append(f"exercise file {_rel(Path(loaded.__file__))}  (single-file layout: search for `q{int(number)} =`)")
    else:
        where = _exercise_file(package, exercise)
        lines.append(f"exercise file {where}  (name {exercise.name!r}: names, checks, hints, mistake feedback)")
        keys = [c.key for c in exercise.checks if getattr(c, "fingerprinted", False)]
        if keys:
            lines.append(f"fingerprints  {_rel(Path(importlib.import_module(package).__file__).parent / 'fingerprints.json')}"
                         f"  [{exercise.name}] {', '.join(keys)}  (generated: academy fingerprints {module[:2]})")
    mentioned = [name for name, f in fixtures.load(module).items()
                 if f"{exercise_id}_answer" in f["answers"] or exercise_id in (f.get("expect") or {})]
    folder = _rel(fixtures.folder(module))
    lines.append(f"fixtures      {folder}/: {', '.join(mentioned) or 'none mention it'}")
    lines.append(f"tests         .venv/bin/python -m pytest tests/test_exercises_cases.py -k {exercise_id} -q")
    return lines


def _exercise_file(package: str, exercise) -> str:
    """The qNN_<name>.py file that builds ``exercise`` (found by the object's identity)."""
    folder = Path(importlib.import_module(package).__file__).parent
    for path in sorted(folder.glob("q[0-9][0-9]_*.py")):
        module = importlib.import_module(f"{package}.{path.stem}")
        if getattr(module, "exercise", None) is exercise:
            return _rel(path)
    return _rel(folder)


def main(module: str, number: int) -> int:
    try:
        print("\n".join(describe(module, number)))
    except ValueError as error:
        print(f"academy: {error}")
        return 2
    return 0
