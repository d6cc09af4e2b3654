"""Reading the gradebook: scores per student and module, and the CSV export."""

from __future__ import annotations

import csv
import os
import warnings
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy import text

from academy.instructor import course

COLUMNS = ["student_id", "module", "score", "max_score", "needs_manual_grading", "status"]

# How the last `academy autograde` of a submission ended; nbgrader has no place for it.
_STATUS_TABLE = (
    "CREATE TABLE IF NOT EXISTS academy_status (assignment VARCHAR(128) NOT NULL, "
    "student VARCHAR(128) NOT NULL, status VARCHAR(32) NOT NULL, detail TEXT, "
    "PRIMARY KEY (assignment, student))"
)


def db_url() -> str:
    """SQLite beside the course by default; ACADEMY_DB_URL (e.g. postgresql://…) for several graders."""
    return os.environ.get("ACADEMY_DB_URL") or "sqlite:///" + str(sqlite_path())


def sqlite_path() -> Path:
    return course.course_root() / "gradebook.db"


def exists() -> bool:
    return bool(os.environ.get("ACADEMY_DB_URL")) or sqlite_path().exists()


def protect() -> None:
    """nbgrader creates the SQLite gradebook world-readable; only the grader should read it."""
    if not os.environ.get("ACADEMY_DB_URL") and sqlite_path().exists():
        os.chmod(sqlite_path(), 0o600)


def has_assignment(module: str) -> bool:
    if not exists():
        return False
    with Gradebook(db_url()) as gb:
        try:
            gb.find_assignment(module)
            return True
        except MissingEntry:
            return False


def rows(modules: list[str] | None = None) -> list[dict]:
    if not exists():
        return []
    out = []
    with Gradebook(db_url()) as gb:
        statuses = read_statuses(gb)
        for assignment in gb.assignments:
            if modules and assignment.name not in modules:
                continue
            for submission in assignment.submissions:
                out.append(
                    {
                        "student_id": submission.student.id,
                        "module": assignment.name,
                        "score": round(float(submission.score), 2),
                        "max_score": round(float(submission.max_score), 2),
                        "needs_manual_grading": bool(submission.needs_manual_grade),
                        "status": statuses.get((assignment.name, submission.student.id), ("graded", ""))[0],
                    }
                )
    out.sort(key=lambda r: (r["module"], r["student_id"]))
    return out


def export_csv(path: Path, modules: list[str] | None = None) -> int:
    data = rows(modules)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return len(data)


def read_statuses(gb: Gradebook) -> dict:
    gb.db.execute(text(_STATUS_TABLE))
    found = gb.db.execute(text("SELECT assignment, student, status, detail FROM academy_status"))
    return {(a, s): (st, d or "") for a, s, st, d in found}


def record(gb: Gradebook, module: str, student: str, notebook: str, scores: dict, status: str, detail: str) -> None:
    """Write one notebook's automatic scores and the submission's status (parent process only)."""
    try:
        gb.find_student(student)
    except MissingEntry:
        gb.add_student(student)
    with warnings.catch_warnings():  # nbgrader's own SQLAlchemy 2 autoflush warnings
        warnings.simplefilter("ignore")
        gb.update_or_create_submission(module, student)
    for grade_id, points in scores.items():
        grade = gb.find_grade(grade_id, notebook, module, student)
        grade.auto_score = points
        grade.needs_manual_grade = grade.manual_score is not None or points is None
    gb.db.execute(text(_STATUS_TABLE))
    params = {"a": module, "s": student, "st": status, "d": detail}
    gb.db.execute(text("DELETE FROM academy_status WHERE assignment = :a AND student = :s"), params)
    gb.db.execute(text("INSERT INTO academy_status VALUES (:a, :s, :st, :d)"), params)
    gb.db.commit()


def notebook_specs(module: str, release_dir: Path) -> list:
    """What the gradebook knows of the module's notebooks (for preparing submissions)."""
    from academy.instructor import notebooks
    from academy.instructor.prepare import CellSpec, NotebookSpec

    specs = []
    with Gradebook(db_url()) as gb:
        assignment = gb.find_assignment(module)
        for nb in assignment.notebooks:
            grades = {c.name: c for c in nb.grade_cells}
            solutions = {c.name for c in nb.solution_cells}
            cells = {}
            for c in nb.source_cells:
                g = grades.get(c.name)
                cells[c.name] = CellSpec(c.name, c.cell_type, bool(c.locked), c.source, grade=g is not None,
                                         solution=c.name in solutions, points=float(g.max_score) if g else None)
            template = notebooks.read(release_dir / f"{nb.name}.ipynb").cells
            specs.append(NotebookSpec(nb.name, cells, template))
    return specs
