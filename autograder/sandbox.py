"""The kernel sandbox: bubblewrap argv for an ipykernel that can see and do almost nothing.

Allow-list, not deny-list: the sandbox root is empty and only the system (/usr, /etc), the
Python installation, the virtual environment and the ``academy`` package are bound read-only,
so course sources, other submissions, the gradebook and the grader's home simply are not
there. The kernel runs as a per-worker uid (so RLIMIT_NPROC counts only its own processes and
it cannot signal other kernels), in new pid/net/ipc/uts namespaces; killing bwrap kills the
whole pid namespace, daemonised children included.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import academy

UID_BASE = 200_000  # far above the uids of real accounts on course machines


def run_uid_base(pid: int) -> int:
    """The uids of one grading run: slot n runs as base + n. Two runs at once (two modules, two
    graders) get different blocks, so cleaning up one run never kills the other's kernels."""
    return UID_BASE + (pid % 4096) * 64

INSTALL_HINT = (
    "Autograding runs untrusted student code and needs the sandbox tool bubblewrap, which was "
    "not found or does not work here. Install it (Debian/Ubuntu: apt-get install bubblewrap) "
    "and run again; only for code you trust, pass --trusted to grade without a sandbox."
)


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def available() -> tuple[bool, str]:
    """(usable, why not): bwrap exists and can build the namespaces we need."""
    path = bwrap_path()
    if not path:
        return False, "bwrap (bubblewrap) is not installed"
    probe = [path, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid",
             "--unshare-net", "--die-with-parent", "true"]
    result = subprocess.run(probe, capture_output=True, text=True)
    if result.returncode != 0:
        return False, f"bwrap cannot create a sandbox here: {result.stderr.strip()[:300]}"
    if os.geteuid() != 0:
        return False, "the sandbox drops each kernel to its own uid, which needs root"
    return True, ""


def readable_roots() -> list[str]:
    """What the kernel may read: system dirs, the Python install, the venv, the academy package."""
    roots = ["/usr", "/etc", sys.base_prefix, sys.prefix, str(Path(academy.__file__).resolve().parent)]
    data = student_data()
    if data is not None:  # only the student data, never the generator or instructor files
        roots += [str(data / "data"), str(data / "datapackage.json")]
    out = []
    for root in roots:
        real = os.path.realpath(root)
        if os.path.exists(real) and real not in out:
            out.append(real)
    return out


def student_data() -> Path | None:
    """The folder holding datapackage.json that the grader itself loads data from."""
    from academy import data

    try:
        return data.package_dir().resolve()
    except data.DatasetError:
        return None


def kernel_argv(workdir: Path, ipcdir: Path, uid: int, limits) -> list[str]:
    """The kernelspec argv: bwrap, then rlimits, then drop to ``uid``, then ipykernel."""
    argv = [bwrap_path(), "--clearenv", "--die-with-parent", "--new-session",
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "sandbox", "--dev", "/dev", "--proc", "/proc",
            # kernels run as another uid; --size caps each tmpfs (its pages are host RAM outside memory_mb)
            "--perms", "1777", "--size", str(limits.tmp_mb * 1024 * 1024), "--tmpfs", "/tmp",
            "--perms", "1777", "--size", str(limits.tmp_mb * 1024 * 1024), "--tmpfs", "/var/tmp"]
    for name in ("bin", "lib", "lib64", "sbin"):  # merged-/usr symlinks or real dirs
        path = Path("/") / name
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            argv += ["--ro-bind", str(path), str(path)]
    made = {"/", "/tmp", "/var/tmp", "/dev", "/proc"}
    for root in [*readable_roots(), str(workdir), str(ipcdir)]:
        for parent in reversed(Path(root).parents):  # bwrap would create them 0700
            if str(parent) not in made:
                made.add(str(parent))
                argv += ["--perms", "0755", "--dir", str(parent)]
    for root in readable_roots():
        argv += ["--ro-bind", root, root]
    argv += ["--bind", str(workdir), str(workdir), "--bind", str(ipcdir), str(ipcdir), "--chdir", str(workdir)]
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8", "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": "/tmp/.mpl", "IPYTHONDIR": "/tmp/.ipython", "PYTHONWARNINGS": "ignore",
        "PYTHONDONTWRITEBYTECODE": "1", "NBGRADER_EXECUTION": "autograde",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    }
    if student_data() is not None:  # an editable install keeps its data outside the package
        env["ACADEMY_DATA"] = str(student_data())
    for key, value in env.items():
        argv += ["--setenv", key, value]
    mib = 1024 * 1024
    argv += ["--", "prlimit", f"--as={limits.memory_mb * mib}", f"--cpu={limits.cpu_seconds}",
             f"--nproc={limits.processes}", f"--fsize={limits.file_mb * mib}", "--nofile=256", "--core=0",
             "--", "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
             "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--",
             sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    return argv


def kill_uid(uid: int) -> None:
    """Kill every process left running as ``uid`` (belt and braces after the pid namespace)."""
    for _ in range(20):
        pids = [p for p in _pids_of(uid)]
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)


def _pids_of(uid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found
