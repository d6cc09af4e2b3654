"""Module 04, exercise 9 — delete, with a certificate: `delete_with_proof(store, expired_ids)`."""

import hashlib

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def _ids_digest(ids):
    return hashlib.sha256("\n".join(sorted(str(i) for i in ids)).encode("utf-8")).hexdigest()


def _delete_test(func):
    store = pd.DataFrame({"investigation_id": ["K5", "K1", "K3", "K2"], "claim_id": ["e", "a", "c", "b"],
                          "opened": pd.to_datetime(["2020-01-05", "2020-01-01", "2020-01-03", "2020-01-02"]),
                          "reason": ["tip-off"] * 4, "outcome": ["no change"] * 4, "overpayment": pd.array([0] * 4, dtype="Int64")})
    before = store.copy()
    out = call_on_made_up(func, "delete_with_proof", store, ["K3", "K5"])
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise Wrong("`delete_with_proof` should return a tuple (kept, certificate).")
    kept, cert = out
    if not store.equals(before):
        raise Wrong("`store` was changed. Build and return a new frame; leave the original as it was.")
    if not isinstance(kept, pd.DataFrame) or sorted(kept["investigation_id"]) != ["K1", "K2"]:
        raise Wrong("`kept` should be a DataFrame with every row except the deleted ones.")
    if not isinstance(cert, dict) or not {"deleted", "kept", "digest"} <= set(cert):
        raise Wrong("`certificate` should be a dict with the keys 'deleted', 'kept' and 'digest'.")
    if int(cert["deleted"]) != 2 or int(cert["kept"]) != 2:
        raise Wrong("The counts in the certificate are wrong: rows removed, and rows left.")
    if cert["digest"] != _ids_digest(["K3", "K5"]):
        raise Wrong("The digest does not match `ids_digest` of the removed identifiers.")
    kept, cert = func(store, ["K2", "K404"])
    if int(cert["deleted"]) != 1 or cert["digest"] != _ids_digest(["K2"]):
        raise Wrong("An id that is not in `store` was counted or digested. Certify only what was actually removed, "
                "so that the owner's check shows what really happened.")
    return


exercise = Exercise(
    id="ex04_09",
    name="delete_with_proof",
    title="Delete, with a certificate",
    names=("delete_with_proof",),
    checks=[IsA("delete_with_proof", "function"), Behaves("delete_with_proof", _delete_test)],
    hints=[
        "First find which rows of `store` are to go: a boolean mask with `.isin(...)`.",
        "The kept frame is the store without the masked rows (`store[~mask]`); the removed identifiers are `store.loc[mask, 'investigation_id']`.",
        "Count both parts with `int(...)`, digest the removed identifiers with `ids_digest`, and return `(kept, certificate)`.",
    ],
)
