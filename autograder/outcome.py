"""What happened while grading one submission, beyond its scores: statuses and their reasons.

nbgrader's preprocessors report through log lines only; ours add notes here (one grading
worker grades one student at a time) and autograde.py stores them in the gradebook.
"""

from __future__ import annotations

# Most serious first: a submission shows the first that applies. `restored` means a locked or
# test cell was missing or changed and was put back (no fault implied); `tampered` means a
# check was patched while the notebook ran.
STATUSES = ["invalid", "too_large", "killed", "timeout", "memory", "processes", "output_limit",
            "tampered", "restored", "graded"]

_notes: list[tuple[str, str]] = []


def note(status: str, detail: str) -> None:
    """Record ``status`` (one of STATUSES) with a short reason for the current submission."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    _notes.append((status, detail))


def take() -> list[tuple[str, str]]:
    """The notes so far, clearing them (call once per submission)."""
    found = list(_notes)
    _notes.clear()
    return found


def worst(statuses) -> str:
    """The most serious of ``statuses``; ``graded`` when there is none."""
    return min(list(statuses) or ["graded"], key=STATUSES.index)
