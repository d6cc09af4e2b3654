"""JupyterHub for the Public Sector Data Academy on one machine (see hub/README.md).

Learners get their own server (a real Unix account, LocalProcessSpawner) with the student
environment: the installed `academy` package and nbgrader's Assignments tab, no course sources,
no formgrader. Instructors get the same plus the course list and the `academy` commands (their
servers see the course checkout). Each course's formgrader is a hub-managed service run as the
course's grader account, reached through the groups and roles of nbgrader's documented
JupyterHub pattern (`formgrade-<course>`, `nbgrader-<course>`). Everything is set by environment
variables so that the same file serves the loopback test and a real deployment:

  ACADEMY_HUB_ROSTER      YAML file: {instructors: [...], learners: [...]} (default /etc/academy/roster.yaml)
  ACADEMY_COURSE_ID       course id = formgrader service name (default public-sector-data-academy)
  ACADEMY_COURSE_TOP      the course checkout: modules/ and course/ (default /srv/academy/course)
  ACADEMY_GRADER_USER     Unix account running the formgrader (default grader-<course id>)
  ACADEMY_EXCHANGE        nbgrader's exchange folder (default /srv/nbgrader/exchange)
  ACADEMY_DB_URL          the gradebook (PostgreSQL URL with password); given to staff only
  ACADEMY_HUB_STATE       hub database, cookie secret (default /srv/academy/hub-state)
  ACADEMY_HUB_BIND_URL    default https://0.0.0.0:443/ (the test binds http://127.0.0.1:PORT/)
  ACADEMY_HUB_SSL_CERT, ACADEMY_HUB_SSL_KEY   TLS certificate and key (required for https)
  ACADEMY_HUB_AUTH        "oauth" (default: GenericOAuthenticator, settings below) or
                          "dummy" (tests only; refused unless the hub binds to 127.0.0.1)
  OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_CALLBACK_URL, OAUTH2_AUTHORIZE_URL,
  OAUTH2_TOKEN_URL, OAUTH2_USERDATA_URL       read by GenericOAuthenticator itself
  ACADEMY_HUB_API_PORT, ACADEMY_PROXY_API_PORT, ACADEMY_FORMGRADER_PORT   internal loopback ports
                          (defaults 8081, 8001, 9999)
  ACADEMY_HUB_PROXY       the configurable-http-proxy command (default hub/node_modules/.bin/...)
  ACADEMY_HUB_ADMIN_TOKEN optional: a service token with user/server admin rights (tests, scripts)
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml

c = get_config()  # noqa: F821 - provided by JupyterHub

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent  # the hub runs from the same environment as every server
COURSE = os.environ.get("ACADEMY_COURSE_ID", "public-sector-data-academy")
TOP = Path(os.environ.get("ACADEMY_COURSE_TOP", "/srv/academy/course"))
GRADER = os.environ.get("ACADEMY_GRADER_USER", f"grader-{COURSE}")
EXCHANGE = os.environ.get("ACADEMY_EXCHANGE", "/srv/nbgrader/exchange")
STATE = Path(os.environ.get("ACADEMY_HUB_STATE", "/srv/academy/hub-state"))
BIND_URL = os.environ.get("ACADEMY_HUB_BIND_URL", "https://0.0.0.0:443/")
SERVICE_PORT = int(os.environ.get("ACADEMY_FORMGRADER_PORT", "9999"))



def config_path(role: str) -> str:
    """Jupyter config folders for one role (hub/jupyter/<role>/) before the shared nbgrader settings."""
    return os.pathsep.join(str(HERE / "jupyter" / d) for d in (role, "common"))


roster = yaml.safe_load(Path(os.environ.get("ACADEMY_HUB_ROSTER", "/etc/academy/roster.yaml")).read_text()) or {}
instructors = sorted(roster.get("instructors") or [])
learners = sorted(roster.get("learners") or [])

# --- where the hub listens, and how people log in -------------------------------------------
c.JupyterHub.bind_url = BIND_URL
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("ACADEMY_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('ACADEMY_PROXY_API_PORT', '8001')}"
loopback = urlparse(BIND_URL).hostname in {"127.0.0.1", "localhost", "::1"}
if urlparse(BIND_URL).scheme == "https":
    c.JupyterHub.ssl_cert = os.environ["ACADEMY_HUB_SSL_CERT"]
    c.JupyterHub.ssl_key = os.environ["ACADEMY_HUB_SSL_KEY"]
elif not loopback:
    raise SystemExit("Refusing plain http on a public address: set ACADEMY_HUB_SSL_CERT/KEY and an https bind URL.")

STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"  # `npm ci` in hub/
c.ConfigurableHTTPProxy.command = [os.environ.get("ACADEMY_HUB_PROXY", str(proxy))]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

if os.environ.get("ACADEMY_HUB_AUTH", "oauth") == "dummy":
    if not loopback:
        raise SystemExit("The dummy authenticator is for tests on 127.0.0.1 only.")
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ["ACADEMY_HUB_DUMMY_PASSWORD"]
else:
    # Government single sign-on speaks OpenID Connect: GenericOAuthenticator reads the
    # OAUTH_* / OAUTH2_* variables listed above; usernames are the Unix account names.
    c.JupyterHub.authenticator_class = "generic-oauth"
    c.GenericOAuthenticator.scope = ["openid", "profile", "email"]
    c.GenericOAuthenticator.username_claim = os.environ.get("ACADEMY_OAUTH_USERNAME_CLAIM", "preferred_username")
    c.GenericOAuthenticator.login_service = os.environ.get("ACADEMY_OAUTH_LOGIN_SERVICE", "single sign-on")

c.Authenticator.allowed_users = set(instructors + learners)
c.Authenticator.admin_users = set()  # instructors get the scopes below, not full admin

# --- groups and roles: nbgrader's documented pattern ---------------------------------------
c.JupyterHub.load_groups = {
    "instructors": instructors,
    f"formgrade-{COURSE}": instructors + [GRADER],
    f"nbgrader-{COURSE}": instructors + learners,
}
roles = [
    {"name": "instructor", "groups": ["instructors"],
     # the admin page for the course's learners: see and restart their servers, never open them
     "scopes": ["admin-ui", "list:users", "read:users", f"admin:servers!group=nbgrader-{COURSE}"]},
    {"name": f"formgrade-{COURSE}", "groups": [f"formgrade-{COURSE}"],
     "scopes": [f"access:services!service={COURSE}"]},
    {"name": f"nbgrader-{COURSE}", "groups": [f"nbgrader-{COURSE}"],
     "scopes": ["list:services", f"read:services!service={COURSE}"]},
    # nbgrader's course list asks the hub with the server's token: the server inherits its owner's rights
    {"name": "server", "scopes": ["inherit"]},
]
services = [{
    "name": COURSE,
    "url": f"http://127.0.0.1:{SERVICE_PORT}",
    "command": [str(BIN / "jupyterhub-singleuser")],
    "user": GRADER,
    "cwd": str(TOP / "course"),
    "oauth_no_confirm": True,
    "environment": {
        "JUPYTER_CONFIG_PATH": config_path("formgrader"),
        "JUPYTERHUB_DEFAULT_URL": "/formgrader",
        "ACADEMY_REPO": str(TOP), "ACADEMY_COURSE_ID": COURSE, "ACADEMY_EXCHANGE": EXCHANGE,
        "ACADEMY_DB_URL": os.environ.get("ACADEMY_DB_URL", ""),
        "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
    },
}]
if os.environ.get("ACADEMY_HUB_ADMIN_TOKEN"):
    services.append({"name": "academy-admin", "api_token": os.environ["ACADEMY_HUB_ADMIN_TOKEN"]})
    roles.append({"name": "academy-admin", "services": ["academy-admin"],
                  "scopes": ["admin:users", "admin:servers", "tokens", "list:services", "read:services"]})
c.JupyterHub.services = services
c.JupyterHub.load_roles = roles

# --- every person's own server -------------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"  # each server runs as its person's own Unix account
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 120


def per_role(spawner):
    """Learners: student extensions and no course paths. Instructors: course list, academy commands."""
    name = spawner.user.name
    env = {"ACADEMY_COURSE_ID": COURSE, "ACADEMY_EXCHANGE": EXCHANGE,
           "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin", "MPLBACKEND": "Agg"}
    if name in instructors:
        env.update({"JUPYTER_CONFIG_PATH": config_path("instructor"), "ACADEMY_REPO": str(TOP),
                    "ACADEMY_DB_URL": os.environ.get("ACADEMY_DB_URL", "")})
    else:
        env["JUPYTER_CONFIG_PATH"] = config_path("learner")
    spawner.environment.update(env)


c.Spawner.pre_spawn_hook = per_role
