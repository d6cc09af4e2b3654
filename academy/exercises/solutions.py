"""Worked solutions, shown only to self-paced learners who ask for them.

The installed package holds no solution. In self-paced mode the text is read from the source
notebook in the learner's own checkout of the course; in graded mode it is refused.
"""

from __future__ import annotations

import json
import re

from academy import mode, paths

REFUSAL = (
    "Worked solutions are not available while this course is graded. "
    "Use .hint() for a nudge, or ask your instructor."
)
NOT_INSTALLED = (
    "No worked solutions are installed here (hub images leave them out on purpose). "
    "Use .hint(), or ask your instructor."
)
_MARKERS = {"### BEGIN SOLUTION", "### END SOLUTION"}


def _module_number(exercise_id: str) -> str:
    match = re.fullmatch(r"ex(\d\d)_\d\d", exercise_id)
    if not match:
        raise ValueError(f"not an exercise id: {exercise_id!r}")
    return match.group(1)


def text_for(exercise_id: str) -> str:
    if mode.current() != mode.SELF_PACED:
        return REFUSAL
    modules = paths.modules_dir()
    if modules is None:
        return NOT_INSTALLED
    number = _module_number(exercise_id)
    for notebook in sorted(modules.glob(f"{number}-*/*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            if grade_id == f"{exercise_id}_answer":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                # The whole cell (its def line and docstring too), without nbgrader's markers.
                body = "\n".join(line for line in source.splitlines() if line.strip() not in _MARKERS).strip("\n")
                return f"One worked solution for {exercise_id} (others can be just as right):\n\n{body}"
    return NOT_INSTALLED
