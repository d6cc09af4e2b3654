"""Throughput of sandboxed `academy autograde --jobs 2` against stock sequential `nbgrader
autograde` on the same 40 submissions, and the per-submission cost of the sandbox against
executing the same notebook bare. Writes bench/results/autograde-<time>.json and prints it.

    .venv/bin/python bench/autograde_bench.py [--submissions 40] [--jobs 2]
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the tiny module the sandbox tests grade

import tiny_module as tiny  # noqa: E402
from academy.instructor import limits, runner  # noqa: E402


def make(top: Path, count: int) -> Path:
    tiny.make_course(top, ROOT)
    env = dict(os.environ, ACADEMY_REPO=str(top), PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", tiny.MODULE, "--force"],
                   cwd=top / "course", env=env, check=True, capture_output=True)
    released = json.loads((top / "course" / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    variants = [tiny.SOLUTION, {}, {**tiny.SOLUTION, "a2": "total = 3"}, {"a1": tiny.SOLUTION["a1"]}]
    for i in range(count):
        tiny.submit(top / "course", f"s{i:03d}", tiny.submission(released, variants[i % len(variants)]))
    return top


def timed(cmd: list[str], cwd: Path, top: Path) -> float:
    env = dict(os.environ, ACADEMY_REPO=str(top), PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    start = time.monotonic()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.monotonic() - start


def per_notebook(top: Path, sandboxed: bool, repeat: int) -> float:
    """Mean seconds to execute one solution notebook: bare nbclient, or sandboxed with the guard."""
    from nbclient import NotebookClient

    released = json.loads((top / "course" / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    import nbformat

    nb = json.loads(json.dumps(nbformat.reads(json.dumps(tiny.submission(released, tiny.SOLUTION)), as_version=4)))
    work = Path(tempfile.mkdtemp())
    times = []
    for _ in range(repeat):
        start = time.monotonic()
        if sandboxed:
            src = json.loads((top / "modules" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
            tests = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in src["cells"]
                     if c.get("metadata", {}).get("nbgrader", {}).get("points") and c["cell_type"] == "code"}
            runner.execute(nb, tests, None, limits.Limits(), 0, True)
        else:
            NotebookClient(nbformat.from_dict(nb), kernel_name="python3", allow_errors=True,
                           resources={"metadata": {"path": str(work)}}).execute()
        times.append(time.monotonic() - start)
    shutil.rmtree(work, ignore_errors=True)
    return sum(times) / len(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="agbench-"))
    stock_top, ours_top = make(base / "stock", args.submissions), make(base / "ours", args.submissions)
    stock = timed([sys.executable, "-m", "nbgrader", "autograde", tiny.MODULE, "--force"], stock_top / "course", stock_top)
    ours = timed([str(Path(sys.executable).parent / "academy"), "autograde", tiny.MODULE, "--jobs", str(args.jobs)],
                 ours_top / "course", ours_top)
    bare, boxed = per_notebook(ours_top, False, 5), per_notebook(ours_top, True, 5)
    results = {
        "submissions": args.submissions, "jobs": args.jobs, "cores": os.cpu_count(),
        "stock_sequential_seconds": round(stock, 2), "academy_sandboxed_seconds": round(ours, 2),
        "throughput_ratio": round(stock / ours, 2),
        "bare_execute_seconds_per_notebook": round(bare, 3),
        "sandboxed_execute_seconds_per_notebook": round(boxed, 3),
        "sandbox_overhead_seconds_per_notebook": round(boxed - bare, 3),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"autograde-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
