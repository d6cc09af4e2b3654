"""The instructor side of the course: release, collect, autograde, feedback and grades.

Grading is nbgrader's own ``Autograde`` converter with its stock preprocessors, configured in
course/nbgrader_config.py; this package adds only what nbgrader lacks (a sandboxed kernel, the
test-cell guard, split answer cells, renamed notebooks, per-module late policy, statuses).
Learners never need it: ``academy`` does not import it.
"""
