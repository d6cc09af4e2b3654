"""Cells that appear twice: answers split in two, locked cells copied.

JupyterLab's Split Cell copies the nbgrader metadata to both parts. nbgrader's DeduplicateIds
keeps the last copy and leaves the others an empty nbgrader entry, which its CheckCellMetadata
then rejects, failing the whole notebook (nbgrader 0.9.6). Running before DeduplicateIds, this
keeps every part where the learner put it: earlier parts of a code answer become ordinary code
cells (their code runs in place); parts of a written answer join its last part (the tutor marks
the whole text); extra copies of a locked cell become ordinary cells and nbgrader restores the
last copy.
"""

from __future__ import annotations

from collections import Counter

from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder import outcome


def _grade_id(cell):
    if utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell):
        return cell.metadata.nbgrader.get("grade_id")
    return None


class KeepSplitCells(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        counts = Counter(_grade_id(c) for c in nb.cells)
        for grade_id in sorted(g for g, n in counts.items() if g and n > 1):
            parts = [c for c in nb.cells if _grade_id(c) == grade_id]
            last = parts[-1]
            answer = utils.is_solution(last) and not utils.is_locked(last)
            for part in parts[:-1]:
                del part.metadata["nbgrader"]
                if answer and part.cell_type == "markdown" and last.cell_type == "markdown":
                    last.source = part.source.rstrip("\n") + "\n\n" + last.source
                    nb.cells.remove(part)
            if answer:
                outcome.note("graded", f"answer {grade_id} was split into {len(parts)} cells; all of them kept")
            else:
                outcome.note("restored", f"cell {grade_id} appeared {len(parts)} times; the last copy is graded")
        return nb, resources
