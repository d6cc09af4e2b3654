"""Time and memory of each module: solution notebook executed (kernel start included), one autograde.

    .venv/bin/python bench/module_bench.py [MODULE ...]

Targets (from the course spine): under 60 s and under 600 MiB peak per module on 2 cores, so a
hub serves many trainees per machine. Results are printed and written to bench/results/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"

# Run in a child process so that RUSAGE_CHILDREN there is the kernel's peak, nothing else's.
EXECUTE = r"""
import json, resource, sys, time
from pathlib import Path
from autograder import execute, notebooks
path = Path(sys.argv[1])
start = time.perf_counter()
done = execute.run(notebooks.read(path), cwd=path.parent)
seconds = time.perf_counter() - start
scores = execute.scores(done)
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "kernel_peak_mib": peak_kib / 1024,
                  "passed": sum(s.passed for s in scores), "tests": len(scores)}))
"""


def bench_execute(notebook: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", EXECUTE, str(notebook)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_autograde(module: str, notebook: Path) -> float:
    """Seconds for stock `nbgrader autograde` of one submission (the reference solution)."""
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        shutil.copytree(ROOT / "modules", top / "modules")
        (top / "course").mkdir()
        shutil.copy(ROOT / "course" / "nbgrader_config.py", top / "course")
        (top / "datasets").symlink_to(ROOT / "datasets")
        env = {**os.environ, "ACADEMY_REPO": str(top), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
        run = lambda *a: subprocess.run([sys.executable, "-m", "nbgrader", *a], cwd=top / "course", env=env, capture_output=True, text=True, check=True)  # noqa: E731
        run("generate_assignment", module, "--force")
        target = top / "course" / "submitted" / "bench" / module
        target.mkdir(parents=True)
        shutil.copy(notebook, target)
        start = time.perf_counter()
        run("autograde", module, "--force")
        return time.perf_counter() - start


def main(argv: list[str]) -> int:
    modules = argv or sorted(p.parent.name for p in ROOT.glob("modules/[0-9][0-9]-*/*.ipynb"))
    rows = []
    for module in modules:
        notebook = sorted((ROOT / "modules" / module).glob("*.ipynb"))[0]
        result = bench_execute(notebook)
        result["autograde_seconds"] = bench_autograde(module, notebook)
        result["module"] = module
        rows.append(result)
        print(
            f"{module:<32} execute {result['seconds']:6.1f} s   kernel peak {result['kernel_peak_mib']:6.0f} MiB   "
            f"autograde (1 submission) {result['autograde_seconds']:6.1f} s   tests {result['passed']}/{result['tests']}",
            flush=True,
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"modules-{stamp}.json").write_text(json.dumps(rows, indent=1) + "\n")
    slow = [r["module"] for r in rows if r["seconds"] > 60 or r["kernel_peak_mib"] > 600]
    if slow:
        print("over the 60 s / 600 MiB target: " + ", ".join(slow))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
