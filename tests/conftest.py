"""Shared fixtures: a throwaway copy of the course, so tests never touch the real gradebook."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def progress_kept_apart(tmp_path_factory):
    """Checks run by tests record learner progress in a throwaway file, not the tester's own."""
    os.environ["ACADEMY_PROGRESS"] = str(tmp_path_factory.mktemp("progress") / "progress.json")


def module_ids() -> list[str]:
    return sorted(p.parent.name for p in ROOT.glob("modules/[0-9][0-9]-*/*.ipynb"))


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory):
    """A copy of modules/ and course/ config; datasets/ linked. ACADEMY_REPO points at it."""
    top = tmp_path_factory.mktemp("course-copy")
    shutil.copytree(ROOT / "modules", top / "modules", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (top / "course").mkdir()
    shutil.copy(ROOT / "course" / "nbgrader_config.py", top / "course")
    (top / "datasets").symlink_to(ROOT / "datasets")
    saved = os.environ.get("ACADEMY_REPO")
    os.environ["ACADEMY_REPO"] = str(top)
    yield top
    if saved is None:
        os.environ.pop("ACADEMY_REPO", None)
    else:
        os.environ["ACADEMY_REPO"] = saved
