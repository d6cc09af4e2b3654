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

# The stub that replaces a solution: it fails loudly, and the exercise checks read it as
# "not attempted" rather than showing a traceback.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Generous per-cell limit; the sandboxed autograder sets its own wall-time limits.
c.ExecutePreprocessor.timeout = 180
c.Execute.timeout = 180

# Feedback must not reveal hidden tests (stock feedback shows them): strip them in the
# feedback converter itself, so that `nbgrader generate_feedback` is safe too.
try:
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    from academy.instructor.feedback import HideHiddenTests

    c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
except ImportError as missing:  # the course package is not installed in this environment
    raise RuntimeError(
        "The course's nbgrader configuration needs the `academy` package: install the course "
        "with `pip install -e .` from the repository root."
    ) from missing
