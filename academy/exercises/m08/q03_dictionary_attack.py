"""Module 08, exercise 3 — reversing hashes by trying every candidate: `dictionary_attack(hashes, candidates)`."""

import hashlib

from academy.exercises.checks import Behaves, IsA, call_learner
from academy.exercises.core import Exercise, Wrong


def _sha(text):  # the agencies' agreed recipe (shown in the notebook as `hashed`)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _ids(start, count, letters="ABCD"):
    return [f"KT{d}{letter}" for d in range(start, start + count) for letter in letters]


def _small(func):
    candidates = _ids(500100, 15)
    known = candidates[3::7]
    unknown = [_sha(f"KT99999{k}Z") for k in range(4)]  # outside the candidates: must be left out
    hashes = [_sha(i) for i in known] + unknown
    found = call_learner(func, "dictionary_attack", list(hashes), list(candidates))
    if found is None:
        raise Wrong("`dictionary_attack` returned None. Did you forget `return`?")
    if not isinstance(found, dict):
        raise Wrong(f"`dictionary_attack` should return a dict, not a {type(found).__name__}.")
    if any(k in candidates for k in found):
        raise Wrong("The keys of your dict are identifiers. The dict should map each hash you reversed "
                    "to the identifier behind it: hash first, identifier second.")
    if any(k not in hashes for k in found):
        raise Wrong("Your dict has keys that are not among the hashes you were given.")
    if any(_sha(str(v)) != k for k, v in found.items()):
        raise Wrong("Some identifiers in your dict do not hash to the hash they are stored under.")
    if len(found) < len(known):
        raise Wrong("Some hashes whose identifier is among the candidates were not reversed.")


def _fast(func):
    candidates = _ids(700000, 25_000)  # 100,000 candidates
    hashes = [_sha(i) for i in candidates[::97]]
    found = call_learner(
        func, "dictionary_attack", hashes, candidates, seconds=15,
        too_slow="`dictionary_attack` is right on a small case but took more than 15 seconds on 100,000 "
                 "candidates and about 1,000 hashes. Hash each candidate once and look the result up in a "
                 "set or dict, instead of comparing every candidate with every hash.")
    if len(found) != len(hashes):
        raise Wrong("On a larger case not every hash whose identifier is among the candidates was reversed.")


exercise = Exercise(
    id="ex08_03",
    name="dictionary_attack",
    title="A dictionary attack on hashed identifiers",
    names=("dictionary_attack",),
    checks=[IsA("dictionary_attack", "function"), Behaves("dictionary_attack", _small),
            Behaves("dictionary_attack", _fast)],
    time_limit=40,
    hints=[
        "A hash cannot be run backwards, but it can be run forwards: hash every identifier that could exist.",
        "Hash each candidate with `hashed` and keep the ones whose hash is among the hashes you were given.",
        "Put the hashes in a set first; then one pass over the candidates, with a set lookup each, is enough.",
    ],
)
