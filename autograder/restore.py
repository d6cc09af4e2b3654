"""nbgrader's OverwriteCells, noting what it put back so the grade export can say `restored`.

Stock OverwriteCells reports changed locked cells, cell types and points to the log only; an
instructor reading the grades needs it per submission, in words that do not accuse. Configure
``c.RestoreCells.add_missing_cells = True`` so deleted test cells come back and are scored.
"""

from __future__ import annotations

import re

from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells

from autograder import outcome

_WHAT = {"cell_type": "had its cell type changed back",
         "locked": "had its lock changed back", "points": "had its points changed back"}


class RestoreCells(OverwriteCells):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            cells = gb.find_notebook(info["notebook"], info["assignment"]).source_cells
            self._locked = {c.name: c.source for c in cells if c.locked}
        hidden = ClearHiddenTests(parent=self)
        self._hidden = re.compile(rf"[ \t]*### {re.escape(hidden.begin_test_delimeter)}.*?"
                                  rf"### {re.escape(hidden.end_test_delimeter)}", re.S)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        name = cell.metadata.get("nbgrader", {}).get("grade_id")
        # The released test cell lacks the hidden tests, so nbgrader's checksum always differs
        # there; compare with what the learner was given instead.
        if name in self._locked and _words(cell.source) != _words(self._hidden.sub("", self._locked[name])):
            outcome.note("restored", f"cell {name} was edited and was put back")
        return super().preprocess_cell(cell, resources, index)

    def report_change(self, name, attr, old, new):
        super().report_change(name, attr, old, new)
        if attr == "checksum":
            return
        # An answer cell turned into markdown keeps the learner's text as code: nothing to flag.
        status = "restored" if name in self._locked else "graded"
        outcome.note(status, f"cell {name} {_WHAT.get(attr, 'changed')}")

    def missing_cell_transform(self, source_cell, max_score, is_solution=False, is_task=False):
        outcome.note("restored", f"cell {source_cell.name} was missing and was put back")
        return super().missing_cell_transform(source_cell, max_score, is_solution, is_task)


def _words(text: str) -> str:
    return " ".join(text.split())
