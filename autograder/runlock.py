"""One ``academy autograde`` run per course and module (and shard) at a time: two runs grading the
same students at once overwrite each other's gradebook rows and graded folders. The lock is an
fcntl.flock on a file in the course root, so it is released whenever the holder exits or dies."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


@contextlib.contextmanager
def held(root: Path, module: str, shard: tuple[int, int] | None = None):
    """Hold the lock for ``module`` in ``root``; SystemExit naming the lock file and holder's pid if taken."""
    name = f".autograde-{module}" + (f"-shard{shard[0]}of{shard[1]}" if shard else "") + ".lock"
    path = root / name
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise SystemExit(f"academy autograde: another run is grading {module} (lock {path} held by pid {holder}); "
                             "wait for it to finish, then run again.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)
