"""Unforgeable pass signals for test cells.

The student's code and the tests share one interpreter, so "no error output" proves nothing: a
submission can silence IPython's traceback display, replace sys.stderr, patch the academy
checks or AssertionError. Instead, before any student code runs, a bootstrap cell reads a
per-run secret (a nonce and the real test code) from a file it then deletes, and keeps
pristine references. Each test cell is replaced by a call ``<guard>("grade_id")``; the guard
restores what the tests depend on (builtins, academy modules and classes, sys hooks, IPython's
display methods), runs the test code from its own copy, and only if that completes writes
``MARK nonce grade_id ok`` through the saved stdout. The parent scores a test by that line
alone (plus nbgrader's rule: no error, nothing on stderr), so hidden failures stay failures.

An attacker with full introspection (reading the guard's closure) could still forge the mark;
tracing, profiling and gc introspection are refused by an audit hook to make that harder.
"""

from __future__ import annotations

import re

MARK = "\x1eACADEMY-GUARD"
SECRET_FILE = ".academy-guard.json"

BOOTSTRAP = r'''
def _academy_bootstrap(path):
    import ast, builtins, importlib, json, os, sys
    with open(path, encoding="utf-8") as handle:
        secret = json.load(handle)
    os.unlink(path)
    for name in secret["protect"]:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    roots = tuple(secret["protect_roots"])
    missing = object()
    ip = get_ipython()
    user_ns = ip.user_ns
    mods = {n: m for n, m in list(sys.modules.items()) if m is not None and n.split(".")[0] in roots}
    # Callables only: module-level caches and counters change legitimately.
    mod_snap = {n: {k: v for k, v in vars(m).items() if callable(v)} for n, m in mods.items()}
    classes = {}
    for m in mods.values():
        for v in list(vars(m).values()):
            if isinstance(v, type) and getattr(v, "__module__", "").split(".")[0] in roots:
                classes[id(v)] = (v, dict(vars(v)), set(vars(v)))
    for cls in type(ip).__mro__[:-1]:
        classes[id(cls)] = (cls, {k: v for k, v in vars(cls).items() if callable(v)}, set(vars(cls)))
    # ipykernel swaps input/getpass per request; those are not the tests' business.
    b_snap = {k: v for k, v in vars(builtins).items() if k not in ("input", "raw_input", "getpass")}
    sys_names = ("stdout", "stderr", "displayhook")
    sys_snap = {k: getattr(sys, k) for k in sys_names}
    ip_names = [k for k in dir(type(ip)) if k.startswith(("show", "_show", "run_", "_run", "transform", "get_exception"))]
    ip_own = set(vars(ip))
    lists = {k: list(getattr(ip, k)) for k in ("input_transformers_cleanup", "input_transformers_post", "ast_transformers")}
    out = sys.stdout
    write, flush = type(out).write, type(out).flush
    _exec, _compile, _eval, _Base, _setattr, _delattr = exec, compile, eval, BaseException, setattr, delattr
    nonce, tests, mark = secret["nonce"], secret["tests"], secret["mark"]

    def restore():
        changed = []
        for k, v in b_snap.items():
            if vars(builtins).get(k, missing) is not v:
                vars(builtins)[k] = v
                changed.append("builtins." + k)
        for n, m in mods.items():
            if sys.modules.get(n) is not m:
                sys.modules[n] = m
                changed.append("sys.modules:" + n)
            d = vars(m)
            for k, v in mod_snap[n].items():
                if d.get(k, missing) is not v:
                    d[k] = v
                    changed.append(n + "." + k)
        for cls, snap, keys in classes.values():
            for k in [k for k in vars(cls) if k not in keys]:  # e.g. a subclass now shadowing a method
                try:
                    type.__delattr__(cls, k)
                    changed.append(cls.__name__ + "." + k)
                except (TypeError, AttributeError):
                    pass
            for k, v in snap.items():
                if k not in ("__dict__", "__weakref__", "__doc__") and vars(cls).get(k, missing) is not v:
                    try:
                        type.__setattr__(cls, k, v)
                        changed.append(cls.__name__ + "." + k)
                    except (TypeError, AttributeError):
                        pass
        for k, v in sys_snap.items():
            if getattr(sys, k) is not v:
                _setattr(sys, k, v)
                if k not in ("stdout", "stderr"):
                    changed.append("sys." + k)
        for k in ip_names:
            if k in vars(ip) and k not in ip_own:
                _delattr(ip, k)
                changed.append("shell." + k)
        for k, v in lists.items():
            if getattr(ip, k) != v:
                getattr(ip, k)[:] = v
                changed.append("shell." + k)
        return changed

    def guard(grade_id):
        changed = restore()
        if changed:
            write(out, "%s %s %s tampered %s\n" % (mark, nonce, grade_id, ",".join(sorted(set(changed)))[:400]))
        tree = ast.parse(tests[grade_id], filename="<test %s>" % grade_id)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        _exec(_compile(tree, "<test %s>" % grade_id, "exec"), user_ns)
        if last is not None:
            value = _eval(_compile(ast.Expression(last.value), "<test %s>" % grade_id, "eval"), user_ns)
            sys_snap["displayhook"](value)
        write(out, "%s %s %s ok\n" % (mark, nonce, grade_id))
        flush(out)

    blocked = frozenset(secret["blocked_events"])

    def audit(event, args):
        if event in blocked:
            raise PermissionError("not allowed while grading: " + event)

    user_ns[secret["guard"]] = guard
    sys.addaudithook(audit)

_academy_bootstrap(%(path)r)
del _academy_bootstrap
'''

# Modules whose attributes the tests rely on; patched attributes are put back before each test.
PROTECT = ["academy", "academy.exercises", "academy.exercises.checks", "academy.exercises.core",
           "academy.exercises.fingerprints", "academy.exercises.hashing", "academy.data",
           "numpy", "numpy.testing", "pandas", "pandas.testing", "math", "unittest", "unittest.case"]
PROTECT_ROOTS = ["academy", "numpy", "pandas", "math", "unittest", "pytest"]
BLOCKED_EVENTS = ["sys.settrace", "sys.setprofile", "gc.get_referrers", "gc.get_referents",
                  "gc.get_objects", "sys._current_frames"]


def bootstrap_source(path: str) -> str:
    return BOOTSTRAP.replace("%(path)r", repr(path))


def secret(nonce: str, guard_name: str, tests: dict[str, str]) -> dict:
    return {"nonce": nonce, "guard": guard_name, "tests": tests, "mark": MARK,
            "protect": PROTECT, "protect_roots": PROTECT_ROOTS, "blocked_events": BLOCKED_EVENTS}


def call_source(guard_name: str, grade_id: str) -> str:
    return f"{guard_name}({grade_id!r})"


def read_marks(text: str, nonce: str, grade_id: str) -> tuple[bool, str]:
    """(passed, tampering detail) from one test cell's stdout."""
    ok, tampered = False, ""
    prefix = re.escape(f"{MARK} {nonce} {grade_id} ")
    for match in re.finditer(prefix + r"(ok|tampered)(?: (.*))?$", text, re.M):
        if match.group(1) == "ok":
            ok = True
        else:
            tampered = match.group(2) or "patched"
    return ok, tampered


def strip_marks(text: str) -> str:
    # split on "\n" only: str.splitlines would also split at the mark's own \x1e.
    return "\n".join(line for line in text.split("\n") if not line.startswith(MARK))
