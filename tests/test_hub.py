"""The course on a real JupyterHub, end to end on 127.0.0.1 (hub/harness.py builds it).

Two learners and one instructor are real Unix accounts. The instructor releases module 01
through the formgrader service; each learner's own server fetches it, answers (one right, one
partly wrong), validates and submits through nbgrader's REST endpoints; the instructor collects
through the formgrader; a grader host (root) autogrades in the sandbox; the instructor generates
and releases feedback through the formgrader; each learner fetches their own feedback; the grade
export holds both with the right scores and submission times. Then isolation, through the file
system (as the learner's Unix account) and through the hub's APIs (with the learner's token).

Needs root, bubblewrap, PostgreSQL, Node/npm and /usr/bin/python3.11: skipped without them on a
developer machine, an error in CI. The first run builds the hub environment (a few minutes,
cached in /var/cache/academy-hub).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import pwd
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hub"))
import harness as H  # noqa: E402

MODULE = "01-data-ecosystems"
ANN, BEN, INES = "ahub-ann", "ahub-ben", "ahub-ines"  # right answers, one wrong answer, instructor
WRONG = {"ex01_08_answer": 'supported = {"A", "D"}'}  # misses one supported statement: q8's 2 points

missing = [what for what, ok in [
    ("root", os.geteuid() == 0), ("bubblewrap", shutil.which("bwrap")), ("useradd", shutil.which("useradd")),
    ("npm", shutil.which("npm")), ("python3.11", Path(H.HUB_PYTHON).exists()),
    ("PostgreSQL", list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) if Path("/usr/lib/postgresql").exists() else []),
] if not ok]
if missing and os.environ.get("CI"):
    raise RuntimeError(f"CI needs {', '.join(missing)} for the JupyterHub test")
needs_machine = pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")


def answered(released: dict, overrides: dict[str, str]) -> dict:
    return H.answered(MODULE, released, overrides)


def autograded_points(wrong: dict[str, str]) -> float:
    return H.autograded_points(MODULE, wrong)


@pytest.fixture(scope="module")
def hub():
    deployment = H.Deployment([ANN, BEN], [INES], [MODULE])
    uids = set()
    try:
        deployment.open()
        uids = {pwd.getpwnam(name).pw_uid for name in deployment.accounts}
        yield deployment
    finally:
        deployment.close()
    # Nothing this test started is left: no process of its accounts, none carrying its marker.
    assert not deployment.run.exists()
    assert not [p for p in Path("/proc").iterdir() if p.name.isdigit() and H._uid_of(p) in uids]
    assert deployment.hub is None or deployment.hub.process.poll() is not None
    marker = f"ACADEMY_HUB_RUN_MARKER={deployment.hub.marker}".encode() if deployment.hub else None
    for proc in Path("/proc").iterdir():
        if marker and proc.name.isdigit():
            try:
                assert marker not in (proc / "environ").read_bytes(), f"process {proc.name} left running"
            except OSError:
                pass
    for name in deployment.accounts:
        with pytest.raises(KeyError):
            pwd.getpwnam(name)


class Learner:
    """One account's view of the hub: its own token, its own server, nbgrader's endpoints."""

    def __init__(self, hub: H.Deployment, name: str):
        self.hub, self.name = hub, name
        self.token = hub.hub.token_for(name)
        self.base = f"{hub.hub.url}/user/{name}"

    def call(self, method: str, path: str, body=None) -> tuple[int, bytes]:
        return H.http(method, f"{self.base}{path}", self.token, body, timeout=300)

    def json(self, method: str, path: str, body=None):
        status, raw = self.call(method, path, body)
        assert status == 200, f"{self.name} {method} {path}: {status} {raw[:500]!r}\n{self.hub.hub.tail()}"
        return json.loads(raw)

    def action(self, verb: str) -> dict:
        out = self.json("POST", f"/assignments/{verb}", {"assignment_id": MODULE, "course_id": self.hub.course_id})
        assert out.get("success") is not False, f"{self.name} {verb}: {out}"
        return out


def formgrader(hub: H.Deployment, token: str, method: str, path: str, body=None) -> dict:
    status, raw = H.http(method, f"{hub.hub.url}/services/{hub.course_id}/formgrader/api{path}", token, body, timeout=600)
    assert status == 200, f"formgrader {path}: {status} {raw[:800]!r}\n{hub.hub.tail()}"
    out = json.loads(raw) if raw else {}
    assert not (isinstance(out, dict) and out.get("success") is False), f"formgrader {path}: {out}"
    return out


STATE: dict = {}  # what the loop leaves for the isolation checks


@needs_machine
def test_release_submit_grade_feedback_through_the_hub(hub, tmp_path):
    hub.hub.start_servers([ANN, BEN, INES])
    ann, ben, ines = Learner(hub, ANN), Learner(hub, BEN), Learner(hub, INES)

    # The instructor releases module 01 through the hub: formgrader's generate, then release.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/assign")
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/release")
    released = next((hub.exchange / hub.course_id / "outbound" / MODULE).glob("*.ipynb")).read_text()
    assert "BEGIN SOLUTION" not in released and "HIDDEN TESTS" not in released and "Model answer" not in released

    # Each learner's own server: fetch, answer, validate, submit.
    path = f"{MODULE}/{MODULE}.ipynb"
    submitted_at = {}
    for learner, wrong in ((ann, {}), (ben, WRONG)):
        listed = learner.action("fetch")
        assert any(a["assignment_id"] == MODULE and a["status"] == "fetched" for a in listed["value"]), listed
        nb = learner.json("GET", f"/api/contents/{path}?content=1")["content"]
        assert "raise NotImplementedError" in json.dumps(nb)
        learner.json("PUT", f"/api/contents/{path}", {"type": "notebook", "format": "json", "content": answered(nb, wrong)})
        result = learner.json("POST", "/assignments/validate", {"path": path})
        assert result["success"] is True, result
        if wrong:
            assert result["value"].get("failed"), f"validation should report q8 failing: {result}"
        else:
            assert not result["value"].get("failed") and not result["value"].get("errors"), result
        listed = learner.action("submit")
        mine = [a for a in listed["value"] if a["assignment_id"] == MODULE and a["status"] == "submitted"]
        assert mine, listed
        submitted_at[learner.name] = max(sub["timestamp"] for a in mine for sub in a.get("submissions", [a]))

    # The instructor collects through the formgrader; a grader host autogrades in the sandbox.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/collect")
    for name in (ANN, BEN):
        assert (hub.top / "course" / "submitted" / name / MODULE / f"{MODULE}.ipynb").is_file(), name
    hub.academy("autograde", MODULE, "--jobs", "2")

    # Feedback through the formgrader, then each learner fetches their own.
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/generate_feedback")
    formgrader(hub, ines.token, "POST", f"/assignment/{MODULE}/release_feedback")
    expected = {ANN: autograded_points({}), BEN: autograded_points(WRONG)}
    assert expected[ANN] - expected[BEN] == 2.0
    for learner in (ann, ben):
        learner.action("fetch_feedback")
        folders = learner.json("GET", f"/api/contents/{MODULE}/feedback")["content"]
        assert len(folders) == 1, folders  # one submission, one feedback folder
        html_path = f"{folders[0]['path']}/{MODULE}.html"
        html = learner.json("GET", f"/api/contents/{quote(html_path)}?content=1&format=text&type=file")["content"]
        assert "HIDDEN TESTS" not in html and "_wilson" not in html, "feedback must not show hidden tests"
        assert "Model answer" not in html, "feedback must not show model answers"
        assert re.search(rf"Score: {expected[learner.name]:g}(\.0)? / ", html) or f"{expected[learner.name]:g}" in html
        STATE.setdefault("feedback", {})[learner.name] = hub.run / "home" / learner.name / html_path

    # The grade export: both learners, the right scores, the times they submitted.
    out = tmp_path / "grades.csv"
    hub.academy("grades", "--csv", str(out), MODULE)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert set(rows) == {ANN, BEN}, rows
    for name in (ANN, BEN):
        row = rows[name]
        assert row["status"] == "graded", row
        assert float(row["score"]) == expected[name], (name, row, expected)
        exported = dt.datetime.fromisoformat(row["submitted_at"].rstrip("Z"))
        learner_side = dt.datetime.fromisoformat(submitted_at[name].replace(" UTC", ""))
        assert abs((exported - learner_side).total_seconds()) < 1, (row["submitted_at"], submitted_at[name])
    STATE.update(ann=ann, ben=ben, ines=ines, done=True)


PROBE = r'''
import json, os, socket, sys
checks = json.loads(sys.argv[1])
out = {}
for name, (kind, target) in checks.items():
    try:
        if kind == "list":
            os.listdir(target)
        elif kind == "read":
            open(target, "rb").read(1)
        elif kind == "write":
            open(os.path.join(target, "planted.txt"), "w").write("x")
        elif kind == "postgres":
            import psycopg
            psycopg.connect(target, connect_timeout=5).close()
        out[name] = "allowed"
    except Exception as error:
        out[name] = f"denied: {type(error).__name__}"
print(json.dumps(out))
'''


def probe(hub: H.Deployment, user: str, checks: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Try each (kind, target) as ``user``'s Unix account; 'allowed' or 'denied: Error'."""
    result = H.as_user(user, str(hub.env_dir / "bin" / "python"), "-c", PROBE, json.dumps(checks))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@needs_machine
