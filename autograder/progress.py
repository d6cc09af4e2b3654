"""A line per graded submission while a run goes on, and the closing summary table."""

from __future__ import annotations

import sys
from collections import Counter


def step(count: int, total: int, student: str, status: str) -> None:
    sys.stderr.write(f"[{count}/{total}] {student}: {status}\n")
    sys.stderr.flush()


def summary(rows: list[dict]) -> None:
    print(f"{'student':<24} {'score':>7} {'max':>6}  {'status':<13} detail")
    for r in rows:
        status = r["status"] if not (r["status"] == "graded" and r["needs_manual_grading"]) else "graded*"
        print(f"{r['student_id']:<24} {r['score']:>7} {r['max_score']:>6}  {status:<13} {r.get('detail', '')[:90]}")
    counts = Counter(r["status"] for r in rows)
    manual = sum(1 for r in rows if r["needs_manual_grading"])
    failed = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k != "graded") or "none"
    print(f"\n{len(rows)} submission(s): {counts.get('graded', 0)} graded, {manual} need manual grading "
          f"(* above), problems: {failed}")
