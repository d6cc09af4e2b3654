"""A throwaway JupyterHub deployment of the course on 127.0.0.1, for tests/test_hub.py and
bench/hub_bench.py: the hub's Python environment, the proxy, real Unix accounts, a PostgreSQL
gradebook, the course checkout and the exchange — and stopping every process it started.

Everything lives under one run folder (0755, so spawned accounts can reach their homes);
only the hub environment and the proxy are cached between runs, in ACADEMY_HUB_CACHE
(default /var/cache/academy-hub), keyed by what they are built from. Needs root.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HUB_DIR = Path(__file__).resolve().parent
REPO = HUB_DIR.parent
CACHE = Path(os.environ.get("ACADEMY_HUB_CACHE", "/var/cache/academy-hub"))
HUB_PYTHON = os.environ.get("ACADEMY_HUB_PYTHON", "/usr/bin/python3.11")
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
PREFIX = "ahub-"  # every account this harness creates starts with this, and only those are removed


def say(message: str) -> None:
    print(f"[hub] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _locked(name: str):
    CACHE.mkdir(parents=True, exist_ok=True)
    CACHE.chmod(0o755)
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _digest(*files: Path) -> str:
    h = hashlib.sha256(HUB_PYTHON.encode())
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _requirements_digest() -> str:
    """Changes only when what the environment installs changes (not with every pyproject edit)."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = sorted(project["dependencies"]) + sorted(project["optional-dependencies"]["hub"])
    return hashlib.sha256(json.dumps([HUB_PYTHON, wanted]).encode()).hexdigest()[:12]


def hub_environment(timings: dict | None = None) -> Path:
    """A venv every account can run: the course's dependencies and the hub extra (cached by
    pyproject.toml), then the course itself installed from a freshly built wheel, non-editable,
    as a hub image installs it. Returns the venv folder."""
    env = (CACHE / f"env-{_requirements_digest()}").resolve()
    started = time.monotonic()
    with _locked("env"):
        if not (env / ".complete").exists():
            shutil.rmtree(env, ignore_errors=True)
            say(f"building the hub environment in {env} (first run only, a few minutes)")
            subprocess.run([HUB_PYTHON, "-m", "venv", str(env)], check=True)
            pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            out = subprocess.run(pip + [f"{REPO}[hub]"], capture_output=True, text=True)
            if out.returncode != 0:
                raise RuntimeError(f"installing the hub environment failed:\n{out.stderr[-4000:]}")
            (env / ".complete").write_text("ok\n")
        if timings is not None:
            timings["environment_s"] = round(time.monotonic() - started, 1)
        wheels = Path(tempfile.mkdtemp(prefix="academy-wheel-"))
        try:
            # The build backend comes from the test environment: no download per run.
            subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                            "-w", str(wheels), str(REPO)], check=True)
            wheel = next(wheels.glob("*.whl"))
            subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "--no-deps", "--force-reinstall", str(wheel)], check=True)
        finally:
            shutil.rmtree(wheels, ignore_errors=True)
    if timings is not None:
        timings["course_install_s"] = round(time.monotonic() - started - timings.get("environment_s", 0), 1)
    return env


def proxy_command() -> Path:
    """configurable-http-proxy from hub/package.json and its lock file, via `npm ci` (cached)."""
    lock = HUB_DIR / "package-lock.json"
    folder = CACHE / f"proxy-{_digest(HUB_DIR / 'package.json', lock)}"
    binary = folder / "node_modules" / ".bin" / "configurable-http-proxy"
    with _locked("proxy"):
        if not binary.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            shutil.copy(HUB_DIR / "package.json", folder)
            shutil.copy(lock, folder)
            say("installing configurable-http-proxy with npm ci")
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder, check=True,
                           stdout=subprocess.DEVNULL)
    return binary


# --- accounts -------------------------------------------------------------------------------

