"""Autograde the submissions in course/submitted/<student>/<module>/ with stock nbgrader."""

from __future__ import annotations

from academy.instructor import course, gradebook, release


def students(module: str) -> list[str]:
    submitted = course.course_root() / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / module).is_dir())


def autograde(module: str) -> list[dict]:
    found = students(module)
    if not found:
        print(f"No submissions for {module} in course/submitted/<student>/{module}/.")
        return []
    if not gradebook.has_assignment(module):
        # Stock autograde aborts when the assignment is not in the gradebook yet.
        release.release([module])
    result = course.nbgrader("autograde", module, "--force", check=False, quiet=True)
    failed = [line for line in result.stderr.splitlines() if "| ERROR]" in line]
    graded = gradebook.rows([module])
    by_student = {r["student_id"]: r for r in graded}
    print(f"{'student':<24} {'score':>7} {'max':>6}  status")
    for student in found:
        row = by_student.get(student)
        if row is None:
            print(f"{student:<24} {'-':>7} {'-':>6}  failed (see nbgrader log)")
        else:
            status = "needs manual grading" if row["needs_manual_grading"] else "graded"
            print(f"{student:<24} {row['score']:>7} {row['max_score']:>6}  {status}")
    if failed:
        print(f"{len(failed)} error line(s) from nbgrader; first: {failed[0]}")
    return [by_student[s] for s in found if s in by_student]
