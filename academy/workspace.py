"""The learner's workspace: released notebooks copied where the learner works.

Re-running never overwrites a learner's work. A file the learner has not touched since it was
delivered is updated in place; a file the learner changed stays as it is, and the new version
arrives beside it as ``<name>.updated-<id>.ipynb``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

LEDGER = ".academy-delivered.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sync(release_dir: Path, workspace: Path) -> list[str]:
    """Copy every released module into the workspace; return what happened, a line per file."""
    workspace.mkdir(parents=True, exist_ok=True)
    ledger_path = workspace / LEDGER
    ledger = json.loads(ledger_path.read_text()) if ledger_path.exists() else {}
    log = []
    for source in sorted(p for p in release_dir.rglob("*") if p.is_file()):
        rel = source.relative_to(release_dir).as_posix()
        target = workspace / rel
        new = _digest(source)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            log.append(f"new      {rel}")
        elif _digest(target) == new:
            pass
        elif ledger.get(rel) == _digest(target):
            shutil.copy2(source, target)  # untouched by the learner: safe to refresh
            log.append(f"updated  {rel}")
        else:
            beside = target.with_name(f"{target.stem}.updated-{new[:8]}{target.suffix}")
            if not beside.exists():
                shutil.copy2(source, beside)
                log.append(f"kept your {rel}; the new version is {beside.name}")
            continue  # the learner's file stays the one the ledger knows nothing new about
        ledger[rel] = new
    ledger_path.write_text(json.dumps(ledger, indent=1, sort_keys=True) + "\n")
    return log