def remove_account(name: str) -> None:
    assert name.startswith(PREFIX), name
    kill_uid_processes(name)
    subprocess.run(["userdel", name], capture_output=True)
    subprocess.run(["groupdel", name], capture_output=True)


def add_account(name: str, home: Path, groups: list[str] = ()) -> pwd.struct_passwd:
    assert name.startswith(PREFIX), name
    with contextlib.suppress(KeyError):
        pwd.getpwnam(name)
        remove_account(name)  # left over from a run that was killed
    cmd = ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash", "--user-group"]
    if groups:
        cmd += ["--groups", ",".join(groups)]
    subprocess.run(cmd + [name], check=True, capture_output=True)
    home.chmod(0o700)
    return pwd.getpwnam(name)


def add_group(name: str) -> int:
    assert name.startswith(PREFIX), name
    subprocess.run(["groupdel", name], capture_output=True)
    subprocess.run(["groupadd", name], check=True, capture_output=True)
    import grp

    return grp.getgrnam(name).gr_gid


def kill_uid_processes(name: str) -> None:
    """SIGKILL every process running as this (harness-created) account."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    for _ in range(50):
        pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _uid_of(p) == uid]
        if not pids:
            return
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.1)


def _uid_of(proc: Path) -> int | None:
    try:
        return proc.stat().st_uid
    except OSError:
        return None


def as_user(name: str, *cmd: str, env: dict | None = None, cwd: str = "/") -> subprocess.CompletedProcess:
    """Run a command as a harness account, with a clean environment."""
    base = {"PATH": "/usr/bin:/bin", "HOME": pwd.getpwnam(name).pw_dir, "LANG": "C.UTF-8"}
    return subprocess.run([RUNUSER, "-u", name, "--", "env", "-i", *[f"{k}={v}" for k, v in {**base, **(env or {})}.items()], *cmd],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


# --- PostgreSQL -----------------------------------------------------------------------------

class Postgres:
    """A private PostgreSQL cluster on 127.0.0.1 with password (SCRAM) logins only."""

    def __init__(self, folder: Path):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = Path(found[-1]).parent
        self.folder = folder
        self.port = free_port()
        self.password = secrets.token_hex(16)
        self.started = False

    def _run(self, *cmd: str, **kw) -> subprocess.CompletedProcess:
        return subprocess.run([RUNUSER, "-u", "postgres", "--", *cmd], check=True, capture_output=True, text=True, **kw)

    def start(self) -> str:
        self.folder.mkdir(mode=0o700)
        shutil.chown(self.folder, "postgres")
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        shutil.chown(pwfile, "postgres")
        data = self.folder / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
                  f"--pwfile={pwfile}")
        pwfile.unlink()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        self.started = True
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "gradebook",
                  env={"PGPASSWORD": self.password, "PATH": "/usr/bin:/bin"})
        return self.url()

    def url(self, database: str = "gradebook") -> str:
        return f"postgresql://postgres:{self.password}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        if self.started:
            subprocess.run([RUNUSER, "-u", "postgres", "--", str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
                            "-m", "immediate", "stop"], capture_output=True)
            self.started = False


# --- HTTP through the proxy -----------------------------------------------------------------

class HubError(RuntimeError):
    pass


def http(method: str, url: str, token: str | None = None, body=None, timeout: float = 120) -> tuple[int, bytes]:
    """(status, body); never raises for HTTP error statuses. ``body``: dict (JSON) or bytes."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", f"token {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None  # a redirect to the login page is an answer, not something to follow

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Hub:
    """The hub process (which starts the proxy and the formgrader service) and its API."""

    def __init__(self, run: Path, env_dir: Path, proxy: Path, settings: dict[str, str]):
        self.run, self.env_dir, self.proxy = run, env_dir, proxy
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.admin_token = secrets.token_hex(24)
        self.settings = settings
        self.process: subprocess.Popen | None = None
        self.log = run / "hub.log"
        self.marker = secrets.token_hex(8)  # in the environment of every process the hub starts

    def start(self, timeout: float = 90) -> float:
        """Start the hub; returns seconds until its API answers."""
        # The hub serves its configuration from a copy readable by every account, as an image would.
        config_dir = self.run / "hub"
        shutil.copytree(HUB_DIR, config_dir, ignore=shutil.ignore_patterns("node_modules", "__pycache__", "k8s", "docker"))
        for path in [config_dir, *config_dir.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        state = self.run / "hub-state"
        env = {
            "PATH": f"{self.env_dir / 'bin'}:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(self.run),
            "ACADEMY_HUB_BIND_URL": f"{self.url}/", "ACADEMY_HUB_STATE": str(state), "ACADEMY_HUB_AUTH": "dummy",
            "ACADEMY_HUB_DUMMY_PASSWORD": secrets.token_hex(12), "ACADEMY_HUB_ADMIN_TOKEN": self.admin_token,
            "ACADEMY_HUB_PROXY": str(self.proxy), "ACADEMY_HUB_API_PORT": str(free_port()),
            "ACADEMY_PROXY_API_PORT": str(free_port()), "ACADEMY_FORMGRADER_PORT": str(free_port()),
            "ACADEMY_HUB_RUN_MARKER": self.marker, **self.settings,
        }
        started = time.monotonic()
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([str(self.env_dir / "bin" / "jupyterhub"), "-f", str(config_dir / "jupyterhub_config.py")],
                                            cwd=self.run, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise HubError(f"the hub exited ({self.process.returncode}):\n{self.tail()}")
            try:
                status, _ = http("GET", f"{self.url}/hub/api/", timeout=2)
                if status == 200:
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.3)
        raise HubError(f"the hub did not answer in {timeout} s:\n{self.tail()}")

    def tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def api(self, method: str, path: str, token: str | None = None, body=None) -> tuple[int, bytes]:
        return http(method, f"{self.url}/hub/api{path}", token or self.admin_token, body)

    def token_for(self, user: str) -> str:
        status, body = self.api("POST", f"/users/{user}/tokens", body={"note": "hub test", "expires_in": 7200})
        if status not in (200, 201):
            raise HubError(f"token for {user}: {status} {body[:300]!r}")
        return json.loads(body)["token"]

    def start_server(self, user: str, timeout: float = 120) -> float:
        """Ask the hub to start ``user``'s server; seconds until it is ready."""
        started = time.monotonic()
        status, body = self.api("POST", f"/users/{user}/server")
        if status not in (201, 202):
            raise HubError(f"starting {user}'s server: {status} {body[:300]!r}\n{self.tail()}")
        while time.monotonic() - started < timeout:
            status, body = self.api("GET", f"/users/{user}")
            server = json.loads(body).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                return time.monotonic() - started
            time.sleep(0.25)
        raise HubError(f"{user}'s server was not ready in {timeout} s:\n{self.tail()}")

    def stop_server(self, user: str) -> None:
        self.api("DELETE", f"/users/{user}/server")

    def stop(self) -> None:
        """Stop the hub (it stops the proxy, the service and the servers), then anything left."""
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        kill_marked(self.marker)


def kill_marked(marker: str) -> None:
    """SIGKILL any process whose environment carries this run's marker (e.g. an orphaned proxy)."""
    needle = f"ACADEMY_HUB_RUN_MARKER={marker}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                os.kill(int(proc.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            pass


# --- a whole deployment ---------------------------------------------------------------------

class Deployment:
    """Accounts, course checkout, exchange, gradebook and hub for one course; ``close()`` undoes it.

    Layout under the run folder: home/<account>/ (0700 each), srv/course/ (modules/ and course/,
    owned by the grader account and the staff group, 2770: no access for learners), exchange/
    (nbgrader's, 0777 as nbgrader wants), pg/ (PostgreSQL), hub/ and hub-state/ (the hub's).
    """

    def __init__(self, learners: list[str], instructors: list[str], modules: list[str],
                 course_id: str = "academy-hub-test"):
        self.learners, self.instructors, self.modules = learners, instructors, modules
        self.course_id = course_id
        self.grader = f"{PREFIX}grader"
        self.staff = f"{PREFIX}staff"
        self.run = Path(tempfile.mkdtemp(prefix="academy-hub-"))
        self.run.chmod(0o755)
        self.top = self.run / "srv" / "course"
        self.exchange = self.run / "exchange"
        self.pg = Postgres(self.run / "pg")
        self.hub: Hub | None = None
        self.accounts: list[str] = []
        self.timings: dict[str, float] = {}

    def open(self) -> "Deployment":
        self.env_dir = hub_environment(self.timings)
        self.proxy = proxy_command()
        self.db_url = self.pg.start()
        add_group(self.staff)
        (self.run / "home").mkdir(mode=0o755)
        for name in [self.grader, *self.instructors]:
            add_account(name, self.run / "home" / name, [self.staff])
            self.accounts.append(name)
        for name in self.learners:
            add_account(name, self.run / "home" / name)
            self.accounts.append(name)
        self._course()
        self.exchange.mkdir(mode=0o777)
        self.exchange.chmod(0o777)
        roster = self.run / "roster.yaml"
        roster.write_text(json.dumps({"instructors": self.instructors, "learners": self.learners}))
        roster.chmod(0o600)
        self.hub = Hub(self.run, self.env_dir, self.proxy, {
            "ACADEMY_HUB_ROSTER": str(roster), "ACADEMY_COURSE_ID": self.course_id, "ACADEMY_COURSE_TOP": str(self.top),
            "ACADEMY_GRADER_USER": self.grader, "ACADEMY_EXCHANGE": str(self.exchange), "ACADEMY_DB_URL": self.db_url,
        })
        self.timings["hub_start_s"] = round(self.hub.start(), 1)
        return self

    def _course(self) -> None:
        (self.run / "srv").mkdir(mode=0o755)
        for module in self.modules:
            shutil.copytree(REPO / "modules" / module, self.top / "modules" / module,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        (self.top / "course").mkdir(parents=True)
        for name in ("nbgrader_config.py", "sandbox.yaml"):
            if (REPO / "course" / name).exists():
                shutil.copy(REPO / "course" / name, self.top / "course")
        for path in [self.top, *self.top.rglob("*")]:
            shutil.chown(path, self.grader, self.staff)
            path.chmod(0o2770 if path.is_dir() else 0o660)

    def grader_env(self, **extra: str) -> dict:
        """The environment of a grader host's `academy` command (root, for the sandbox)."""
        return {"PATH": f"{self.env_dir / 'bin'}:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": str(self.run),
                "ACADEMY_REPO": str(self.top), "ACADEMY_DB_URL": self.db_url, "ACADEMY_COURSE_ID": self.course_id,
                "ACADEMY_EXCHANGE": str(self.exchange), **extra}

    def academy(self, *args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
        """`academy ARGS` as a grader host runs it: root, the hub environment. What it writes stays
        inside the course folder (2770), so only the staff group (the formgrader) can read it."""
        out = subprocess.run([str(self.env_dir / "bin" / "academy"), *args], env=env or self.grader_env(),
                             capture_output=True, text=True, cwd=self.top / "course")
        if check and out.returncode != 0:
            raise HubError(f"academy {' '.join(args)} failed ({out.returncode}):\n{(out.stdout + out.stderr)[-4000:]}")
        return out

    def close(self) -> None:
        """Stop everything this deployment started, remove its accounts and files. Never raises."""
        for step in (lambda: self.hub and self.hub.stop(), self.pg.stop):
            try:
                step()
            except Exception as error:  # keep cleaning up
                say(f"cleanup: {error}")
        for name in self.accounts:
            remove_account(name)
        subprocess.run(["groupdel", self.staff], capture_output=True)
        shutil.rmtree(self.run, ignore_errors=True)
