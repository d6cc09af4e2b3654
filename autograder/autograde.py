"""``academy autograde``: nbgrader's API (its Autograde converter with the preprocessors of
course/nbgrader_config.py) for one student per task, ``jobs`` workers at once, each with its own
sandbox uid, writing the gradebook directly. ``shard=(k, n)`` takes the students whose id hashes to
k of n, so n hosts sharing one gradebook grade each student once. Nothing is skipped silently.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import multiprocessing
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from nbgrader.api import Gradebook

from autograder import course, gradebook, late, limits, links, outcome, progress, release, renamed, runlock, sandbox

LEFT_OUT = ("invalid", "too_large")  # no grade: the run exits non-zero and names them
_slot = 0


def students(module: str) -> list[str]:
    return sorted(p.parent.name for p in (course.course_root() / "submitted").glob(f"*/{module}") if p.is_dir())


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
    with runlock.held(root, module, shard):
        return _autograde_locked(module, found, jobs, trusted)


def _autograde_locked(module: str, found: list[str], jobs: int | None, trusted: bool) -> list[dict]:
    root = course.course_root()
    if not gradebook.has_assignment(module) or not (root / "release" / module).is_dir():
        release.release([module])
    late.apply_due_date(course.load_config(), module, gradebook.db_url())
    gradebook.prepare_for_writers()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(found)))
    uid_base = sandbox.run_uid_base(os.getpid())
    results = {}
    context = multiprocessing.get_context("fork")
    slots = context.Queue()
    for n in range(jobs):
        slots.put(n)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_take_slot, initargs=(slots,)) as pool:
        futures = {pool.submit(_grade_safely, module, s, uid_base, trusted): s for s in found}
        for future in as_completed(futures):
            student, status, detail = future.result()
            results[student] = (status, detail)
            progress.step(len(results), len(found), student, status)
    rows = [r for r in gradebook.rows([module]) if r["student_id"] in results]  # with status and detail
    progress.summary(rows)
    return rows


def _take_slot(slots) -> None:
    global _slot
    _slot = slots.get()


def _grade_safely(module: str, student: str, uid_base: int, trusted: bool) -> tuple[str, str, str]:
    try:
        return grade_student(module, student, uid_base + _slot, trusted)
    except Exception as error:  # never lose a student to a grader bug: say who and why
        gradebook.set_status(module, student, "invalid", detail := f"grader error: {type(error).__name__}: {error}"[:500], zero=True)
        return student, "invalid", detail


def grade_student(module: str, student: str, uid: int, trusted: bool) -> tuple[str, str, str]:
    """Run nbgrader's Autograde for one student; (student, status, detail) as recorded."""
    root = course.course_root()
    folder = root / "submitted" / student / module
    outcome.take()
    shutil.rmtree(root / "feedback" / student / module, ignore_errors=True)  # never stale feedback
    lim = limits.load(module, root / "sandbox.yaml")
    unsafe = links.unsafe_entries(folder)  # before anything reads or copies the folder
    if set(student) & set("*?["):  # nbgrader globs ids and the folders it finds (unescaped): never safe
        unsafe.append(f"the student id {student!r} holds *, ? or [, which nbgrader reads as a file pattern "
                      "(it would grade other learners' folders); rename the folder without them")
    big = [] if unsafe else [p.name for p in sorted(folder.rglob("*")) if p.is_file() and p.stat().st_size > lim.submission_mb * 2**20]
    notes, problems = [], []
    if not unsafe:
        with Gradebook(gradebook.db_url()) as gb:
            notes, problems = renamed.match(folder, [nb.name for nb in gb.find_assignment(module).notebooks])
    failed = unsafe or ([f"{big[0]} is over the {lim.submission_mb} MiB limit"] if big else _run_nbgrader(module, student, uid, trusted))
    for status, lines in (("graded", notes), ("too_large" if big else "invalid", failed), ("invalid", problems)):
        for line in lines:
            outcome.note(status, line)
    found = outcome.take()
    status, detail = outcome.worst(s for s, _ in found), "; ".join(dict.fromkeys(d for _, d in found if d))
    if failed:  # nothing graded: no earlier grades or graded notebook may stand
        shutil.rmtree(root / "autograded" / student / module, ignore_errors=True)
    gradebook.set_status(module, student, status, detail, zero=bool(failed))
    return student, status, detail


def _run_nbgrader(module: str, student: str, uid: int, trusted: bool) -> list[str]:
    """nbgrader's API (its Autograde converter) for one student; why it failed, if it did."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = course.load_config()
    config.CourseDirectory.update(root=str(course.course_root()), db_url=gradebook.db_url())
    config.SandboxedExecute.update(sandboxed=not trusted, uid=uid)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    api.log.setLevel(logging.ERROR)
    api.log.propagate = False  # the reasons go to the gradebook and the summary, not the console
    for handler in list(api.log.handlers):
        api.log.removeHandler(handler)
    result = api.autograde(module, glob.escape(student), force=True, create=True)  # nbgrader globs the id
    if result["success"]:
        return []
    noise = ("There was an error processing", "Please see", "Removing failed", "Timeout waiting", "Interrupting")
    records = re.split(r"\n(?=\[[A-Z]+\] )", result.get("log", ""))
    last_lines = [r[len("[ERROR] "):].strip().splitlines()[-1].strip() for r in records if r.startswith("[ERROR] ") and r[8:].strip()]
    reasons = [line[:300] for line in last_lines if not line.startswith(noise)]  # a traceback's last line names the error
    return reasons[:3] or [(result.get("error") or "nbgrader failed").strip().splitlines()[-1][:300]]
