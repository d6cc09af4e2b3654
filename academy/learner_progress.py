"""Where a learner stands: per module, exercises correct, tried and not started, and points.

Every ``check()`` a learner runs (outside the grader) records the exercise's *outcome* — never
the answer — in a small JSON file in the learner's data folder, which clearing outputs or
re-releasing a module does not touch:

    $ACADEMY_PROGRESS, else $XDG_DATA_HOME/academy/progress.json,
    else ~/.local/share/academy/progress.json

    {"exercises": {"ex01_03": {"best": "correct", "last": "incorrect", "checks": 4,
                               "first": "2026-11-29T10:01:02", "latest": "..."}}}

An exercise that was correct once stays counted as correct (a learner who solved it and then
experimented has still solved it); "not attempted" outcomes are not counted as tries. The
exercises of each module, and their points, come from the learner's workspace notebooks
(nbgrader's test cells carry the points); the summary is ``summary()``, printed by
``academy progress`` and ``academy.progress()``, and drawn by ``chart()``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

CORRECT, TRIED = "correct", "tried"
_EXERCISE = re.compile(r"^ex(\d\d)_(\d\d)")
_MODULE = re.compile(r"^(\d\d)-[a-z0-9-]+$")


def store() -> Path:
    """The progress file (it need not exist yet)."""
    if os.environ.get("ACADEMY_PROGRESS"):
        return Path(os.environ["ACADEMY_PROGRESS"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "academy" / "progress.json"


def load() -> dict:
    """The recorded outcomes; an unreadable file is reported, not overwritten."""
    path = store()
    if not path.exists():
        return {"exercises": {}}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ProgressError(f"Your progress file {path} could not be read ({error}). It was left as it is; "
                            "move it aside to start a new one.") from None
    record.setdefault("exercises", {})
    return record


class ProgressError(Exception):
    """The progress file is unreadable; the message says where it is and what to do."""


def record(exercise_id: str, outcome: str) -> None:
    """Remember one check's outcome ("correct", "incorrect" or "not attempted") for an exercise.

    Raises ``ProgressError`` for an unreadable file and ``OSError`` when it cannot be written.
    """
    if outcome == "not attempted":
        return  # an untouched or freshly re-released exercise never undoes recorded work
    data = load()
    now = dt.datetime.now().isoformat(timespec="seconds")
    entry = data["exercises"].setdefault(exercise_id, {"best": TRIED, "checks": 0, "first": now})
    entry["checks"] += 1
    entry["last"] = outcome
    entry["latest"] = now
    if outcome == CORRECT:
        entry["best"] = CORRECT
    path = store()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temporary.replace(path)  # a crash mid-write never leaves half a file


@dataclass
class ModuleStanding:
    module: str  # "01-data-ecosystems" (or "01" when only the exercise ids are known)
    exercises: int
    correct: int
    tried: int
    points: float  # points of the autograded tests of exercises checked correct
    max_points: float  # autograded points of the module (written answers are marked by a person)
    written_points: float

    @property
    def not_started(self) -> int:
        return self.exercises - self.correct - self.tried


def catalogue(workspace: Path) -> dict[str, dict[str, float]]:
    """module folder -> {exercise id -> autograded points}, from the workspace's notebooks."""
    import nbformat

    found: dict[str, dict[str, float]] = {}
    for notebook in sorted(Path(workspace).glob("[0-9][0-9]-*/*.ipynb")):
        if notebook.name.startswith("updated-") or not _MODULE.match(notebook.parent.name):
            continue
        exercises = found.setdefault(notebook.parent.name, {})
        for cell in nbformat.read(notebook, as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            match = _EXERCISE.match(meta.get("grade_id", ""))
            if match and meta.get("grade"):
                key = f"ex{match.group(1)}_{match.group(2)}"
                exercises.setdefault(key, 0.0)
                if cell.cell_type == "code":
                    exercises[key] += float(meta.get("points", 0))
                else:
                    exercises.setdefault(f"{key}:written", 0.0)
                    exercises[f"{key}:written"] += float(meta.get("points", 0))
    return found


def summary(workspace: Path | None = None) -> list[ModuleStanding]:
    """One row per module of the workspace (or, without one, per module with recorded checks)."""
    outcomes = load()["exercises"]
    modules = catalogue(workspace) if workspace else {}
    if not modules:
        for exercise_id in outcomes:
            match = _EXERCISE.match(exercise_id)
            if match:
                modules.setdefault(match.group(1), {})[exercise_id] = 0.0
    rows = []
    for module, exercises in sorted(modules.items()):
        ids = [e for e in exercises if ":" not in e]
        best = [outcomes.get(e, {}).get("best") for e in ids]
        rows.append(ModuleStanding(
            module=module, exercises=len(ids), correct=best.count(CORRECT), tried=best.count(TRIED),
            points=sum(exercises[e] for e, b in zip(ids, best) if b == CORRECT),
            max_points=sum(exercises[e] for e in ids),
            written_points=sum(v for e, v in exercises.items() if e.endswith(":written")),
        ))
    return rows


def table(rows: list[ModuleStanding]) -> str:
    """The summary as plain text, one line per module and a total."""
    if not rows:
        return "No progress yet: run an exercise's check() and it will be counted here."
    head = f"{'module':<34} {'correct':>7} {'tried':>6} {'not started':>11} {'points':>13}"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.module:<34} {r.correct:>7} {r.tried:>6} {r.not_started:>11} "
                     f"{_num(r.points):>6} / {_num(r.max_points):<5}")
    total = ModuleStanding("all modules", *(sum(getattr(r, f) for r in rows) for f in
                           ("exercises", "correct", "tried", "points", "max_points", "written_points")))
    lines += ["-" * len(head), f"{total.module:<34} {total.correct:>7} {total.tried:>6} {total.not_started:>11} "
              f"{_num(total.points):>6} / {_num(total.max_points):<5}"]
    if total.written_points:
        lines.append(f"Points are for the checked exercises; {_num(total.written_points)} more points of written "
                     "answers are marked by a person.")
    lines.append(f"(Recorded in {store()}: outcomes only, never your answers.)")
    return "\n".join(lines)


