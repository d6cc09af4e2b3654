"""Module 04, exercise 5 — keyed pseudonyms per purpose: `pseudonymise(values, key, purpose)`."""

import hashlib
import itertools

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong


def _pseudonymise_test(func):
    ids = [f"KT{n:06d}{c}" for n, c in zip(range(300000, 300400), "ABCD" * 100)]
    key, other_key = b"check-key-one", b"check-key-two"
    first = func(list(ids), key, "research")
    if first is None:
        raise Wrong("`pseudonymise` returned None. Did you forget `return`?")
    if not isinstance(first, list):
        raise Wrong(f"`pseudonymise` should return a list, not a {type(first).__name__}.")
    if len(first) != len(ids) or not all(isinstance(p, str) for p in first):
        raise Wrong("Return one pseudonym (a string) per value, in the same order.")
    if len(set(first)) != len(ids):
        raise Wrong("Different values got the same pseudonym: do not shorten the digest that much.")
    if func(list(ids), key, "research") != first:
        raise Wrong("The same value, key and purpose must always give the same pseudonym (no random salt).")
    if func(pd.Series(ids), key, "research") != first:
        raise Wrong("A pandas Series of values must give the same pseudonyms as a list.")
    if set(first) & _plain_digests(ids[:20], b"", "research"):
        raise Wrong("These are plain SHA-256 hashes: anyone can recompute them. Mix the secret key in: an HMAC does that.")
    if set(first) & _plain_digests(ids[:20], key, "research"):
        raise Wrong("These are SHA-256 hashes of the key glued to the purpose and value. That is not HMAC: a plain hash "
                "of secret + message can be extended by anyone who sees one pseudonym (a length-extension attack). "
                "An HMAC mixes the key in twice, in a way that cannot be extended.")
    if not all(len(p) == 64 and all(ch in "0123456789abcdef" for ch in p) for p in first):
        raise Wrong("Return the full HMAC-SHA256 digest as `.hexdigest()` gives it: 64 lowercase hexadecimal characters. "
                "A different length means another hash function (MD5, SHA-1) or a shortened digest.")
    if set(first) & set(func(list(ids), other_key, "research")):
        raise Wrong("A different key gives the same pseudonyms: the key must go into the HMAC.")
    if set(first) & set(func(list(ids), key, "statistics")):
        raise Wrong("Two purposes give the same pseudonyms, so two releases could still be joined. Put the purpose into "
                "the message, or derive a separate key per purpose.")
    glued = [func(["KT1"], key, "fraud")[0], func(["dKT1"], key, "frau")[0], func(["KT"], key, "1fraud")[0]]
    if glued[0] in glued[1:]:
        raise Wrong("Purpose 'fraud' with value 'KT1' gets the same pseudonym as purpose 'frau' with value 'dKT1' (or "
                "purpose '1fraud' with value 'KT'): the purpose and the value run together. Put a separator between them.")
    return


def _plain_digests(ids, key, purpose):
    """SHA-256 of the key, purpose and value glued together in any order with a common separator."""
    out = set()
    for value in ids:
        parts = [key, purpose.encode("utf-8"), str(value).encode("utf-8")]
        seps = (b"", b"|", b":", b" ", b"-", b"_", b",", b";", b"/", b"\n", b"\t", b".")
        for order in itertools.permutations([p for p in parts if p]):
            for between in itertools.product(seps, repeat=len(order) - 1):
                glued = order[0] + b"".join(sep + part for sep, part in zip(between, order[1:]))
                out.add(hashlib.sha256(glued).hexdigest())
        out.add(hashlib.sha256(str(value).encode("utf-8")).hexdigest())
    return out


exercise = Exercise(
    id="ex04_05",
    name="pseudonymise",
    title="Keyed pseudonyms per purpose",
    names=("pseudonymise",),
    checks=[IsA("pseudonymise", "function"), Behaves("pseudonymise", _pseudonymise_test)],
    hints=[
        "A pseudonym should depend on three things: the value, the secret key and the purpose. Which of them did plain hashing use?",
        "`hmac.new(key, message, hashlib.sha256).hexdigest()` needs bytes: encode the text with `.encode('utf-8')`. "
        "Build the message from the purpose and the value with a separator between them.",
        "Loop over the values (or use a list comprehension) and return the list of HMAC hex digests.",
    ],
)
