"""Module 10, exercise 3 — the shared population by PSI: `shared_population(client_refs, server_refs)`."""

import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m08.psi_watch import watch_parties


def _watched(func, client, server):
    return watch_parties(func, "shared_population", client.copy(), server.copy(), seconds=30,
                         too_slow="`shared_population` took more than 30 seconds on 100 identifiers.")


def _messy(func):
    people = [f"KT4{k:05d}B" for k in range(60)]
    client = pd.Series(people[:40] + [" " + people[30].lower(), people[35], None], dtype="string")
    server = pd.Series(people[25:60] + people[30:40] + [None, people[26] + " "], dtype="string")
    got, created = _watched(func, client, server)
    if not created:
        raise Wrong("`shared_population` never creates a PSI client or server, so one side must see the other's "
                    "identifiers. Run the protocol of module 08 instead.")
    if any(bool(flag) for flag in created):
        raise Wrong("A PSI party is created so that the client learns who is shared. The pilot may learn only how "
                    "many: choose the protocol that reveals the size only.")
    if isinstance(got, (set, list, tuple, pd.Series)):
        raise Wrong("`shared_population` should return a whole number, not the shared identifiers.")
    if got != 15:
        raise Wrong("On lists with missing, repeated and differently written identifiers the count is not the number "
                    "of different people on both lists. Clean each list first: drop missing values, write every "
                    "identifier one way, and count each person once.")


exercise = Exercise(
    id="ex10_03",
    name="shared_population",
    title="The shared population, by PSI",
    names=("shared_population",),
    checks=[IsA("shared_population", "function"), Behaves("shared_population", _messy)],
    time_limit=60,
    hints=[
        "Two steps: clean each side's list on its own side (no exchange needed for that), then run the size-only PSI.",
        "Cleaning: `dropna()`, `.str.strip().str.upper()`, then `set(...)` so each person counts once.",
        "Then module 08's size-only protocol: client and server created with `False`, setup, request, response, "
        "`GetIntersectionSize`.",
    ],
)
