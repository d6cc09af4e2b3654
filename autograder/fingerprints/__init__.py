"""Regenerable fingerprints and per-exercise cases for the exercise packages (maintainer side).

``academy fingerprints [MODULE] [--check]`` runs each module's SOURCE notebook in a fresh IPython
shell in a subprocess (``child.py``), asks every fingerprinted check for the value it observes
on the reference namespace and on the namespaces of the wrong-answer fixtures its ``mistakes``
name, and writes ``academy/exercises/mNN/fingerprints.json`` (``generate.py``). The same run can
evaluate every exercise against the reference, its stub and each fixture (``cases.py``), which
the per-exercise tests use. Nothing here is installed for learners.
"""
