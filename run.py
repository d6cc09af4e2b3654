#!/usr/bin/env python3
"""Set up and open the course, or run its tests: the only two commands a newcomer needs.

    python3 run.py lab [--no-browser] [--port 8888] [--dir workspace]   # set up, open JupyterLab
    python3 run.py lab --instructor [--no-browser] [--port N]           # nbgrader's instructor tools
    python3 run.py test [pytest arguments]             # set up, then run every test

Both create ./.venv on first use and install the course into it (again only when
pyproject.toml changes), so they are safe to re-run. `lab` copies the released modules into
./workspace/ without ever overwriting a learner's work.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
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


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def choose_port(wanted: int) -> int:
    """``wanted`` if free; otherwise say so (before any URL is printed) and take the next free one."""
    if port_is_free(wanted):
        return wanted
    free = next((p for p in range(wanted + 1, wanted + 100) if port_is_free(p)), None)
    if free is None:
        sys.exit(f"Port {wanted} and the 99 after it are in use. Free one, or choose one with --port N.")
    say(f"port {wanted} is already in use (is another JupyterLab still running?); using the next free port, {free}")
    return free


def learner_config() -> Path:
    """Jupyter configuration for learners: nbgrader's instructor tools (and their warnings) switched off.

    Put on JUPYTER_CONFIG_PATH, it overrides the environment's settings but not the learner's own
    ~/.jupyter. The instructor's JupyterLab (``lab --instructor``) does not use it.
    """
    folder = VENV / "academy-learner-jupyter"
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    server = {"ServerApp": {"jpserver_extensions": {f"nbgrader.server_extensions.{name}": False for name in NBGRADER_SERVER}}}
    (folder / "jupyter_server_config.json").write_text(json.dumps(server, indent=1) + "\n")
    page = {"disabledExtensions": {NBGRADER_LAB: True}}
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page, indent=1) + "\n")
    return folder


NBGRADER_SERVER = ("formgrader", "validate_assignment", "assignment_list", "course_list")
NBGRADER_LAB = "@jupyter/nbgrader"


def learner_env() -> dict:
    # Self-paced learners may ask an exercise for its worked solution; graded hubs never set this.
    return tool_env(ACADEMY_MODE="self-paced", ACADEMY_REPO=str(ROOT), JUPYTER_CONFIG_PATH=str(learner_config()))


def _die_with_parent() -> None:
    """In the child: get SIGTERM if run.py dies, even by SIGKILL (Linux only; elsewhere a no-op)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def serve(command: list[str], env: dict, cwd: Path) -> int:
    """Run JupyterLab until it exits or run.py is told to stop (Ctrl+C, SIGTERM, closed terminal).

    The server runs in its own session so that the terminal's signals reach only run.py, which
    then stops the server cleanly (it shuts its kernels down) and waits for it.
    """
    server = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=True,
                              preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    stop_asked = []  # monotonic time of the first stop signal

    def stop(signum, frame):
        stop_asked.append(time.monotonic())
        if server.poll() is None:
            server.terminate()

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    while True:
        try:
            code = server.wait(timeout=1)
            break
        except subprocess.TimeoutExpired:
            if stop_asked and time.monotonic() - stop_asked[0] > 15:
                os.killpg(server.pid, signal.SIGKILL)  # it would not stop: never leave it behind
    if stop_asked:
        say("JupyterLab stopped")
        return 0
    return code


def lab(args: list[str]) -> int:
    no_browser = "--no-browser" in args
    instructor = "--instructor" in args
    port = choose_port(int(args[args.index("--port") + 1]) if "--port" in args else 8888)
    token = secrets.token_hex(16)
    if instructor:
        # nbgrader's tools read course/nbgrader_config.py from the folder the server starts in.
        folder, env = ROOT / "course", tool_env(ACADEMY_REPO=str(ROOT))
    else:
        folder = Path(args[args.index("--dir") + 1]).resolve() if "--dir" in args else ROOT / "workspace"
        try:
            prepared = subprocess.run([str(BIN / "academy"), "workspace", "--dir", str(folder)], env=tool_env())
        except KeyboardInterrupt:
            return 130
        if prepared.returncode != 0:
            say("preparing the workspace failed (see above); nothing in it was overwritten")
            return prepared.returncode
        env = learner_env()
    command = [
        str(BIN / "jupyter"), "lab", f"--notebook-dir={folder}", f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0",
    ]
    if no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    say(f"open http://127.0.0.1:{port}/lab?token={token}")
    say("to stop the server: Ctrl+C here, or close this terminal")
    return serve(command, env, folder)


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
