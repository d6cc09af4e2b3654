"""Plain-text progress bar and the closing summary table of a grading run (no dependencies)."""

from __future__ import annotations

import sys
import time
from collections import Counter


class Bar:
    def __init__(self, total: int, label: str, width: int = 30):
        self.total, self.label, self.width, self.count = total, label, width, 0
        self.start, self.tty, self.shown = time.monotonic(), sys.stderr.isatty(), -1

    def step(self) -> None:
        self.count += 1
        tenth = self.count * 10 // max(self.total, 1)
        if not self.tty and tenth == self.shown:  # logs: one line per tenth, not per submission
            return
        self.shown = tenth
        filled = self.width * self.count // max(self.total, 1)
        line = f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {self.count}/{self.total} {time.monotonic() - self.start:.0f}s"
        sys.stderr.write(("\r" + line) if self.tty else line + "\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.total:
            sys.stderr.write("\n")


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
