"""Time and peak memory of `datasets/build.py` at 100,000 and 1,000,000 people.

    python bench/datasets_bench.py [--sizes 100000 1000000] [--seed S]

Each size builds in its own child process (so peak memory is that build's alone) into a
temporary folder; results go to bench/results/datasets.json (gitignored) and a table is printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import resource, sys, time, importlib.util
spec = importlib.util.spec_from_file_location("build", sys.argv[1])
build = importlib.util.module_from_spec(spec); spec.loader.exec_module(build)
start = time.perf_counter()
build.build(sys.argv[2], people=int(sys.argv[3]), seed=int(sys.argv[4]))
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(people: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "datasets" / "build.py"), out, str(people), str(seed)],
                              capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        build_s, rss_kb = done.stdout.split()
        size = sum(p.stat().st_size for p in Path(out, "data").iterdir())
    return {"people": people, "seed": seed, "build_seconds": round(float(build_s), 1),
            "process_seconds": round(wall, 1), "peak_rss_mb": round(int(rss_kb) / 1024), "data_mb": round(size / 1e6, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=20221)
    args = parser.parse_args(argv)
    rows = [measure(n, args.seed) for n in args.sizes]
    print(f"{'people':>10} {'build s':>8} {'process s':>10} {'peak RSS MB':>12} {'data MB':>8}")
    for r in rows:
        print(f"{r['people']:>10,} {r['build_seconds']:>8} {r['process_seconds']:>10} {r['peak_rss_mb']:>12} {r['data_mb']:>8}")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "datasets.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
