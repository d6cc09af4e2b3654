"""Instructor tools behind the ``academy`` command: authoring, release, validation, grading."""
