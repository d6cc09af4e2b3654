"""nbgrader's ``Execute`` with the kernel started inside the bubblewrap sandbox (sandbox.py), as a
per-worker uid, in a throwaway copy of the submission's folder, over ipc sockets. Also: a watchdog
at the wall-time limit; output over the budget dropped while the kernel goes on (LimitOutput then
trims lines); a dead kernel leaves the notebook graded as far as it ran. Per-cell timeout and
interrupt stay nbgrader's (``c.Execute.timeout``, ``interrupt_on_timeout``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, Unicode

from autograder import guard, limits, outcome, sandbox
from autograder.guarding import BOOTSTRAP_ID


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernelspec is the sandbox argv made for one run."""

    sandbox_spec: KernelSpec | None = None
    sandbox_uid: int | None = None

    @property
    def kernel_spec(self):
        return self.sandbox_spec or super().kernel_spec

    async def _async_pre_start_kernel(self, **kw):
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        if self.sandbox_uid is not None:  # the dropped kernel must read its connection file
            os.chown(self.connection_file, self.sandbox_uid, self.sandbox_uid)
        if self.sandbox_uid is not None:
            kw["env"] = {}  # bwrap --clearenv sets the kernel's environment itself
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # the kernel's own log lines are noise here
        return cmd, kw


class SandboxedExecute(Execute):
    """Execute in a sandbox; configure with ``c.SandboxedExecute.*`` (and nbgrader's ``c.Execute.*``)."""

    sandboxed = Bool(True, help="Run the kernel in bubblewrap (False: trusted code only).").tag(config=True)
    uid = Integer(sandbox.UID_BASE, help="The uid the sandboxed kernel runs as.").tag(config=True)
    limits_file = Unicode("sandbox.yaml", help="Sandbox limits, relative to the course root.").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        lim = limits.load(resources["nbgrader"]["assignment"], Path(self.limits_file).resolve())
        base = Path(tempfile.mkdtemp(prefix="grader-"))
        os.chmod(base, 0o711)
        work, ipc = base / "work", base / "ipc"
        shutil.copytree(resources["metadata"]["path"], work, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        ipc.mkdir(mode=0o700)
        if resources.get("guard"):
            (work / resources["guard"]["file"]).write_text(json.dumps(resources["guard"]["secret"]))
        km = SandboxKernelManager(transport="ipc" if self.sandboxed else "tcp",
                                  ip=str(ipc / "k") if self.sandboxed else "127.0.0.1",
                                  connection_file=str(ipc / "kernel.json"))
        if self.sandboxed:
            for path in [work, ipc, *work.rglob("*")]:
                os.lchown(path, self.uid, self.uid)
            km.sandbox_spec = KernelSpec(argv=sandbox.kernel_argv(work, ipc, self.uid, lim), language="python",
                                         display_name="sandbox", interrupt_mode="message")
            km.sandbox_uid = self.uid
        else:
            km.kernel_name = "python3"
        self._budget, self._spent, self._cut, self._stopped = lim.output_kb * 1024, 0, False, None
        # The guard's set-up cell imports what the tests use: the learner's cell timeout is not for it.
        self.timeout_func = lambda cell: lim.wall_seconds if cell.get("id") == BOOTSTRAP_ID else self.timeout
        watchdog = threading.Timer(lim.wall_seconds, self._stop, args=(km, "timeout"))
        watchdog.daemon = True
        saved_path = resources["metadata"]["path"]
        resources["metadata"]["path"] = str(work)
        watchdog.start()
        try:
            nb, resources = super().preprocess(nb, resources, km=km)
        except CellTimeoutError:  # the interrupt went unanswered (a fork bomb, a blocked kernel)
            outcome.note("timeout", f"a cell ran past {self.timeout} s and could not be interrupted; later cells were not run")
        except (DeadKernelError, RuntimeError) as error:  # RuntimeError: the kernel never answered
            code = km.provisioner.process.poll() if km.provisioner and km.provisioner.process else None
            if isinstance(error, RuntimeError) and "kernel" not in str(error).lower():
                raise
            if self._stopped == "timeout":
                outcome.note("timeout", f"stopped at the {lim.wall_seconds} s wall-time limit")
            elif code in (128 + signal.SIGXCPU, -signal.SIGXCPU):
                outcome.note("timeout", f"CPU time over {lim.cpu_seconds} s")
            else:
                outcome.note("killed", f"the kernel died (exit {code}); cells after that were not run")
        except ValueError as error:  # jupyter_client's Session: a message from the kernel failed its check
            if "Signature" not in str(error):
                raise
            # Seen under an output flood, and learner code can forge one: the kernel is no longer trusted.
            outcome.note("killed", "a message from the kernel failed its signature check; cells after that were not run")
        finally:
            watchdog.cancel()
            self._stop(km, "done")
            if self.sandboxed:
                sandbox.kill_uid(self.uid)
            resources["metadata"]["path"] = saved_path
            shutil.rmtree(base, ignore_errors=True)
        self._report(nb, lim)
        return nb, resources

    def _stop(self, km, reason: str) -> None:
        """Kill bwrap's whole session (its pid namespace dies with it)."""
        self._stopped = self._stopped or reason
        process = getattr(km.provisioner, "process", None) if km.provisioner else None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                process.kill()

    def output(self, outs, msg, display_id, cell_index):
        """Keep outputs within the module's budget; guard marks always pass."""
        content = msg.get("content", {})
        size = len(json.dumps(content, default=str))
        if self._spent + size <= self._budget:
            self._spent += size
            return super().output(outs, msg, display_id, cell_index)
        if msg.get("msg_type") != "stream":
            return None
        text = content.get("text", "")
        marks = [line for line in text.split("\n") if line.startswith(guard.MARK)]
        room = max(0, self._budget - self._spent)
        kept = "" if self._cut else text[:room] + f"\n... output truncated (over {self._budget // 1024} KiB) ...\n"
        self._spent, self._cut = self._budget, True
        if not kept and not marks:
            return None
        content["text"] = kept + "".join(m + "\n" for m in marks)
        return super().output(outs, msg, display_id, cell_index)

    def _report(self, nb, lim) -> None:
        outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
        errors = {o.get("ename"): str(o.get("evalue")) for o in outputs if o.get("output_type") == "error"}
        stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
        if self._cut:
            outcome.note("graded", f"output truncated after {lim.output_kb} KiB")
        if "CellTimeoutError" in errors:
            outcome.note("timeout", f"a cell ran longer than {self.timeout} s and was interrupted")
        if "MemoryError" in errors or "\nMemoryError" in stderr:  # the latter: IPython could not format it
            outcome.note("memory", f"ran out of memory ({lim.memory_mb} MiB)")
        if "temporarily unavailable" in errors.get("BlockingIOError", ""):
            outcome.note("processes", f"hit the limit of {lim.processes} processes")
