"""Helpers the teaching cells of module 08 import (not checks).

``mpc_runtime()`` gives MPyC's runtime as one party in this process (MPyC's ``-M1``): MPyC reads
its options from ``sys.argv`` when it is imported, and a notebook kernel's ``sys.argv`` holds the
kernel's own options, so the import runs with MPyC's options and the kernel's are put back.
No ``-M`` is passed: one party is the default, and only then does MPyC compute synchronously
(``no_async``), which ``mpc.run`` needs inside a kernel whose event loop is already running.
``--no-log`` keeps MPyC's start and stop messages off stderr (stderr zeroes a graded cell).
"""

from __future__ import annotations

import sys

from academy.exercises.running import at_most

__all__ = ["at_most", "mpc_runtime"]


def mpc_runtime():
    """MPyC's runtime object ``mpc``, one party, no network, no log lines; imported once."""
    if "mpyc.runtime" in sys.modules:
        return sys.modules["mpyc.runtime"].mpc
    kept = sys.argv
    sys.argv = [kept[0] if kept else "notebook", "--no-log"]
    try:
        from mpyc.runtime import mpc
    finally:
        sys.argv = kept
    return mpc
