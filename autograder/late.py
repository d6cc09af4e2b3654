"""Due dates and late penalties per module, the nbgrader way.

The due date lives in the gradebook (``Assignment.duedate``, which nbgrader's lateness uses);
``c.LatePolicy.due_dates`` in course/nbgrader_config.py writes it there before grading, so the
course config says it in one place. The penalty is nbgrader's AssignLatePenalties with this
plugin (``c.AssignLatePenalties.plugin_class``): stock LateSubmissionPlugin knows only
none/zero for the whole course; this adds a fraction of the score per started day, per module.
"""

from __future__ import annotations

import math

from nbgrader.api import Gradebook
from nbgrader.plugins import LateSubmissionPlugin
from nbgrader.utils import parse_utc
from traitlets import Dict, Float


class LatePolicy(LateSubmissionPlugin):
    due_dates = Dict({}, help="module -> due date, e.g. '2026-12-01 17:00:00 UTC'.").tag(config=True)
    per_day = Dict({}, help="module -> fraction of the score lost per started day late.").tag(config=True)
    default_per_day = Float(0.0, help="Fraction per started day for modules not in per_day.").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        """Points to subtract (at most ``score``), or None for no penalty."""
        if self.penalty_method == "zero":
            return super().late_submission_penalty(student_id, score, total_seconds_late)
        rate = float(self.per_day.get(getattr(self.parent, "assignment_id", None), self.default_per_day))
        if rate <= 0 or total_seconds_late <= 0:
            return None
        return min(score, score * rate * math.ceil(total_seconds_late / 86400))


def apply_due_date(config, module: str, db_url: str) -> None:
    """Write the configured due date of ``module`` (if any) into the gradebook."""
    due = LatePolicy(config=config).due_dates.get(module)
    if due:
        with Gradebook(db_url) as gb:
            gb.update_or_create_assignment(module, duedate=parse_utc(due))
