"""The README's first command, `python3 run.py lab`: serves the workspace, stops cleanly, says
when a port is taken, and gives learners a JupyterLab without nbgrader's instructor tools."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, module_ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def servers_on(port: int) -> list[int]:
    """Process ids of JupyterLab servers started for ``port`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"--ServerApp.port={port}".encode() in argv:
            found.append(int(entry.name))
    return found


class Lab:
    """``run.py lab`` started as a learner would, reading its output until the URL appears."""

    def __init__(self, workspace: Path, course: Path, port: int, jupyter_data: Path, *more: str):
        self.port = port
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "run.py"), "lab", "--no-browser", "--port", str(port), "--dir", str(workspace), *more],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "ACADEMY_REPO": str(course), "JUPYTER_DATA_DIR": str(jupyter_data)},
        )
        self.lines, self.url = [], None
        deadline = time.time() + 600
        while time.time() < deadline and self.url is None:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                break
            self.lines.append(line)
            if "open http://" in line:
                self.url = line.split("open ", 1)[1].split()[0]
        assert self.url, "".join(self.lines)

    def get(self, path: str) -> tuple[int, str]:
        token = self.url.split("token=")[1]
        for _ in range(90):
            try:
                with urllib.request.urlopen(f"{self.url.split('/lab')[0]}{path}?token={token}", timeout=5) as r:
                    return r.status, r.read().decode()
            except urllib.error.HTTPError as error:
                return error.code, ""
            except OSError:
                time.sleep(1)
        raise AssertionError("JupyterLab did not answer")

    def stop(self, signum=signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            self.proc.wait(timeout=60)
        finally:
            for pid in servers_on(self.port):  # never leave a server behind, even when a test fails
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def started(course_copy, tmp_path_factory):
    """A first start (releases every module) whose server the tests below share."""
    ws, data = tmp_path_factory.mktemp("ws"), tmp_path_factory.mktemp("jupyter-data")
    lab = Lab(ws, course_copy, free_port(), data)
    yield lab, ws, course_copy, data
    lab.stop()


def test_run_py_lab_serves_the_workspace(started):
    lab, ws, _, _ = started
    assert lab.get("/lab")[0] == 200
    for module in module_ids():
        released = next((ws / module).glob("*.ipynb")).read_text()
        assert "BEGIN SOLUTION" not in released and "HIDDEN TESTS" not in released


def test_learners_lab_has_no_instructor_tools(started):
    lab, _, _, _ = started
    assert "@jupyter/nbgrader" in page_config(lab)["disabledExtensions"]
    assert lab.get("/formgrader")[0] == 404


def test_released_notebooks_open_trusted(started):
    lab, _, _, _ = started
    module = module_ids()[0]
    status, body = lab.get(f"/api/contents/{module}/{module}.ipynb")
    cells = json.loads(body)["content"]["cells"]
    assert all(c["metadata"].get("trusted") is True for c in cells if c["cell_type"] == "code")


def page_config(lab) -> dict:
    page = lab.get("/lab")[1]
    return json.loads(page.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0])


def test_instructors_lab_keeps_nbgrader(started):
    _, ws, course, data = started
    lab = Lab(ws, course, free_port(), data, "--instructor")
    try:
        assert "@jupyter/nbgrader" not in page_config(lab).get("disabledExtensions", [])
        assert lab.get("/formgrader")[0] != 404
    finally:
        lab.stop()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_stopping_run_py_leaves_no_server(started, tmp_path, signum):
    _, ws, course, data = started
    lab = Lab(ws, course, free_port(), data)  # a warm start: nothing to release
    try:
        assert lab.get("/lab")[0] == 200
        assert servers_on(lab.port)
        lab.proc.send_signal(signum)  # to run.py only, as `kill PID` or a closed terminal would
        lab.proc.wait(timeout=60)
        deadline = time.time() + 30
        while servers_on(lab.port) and time.time() < deadline:
            time.sleep(0.5)
        assert not servers_on(lab.port), f"JupyterLab still runs after {signal.Signals(signum).name} to run.py"
        log = lab.proc.stdout.read()
        assert "JupyterLab stopped" in log
        assert "nbgrader" not in log.lower()  # no instructor extension loaded, no "No nbgrader_config.py" warning
    finally:
        lab.stop()


def test_a_taken_port_is_named_before_any_url(started):
    _, ws, course, data = started
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        lab = Lab(ws, course, port, data)
        try:
            said = "".join(lab.lines)
            assert f"port {port} is already in use" in said
            assert said.index("already in use") < said.index("open http://")
            other = int(lab.url.split(":")[2].split("/")[0])
            assert other != port
            lab.port = other
            assert lab.get("/lab")[0] == 200
        finally:
            lab.stop()
