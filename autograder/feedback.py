"""Feedback that does not give away the hidden tests and does not mislead.

Stock ``nbgrader generate_feedback`` renders the autograded notebook, whose test cells hold the
hidden tests again (the grader restored them), and whose tracebacks quote the failing hidden
line. ``HideHiddenTests`` runs inside nbgrader's feedback converter (course/nbgrader_config.py,
after GetGrades), so the stock command and ``academy feedback`` both use it. It also keeps a
check's message free of the exception's class name, and marks written answers that no tutor
has marked yet (nbgrader's template would show "Score: 0.0") so ``academy feedback`` can say so.
"""

from __future__ import annotations

import builtins
import re

from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from autograder import course

UNMARKED = float("nan")  # rendered "nan" by nbgrader's template; generate() rewrites it
_PENDING = re.compile(r"Score: nan / ([0-9.]+)")


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests (nbgrader's delimiters, as configured) and reduce tracebacks to the message."""

    def preprocess(self, nb, resources):
        clear = ClearHiddenTests(parent=self)
        self._hidden = re.compile(rf"\n?[ \t]*### {re.escape(clear.begin_test_delimeter)}.*?"
                                  rf"### {re.escape(clear.end_test_delimeter)}[ \t]*", re.S)
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            self._unmarked = {g.name for g in gb.find_submission_notebook(info["notebook"], info["assignment"], info["student"]).grades
                              if g.auto_score is None and g.manual_score is None}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if utils.is_grade(cell) and cell.metadata.nbgrader.get("grade_id") in self._unmarked:
            cell.metadata.nbgrader["score"] = UNMARKED
        if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell):
            cell.source = self._hidden.sub("", cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [message(output)]
        return cell, resources


def message(error: dict) -> str:
    """What a learner reads for a failed check: the check's own message; Python's errors keep their name."""
    name, text = error.get("ename", ""), str(error.get("evalue", "")).strip()
    if isinstance(getattr(builtins, name, None), type):  # NameError, TypeError, ...: the name helps
        return f"{name}: {text}" if text else f"{name} (no message)"
    return text or "This check did not pass."


def generate(module: str) -> list[str]:
    """Write feedback for every autograded submission; returns the students without feedback."""
    root = course.course_root()
    course.nbgrader("generate_feedback", module, "--force", quiet=True)
    out = root / "feedback"
    pages = list(out.glob(f"*/{module}/*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "BEGIN HIDDEN TESTS" in html:
            page.unlink()
            raise SystemExit(f"Feedback would reveal hidden tests ({page}); it was removed.")
        page.write_text(_PENDING.sub(r"To be marked by a tutor (\1 points)", html), encoding="utf-8")
    submitted = {p.parent.name for p in (root / "submitted").glob(f"*/{module}")}
    missing = sorted(submitted - {p.parent.parent.name for p in pages})
    print(f"feedback for {module}: {len(pages)} file(s) in course/feedback/<student>/{module}/")
    return missing
