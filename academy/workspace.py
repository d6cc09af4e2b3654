"""The learner's workspace: released notebooks copied where the learner works.

Releasing is slow (nbgrader, about 10-20 s a module), so a module is released again only when
what its release depends on changed: the module's source folder, the course's nbgrader
configuration and the nbgrader version (``release_key``). Delivery never overwrites a
learner's work: a file the learner has not touched since it was delivered is refreshed in
place; a file the learner changed stays as it is, and a *changed* release arrives beside it as
``updated-<id>-<name>`` (the prefix keeps the two apart when a file browser cuts long names).
Notebooks are delivered as JupyterLab saves them (nbformat 4.5, cell ids, the kernel's language
metadata) and signed, so they open trusted and without unsaved changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Callable, Iterable

LEDGER = ".academy-delivered.json"
STAMPS = ".academy-release.json"  # in the release folder: module -> release key
# Bump when the delivery format changes, so every module is released and delivered afresh.
FORMAT = "2"
_SKIP = {".ipynb_checkpoints", "__pycache__"}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(folder: Path) -> list[Path]:
    """Files under ``folder``, sorted, without checkpoints, caches or hidden files."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part in _SKIP or part.startswith(".") for part in p.relative_to(folder).parts)
    )


def release_key(module_source: Path, depends_on: Iterable[Path]) -> str:
    """A hex digest of everything a module's release is made from.

    ``module_source`` is ``modules/<id>/``; ``depends_on`` are further files (the nbgrader
    configuration). The nbgrader version counts too: another version may release differently.
    """
    try:
        from importlib.metadata import version

        nbgrader_version = version("nbgrader")
    except Exception:  # not installed: the release step will say so
        nbgrader_version = "?"
    h = hashlib.sha256(f"format {FORMAT}\nnbgrader {nbgrader_version}\n".encode())
    for path in _files(module_source):
        h.update(path.relative_to(module_source).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in depends_on:
        h.update(path.name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"missing") + b"\0")
    return h.hexdigest()


def release_changed(
    modules: list[str], repo: Path, release: Callable[[list[str]], object]
) -> list[str]:
    """Release (with ``release``) each module whose key changed since its last release here.

    ``repo`` is the checkout (``modules/``, ``course/``). Returns the modules released; an
    unchanged module whose release folder is present is not touched.
    """
    release_root = repo / "course" / "release"
    stamps_path = release_root / STAMPS
    stamps = json.loads(stamps_path.read_text()) if stamps_path.exists() else {}
    config = [repo / "course" / "nbgrader_config.py"]
    done = []
    for module in modules:
        key = release_key(repo / "modules" / module, config)
        if stamps.get(module) == key and any((release_root / module).glob("*.ipynb")):
            continue
        release([module])
        stamps[module] = key
        done.append(module)
        release_root.mkdir(parents=True, exist_ok=True)
        stamps_path.write_text(json.dumps(stamps, indent=1, sort_keys=True) + "\n")  # after each: Ctrl+C keeps what is done
    return done


def _language_info() -> dict:
    """What the course kernel (ipykernel in this environment) reports; JupyterLab writes it on open."""
    try:
        from ipykernel.ipkernel import IPythonKernel

        return json.loads(json.dumps(IPythonKernel.language_info))
    except Exception:  # no ipykernel here: keep the notebook's own
        return {}


def as_jupyterlab_saves(data: bytes) -> bytes:
    """A notebook's bytes as JupyterLab would save them after opening it: nothing left to change.

    Raises ``nbformat.ValidationError`` (or ``json.JSONDecodeError``) for a broken notebook.
    """
    import nbformat

    nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    if nb.nbformat_minor < 5:
        nb = nbformat.v4.upgrade(nb, from_version=4, from_minor=nb.nbformat_minor)  # adds cell ids
    info = _language_info()
    if info:
        nb.metadata["language_info"] = info
    for cell in nb.cells:
        cell.metadata.pop("trusted", None)  # the server adds it on load; saved files hold none
    nbformat.validate(nb)
    return nbformat.writes(nb).encode("utf-8") + b"\n"  # as jupyter_server writes a notebook


def _deliverable(path: Path) -> bytes:
    data = path.read_bytes()
    return as_jupyterlab_saves(data) if path.suffix == ".ipynb" else data


def sign(path: Path) -> None:
    """Mark a delivered notebook trusted for this user (nbformat's notary, Jupyter's data dir)."""
    import nbformat
    from nbformat.sign import NotebookNotary

    nb = nbformat.read(path, as_version=4)
    NotebookNotary().sign(nb)


def _load_ledger(path: Path) -> dict:
    ledger = json.loads(path.read_text()) if path.exists() else {}
    if "delivered" not in ledger:  # the first format: {file: digest delivered}
        ledger = {"delivered": dict(ledger), "offered": dict(ledger)}
    return ledger


def sync(release_dir: Path, workspace: Path) -> list[str]:
    """Copy every released file into the workspace; return what happened, a line per file.

    The ledger (``workspace/.academy-delivered.json``) remembers, per file, the version last
    written into the learner's copy (``delivered``) and the last release seen (``offered``).
    A release equal to the last one seen is never offered again, whatever the learner did.
    """
    workspace.mkdir(parents=True, exist_ok=True)
    ledger_path = workspace / LEDGER
    ledger = _load_ledger(ledger_path)
    delivered, offered = ledger["delivered"], ledger["offered"]
    log = []
    for source in _files(release_dir):
        rel = source.relative_to(release_dir).as_posix()
        target = workspace / rel
        data = _deliverable(source)
        new = _digest(data)
        if not target.exists():
            _write(target, data)
            log.append(f"new      {rel}")
            delivered[rel] = new
        elif offered.get(rel) == new:
            pass  # nothing new since the last start, whatever the learner did with the file
        else:
            mine = _digest(target.read_bytes())
            if mine == new:
                delivered[rel] = new
            elif delivered.get(rel) == mine:
                _write(target, data)  # untouched by the learner: safe to refresh
                log.append(f"updated  {rel}")
                delivered[rel] = new
            else:
                beside = target.with_name(f"updated-{new[:8]}-{target.name}")
                if not beside.exists():
                    _write(beside, data)
                    log.append(f"kept your {rel}; the new version is {beside.name}")
        offered[rel] = new
    ledger_path.write_text(json.dumps(ledger, indent=1, sort_keys=True) + "\n")
    return log


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if target.suffix == ".ipynb":
        sign(target)


def prepare(workspace: Path, repo: Path, modules: list[str], release: Callable[[list[str]], object]) -> list[str]:
    """Release what changed, then deliver into ``workspace``; return the log lines."""
    release_changed(modules, repo, release)  # ``release`` says what it released
    return sync(repo / "course" / "release", workspace)
