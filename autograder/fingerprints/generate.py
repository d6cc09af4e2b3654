"""``academy fingerprints [MODULE ...] [--check]``: regenerate or verify academy/exercises/mNN/fingerprints.json.

Each module runs in its own subprocess (``child.py``): a fresh IPython shell, MPLBACKEND=Agg,
a fixed hash seed. Modules whose exercises are not yet a package (mNN/) are skipped, and say so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from academy import paths
from autograder.fingerprints import notebook
from autograder.fingerprints.observe import drift

CHILD_SECONDS = 900


def package_dir(module: str) -> Path:
    return paths.require_repo() / "academy" / "exercises" / f"m{module[:2]}"


def converted(module: str) -> bool:
    return (package_dir(module) / "__init__.py").is_file()


def run_child(module: str, cases: bool = False) -> dict:
    """Run one module's source notebook in a fresh interpreter; the child's JSON result."""
    with tempfile.TemporaryDirectory(prefix="academy-fingerprints-") as tmp:
        out = Path(tmp) / "result.json"
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "ACADEMY_MODE": "graded"}
        env.pop("NBGRADER_EXECUTION", None)
        env["PYTHONPATH"] = os.pathsep.join([str(paths.require_repo())] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        cmd = [sys.executable, "-m", "autograder.fingerprints.child", module, str(out)] + (["--cases"] if cases else [])
        run = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True, timeout=CHILD_SECONDS)
        if not out.is_file():
            raise RuntimeError(f"{module}: the fingerprint run crashed:\n{run.stderr[-2000:]}")
        result = json.loads(out.read_text(encoding="utf-8"))
    if "error" in result:
        raise RuntimeError(f"{module}: {result['error']}\n{result.get('traceback', '')}")
    return result


def render(store: dict) -> str:
    """fingerprints.json text: one line per check, sorted, so that a regeneration diffs by check."""
    lines = ["{", f' "generated_by": {json.dumps(store["generated_by"])},', f' "module": {json.dumps(store["module"])},',
             ' "exercises": {']
    names = sorted(store["exercises"])
    for i, name in enumerate(names):
        checks = store["exercises"][name]
        lines.append(f"  {json.dumps(name)}: {{")
        keys = sorted(checks)
        for j, key in enumerate(keys):
            body = json.dumps(checks[key], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            lines.append(f"   {json.dumps(key)}: {body}" + ("," if j < len(keys) - 1 else ""))
        lines.append("  }" + ("," if i < len(names) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def write(module: str, store: dict) -> Path:
    path = package_dir(module) / "fingerprints.json"
    path.write_text(render(store), encoding="utf-8")
    return path


def compare(module: str, result: dict) -> list[str]:
    """Drift between the stored file and a fresh run, each line naming exercise and check."""
    path = package_dir(module) / "fingerprints.json"
    if not path.is_file():
        return [f"{module}: {path} is missing; run `academy fingerprints {module[:2]}`"]
    stored = json.loads(path.read_text(encoding="utf-8"))
    return [f"{module}: {line}" for line in drift(stored, result["store"], result["ids"])]


def main(modules: list[str], check: bool = False) -> int:
    """Regenerate (or with ``check`` verify) the modules' fingerprints; 0 ok, 1 drift or failure."""
    chosen = [notebook.module_id(m) for m in modules] if modules else notebook.all_modules()
    status = 0
    for module in chosen:
        if not converted(module):
            print(f"skipped {module}: its exercises are not a package yet (academy/exercises/m{module[:2]}/)")
            continue
        try:
            result = run_child(module)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"FAILED  {module}: {error}", file=sys.stderr)
            status = 1
            continue
        if check:
            problems = compare(module, result)
            for line in problems:
                print(f"DRIFT   {line}", file=sys.stderr)
            if problems:
                print(f"        regenerate with `academy fingerprints {module[:2]}` once the change is meant", file=sys.stderr)
                status = 1
            else:
                print(f"ok      {module}: fingerprints match the source notebook ({result['seconds']} s)")
        else:
            path = write(module, result["store"])
            count = sum(len(v) for v in result["store"]["exercises"].values())
            print(f"wrote   {path} ({count} checks, {result['seconds']} s)")
    return status
