"""Refuse submission folders holding anything but regular files and directories: a symbolic link
(to a root-only file, the gradebook or another learner's notebook) would otherwise be read as the
grader and copied into autograded/ and feedback/. Checked with lstat, so nothing is ever followed."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def unsafe_entries(folder: Path) -> list[str]:
    """Why ``folder`` may not be graded: one line per link or special file (paths relative to it)."""
    problems = []
    for path in (folder.parent, folder):  # submitted/<student> and its <module> folder themselves
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            problems.append(f"{path.name} is a symbolic link or not a folder; submit the folder itself")
    if problems:
        return problems
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            mode = os.lstat(os.path.join(top, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
                shown = os.path.relpath(os.path.join(top, name), folder)
                problems.append(f"{shown!r} is {kind}, which is not graded; submit the file itself")
    return problems
