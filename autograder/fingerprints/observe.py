"""What fingerprints.json holds for a module: each fingerprinted check's value, observed.

For every check with a fingerprint: ``expected`` is the spec of the value the check observes on
the reference namespace; ``mistakes[fixture]`` the spec of the value it observes on that
wrong-answer fixture's namespace. A mistake that looks like the reference is refused.
"""

from __future__ import annotations

from academy.exercises.core import quiet, time_limit
from autograder.fingerprints.workbench import TEST_SECONDS, Workbench


class GenerationError(Exception):
    """A fingerprint could not be made; the message names module, exercise, check and case."""


def _observe(check, exercise, ns: dict, case: str) -> dict:
    where = f"{exercise.id} ({exercise.name}), check {check.key!r}, on {case}"
    missing = [n for n in exercise.names if n not in ns]
    if missing:
        raise GenerationError(f"{where}: `{missing[0]}` is not defined")
    try:
        with quiet(), time_limit(TEST_SECONDS):
            return check.spec_of(check.observe({n: ns[n] for n in exercise.names}))
    except BaseException as error:  # TooSlow included: say where, never hang
        raise GenerationError(f"{where}: {type(error).__name__}: {error}") from None


def store(bench: Workbench) -> dict:
    """The content of fingerprints.json for the module on the bench."""
    out = {"module": bench.module, "generated_by": "academy fingerprints (autograder/fingerprints)", "exercises": {}}
    for exercise in bench.exercises:
        if not exercise.name:
            raise GenerationError(f"{exercise.id} has no `name`; fingerprints are salted with it")
        entries = {}
        for check in exercise.checks:
            if not getattr(check, "fingerprinted", False):
                continue
            entry = {"mistakes": {}}
            if check.expects:
                entry["expected"] = _observe(check, exercise, bench.reference, "the reference notebook")
            for fixture in check.mistakes:
                ns, errors = bench.fixture(fixture)
                spec = _observe(check, exercise, ns, f"fixture {fixture} {errors or ''}".strip())
                if spec == entry.get("expected"):
                    raise GenerationError(f"{exercise.id} ({exercise.name}), check {check.key!r}: fixture {fixture} "
                                          "gives the reference value, so it cannot be a mistake of this check")
                entry["mistakes"][fixture] = spec
            entries[check.key] = entry
        if entries:
            out["exercises"][exercise.name] = entries
    return out


def drift(stored: dict, fresh: dict, ids: dict[str, str]) -> list[str]:
    """Where the stored file and a fresh generation disagree, one line per check (``ids``: name -> id)."""
    problems = []
    old, new = stored.get("exercises", {}), fresh.get("exercises", {})
    for name in sorted(set(old) | set(new)):
        label = f"{ids.get(name, '?')} ({name})"
        for key in sorted(set(old.get(name, {})) | set(new.get(name, {}))):
            a, b = old.get(name, {}).get(key), new.get(name, {}).get(key)
            if a is None or b is None:
                problems.append(f"{label} check {key!r}: {'new, not in the file' if a is None else 'in the file, no longer a check'}")
                continue
            if a.get("expected") != b.get("expected"):
                problems.append(f"{label} check {key!r}: the reference value drifted")
            for fixture in sorted(set(a["mistakes"]) | set(b["mistakes"])):
                if a["mistakes"].get(fixture) != b["mistakes"].get(fixture):
                    problems.append(f"{label} check {key!r}: the mistake from fixture {fixture} drifted")
    return problems