def test_a_learner_cannot_reach_another_learners_work_or_the_course(hub):
    assert STATE.get("done"), "runs after the hub loop above"
    ann, ben, ines = STATE["ann"], STATE["ben"], STATE["ines"]
    course = hub.top / "course"
    inbound = hub.exchange / hub.course_id / "inbound"
    ben_inbound = next(p for p in inbound.iterdir() if p.name.startswith(f"{BEN}+"))
    source = next((hub.top / "modules" / MODULE).glob("*.ipynb"))
    formgrader_pid = next(p.name for p in Path("/proc").iterdir() if p.name.isdigit()
                          and H._uid_of(p) == pwd.getpwnam(hub.grader).pw_uid)
    no_password = f"postgresql://postgres@127.0.0.1:{hub.pg.port}/gradebook"

    # File system, as Ann's own Unix account (what her server and her kernels run as).
    checks = {
        "list the exchange's submissions": ("list", str(inbound)),
        "list the exchange's feedback": ("list", str(hub.exchange / hub.course_id / "feedback")),
        "read Ben's home": ("list", str(hub.run / "home" / BEN)),
        "read Ben's fetched feedback": ("read", str(STATE["feedback"][BEN])),
        "read Ben's collected submission": ("read", str(course / "submitted" / BEN / MODULE / f"{MODULE}.ipynb")),
        "read Ben's graded notebook": ("read", str(course / "autograded" / BEN / MODULE / f"{MODULE}.ipynb")),
        "read Ben's feedback on the grader": ("list", str(course / "feedback" / BEN)),
        "read the source notebook": ("read", str(source)),
        "list the course folder": ("list", str(hub.top)),
        "plant a file in the course": ("write", str(course)),
        "connect to the gradebook": ("postgres", no_password),
        "read the formgrader's environment (gradebook password)": ("read", f"/proc/{formgrader_pid}/environ"),
        "read the hub's database": ("read", str(hub.run / "hub-state" / "jupyterhub.sqlite")),
        "read the roster": ("read", str(hub.run / "roster.yaml")),
    }
    seen = probe(hub, ANN, checks)
    allowed = [name for name, outcome in seen.items() if outcome == "allowed"]
    assert not allowed, f"Ann could: {allowed}"
    # The same checks are not vacuous: the owner or the staff can do what Ann cannot.
    assert probe(hub, BEN, {"own home": ("list", str(hub.run / "home" / BEN)),
                            "own feedback": ("read", str(STATE["feedback"][BEN]))}) == {"own home": "allowed", "own feedback": "allowed"}
    assert probe(hub, INES, {"course": ("list", str(hub.top)), "source": ("read", str(source))}) == {"course": "allowed", "source": "allowed"}
    assert probe(hub, ANN, {"gradebook with the password": ("postgres", hub.db_url)})["gradebook with the password"] == "allowed"
    # Even by its exact name (stock nbgrader leaves it world-readable), Ben's submission in the
    # exchange is his and the staff's only (hub/jupyter/common/nbgrader_config.py).
    ben_file = ben_inbound / f"{MODULE}.ipynb"
    assert probe(hub, ANN, {"by name": ("read", str(ben_file)), "plant": ("write", str(ben_inbound))}) == \
        {"by name": "denied: PermissionError", "plant": "denied: PermissionError"}
    assert probe(hub, INES, {"by name": ("read", str(ben_file))}) == {"by name": "allowed"}

    # The hub's APIs, with Ann's own token.
    base = hub.hub.url
    denied = {
        "list users": ("GET", f"{base}/hub/api/users"),
        "Ben's user record": ("GET", f"{base}/hub/api/users/{BEN}"),
        "Ben's files": ("GET", f"{base}/user/{BEN}/api/contents/{MODULE}"),
        "Ben's assignment list": ("GET", f"{base}/user/{BEN}/assignments?course_id={hub.course_id}"),
        "a token for Ben": ("POST", f"{base}/hub/api/users/{BEN}/tokens"),
        "stop Ben's server": ("DELETE", f"{base}/hub/api/users/{BEN}/server"),
        "the formgrader's submissions": ("GET", f"{base}/services/{hub.course_id}/formgrader/api/submissions/{MODULE}"),
        "the formgrader's grades": ("GET", f"{base}/services/{hub.course_id}/formgrader/api/students"),
        "formgrader on her own server": ("GET", f"{base}/user/{ANN}/formgrader/api/assignments"),
        "the course list on her own server": ("GET", f"{base}/user/{ANN}/formgraders"),
        "outside her home through her server": ("GET", f"{base}/user/{ANN}/api/contents/..%2F{BEN}"),
    }
    answers = {name: H.http(method, url, ann.token, {} if method == "POST" else None)[0] for name, (method, url) in denied.items()}
    through = {name: code for name, code in answers.items() if code < 300}
    assert not through, f"Ann's token got through: {through}"
    # ... while the rightful callers get through.
    assert H.http("GET", f"{base}/user/{BEN}/api/contents/{MODULE}", ben.token)[0] == 200
    assert H.http("GET", f"{base}/services/{hub.course_id}/formgrader/api/students", ines.token)[0] == 200
    # The instructor sees the course's users on the admin page but cannot open a learner's server.
    assert H.http("GET", f"{base}/hub/api/users", ines.token)[0] == 200
    assert H.http("GET", f"{base}/user/{BEN}/api/contents/{MODULE}", ines.token)[0] >= 300
    feedback = ann.json("GET", f"/api/contents/{MODULE}/feedback")["content"]
    assert len(feedback) == 1, "Ann sees only her own feedback"


