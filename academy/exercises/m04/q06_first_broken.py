"""Module 04, exercise 6 — find the first broken link of a hash-chained log: `first_broken(log)`.

The chain helpers rebuild the notebook's `entry_hash` and `chain` (teaching code, not the answer) to
make test logs."""

import copy
import hashlib
import json

import numpy as np

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong


_GENESIS = "0" * 64


def _entry_hash(entry):
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def _chain(entries):
    log, prev = [], _GENESIS
    for entry in entries:
        entry = {**entry, "prev": prev}
        entry["hash"] = _entry_hash(entry)
        log.append(entry)
        prev = entry["hash"]
    return log


def _index_problem(got, want, log):
    """Feedback for an index that is off in a recognisable way, else None."""
    if got is None or isinstance(got, (bool, np.bool_)) or want is None:
        return
    if want < len(log) and got == log[want]["seq"]:
        raise Wrong("This is the entry's `seq` field. Return the index: the position in the list, counting from 0, "
                "whatever the entry's own fields say.")
    if got == want + 1:
        raise Wrong("The index is off: give the position in the list, counting from 0.")
    return


def _first_broken_test(func):
    # seq numbers that are not the positions, so that the two cannot be confused
    base = _chain([{"seq": 500 + i, "who": f"s{i % 3}", "amount": 10 * i} for i in range(9)])
    got = func(copy.deepcopy(base))
    if got is False:
        raise Wrong("Return None (not False) when every entry verifies.")
    if got is not None:
        raise Wrong("An intact log should give None, but your function reports a broken entry. Compare each `prev` with the previous entry's `hash`.")
    cases = []
    edited = copy.deepcopy(base)
    edited[5]["amount"] = 999
    cases.append((edited, 5, "An entry whose content was edited (hash not updated) is not found: an entry's own "
                             "hash must still fit what the entry holds now."))
    rehashed = copy.deepcopy(base)
    rehashed[3]["who"] = "intruder"
    rehashed[3]["hash"] = _entry_hash(rehashed[3])
    cases.append((rehashed, 4, "When an editor also recomputes the entry's hash, the next entry's `prev` no longer matches. "
                               "Check the link to the previous entry as well as each entry's own hash."))
    removed = copy.deepcopy(base)
    del removed[6]
    cases.append((removed, 6, "A deleted entry is not found: the entry that follows it no longer links to its predecessor."))
    first = copy.deepcopy(base)
    first[0]["prev"] = "f" * 64
    first[0]["hash"] = _entry_hash(first[0])
    cases.append((first, 0, "The first entry must link to GENESIS."))
    for log, want, message in cases:
        got = func(log)
        if got is False and want == 0:
            raise Wrong("Return the index 0 for a broken first entry; False is not an index (test `is None`, not truthiness).")
        if isinstance(got, (bool, np.bool_)) or got != want:
            return _index_problem(got, want, log) or message
    return


exercise = Exercise(
    id="ex04_06",
    name="first_broken",
    title="Find the first broken link",
    names=("first_broken", "received_log"),
    checks=[
        IsA("first_broken", "function"),
        Behaves("first_broken", _first_broken_test),
        CallsOn("first_broken", ("received_log",), key="received_log", step=0.5,
                message="Check both conditions for every entry, from the start."),
    ],
    hints=[
        "Walk through the log keeping the hash the next entry should point to; it starts as GENESIS.",
        "Entry i is broken if its `prev` differs from the expected hash, or if `entry_hash(entry)` differs from its stored `hash`.",
        "Return the index at the first failure (`enumerate` gives it, counting from 0); after a good entry, the expected hash "
        "becomes that entry's `hash`. Return None (not False) at the end.",
    ],
)
