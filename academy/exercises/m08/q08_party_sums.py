"""Module 08, exercise 8 — each computing party adds the shares it holds: `party_sums(shared)`."""

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

MODULUS = 2**61 - 1  # as in the notebook
# shared[agency][party]: the share agency `agency` sent to computing party `party`
VISIBLE = ([[11, MODULUS - 4, 30], [2, 9, MODULUS - 1], [100, 0, 7]],)


def _unreduced(func):
    # Why first: the visible call's generic message would not say that only the reduction is missing.
    shared = [list(r) for r in VISIBLE[0]]
    got = call_learner(func, "party_sums", [list(r) for r in shared])
    if isinstance(got, (list, tuple)) and len(got) == 3:
        plain = [sum(row[p] for row in shared) for p in range(3)]
        if [int(g) for g in got] == plain and plain != [x % MODULUS for x in plain]:
            raise Wrong("Your sums are shares of the total, but some are MODULUS or more. Every share, a sum "
                        "of shares too, lives in 0 … MODULUS − 1: what keeps a sum in that range?")


def _new(func):
    shared = [[MODULUS - 1, MODULUS - 2, 3], [5, 6, 7], [MODULUS - 10, 4, 8], [1, 2, 3]]  # four agencies
    got = call_learner(func, "party_sums", [list(r) for r in shared])
    if not isinstance(got, (list, tuple)) or len(got) != 3:
        raise Wrong("`party_sums` should return one sum per computing party: a list of three numbers.")
    own = [sum(row) % MODULUS for row in shared]
    if [int(g) for g in got][:3] == own[:3]:
        raise Wrong("Each of your sums adds one agency's own three shares, which rebuilds that agency's secret. "
                    "A party adds the shares it received, one from every agency.")
    want = [sum(row[p] for row in shared) % MODULUS for p in range(3)]
    if [int(g) for g in got] != want:
        raise Wrong("With four agencies `party_sums` does not give each party's sum of the shares it holds, "
                    "modulo MODULUS.")


exercise = Exercise(
    id="ex08_08",
    name="party_sums",
    title="Adding shares without seeing secrets",
    names=("party_sums",),
    checks=[
        IsA("party_sums", "function"),
        Behaves("party_sums", _unreduced),
        Calls("party_sums", VISIBLE, key="visible", step=0.5, transform=lambda v: [int(x) for x in v],
              mistakes={"wrong-shares-without-modulus": "each of your sums adds one agency's own shares, which "
                        "rebuilds that agency's secret. A party adds the shares it received, one from every agency."},
              message="Party p adds share p of every agency, modulo MODULUS."),
        Behaves("party_sums", _new),
    ],
    hints=[
        "`shared[a][p]` is what agency a sent to party p. Which of these numbers does party p hold?",
        "Party p holds `shared[0][p]`, `shared[1][p]`, … — one number from every agency.",
        "For each party p, add `shared[a][p]` over all agencies a and reduce modulo MODULUS.",
    ],
)