# --- what is only written here (Kubernetes, images, the production login): parsed and checked ---

K8S = ROOT / "hub" / "k8s"


def documented_keys() -> tuple[set[str], set[str], dict[str, set[str]]]:
    """(leaf keys, free-form prefixes, allowed values) from hub/k8s/z2jh-documented-keys.txt."""
    leaves, free, allowed = set(), set(), {}
    for line in (K8S / "z2jh-documented-keys.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.endswith("/*"):
            free.add(line[:-2])
        elif " = " in line:
            key, values = line.split(" = ")
            leaves.add(key)
            allowed[key] = set(values.split("|"))
        else:
            leaves.add(line)
    return leaves, free, allowed


def key_paths(tree: dict, prefix: str = "", free: set[str] = frozenset()) -> list[tuple[str, object]]:
    out = []
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict) and path not in free:
            out += key_paths(value, path, free)
        else:
            out.append((path, value))
    return out


def test_helm_values_use_only_keys_the_chart_documents():
    import yaml

    values = yaml.safe_load((K8S / "values.yaml").read_text())
    leaves, free, allowed = documented_keys()
    paths = key_paths(values, free=free)
    unknown = [p for p, _ in paths if p not in leaves and p not in free]
    assert not unknown, f"keys the z2jh chart does not document: {unknown}"
    for path, value in paths:
        if path in allowed:
            assert value in allowed[path], (path, value)
    assert values["proxy"]["https"]["enabled"] is True, "the documented deployment serves HTTPS"
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] == "generic-oauth"
    assert "client_secret" not in values["hub"]["config"]["GenericOAuthenticator"], "secrets come from a Secret"
    # nbgrader's pattern: the formgrader service is named after the course; the roles point at it.
    (course,) = values["hub"]["services"]
    scopes = [s for role in values["hub"]["loadRoles"].values() for s in role["scopes"]]
    assert f"access:services!service={course}" in scopes and f"read:services!service={course}" in scopes


def test_kubernetes_objects_agree_with_the_values():
    import yaml

    values = yaml.safe_load((K8S / "values.yaml").read_text())
    docs = list(yaml.safe_load_all((K8S / "grader.yaml").read_text()))
    assert all(d.get("apiVersion") and d.get("kind") and d["metadata"].get("name") for d in docs)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for volume in values["singleuser"]["storage"]["extraVolumes"]:
        assert ("PersistentVolumeClaim", volume["persistentVolumeClaim"]["claimName"]) in names
    (service,) = values["hub"]["services"].values()
    host = service["url"].split("//")[1].split(":")[0]
    assert ("Service", host) in names, f"the formgrader service URL names no Service: {host}"
    job = next(d for d in docs if d["kind"] == "Job")
    command = " ".join(job["spec"]["template"]["spec"]["containers"][0]["command"])
    assert "academy autograde" in command and "--shard" in command
    assert f"/{job['spec']['completions']}" in command, "each pod takes one shard of `completions`"


def copies(dockerfile: Path) -> list[tuple[list[str], str]]:
    out = []
    for line in dockerfile.read_text().splitlines():
        if line.startswith("COPY "):
            *sources, dest = line.split()[1:]
            out.append((sources, dest))
    return out


@pytest.mark.parametrize("image", ["singleuser", "grader"])
def test_dockerfiles_copy_existing_paths_and_install_the_course_as_the_readme_says(image):
    import tomllib

    dockerfile = ROOT / "hub" / "docker" / f"{image}.Dockerfile"
    text = dockerfile.read_text()
    assert text.startswith("#") and "\nFROM " in text
    copied = []
    for sources, _ in copies(dockerfile):
        for source in sources:
            assert (ROOT / source).exists(), f"{dockerfile.name}: COPY {source} names no path in the repository"
            copied.append(source.rstrip("/"))
    assert 'pip install ".[hub]"' in text and "--editable" not in text and "pip install -e" not in text
    # Everything the wheel is built from is in the image before `pip install`.
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    for needed in [*build["packages"], *build["force-include"], "pyproject.toml", "README.md"]:
        assert needed in copied, f"{dockerfile.name} does not copy {needed}, which the wheel is built from"
    if image == "singleuser":  # learners' image: no sources, solutions or hidden tests
        assert not [c for c in copied if c.startswith(("modules", "tests", "course"))], copied


def test_documented_login_is_oidc_over_https_and_the_dummy_stays_on_loopback(tmp_path):
    from traitlets.config import Config

    roster = tmp_path / "roster.yaml"
    roster.write_text("instructors: [ines]\nlearners: [ann, ben]\n")

    def load(**env):
        config = Config()
        saved = dict(os.environ)
        os.environ.update({"ACADEMY_HUB_ROSTER": str(roster), "ACADEMY_HUB_STATE": str(tmp_path / "state"), **env})
        try:
            path = ROOT / "hub" / "jupyterhub_config.py"
            exec(compile(path.read_text(), str(path), "exec"), {"get_config": lambda: config, "__file__": str(path)})
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return config

    c = load(ACADEMY_HUB_SSL_CERT="/etc/ssl/academy.crt", ACADEMY_HUB_SSL_KEY="/etc/ssl/academy.key")
    assert c.JupyterHub.bind_url.startswith("https://") and c.JupyterHub.ssl_key == "/etc/ssl/academy.key"
    assert c.JupyterHub.authenticator_class == "local-generic-oauth"  # OIDC, mapped to Unix accounts
    assert c.Authenticator.allowed_users == {"ines", "ann", "ben"} and not c.Authenticator.admin_users
    assert c.JupyterHub.load_groups["formgrade-public-sector-data-academy"] == ["ines", "grader-public-sector-data-academy"]
    assert [s["name"] for s in c.JupyterHub.services] == ["public-sector-data-academy"]
    with pytest.raises(SystemExit, match="dummy"):
        load(ACADEMY_HUB_AUTH="dummy", ACADEMY_HUB_SSL_CERT="x", ACADEMY_HUB_SSL_KEY="y")
    with pytest.raises(SystemExit, match="plain http"):
        load(ACADEMY_HUB_BIND_URL="http://0.0.0.0:8000/")


@needs_machine
def test_two_graders_sharing_the_gradebook_split_the_students(hub):
    """Two `academy autograde --shard K/2` processes at once, one PostgreSQL gradebook: every
    submission graded exactly once, with the score it earns."""
    assert STATE.get("done"), "runs after the hub loop above (it reuses the learners' real submissions)"
    submitted = hub.top / "course" / "submitted"
    # Ids chosen so that each shard gets one right and one partly wrong submission (sha256 split).
    students = {"learner-01": ANN, "learner-02": BEN, "learner-03": BEN, "learner-05": ANN}
    env = hub.grading_course("shards", MODULE, {s: submitted / who / MODULE for s, who in students.items()})
    hub.academy("release", MODULE, env=env)  # the instructor's step, before any grader starts
    import subprocess

    graders = [subprocess.Popen([str(hub.env_dir / "bin" / "academy"), "autograde", MODULE, "--shard", f"{k}/2", "--jobs", "1"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                cwd=env["ACADEMY_REPO"], start_new_session=True) for k in (1, 2)]
    try:
        outputs = [g.communicate(timeout=900)[0] for g in graders]
    finally:
        for g in graders:
            if g.poll() is None:
                os.killpg(g.pid, 9)
                g.wait()
    assert all(g.returncode == 0 for g in graders), outputs
    graded_by = [{line.split()[0] for line in out.splitlines() if line.split() and line.split()[0] in students} for out in outputs]
    assert graded_by[0] and graded_by[1], f"each grader takes a share: {graded_by}"
    assert not graded_by[0] & graded_by[1], f"graded twice: {graded_by[0] & graded_by[1]}"
    assert graded_by[0] | graded_by[1] == set(students), "none lost"

    out = Path(env["ACADEMY_REPO"]) / "grades.csv"
    hub.academy("grades", "--csv", str(out), MODULE, env=env)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert set(rows) == set(students)
    for student, who in students.items():
        assert rows[student]["status"] == "graded", rows[student]
        assert float(rows[student]["score"]) == autograded_points({} if who == ANN else WRONG), rows[student]