def describe(rows: list[ModuleStanding]) -> str:
    """The chart's message in one sentence, for screen readers and for the record."""
    parts = [f"module {r.module[:2]}: {r.correct} correct, {r.tried} tried, {r.not_started} not started"
             for r in rows]
    return "Exercises per module by status; " + "; ".join(parts) + "."


def chart(rows: list[ModuleStanding]):
    """A stacked bar per module (correct / tried / not started), palette and hatching colour-blind safe.

    Returns the matplotlib Axes.
    """
    import matplotlib.pyplot as plt

    from academy import plotting

    fig, ax = plt.subplots(figsize=(7.0, 0.5 + 0.45 * max(len(rows), 1)))
    labels = [r.module for r in rows]
    left = [0] * len(rows)
    # Okabe-Ito dark blue, orange and yellow: apart in lightness too; hatching marks "tried" in greyscale.
    for name, colour, hatch in (("correct", plotting.OKABE_ITO[0], ""), ("tried", plotting.OKABE_ITO[1], "//"),
                                ("not_started", plotting.OKABE_ITO[6], "")):
        values = [getattr(r, name) for r in rows]
        ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor=plotting.OKABE_ITO[7],
                label=name.replace("_", " "))
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    plotting.finish(ax, "Your progress", "exercises", "module")
    ax.legend(loc="upper center", ncols=3, bbox_to_anchor=(0.5, -0.45 if len(rows) < 3 else -0.25))
    return ax


def _num(value: float) -> str:
    return f"{value:g}"


def find_workspace(start: Path | None = None) -> Path | None:
    """The workspace holding ``start`` (default: the working directory): the first folder, going up,
    that holds module folders (``NN-slug``) with notebooks."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any(_MODULE.match(p.parent.name) for p in folder.glob("[0-9][0-9]-*/*.ipynb")):
            return folder
    return None


def show(workspace: Path | None = None, draw: bool = True) -> None:
    """In a notebook: print the summary and draw the chart with its text description."""
    rows = summary(workspace or find_workspace())
    print(table(rows))
    if draw and rows:
        import matplotlib.pyplot as plt

        from academy import plotting

        chart(rows)
        plt.show()
        plotting.describe(describe(rows))


def note(exercise_id: str, outcome: str) -> None:
    """Record a check from an exercise (``Exercise.check``/``grade``); never under the grader.

    A progress file that cannot be read or written costs the learner nothing but a one-line note.
    """
    from academy import mode

    if mode.under_grader():
        return  # graded runs record nothing, and must write nothing to stderr
    try:
        record(exercise_id, outcome)
    except (ProgressError, OSError) as error:
        print(f"(Your progress was not recorded: {error})")
