"""Exercises: one object per exercise, grouped by module (``academy.exercises.m06``)."""

from academy.exercises.core import Exercise, NotAttempted, Outcome, Result, Wrong, quiet

__all__ = ["Exercise", "NotAttempted", "Outcome", "Result", "Wrong", "quiet"]
