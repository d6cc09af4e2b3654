"""Score an executed notebook outside the kernel, and decide the submission's status.

A test cell earns its points only if the guard's mark for this run is in its stdout and, as in
nbgrader, it shows no error and wrote nothing to stderr. Written answers get no automatic score
(they need manual grading).
"""

from __future__ import annotations

from academy.instructor import guard

# Most serious first: the status shown is the first that applies.
STATUSES = ["invalid", "too_large", "timeout", "memory", "output_limit", "killed", "processes", "tampered", "graded"]


def worst(*statuses: str) -> str:
    return min(statuses, key=STATUSES.index)


def _stdout(cell) -> str:
    return "".join("".join(o.get("text", "")) for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def score(prepared, result: dict | None, cells_spec: dict) -> dict:
    """{"scores": {grade_id: points or None}, "status", "detail", "notebook"}."""
    scores = {c.name: (None if c.solution else 0.0) for c in cells_spec.values() if c.grade}
    status, detail = {"ok": "graded"}.get(prepared.status, prepared.status), list(prepared.detail)
    if result is None or prepared.graded is None:
        return {"scores": scores, "status": status, "detail": detail, "notebook": prepared.graded}
    if result["end"] != "ok":
        status = worst(status, result["end"])
        detail.append(result["detail"])
    original = prepared.graded["cells"]
    for cell, source in zip(result["cells"], original):
        cell["source"] = source["source"]
        outputs = cell.get("outputs", [])
        for out in outputs:
            if out.get("output_type") == "stream" and out.get("name") == "stderr" and "\nMemoryError" in "".join(out.get("text", "")):
                status = worst(status, "memory")  # IPython could not even format the error
            if out.get("output_type") == "error":
                if out.get("ename") == "MemoryError":
                    status = worst(status, "memory")
                elif out.get("ename") == "BlockingIOError" and "temporarily unavailable" in str(out.get("evalue")):
                    status = worst(status, "processes")
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in prepared.tests:
            passed, tampered = guard.read_marks(_stdout(cell), result["nonce"], gid)
            if tampered:
                status = worst(status, "tampered")
                detail.append(f"{gid}: patched {tampered}")
            failed = any(o.get("output_type") == "error" or (o.get("output_type") == "stream" and o.get("name") == "stderr")
                         for o in outputs)
            scores[gid] = float(cells_spec[gid].points or 0) if passed and not failed else 0.0
        for out in outputs:
            if out.get("output_type") == "stream":
                out["text"] = guard.strip_marks("".join(out.get("text", "")))
        cell["outputs"] = [o for o in outputs if not (o.get("output_type") == "stream" and not o["text"])]
    notebook = dict(prepared.graded, cells=result["cells"])
    seen, unique = set(), []
    for line in detail:
        if line and line not in seen:
            seen.add(line)
            unique.append(line)
    return {"scores": scores, "status": status, "detail": unique, "notebook": notebook}
