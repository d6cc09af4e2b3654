"""Where things are: the repository checkout (when there is one) and the packaged data."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def repo_root() -> Path | None:
    """The checkout this package runs from (editable install), or ACADEMY_REPO, else None."""
    env = os.environ.get("ACADEMY_REPO")
    candidates = [Path(env)] if env else []
    candidates.append(PACKAGE.parent)
    for root in candidates:
        if (root / "modules").is_dir() and (root / "course").is_dir():
            return root.resolve()
    return None


def require_repo() -> Path:
    root = repo_root()
    if root is None:
        raise SystemExit(
            "This command needs the course repository (modules/ and course/). Run it from a "
            "checkout installed with `pip install -e .`, or set ACADEMY_REPO to the checkout."
        )
    return root


def modules_dir() -> Path | None:
    root = repo_root()
    return root / "modules" if root else None
