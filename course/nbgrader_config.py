"""nbgrader configuration for the course root (this folder).

Source notebooks live in ../modules/<assignment>/ (the folder name is the assignment id);
nbgrader writes the student versions to release/, grades submitted/ into autograded/ and keeps
the gradebook beside this file. Run stock nbgrader commands from this folder.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = os.environ.get("ACADEMY_COURSE_ID", "public-sector-data-academy")
c.CourseDirectory.source_directory = os.path.join("..", "modules")
# SQLite beside this file by default; a shared PostgreSQL gradebook for several graders by URL.
c.CourseDirectory.db_url = os.environ.get("ACADEMY_DB_URL") or "sqlite:///" + os.path.join(HERE, "gradebook.db")
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# The exchange between instructor and learners (release_assignment, fetch, submit, collect);
# nbgrader's default /srv/nbgrader/exchange unless ACADEMY_EXCHANGE names another folder.
if os.environ.get("ACADEMY_EXCHANGE"):
    c.Exchange.root = os.environ["ACADEMY_EXCHANGE"]
# Collect copies symbolic links as links (nbgrader's would read their targets as the instructor).
c.ExchangeFactory.collect = "autograder.collect.SafeCollect"

# The stub that replaces a solution: it fails loudly, and the exercise checks read it as
# "not attempted" rather than showing a traceback.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Grading is nbgrader's own Autograde converter and preprocessors; the course adds only what
# nbgrader lacks (the `autograder` package): KeepSplitCells (answers split in two), RestoreCells
# (OverwriteCells that notes what it put back), MoveTestsBelowAnswers (a test cell dragged above its
# answer goes back below it), GuardTests/ScoreGuardedTests (tests scored
# outside the learner's reach), SandboxedExecute (nbgrader's Execute in bubblewrap).
try:
    from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, GetGrades, IgnorePattern,
        LimitOutput, OverwriteKernelspec, SaveAutoGrades)

    from autograder.feedback import HideHiddenTests
    from autograder.guarding import GuardTests, ScoreGuardedTests
    from autograder.kernel import SandboxedExecute
    from autograder.late import LatePolicy
    from autograder.reorder import MoveTestsBelowAnswers
    from autograder.restore import RestoreCells
    from autograder.split_cells import KeepSplitCells
except ImportError as missing:  # the course package is not installed in this environment
    raise RuntimeError(
        "The course's nbgrader configuration needs the `autograder` package: install the course "
        "with `pip install -e .` from the repository root."
    ) from missing

c.Autograde.sanitize_preprocessors = [
    ClearOutput, KeepSplitCells, DeduplicateIds, OverwriteKernelspec, RestoreCells, MoveTestsBelowAnswers,
    CheckCellMetadata]
c.Autograde.autograde_preprocessors = [
    GuardTests, SandboxedExecute, ScoreGuardedTests, IgnorePattern, ClearMetadataPreprocessor,
    LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
c.RestoreCells.add_missing_cells = True  # a deleted test cell comes back and is scored

# Per-cell limit: a cell still running after this is interrupted and the rest is graded.
# Sandbox limits (memory, processes, wall time, output) are in sandbox.yaml.
c.Execute.timeout = 60
# After the interrupt, how long a (busy) kernel may take to report back before the rest of the
# notebook is given up (nbclient's default of 4 s gave up on a loaded machine).
c.Execute.iopub_timeout = 20
c.ExecutePreprocessor.timeout = 180
c.LimitOutput.max_lines = 1000

# Lateness: submission times come from the exchange (`academy collect`); due dates and the
# penalty per module are set here, e.g.
#   c.LatePolicy.due_dates = {"06-differential-privacy": "2026-12-01 17:00:00 UTC"}
#   c.LatePolicy.per_day = {"06-differential-privacy": 0.1}   # 10% of the score per started day
c.AssignLatePenalties.plugin_class = LatePolicy
c.LatePolicy.due_dates = {}
c.LatePolicy.per_day = {}

# Feedback must not reveal hidden tests (stock feedback shows them): strip them in the
# feedback converter itself, so that `nbgrader generate_feedback` is safe too.
c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
