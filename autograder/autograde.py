"""``academy autograde``: nbgrader's Autograde converter, one student per task, N tasks at once.

Each worker process runs nbgrader's own converter (its preprocessors as configured in
course/nbgrader_config.py) for one student at a time, with its own sandbox uid; grades go
straight to the gradebook from the workers (gradebook.py: SQLite waits for locks, PostgreSQL
takes concurrent writers). ``shard=(k, n)`` grades only the students whose id hashes to k of n,
so n hosts sharing one gradebook grade each student exactly once. Nothing is skipped silently:
a submission that cannot be graded gets status and reason, and is listed in ``left_out``.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from nbgrader.api import Gradebook

from autograder import course, gradebook, late, limits, outcome, progress, release, renamed, sandbox

LEFT_OUT = ("invalid", "too_large")  # no grade: the run exits non-zero and names them
_slot = 0


def students(module: str) -> list[str]:
    submitted = course.course_root() / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / module).is_dir())


def in_shard(student: str, shard: tuple[int, int] | None) -> bool:
    """Shard k of n (1-based) by a stable hash of the id: every host computes the same split."""
    if shard is None:
        return True
    k, n = shard
    return int(hashlib.sha256(student.encode()).hexdigest(), 16) % n == k - 1


def autograde(module: str, jobs: int | None = None, trusted: bool = False,
              shard: tuple[int, int] | None = None) -> list[dict]:
    """Grade every (or this shard's) submission of ``module``; rows as gradebook.rows, with detail."""
    if not trusted:
        ok, why = sandbox.available()
        if not ok:
            raise SystemExit(f"academy autograde: {why}.\n{sandbox.INSTALL_HINT}")
    found = [s for s in students(module) if in_shard(s, shard)]
    if not found:
        print(f"No submissions for {module} in course/submitted/<student>/{module}/"
              + (f" in shard {shard[0]}/{shard[1]}." if shard else "."))
        return []
    root = course.course_root()
    if not gradebook.has_assignment(module) or not (root / "release" / module).is_dir():
        release.release([module])
    late.apply_due_date(course.load_config(), module, gradebook.db_url())
    gradebook.prepare_for_writers()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(found)))
    uid_base = sandbox.run_uid_base(os.getpid())
    results, bar = {}, progress.Bar(len(found), f"autograde {module}")
    context = multiprocessing.get_context("fork")
    slots = context.Queue()
    for n in range(jobs):
        slots.put(n)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_take_slot, initargs=(slots,)) as pool:
        futures = {pool.submit(_grade_safely, module, s, uid_base, trusted): s for s in found}
        for future in as_completed(futures):
            student, status, detail = future.result()
            results[student] = (status, detail)
            bar.step()
    bar.done()
    rows = [r for r in gradebook.rows([module]) if r["student_id"] in results]
    for row in rows:
        row["status"], row["detail"] = results[row["student_id"]]
    progress.summary(rows)
    return rows


def _take_slot(slots) -> None:
    global _slot
    _slot = slots.get()


def _grade_safely(module: str, student: str, uid_base: int, trusted: bool) -> tuple[str, str, str]:
    try:
        return grade_student(module, student, uid_base + _slot, trusted)
    except Exception as error:  # never lose a student to a grader bug: say who and why
        detail = f"grader error: {type(error).__name__}: {error}"[:500]
        gradebook.set_status(module, student, "invalid", detail, zero=True)
        return student, "invalid", detail


def grade_student(module: str, student: str, uid: int, trusted: bool) -> tuple[str, str, str]:
    """Run nbgrader's Autograde for one student; (student, status, detail) as recorded."""
    root = course.course_root()
    folder = root / "submitted" / student / module
    outcome.take()
    shutil.rmtree(root / "feedback" / student / module, ignore_errors=True)  # never stale feedback
    lim = limits.load(module, root / "sandbox.yaml")
    big = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.stat().st_size > lim.submission_mb * 2**20]
    with Gradebook(gradebook.db_url()) as gb:
        expected = [nb.name for nb in gb.find_assignment(module).notebooks]
    notes, problems = renamed.match(folder, expected)
    for line in notes:
        outcome.note("graded", line)
    if big:
        outcome.note("too_large", f"{big[0].name} is over the {lim.submission_mb} MiB limit")
    else:
        errors = _run_nbgrader(module, student, uid, trusted)
        if errors:
            outcome.note("invalid", "; ".join(dict.fromkeys(errors[:3])))
    for line in problems:
        outcome.note("invalid", line)
    found = outcome.take()
    status = outcome.worst(s for s, _ in found)
    detail = "; ".join(dict.fromkeys(d for _, d in found if d))
    if status in LEFT_OUT:
        shutil.rmtree(root / "autograded" / student / module, ignore_errors=True)  # never stale grades
    gradebook.set_status(module, student, status, detail, zero=status in LEFT_OUT)
    return student, status, detail


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record):
        message = record.getMessage().strip()
        if message and not message.startswith(("There was an error processing", "Please see", "Removing failed")):
            self.lines.append(message.splitlines()[-1][:300])  # a traceback's last line names the error


def _run_nbgrader(module: str, student: str, uid: int, trusted: bool) -> list[str]:
    """nbgrader's Autograde converter for one student; the error lines it logged."""
    from nbgrader.converters import Autograde, NbGraderException
    from nbgrader.coursedir import CourseDirectory

    config = course.load_config()
    config.CourseDirectory.root = str(course.course_root())
    config.CourseDirectory.db_url = gradebook.db_url()
    config.CourseDirectory.assignment_id = module
    config.CourseDirectory.student_id = student.replace("[", "[[]")  # a glob pattern
    config.BaseConverter.force = True
    config.SandboxedExecute.sandboxed = not trusted
    config.SandboxedExecute.uid = uid
    converter = Autograde(coursedir=CourseDirectory(config=config), config=config)
    errors = _Errors()
    converter.log.addHandler(errors)
    converter.log.setLevel(logging.ERROR)
    converter.log.propagate = False
    try:
        converter.start()
    except NbGraderException as error:  # nbgrader gave up on the submission: its logged reasons
        return [line for line in errors.lines if "Timeout waiting" not in line and "Interrupting" not in line] \
            or [str(error)[:300]]
    finally:
        converter.log.removeHandler(errors)
    return []
