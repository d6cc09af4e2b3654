"""The gradebook: where it is, the grading status of each submission, and the CSV export.

Scores, timestamps and late penalties are nbgrader's own (its Gradebook API); the only addition
is the ``academy_status`` table, for how the last autograde of a submission went (nbgrader has
no place for it). Several graders may write at once: SQLite waits for its lock (and uses WAL),
PostgreSQL takes concurrent writers as it is.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy import text

from autograder import course

COLUMNS = ["student_id", "module", "score", "max_score", "needs_manual_grading", "status",
           "submitted_at", "late_seconds", "late_penalty"]

_STATUS_TABLE = (
    "CREATE TABLE IF NOT EXISTS academy_status (assignment VARCHAR(128) NOT NULL, "
    "student VARCHAR(128) NOT NULL, status VARCHAR(32) NOT NULL, detail TEXT, "
    "PRIMARY KEY (assignment, student))"
)


def db_url() -> str:
    """ACADEMY_DB_URL (e.g. postgresql://…) for several graders; else SQLite beside the course,
    waiting up to 120 s for a concurrent writer's lock instead of failing."""
    return os.environ.get("ACADEMY_DB_URL") or f"sqlite:///{sqlite_path()}?timeout=120"


def sqlite_path() -> Path:
    return course.course_root() / "gradebook.db"


def exists() -> bool:
    return bool(os.environ.get("ACADEMY_DB_URL")) or sqlite_path().exists()


def protect() -> None:
    """nbgrader creates the SQLite gradebook world-readable; only the grader should read it."""
    if not os.environ.get("ACADEMY_DB_URL") and sqlite_path().exists():
        os.chmod(sqlite_path(), 0o600)


def prepare_for_writers() -> None:
    """Before parallel grading: the status table exists, SQLite journals in WAL mode."""
    with Gradebook(db_url()) as gb:
        if gb.db.bind.dialect.name == "sqlite":
            gb.db.execute(text("PRAGMA journal_mode=WAL"))
        gb.db.execute(text(_STATUS_TABLE))
        gb.db.commit()


def has_assignment(module: str) -> bool:
    if not exists():
        return False
    with Gradebook(db_url()) as gb:
        try:
            gb.find_assignment(module)
            return True
        except MissingEntry:
            return False


def set_status(module: str, student: str, status: str, detail: str, zero: bool = False) -> None:
    """Record how grading went; ``zero`` also sets the automatic scores to 0 (nothing graded,
    so an earlier submission's scores must not stand)."""
    with Gradebook(db_url()) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(module, student)
        if zero:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    grade.auto_score, grade.needs_manual_grade = 0, False  # as nbgrader does for a missing notebook
        params = {"a": module, "s": student, "st": status, "d": detail[:2000]}
        gb.db.execute(text("DELETE FROM academy_status WHERE assignment = :a AND student = :s"), params)
        gb.db.execute(text("INSERT INTO academy_status VALUES (:a, :s, :st, :d)"), params)
        gb.db.commit()


def rows(modules: list[str] | None = None) -> list[dict]:
    """One dict per submission (COLUMNS); score is nbgrader's, before the late penalty."""
    if not exists():
        return []
    out = []
    with Gradebook(db_url()) as gb:
        gb.db.execute(text(_STATUS_TABLE))
        found = gb.db.execute(text("SELECT assignment, student, status, detail FROM academy_status"))
        statuses = {(a, s): (st, d or "") for a, s, st, d in found}
        for assignment in gb.assignments:
            if modules and assignment.name not in modules:
                continue
            for sub in assignment.submissions:
                status, detail = statuses.get((assignment.name, sub.student.id), ("graded", ""))
                out.append({
                    "student_id": sub.student.id, "module": assignment.name,
                    "score": round(float(sub.score), 2), "max_score": round(float(sub.max_score), 2),
                    "needs_manual_grading": bool(sub.needs_manual_grade), "status": status,
                    "submitted_at": sub.timestamp.isoformat(sep=" ") + "Z" if sub.timestamp else "",
                    "late_seconds": int(sub.total_seconds_late),
                    "late_penalty": round(float(sub.late_submission_penalty or 0), 2),
                    "detail": detail,
                })
    out.sort(key=lambda r: (r["module"], r["student_id"]))
    return out


def export_csv(path: Path, modules: list[str] | None = None) -> int:
    data = rows(modules)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(data)
    return len(data)
