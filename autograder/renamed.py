"""Notebooks submitted under another name, e.g. ``tiny (1).ipynb`` from a browser download.

nbgrader grades only ``<name>.ipynb`` and gives a missing one 0 with a log line. Before grading,
a sole notebook under another name is copied to the expected name (the learner's file stays);
otherwise the message names what was found, so the instructor can ask for a resubmission.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def match(folder: Path, expected: list[str]) -> tuple[list[str], list[str]]:
    """(notes on files copied to their expected name, problems naming what is missing/found)."""
    present = sorted(p.name for p in folder.glob("*.ipynb"))
    missing = [n for n in expected if f"{n}.ipynb" not in present]
    others = [p for p in present if p[:-6] not in expected]
    notes, problems = [], []
    for name in missing:
        similar = [p for p in others if re.fullmatch(rf"{re.escape(name)}[ _-]*(\(\d+\)|copy\d*|-Copy\d*)?\.ipynb", p, re.I)]
        if len(similar) == 1 or (len(expected) == 1 and len(present) == 1):
            found = similar[0] if len(similar) == 1 else present[0]
            shutil.copy2(folder / found, folder / f"{name}.ipynb")
            others.remove(found)
            notes.append(f"graded {found!r} as {name}.ipynb")
        else:
            seen = f"found {', '.join(repr(p) for p in others)}" if others else "no other notebook found"
            problems.append(f"{name}.ipynb is missing ({seen}); rename the file to {name}.ipynb and submit again")
    return notes, problems
