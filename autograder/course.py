"""The course layout: modules (assignments) and the nbgrader course root, and running nbgrader."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from academy import paths

MODULE_DIR = re.compile(r"^\d\d-[a-z0-9-]+$")


def root() -> Path:
    return paths.require_repo()


def course_root() -> Path:
    return root() / "course"


def modules() -> list[str]:
    """Assignment ids: the folders under modules/ named NN-slug."""
    return sorted(p.name for p in (root() / "modules").iterdir() if p.is_dir() and MODULE_DIR.match(p.name))


def resolve(names: list[str] | None) -> list[str]:
    """Module ids from full ids or bare numbers ("06"); all modules when none are given."""
    known = modules()
    if not names:
        return known
    chosen = []
    for name in names:
        hits = [m for m in known if m == name or m.split("-", 1)[0] == name.zfill(2)]
        if not hits:
            raise SystemExit(f"No module {name!r}. Modules: {', '.join(known)}")
        chosen.extend(hits)
    return chosen


def source_notebooks(module: str) -> list[Path]:
    return sorted((root() / "modules" / module).glob("*.ipynb"))


def tool_env() -> dict:
    """The environment for nbgrader and kernels: this Python's bin first (nbgrader calls alembic)."""
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env.setdefault("MPLBACKEND", "Agg")
    env["PYTHONWARNINGS"] = "ignore"
    return env


def nbgrader(*args: str, check: bool = True, quiet: bool = False) -> subprocess.CompletedProcess:
    """Run a stock nbgrader command from the course root."""
    cmd = [sys.executable, "-m", "nbgrader", *args]
    result = subprocess.run(cmd, cwd=course_root(), env=tool_env(), text=True, capture_output=True)
    if result.returncode != 0 and check:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"nbgrader {' '.join(args)} failed (exit {result.returncode}).")
    if not quiet and result.returncode == 0:
        errors = [line for line in result.stderr.splitlines() if "| ERROR]" in line]
        for line in errors:
            print(line)
    return result


def load_config():
    """course/nbgrader_config.py as a traitlets Config (what nbgrader's own commands read)."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(course_root())).load_config()
