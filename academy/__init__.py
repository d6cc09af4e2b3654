"""Public Sector Data Academy: the helper package every course notebook imports.

Learners use three things from here:

* ``academy.data.load(name)`` - the course datasets, validated on load;
* ``academy.exercises.mNN`` - one object per exercise with ``check()``, ``hint()`` and
  ``solution()``;
* ``academy.plotting`` - colour-blind-safe chart defaults.

Instructors use the ``academy`` command (see ``academy --help``).
"""

__version__ = "0.1.0"


def setup():
    """Prepare a notebook kernel: quiet warnings under the grader, accessible plots.

    Called from every module's locked setup cell. Under nbgrader, anything written to stderr
    (a warning included) scores a test cell as zero, so warnings are silenced there only;
    learners working interactively still see them, because some (privacy leaks) teach.
    """
    from academy import mode, plotting, unanswered

    if mode.under_grader():
        mode.silence_warnings()
    else:  # a learner's Run All goes past unanswered exercises; under nbgrader stubs must fail
        unanswered.register()
    plotting.use_course_style()
