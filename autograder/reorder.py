"""Test cells dragged above their answers. A learner who drags a locked test cell above the answer
it tests (or the answer below its test) would lose those points: the test runs before the answer
exists. Stock nbgrader grades the cells where they stand. Run after RestoreCells, this moves each
test cell back below the last answer cell that came before it in the source notebook, and notes it.
Only test cells move; the learner's own cells keep their order.
"""

from __future__ import annotations

import os

import nbformat
from nbgrader import utils
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder import outcome


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id") if "nbgrader" in cell.metadata else None


def _is_answer(cell) -> bool:
    return cell.cell_type == "code" and utils.is_solution(cell)


def _is_test(cell) -> bool:
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def source_order(path: str) -> list[tuple[str, str]]:
    """(grade id, "answer" or "test") of the source notebook's code answer and test cells, in order."""
    nb = nbformat.read(path, as_version=4)
    return [(_grade_id(c), "answer" if _is_answer(c) else "test")
            for c in nb.cells if _is_answer(c) or _is_test(c)]


class MoveTestsBelowAnswers(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        path = os.path.join(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]),
                            f"{info['notebook']}.ipynb")
        try:
            order = source_order(path)
        except (OSError, ValueError) as problem:  # no source here: grade the cells where they stand
            self.log.warning("Cannot read the source notebook %s (%s): test cells are not reordered", path, problem)
            return nb, resources
        answers_before: list[str] = []
        for grade_id, kind in order:
            if kind == "answer":
                answers_before.append(grade_id)
                continue
            self._move_below(nb, grade_id, answers_before)
        return nb, resources

    def _move_below(self, nb, test_id: str, answer_ids: list[str]) -> None:
        where = {_grade_id(c): i for i, c in enumerate(nb.cells) if _grade_id(c)}
        if test_id not in where:
            return
        below = [where[a] for a in answer_ids if a in where]
        if not below or max(below) < where[test_id]:
            return
        last_answer = nb.cells[max(below)]
        test = nb.cells.pop(where[test_id])
        nb.cells.insert(nb.cells.index(last_answer) + 1, test)
        outcome.note("graded", f"test cell {test_id} stood above its answer and was moved below it")
