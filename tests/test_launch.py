"""The README's first command: prepares the workspace and serves JupyterLab (no browser)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, module_ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_py_lab_serves_the_workspace(tmp_path):
    port = free_port()
    ws = tmp_path / "ws"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "run.py"), "lab", "--no-browser", "--port", str(port), "--dir", str(ws)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "ACADEMY_REPO": str(ROOT)},
    )
    url, lines = None, []
    try:
        deadline = time.time() + 180
        while time.time() < deadline and url is None:
            line = proc.stdout.readline()
            lines.append(line)
            if "open http://" in line:
                url = line.split("open ", 1)[1].split()[0]
        assert url, "".join(lines)
        for _ in range(60):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(1)
        else:
            raise AssertionError("JupyterLab did not answer")
        for module in module_ids():
            assert (ws / module).is_dir()
            released = next((ws / module).glob("*.ipynb")).read_text()
            assert "BEGIN SOLUTION" not in released and "HIDDEN TESTS" not in released
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
