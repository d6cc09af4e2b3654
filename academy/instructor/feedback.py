"""Feedback that does not give away the hidden tests.

Stock ``nbgrader generate_feedback`` renders the autograded notebook, whose test cells hold the
hidden tests again (the grader restored them), and whose tracebacks quote the failing hidden
line. ``HideHiddenTests`` runs inside nbgrader's feedback converter (see
course/nbgrader_config.py), so the stock command and ``academy feedback`` both use it.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor

from academy.instructor import course

_HIDDEN = re.compile(r"\n?[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*", re.S)


def strip_hidden(source: str) -> str:
    return _HIDDEN.sub("", source)


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests from test cells and reduce their tracebacks to the message."""

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cell.source = strip_hidden(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    # The message is the check's feedback; the traceback would quote test code.
                    output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources


def generate(module: str) -> None:
    course.nbgrader("generate_feedback", module, "--force", quiet=True)
    out = course.course_root() / "feedback"
    leaked = [p for p in out.rglob("*.html") if "BEGIN HIDDEN TESTS" in p.read_text(encoding="utf-8", errors="replace")]
    if leaked:
        raise SystemExit(f"Feedback would reveal hidden tests in {len(leaked)} file(s); none written is safe.")
    count = len(list(out.glob(f"*/{module}/*.html")))
    print(f"feedback for {module}: {count} file(s) in course/feedback/<student>/{module}/")
