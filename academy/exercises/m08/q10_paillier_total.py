"""Module 08, exercise 10 — an encrypted total with Paillier: `encrypted_total(public_key, counts)`, `paillier_total`.

`phe` (GPLv3) is imported only when this exercise is checked, so the MIT-licensed package imports
without it (see modules/08-encrypted-computation/README.md, "Licences").
"""

from academy.exercises.checks import Behaves, IsA, Matches, call_learner
from academy.exercises.core import Exercise, Wrong

_KEYS = []


def _keys():
    import phe

    if not _KEYS:  # a small key: checks need speed, not secrecy
        _KEYS.append(phe.generate_paillier_keypair(n_length=1024))
    return _KEYS[0]


def _new(func):
    import phe

    class _Counting(phe.PaillierPublicKey):
        # Counts encryptions, so that adding the plain counts first and encrypting once is caught.
        encrypted = 0

        def encrypt(self, *args, **kwargs):
            type(self).encrypted += 1
            return super().encrypt(*args, **kwargs)

    key, private = _keys()
    public = _Counting(key.n)
    for counts in ([310, 4, 1200], [0, 7]):
        _Counting.encrypted = 0
        got = call_learner(func, "encrypted_total", public, list(counts), seconds=20)
        if not isinstance(got, phe.EncryptedNumber):
            raise Wrong("`encrypted_total` should return one encrypted number (a Paillier `EncryptedNumber`): "
                        "the aggregator never sees a plain count, and it does not hold the private key.")
        if _Counting.encrypted < len(counts):
            raise Wrong("`encrypted_total` encrypted fewer numbers than there are counts, so the plain counts were "
                        "combined before encryption — by someone who could read them all. Who holds each count "
                        "in this scenario, and what does the aggregator receive from them?")
        if got.public_key != public:
            raise Wrong("The result is encrypted under another key than the one you were given.")
        if private.decrypt(got) != sum(counts):
            raise Wrong("The encrypted result does not decrypt to the total of the counts.")


exercise = Exercise(
    id="ex08_10",
    name="paillier_total",
    title="An encrypted total of hospital counts (Paillier)",
    names=("encrypted_total", "paillier_total"),
    checks=[
        IsA("encrypted_total", "function"),
        Behaves("encrypted_total", _new),
        IsA("paillier_total", "integer"),
        Matches("paillier_total", key="value", step=0.5,
                message="`paillier_total` is not the decrypted total of the three hospitals' counts."),
    ],
    time_limit=60,
    hints=[
        "Each hospital encrypts its own count with the public key; ciphertexts can be added without the private key.",
        "`public_key.encrypt(n)` gives an encrypted number; `+` between encrypted numbers adds what they hold.",
        "Encrypt every count, add the encrypted numbers one after another, return the encrypted sum; only the "
        "analyst calls `private_key.decrypt` on it.",
    ],
)
