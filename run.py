#!/usr/bin/env python3
"""Set up and open the course, or run its tests: the only two commands a newcomer needs.

    python3 run.py lab [--no-browser] [--port 8888] [--dir workspace]   # set up, open JupyterLab
    python3 run.py test [pytest arguments]             # set up, then run every test

Both create ./.venv on first use and install the course into it (again only when
pyproject.toml changes), so they are safe to re-run. `lab` copies the released modules into
./workspace/ without ever overwriting a learner's work.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".academy-installed"


def say(message: str) -> None:
    print(f"[academy] {message}", flush=True)


def ensure_environment() -> None:
    if sys.version_info < (3, 10):
        sys.exit(f"The course needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv (first run only)")
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # e.g. Debian without python3-venv
            sys.exit(f"Could not create .venv ({error}). On Debian or Ubuntu: apt-get install python3-venv")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("installing the course and its dependencies (a few minutes the first time)")
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + ["--editable", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted + "\n")


def tool_env(**extra: str) -> dict:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    env.update(extra)
    return env


def lab(args: list[str]) -> int:
    no_browser = "--no-browser" in args
    port = args[args.index("--port") + 1] if "--port" in args else "8888"
    workspace = Path(args[args.index("--dir") + 1]).resolve() if "--dir" in args else ROOT / "workspace"
    subprocess.run([str(BIN / "academy"), "workspace", "--dir", str(workspace)], check=True, env=tool_env())
    token = secrets.token_hex(16)
    command = [
        str(BIN / "jupyter"), "lab", f"--notebook-dir={workspace}", f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0",
    ]
    if no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    say(f"open http://127.0.0.1:{port}/lab?token={token}  (Ctrl+C stops the server)")
    # Self-paced learners may ask an exercise for its worked solution; graded hubs never set this.
    env = tool_env(ACADEMY_MODE="self-paced", ACADEMY_REPO=str(ROOT))
    try:
        return subprocess.run(command, env=env).returncode
    except KeyboardInterrupt:
        return 0


def test(args: list[str]) -> int:
    return subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=tool_env()).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test"}:
        print(__doc__)
        return 2
    ensure_environment()
    return lab(argv[1:]) if argv[0] == "lab" else test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
