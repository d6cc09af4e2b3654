"""Execute one prepared notebook in a sandboxed kernel, within the module's limits.

Runs in a worker process. The kernel is bwrap-wrapped (sandbox.py) and talks over ipc sockets
in a directory bound into the sandbox; a watchdog kills the sandbox at the wall-time limit and
the client kills it when the outputs outgrow their limit. Returns the executed cells and how
the run ended; scoring happens in the parent (score.py).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from academy.instructor import guard, sandbox


def for_execution(graded: dict, tests: dict, guard_name: str) -> dict:
    """The notebook the kernel runs: test cells become guard calls, outputs cleared."""
    nb = json.loads(json.dumps(graded))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id in tests:
                cell["source"] = guard.call_source(guard_name, grade_id)
    return nb


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernelspec is the sandbox argv, made for one run."""

    sandbox_spec: KernelSpec | None = None
    sandbox_uid: int | None = None

    @property
    def kernel_spec(self):
        return self.sandbox_spec or super().kernel_spec

    async def _async_pre_start_kernel(self, **kw):
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        if self.sandbox_uid is not None:  # the dropped kernel must read its connection file
            os.chown(self.connection_file, self.sandbox_uid, self.sandbox_uid)
        kw.setdefault("env", {})
        return cmd, kw


class LimitedClient(NotebookClient):
    """Stops the run (by killing the kernel) once outputs pass ``output_limit`` bytes."""

    output_limit = 2 * 1024 * 1024
    output_bytes = 0
    on_limit = None

    def output(self, outs, msg, display_id, cell_index):
        self.output_bytes += len(json.dumps(msg.get("content", {}), default=str))
        if self.output_bytes > self.output_limit:
            if self.on_limit:
                self.on_limit()
            return None
        return super().output(outs, msg, display_id, cell_index)


def execute(graded: dict, tests: dict, workfiles: Path | None, limits, slot: int, sandboxed: bool,
            uid_base: int = sandbox.UID_BASE) -> dict:
    """Run the notebook; returns {"cells": [...], "end": ok|timeout|killed|output_limit, "detail"}."""
    base = Path(tempfile.mkdtemp(prefix="ag-"))
    os.chmod(base, 0o711)
    work, ipc = base / "work", base / "ipc"
    if workfiles and workfiles.is_dir():
        shutil.copytree(workfiles, work, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
    work.mkdir(exist_ok=True)
    ipc.mkdir(mode=0o700)
    uid = uid_base + slot if sandboxed else None
    nonce, guard_name = secrets.token_hex(16), "_g" + secrets.token_hex(8)
    (work / guard.SECRET_FILE).write_text(json.dumps(guard.secret(nonce, guard_name, tests)))
    if uid is not None:
        for path in [work, ipc, *work.rglob("*")]:
            os.lchown(path, uid, uid)
    nb = nbformat.from_dict(for_execution(graded, tests, guard_name))
    nb.cells.insert(0, nbformat.v4.new_code_cell(guard.bootstrap_source(str(work / guard.SECRET_FILE))))
    end, detail = "ok", ""
    state = {"end": None}
    km = SandboxKernelManager(transport="ipc" if sandboxed else "tcp",
                              ip=str(ipc / "k") if sandboxed else "127.0.0.1",
                              connection_file=str(ipc / "kernel.json"))
    if sandboxed:
        km.sandbox_spec = KernelSpec(argv=sandbox.kernel_argv(work, ipc, uid, limits),
                                     language="python", display_name="sandbox")
        km.sandbox_uid = uid
    else:
        km.kernel_name = "python3"

    def stop(reason: str) -> None:
        if state["end"] is None:
            state["end"] = reason
        process = getattr(km.provisioner, "process", None) if km.provisioner else None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # bwrap and its pid namespace
            except (ProcessLookupError, PermissionError):
                process.kill()

    client = LimitedClient(nb, km=km, timeout=limits.cell_seconds, startup_timeout=60,
                           allow_errors=True, record_timing=False,
                           resources={"metadata": {"path": str(work)}})
    client.output_limit = limits.output_kb * 1024
    client.on_limit = lambda: stop("output_limit")
    watchdog = threading.Timer(limits.wall_seconds, stop, args=("timeout",))
    watchdog.daemon = True
    watchdog.start()
    started = time.monotonic()
    try:
        client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except CellTimeoutError:
        end, detail = "timeout", f"a cell ran longer than {limits.cell_seconds} s"
    except DeadKernelError:
        end = "killed"
        code = km.provisioner.process.poll() if km.provisioner and km.provisioner.process else None
        detail = f"the kernel died (exit {code})"
        if code is not None and code in (128 + signal.SIGXCPU, -signal.SIGXCPU):
            end, detail = "timeout", f"CPU time over {limits.cpu_seconds} s"
        elif client.output_bytes * 2 > client.output_limit:
            # Flooding output can exhaust the kernel's own buffers before the parent has
            # counted past the limit (seen under load); name the cause, not just the death.
            state["end"] = state["end"] or "output_limit"
    except Exception as error:  # kernel failed to start, protocol garbage, ...
        end, detail = "killed", f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        watchdog.cancel()
        stop("ok")
        try:
            client._cleanup_kernel() if hasattr(client, "_cleanup_kernel") else None
        except Exception:
            pass
        if uid is not None:
            sandbox.kill_uid(uid)
        shutil.rmtree(base, ignore_errors=True)
    if state["end"] in ("timeout", "output_limit"):
        end = state["end"]
        detail = {"timeout": f"over the {limits.wall_seconds} s wall-time limit",
                  "output_limit": f"printed more than {limits.output_kb} KiB"}[end]
    cells = [json.loads(json.dumps(c)) for c in nb.cells[1:]]
    return {"cells": cells, "end": end, "detail": detail, "nonce": nonce,
            "seconds": round(time.monotonic() - started, 2)}
