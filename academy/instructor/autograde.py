"""Autograde course/submitted/<student>/<module>/ in parallel, each submission in its own sandbox.

The parent prepares every submission (prepare.py), worker processes execute them in sandboxed
kernels (runner.py), and the parent alone scores them (score.py) and writes the gradebook, so
results arrive without loss however the workers finish. Nothing a submission does stops the run:
every failure becomes a status in the gradebook and the closing summary.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from nbgrader.api import Gradebook

from academy.instructor import course, gradebook, limits, prepare, progress, release, runner, sandbox, score

_slot = 0


def students(module: str) -> list[str]:
    submitted = course.course_root() / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / module).is_dir())


def _take_slot(slots) -> None:
    global _slot
    _slot = slots.get()


def _work(args: tuple) -> tuple:
    key, graded, tests, folder, lim, sandboxed, uid_base = args
    try:
        return key, runner.execute(graded, tests, Path(folder), lim, _slot, sandboxed, uid_base)
    except Exception as error:  # never lose a submission to a worker bug
        return key, {"cells": graded["cells"], "end": "killed", "detail": f"grader error: {error}", "nonce": ""}


def autograde(module: str, jobs: int | None = None, trusted: bool = False) -> list[dict]:
    sandboxed = not trusted
    if sandboxed:
        ok, why = sandbox.available()
        if not ok:
            raise SystemExit(f"academy autograde: {why}.\n{sandbox.INSTALL_HINT}")
    found = students(module)
    if not found:
        print(f"No submissions for {module} in course/submitted/<student>/{module}/.")
        return []
    root = course.course_root()
    if not gradebook.has_assignment(module) or not (root / "release" / module).is_dir():
        release.release([module])
    specs = gradebook.notebook_specs(module, root / "release" / module)
    lim = limits.load(module, root / "sandbox.yaml")
    jobs = max(1, jobs or os.cpu_count() or 1)

    uid_base = sandbox.run_uid_base(os.getpid())
    prepared, tasks = {}, []
    for student in found:
        folder = root / "submitted" / student / module
        for spec in specs:
            p = prepare.prepare(folder / f"{spec.name}.ipynb", spec, student, lim.submission_mb * 1024 * 1024)
            too_big = [f for f in folder.rglob("*") if f.is_file() and f.stat().st_size > lim.submission_mb * 1024 * 1024]
            if too_big and p.status in ("ok", "tampered"):
                p.flag("too_large", f"{too_big[0].name} is over {lim.submission_mb} MiB")
            prepared[(student, spec.name)] = p
            if p.status in ("ok", "tampered"):
                tasks.append(((student, spec.name), p.graded, p.tests, str(folder), lim, sandboxed, uid_base))

    outcome: dict[str, dict] = {}
    bar = progress.Bar(len(prepared), f"autograde {module}")
    with Gradebook(gradebook.db_url()) as gb:

        def finish(key, result):
            student, nb_name = key
            spec = next(s for s in specs if s.name == nb_name)
            scored = score.score(prepared[key], result, spec.cells)
            _save_notebook(root, module, student, nb_name, scored["notebook"])
            merged = outcome.setdefault(student, {"status": "graded", "detail": []})
            merged["status"] = score.worst(merged["status"], scored["status"])
            merged["detail"] += scored["detail"]
            gradebook.record(gb, module, student, nb_name, scored["scores"], merged["status"], "; ".join(merged["detail"])[:2000])
            bar.step()

        for key, p in prepared.items():
            if p.status not in ("ok", "tampered"):
                finish(key, None)
        if tasks:
            context = multiprocessing.get_context("fork")
            slots = context.Queue()
            for n in range(jobs):
                slots.put(n)
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_take_slot, initargs=(slots,)) as pool:
                for future in as_completed([pool.submit(_work, t) for t in tasks]):
                    key, result = future.result()
                    finish(key, result)
    bar.done()
    rows = [r for r in gradebook.rows([module]) if r["student_id"] in outcome]
    for row in rows:
        row["detail"] = "; ".join(outcome[row["student_id"]]["detail"])
    progress.summary(rows)
    return rows


def _save_notebook(root: Path, module: str, student: str, name: str, nb: dict | None) -> None:
    """Keep the graded notebook where nbgrader keeps it (formgrader and feedback read it)."""
    if nb is None:
        return
    folder = root / "autograded" / student / module
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.ipynb").write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
