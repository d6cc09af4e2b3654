"""How long `python3 run.py lab` takes to print its URL: a first start and warm starts.

    python bench/launch_bench.py [--warm 3] [--cold]

A warm start is a second start with nothing changed: it must release nothing and print the URL
in well under 10 s. ``--cold`` first forgets every module's release key (course/release/
.academy-release.json), so the first start releases all modules, as on a fresh checkout whose
environment is installed. Every server started here is stopped before the next start. Results
go to bench/results/launch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workspace: Path) -> tuple[float, list[str]]:
    """Seconds from launch to the printed URL, and what run.py printed; the server is then stopped."""
    began = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "run.py"), "lab", "--no-browser", "--port", str(free_port()), "--dir", str(workspace)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.rstrip())
            if "open http://" in line:
                printed = time.monotonic() - began
                url = line.split("open ", 1)[1].split()[0]
                while True:  # and until JupyterLab answers at that address
                    try:
                        with urllib.request.urlopen(url, timeout=5):
                            break
                    except OSError:
                        time.sleep(0.2)
                lines.append(f"answering after {time.monotonic() - began:.1f} s")
                return printed, lines
        raise SystemExit("run.py ended without a URL:\n" + "\n".join(lines[-20:]))
    finally:
        proc.send_signal(signal.SIGTERM)  # run.py stops its JupyterLab
        proc.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", type=int, default=3, help="warm starts to time (default 3)")
    parser.add_argument("--cold", action="store_true", help="forget release keys first: the first start releases all")
    args = parser.parse_args()
    if args.cold:
        (ROOT / "course" / "release" / ".academy-release.json").unlink(missing_ok=True)
    results = {"cpu_count": os.cpu_count(), "load_average_1min": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "workspace"
        first, lines = start(workspace)
        results["first_start_s"] = round(first, 1)
        results["first_start_released"] = sum("released " in line for line in lines)
        print(f"first start: URL after {first:.1f} s ({results['first_start_released']} module(s) released); {lines[-1]}")
        warm = []
        for _ in range(args.warm):
            seconds, lines = start(workspace)
            released = sum("released " in line for line in lines)
            warm.append(round(seconds, 1))
            print(f"warm start: URL after {seconds:.1f} s ({released} module(s) released); {lines[-1]}")
        results["warm_starts_s"] = warm
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "launch.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
