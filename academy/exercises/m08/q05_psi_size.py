"""Module 08, exercise 5 — the size of an intersection by PSI: `psi_size(client_items, server_items)`."""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m08.psi_watch import watch_parties

VISIBLE = (["KT100001A", "KT100002B", "KT100003C", "KT100007D"],
           ["KT100002B", "KT100007D", "KT100008A", "KT100009A", "KT100010B"])


def _watched(func, client, server):
    return watch_parties(func, "psi_size", list(client), list(server), seconds=20,
                         too_slow="`psi_size` took more than 20 seconds on 40 items.")


def _new_sets(func):
    client = [f"KT3{k:05d}A" for k in range(0, 120, 3)]
    server = [f"KT3{k:05d}A" for k in range(0, 200, 5)]
    expected = len(set(client) & set(server))
    for c, s, want in ((client, server, expected), (client[:5], ["KT999999D"], 0)):
        got, created = _watched(func, c, s)
        if not created:
            raise Wrong("`psi_size` never creates a PSI client or server, so one side must have seen the other's "
                        "list to count. How do the two sides compare lists without handing them over?")
        if any(bool(flag) for flag in created):
            raise Wrong("A PSI party in `psi_size` is created so that the client learns the common items "
                        "themselves. Which setting makes the protocol reveal only their number?")
        if isinstance(got, (set, list, tuple)):
            raise Wrong("`psi_size` returns the common items themselves. The client should learn only how many "
                        "there are: use the cardinality-only protocol and return a whole number.")
        if got != want:
            raise Wrong("On new sets `psi_size` does not give the number of common items.")


exercise = Exercise(
    id="ex08_05",
    name="psi_size",
    title="Private set intersection: only the size",
    names=("psi_size",),
    checks=[
        IsA("psi_size", "function"),
        Behaves("psi_size", _new_sets),
        Calls("psi_size", VISIBLE, key="visible", step=0.5),
    ],
    time_limit=60,
    hints=[
        "Follow the worked example of this section, with one change: the client and server are created "
        "for the cardinality-only protocol.",
        "`reveal_intersection=False` on both sides; the server's setup message and its response go back to the client.",
        "The client's `GetIntersectionSize(setup, response)` gives the number of common items.",
    ],
)
