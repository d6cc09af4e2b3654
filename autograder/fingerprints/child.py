"""``python -m autograder.fingerprints.child MODULE OUT.json [--cases]``: one module, one fresh interpreter.

Writes {"module", "store", "ids", "cases"?, "error"?} to OUT.json; the notebook's own output is
swallowed so that it cannot mix with the result.
"""

from __future__ import annotations

import json
import sys
import time
import traceback


def main(argv: list[str]) -> int:
    module, out, want_cases = argv[0], argv[1], "--cases" in argv
    result: dict = {"module": module}
    started = time.monotonic()
    try:
        from autograder.fingerprints import cases, observe
        from autograder.fingerprints.workbench import Workbench

        bench = Workbench(module)
        result["ids"] = {e.name: e.id for e in bench.exercises}
        result["reference_seconds"] = round(time.monotonic() - started, 1)
        result["store"] = observe.store(bench)
        if want_cases:
            result["cases"] = cases.evaluate(bench)
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}"
        result["traceback"] = traceback.format_exc()[-3000:]
    result["seconds"] = round(time.monotonic() - started, 1)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, default=str)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
