"""Reading the gradebook: scores per student and module, and the CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from academy.instructor import course

COLUMNS = ["student_id", "module", "score", "max_score", "needs_manual_grading"]


def db_url() -> str:
    return "sqlite:///" + str(course.course_root() / "gradebook.db")


def has_assignment(module: str) -> bool:
    if not (course.course_root() / "gradebook.db").exists():
        return False
    with Gradebook(db_url()) as gb:
        try:
            gb.find_assignment(module)
            return True
        except MissingEntry:
            return False


def rows(modules: list[str] | None = None) -> list[dict]:
    if not (course.course_root() / "gradebook.db").exists():
        return []
    out = []
    with Gradebook(db_url()) as gb:
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
