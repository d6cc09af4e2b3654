"""The leak scanner: what counts as a secret line when several modules are scanned together."""

import json

from autograder import course, leaks


def _notebook(path, *sources):
    cells = [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in sources]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


def test_a_line_one_module_shows_openly_is_not_secret_in_a_multi_module_scan(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "root", lambda: tmp_path)
    shared = "started = time.perf_counter()"
    secret = "answer = sorted(records, key=len)[::-1]"
    _notebook(tmp_path / "modules/a/a.ipynb", f"### BEGIN SOLUTION\n{shared}\n{secret}\n### END SOLUTION\n")
    _notebook(tmp_path / "modules/b/b.ipynb", f"{shared}\nprint('timing')\n")
    assert shared in leaks.solution_lines("a")  # alone, module a never shows it
    both = leaks.solution_lines(["a", "b"])
    assert shared not in both and secret in both
    assert leaks.leaks_in_text(f"x\n{secret}\n", both, "page") != []
    assert leaks.leaks_in_text(f"x\n{shared}\n", both, "page") == []
