"""A shared PostgreSQL gradebook (ACADEMY_DB_URL), for several graders: a real server, started here.

The test starts a private PostgreSQL cluster from Debian's `postgresql` binaries in a temporary
folder on a free loopback port, grades a tiny module into it and exports the grades. Skipped on
a developer machine without PostgreSQL; CI installs it (.ci/run) and fails rather than skips.
"""

import csv
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from autograder import autograde, gradebook, release, sandbox
import tiny_module as tiny
from conftest import ROOT

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
if not BINARIES or shutil.which("runuser") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs PostgreSQL for the gradebook tests (apt-get install postgresql)")
    pytest.skip("PostgreSQL is not installed", allow_module_level=True)
BIN = Path(BINARIES[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> list[str]:
    # PostgreSQL refuses to run as root; Debian's package creates the `postgres` user.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)


@pytest.fixture(scope="module")
def postgres_url():
    # Not under pytest's 0700 temp folders: the server runs as `postgres` and must reach it.
    folder = Path(tempfile.mkdtemp(prefix="academy-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(_as_postgres(str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"),
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(_as_postgres(str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"),
                   check=True, capture_output=True)
    try:
        subprocess.run(_as_postgres(str(BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "gradebook"),
                       check=True, capture_output=True)
        yield f"postgresql://postgres@127.0.0.1:{port}/gradebook"
    finally:
        subprocess.run(_as_postgres(str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_grading_into_postgresql(postgres_url, tmp_path, monkeypatch):
    top = tiny.make_course(tmp_path, ROOT)
    monkeypatch.setenv("ACADEMY_REPO", str(top))
    monkeypatch.setenv("ACADEMY_DB_URL", postgres_url)
    course = top / "course"
    release.release([tiny.MODULE])
    released = (course / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text()
    import json

    nb = json.loads(released)
    tiny.submit(course, "good", tiny.submission(nb, tiny.SOLUTION))
    tiny.submit(course, "blank", nb)
    trusted = not sandbox.available()[0] and not os.environ.get("CI")
    rows = {r["student_id"]: r for r in autograde.autograde(tiny.MODULE, jobs=2, trusted=trusted)}
    assert rows["good"]["score"] == 4.0 and rows["blank"]["score"] == 0.0
    assert not (course / "gradebook.db").exists(), "grades must go to PostgreSQL, not SQLite"

    out = tmp_path / "grades.csv"
    assert gradebook.export_csv(out, [tiny.MODULE]) == 2
    exported = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert exported["good"]["status"] == "graded" and float(exported["good"]["score"]) == 4.0

    # A second grader's process sees the same gradebook.
    monkeypatch.delenv("ACADEMY_REPO")
    code = "from autograder import gradebook; print(len(gradebook.rows()))"
    env = {**os.environ, "ACADEMY_REPO": str(top)}
    seen = subprocess.run([os.sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert seen.stdout.strip() == "2"
