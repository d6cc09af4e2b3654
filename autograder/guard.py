"""The test-cell guard. This module runs INSIDE the learner's kernel (autograder.guarding sends
its source there before any learner code runs), so it imports only the standard library.

Learner code and tests share one interpreter, so "no error output" proves nothing. ``install``
reads a per-run secret (nonce, real test code) from a file it deletes, keeps pristine references
and defines ``guard(grade_id)``: it puts back what tests depend on (builtins, watched modules and
classes, sys hooks, IPython's display methods), runs the test from its own copy, and only if that
completes writes ``MARK nonce grade_id ok`` through the saved stdout (``... tampered <what>`` for
patching found). Tracing, profiling and gc introspection are refused by an audit hook.
"""

MARK = "\x1eACADEMY-GUARD"
# ipykernel swaps input/getpass per request; those are not the tests' business.
_VOLATILE_BUILTINS = ("input", "raw_input", "getpass")


def install(secret_path, shell=None, audit=True):
    """Read and delete the secret; define the guard in the shell's namespace; return it.

    secret: {"nonce", "guard" (name to bind), "tests" {grade_id: source}, "mark", "protect"
    (modules to import first), "protect_roots" (top-level names whose modules are watched),
    "blocked_events" (audit events refused)}.
    """
    import ast, builtins, importlib, json, os, sys  # noqa: E401 - runs in the kernel

    with open(secret_path, encoding="utf-8") as handle:
        secret = json.load(handle)
    os.unlink(secret_path)
    for name in secret["protect"]:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    shell = shell or get_ipython()  # noqa: F821 - defined in an IPython kernel
    user_ns = shell.user_ns
    state = _snapshot(shell, tuple(secret["protect_roots"]), builtins, sys)
    out = sys.stdout
    write, flush = type(out).write, type(out).flush
    _exec, _compile, _eval = exec, compile, eval
    nonce, tests, mark = secret["nonce"], secret["tests"], secret["mark"]

    def guard(grade_id):
        changed = _restore(state, shell, builtins, sys)
        if changed:
            write(out, "%s %s %s tampered %s\n" % (mark, nonce, grade_id, ",".join(sorted(set(changed)))[:400]))
        name = "<test %s>" % grade_id
        tree = ast.parse(tests[grade_id], filename=name)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        _exec(_compile(tree, name, "exec"), user_ns)
        if last is not None:  # show the value of a last expression, as a cell would
            state["sys"]["displayhook"](_eval(_compile(ast.Expression(last.value), name, "eval"), user_ns))
        write(out, "%s %s %s ok\n" % (mark, nonce, grade_id))
        flush(out)

    blocked = frozenset(secret["blocked_events"])

    def refuse(event, args):
        if event in blocked:
            raise PermissionError("not allowed while grading: " + event)

    user_ns[secret["guard"]] = guard
    if audit:
        sys.addaudithook(refuse)
    return guard


def _snapshot(shell, roots, builtins, sys):
    """Pristine references to everything the tests rely on."""
    mods = {n: m for n, m in list(sys.modules.items()) if m is not None and n.split(".")[0] in roots}
    classes = {}
    for m in mods.values():
        for v in list(vars(m).values()):
            if isinstance(v, type) and getattr(v, "__module__", "").split(".")[0] in roots:
                classes[id(v)] = (v, dict(vars(v)), set(vars(v)))
    for cls in type(shell).__mro__[:-1]:
        classes[id(cls)] = (cls, {k: v for k, v in vars(cls).items() if callable(v)}, set(vars(cls)))
    prefixes = ("show", "_show", "run_", "_run", "transform", "get_exception")
    return {
        "mods": mods,
        # Callables, module references and public names: private caches and counters change legitimately,
        # but rebinding `hashlib` inside a checker (or a public constant) would change what tests compute.
        "mod_attrs": {n: {k: v for k, v in vars(m).items() if callable(v) or isinstance(v, type(sys)) or not k.startswith("_")}
                      for n, m in mods.items()},
        "classes": classes,
        "builtins": {k: v for k, v in vars(builtins).items() if k not in _VOLATILE_BUILTINS},
        "sys": {k: getattr(sys, k) for k in ("stdout", "stderr", "displayhook")},
        "shell_names": [k for k in dir(type(shell)) if k.startswith(prefixes)],
        "shell_own": set(vars(shell)),
        "lists": {k: list(getattr(shell, k)) for k in ("input_transformers_cleanup", "input_transformers_post", "ast_transformers")},
    }


def _restore(state, shell, builtins, sys):
    """Put back every patched reference; return what had been changed (stdout/stderr silently)."""
    missing, changed = object(), []
    for k, v in state["builtins"].items():
        if vars(builtins).get(k, missing) is not v:
            vars(builtins)[k] = v
            changed.append("builtins." + k)
    for n, m in state["mods"].items():
        if sys.modules.get(n) is not m:
            sys.modules[n] = m
            changed.append("sys.modules:" + n)
        d = vars(m)
        for k, v in state["mod_attrs"][n].items():
            if d.get(k, missing) is not v:
                d[k] = v
                changed.append(n + "." + k)
    for cls, snap, keys in state["classes"].values():
        for k in [k for k in vars(cls) if k not in keys]:  # e.g. a new attribute shadowing a method
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
    for k, v in state["sys"].items():
        if getattr(sys, k) is not v:
            setattr(sys, k, v)
            if k not in ("stdout", "stderr"):
                changed.append("sys." + k)
    for k in state["shell_names"]:
        if k in vars(shell) and k not in state["shell_own"]:
            delattr(shell, k)
            changed.append("shell." + k)
    for k, v in state["lists"].items():
        if getattr(shell, k) != v:
            getattr(shell, k)[:] = v
            changed.append("shell." + k)
    return changed
