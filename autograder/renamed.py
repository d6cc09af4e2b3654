"""Notebooks submitted under another name (``tiny (1).ipynb``): nbgrader grades only <name>.ipynb.
A sole or clearly matching notebook is copied to the expected name (the learner's file stays);
otherwise the message names what was found."""

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
    for name in expected:  # a copy beside the expected notebook may hold the real work: say so
        beside = [p for p in others if _copy_of(name, p)] if name not in missing else []
        if beside:
            notes.append(f"graded {name}.ipynb; {', '.join(repr(p) for p in beside)} beside it was not graded "
                         f"(if that holds the work, rename it to {name}.ipynb and submit again)")
    for name in missing:
        similar = [p for p in others if _copy_of(name, p)]
        if len(similar) == 1 or (len(expected) == 1 and len(present) == 1):
            found = similar[0] if len(similar) == 1 else present[0]
            shutil.copy2(folder / found, folder / f"{name}.ipynb")
            others.remove(found)
            notes.append(f"graded {found!r} as {name}.ipynb")
        else:
            seen = f"found {', '.join(repr(p) for p in others)}" if others else "no other notebook found"
            problems.append(f"{name}.ipynb is missing ({seen}); rename the file to {name}.ipynb and submit again")
    return notes, problems


def _copy_of(name: str, filename: str) -> bool:
    """``tiny (1).ipynb``, ``tiny-Copy1.ipynb``, ``tiny_copy.ipynb`` are copies of ``tiny``."""
    return re.fullmatch(rf"{re.escape(name)}[ _-]*(\(\d+\)|copy\d*|-Copy\d*)?\.ipynb", filename, re.I) is not None
