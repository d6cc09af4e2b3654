"""Throughput of sandboxed `academy autograde --jobs N` against stock sequential `nbgrader
autograde` on the same submissions (copies of a module's reference solution), in one run, and
the per-submission cost of the sandbox and guard against executing the same notebook bare.
Writes bench/results/autograde-<time>.json and prints it, with the machine's load.

    .venv/bin/python bench/autograde_bench.py [--module 06] [--submissions 40] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Stock nbgrader, as shipped: its own preprocessor lists, an unsandboxed local kernel.
STOCK = """
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import *
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
c.Autograde.autograde_preprocessors = [Execute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
"""


def make(top: Path, module: str, count: int, stock: bool) -> dict:
    shutil.copytree(ROOT / "modules" / module, top / "modules" / module)
    (top / "course").mkdir(parents=True)
    config = (ROOT / "course" / "nbgrader_config.py").read_text() + (STOCK if stock else "")
    (top / "course" / "nbgrader_config.py").write_text(config)
    shutil.copy(ROOT / "course" / "sandbox.yaml", top / "course")
    (top / "datasets").symlink_to(ROOT / "datasets")
    env = dict(os.environ, ACADEMY_REPO=str(top), PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", module, "--force"],
                   cwd=top / "course", env=env, check=True, capture_output=True)
    for source in (top / "modules" / module).glob("*.ipynb"):  # the reference solution, as submitted
        for i in range(count):
            folder = top / "course" / "submitted" / f"s{i:03d}" / module
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / source.name)
    return env


def timed(cmd: list[str], cwd: Path, env: dict) -> float:
    start = time.monotonic()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.monotonic() - start


def scores(top: Path, module: str) -> list[float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{top / 'course' / 'gradebook.db'}") as gb:
        return sorted({float(s.score) for s in gb.find_assignment(module).submissions})


def per_notebook(top: Path, module: str, sandboxed: bool, repeat: int) -> float:
    """Mean seconds to execute the solution: bare nbclient, or guard + sandboxed Execute."""
    from nbclient import NotebookClient
    from traitlets.config import Config

    from autograder import guarding, kernel, outcome

    source = next((top / "modules" / module).glob("*.ipynb"))
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    shutil.copytree(source.parent, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.ipynb"))
    times = []
    for _ in range(repeat):
        nb = nbformat.read(str(source), as_version=4)
        start = time.monotonic()
        if sandboxed:
            resources = {"nbgrader": {"assignment": module}, "metadata": {"path": str(work)}}
            config = Config({"Execute": {"timeout": 300}, "SandboxedExecute": {"limits_file": str(top / "course" / "sandbox.yaml")}})
            nb, resources = guarding.GuardTests().preprocess(nb, resources)
            nb, resources = kernel.SandboxedExecute(config=config).preprocess(nb, resources)
            guarding.ScoreGuardedTests().preprocess(nb, resources)
            outcome.take()
        else:
            NotebookClient(nb, kernel_name="python3", timeout=300, allow_errors=True,
                           resources={"metadata": {"path": str(work)}}).execute()
        times.append(time.monotonic() - start)
    shutil.rmtree(work, ignore_errors=True)
    return sum(times) / len(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--module", default="06")
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the per-notebook comparison")
    args = parser.parse_args(argv)
    module = next(p.name for p in sorted((ROOT / "modules").iterdir()) if p.name.split("-")[0] == args.module.zfill(2))
    base = Path(tempfile.mkdtemp(prefix="agbench-"))
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    stock_env = make(base / "stock", module, args.submissions, stock=True)
    ours_env = make(base / "ours", module, args.submissions, stock=False)
    stock = timed([sys.executable, "-m", "nbgrader", "autograde", module, "--force"], base / "stock" / "course", stock_env)
    ours = timed([str(Path(sys.executable).parent / "academy"), "autograde", module, "--jobs", str(args.jobs)],
                 base / "ours" / "course", ours_env)
    os.environ["ACADEMY_REPO"] = str(base / "ours")
    bare = per_notebook(base / "ours", module, False, args.repeat)
    boxed = per_notebook(base / "ours", module, True, args.repeat)
    results = {
        "module": module, "submissions": args.submissions, "jobs": args.jobs, "cores": os.cpu_count(),
        "loadavg_before": load_before, "loadavg_after": Path("/proc/loadavg").read_text().split()[:3],
        "stock_sequential_seconds": round(stock, 2), "academy_sandboxed_seconds": round(ours, 2),
        "throughput_ratio": round(stock / ours, 2),
        "stock_scores": scores(base / "stock", module), "academy_scores": scores(base / "ours", module),
        "bare_execute_seconds_per_notebook": round(bare, 3),
        "sandboxed_guarded_execute_seconds_per_notebook": round(boxed, 3),
        "sandbox_overhead_seconds_per_notebook": round(boxed - bare, 3),
        "academy_wall_seconds_per_submission_per_worker": round(ours * args.jobs / args.submissions, 3),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"autograde-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
