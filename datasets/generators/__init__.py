"""Generators for the course datasets: each module turns a seed or a source file into tables."""
