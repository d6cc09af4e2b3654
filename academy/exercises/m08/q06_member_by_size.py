"""Module 08, exercise 6 — the intersection size leaks membership: `member_by_size(person, my_items, size_with)`."""

from academy.exercises.checks import Behaves, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

MINIMUM = 20  # the server refuses smaller queries (as in the notebook)


def _server(hidden):
    def size_with(items):
        items = list(items)
        if len(set(items)) < MINIMUM:
            raise ValueError(f"the server answers only queries of at least {MINIMUM} different items")
        return len(set(items) & hidden)
    return size_with


def _cases(func):
    hidden = {f"KT2{k:05d}B" for k in range(0, 400, 4)}
    mine = [f"KT2{k:05d}B" for k in range(1, 300, 5)]  # some in hidden, some not
    inside = [m for m in mine if m in hidden]
    cases = [("KT200008B", mine, True, "a person on the server's list who is not among your items"),
             ("KT200009B", mine, False, "a person not on the server's list"),
             (inside[0], mine, True, "a person on the server's list who is already among your items"),
             (mine[1], mine, mine[1] in hidden, "a person already among your items and not on the server's list")]
    for person, items, want, what in cases:
        got = call_learner(func, "member_by_size", person, list(items), _server(hidden), seconds=10)
        if not isinstance(got, bool):
            raise Wrong(f"`member_by_size` should return True or False, not a {type(got).__name__}.")
        if got != want:
            raise Wrong(f"`member_by_size` gives the wrong answer for {what}. Two queries that differ only "
                        "by that person: what does the difference of their sizes say?")


exercise = Exercise(
    id="ex08_06",
    name="member_by_size",
    title="What the intersection size leaks",
    names=("member_by_size",),
    checks=[IsA("member_by_size", "function"), Behaves("member_by_size", _cases)],
    hints=[
        "The server will not answer a query about one person alone. Can two large queries together say "
        "something about one person?",
        "Ask once with your items without the person and once with them plus the person; compare the sizes.",
        "Remove the person from your items first (they may already be there), then compare "
        "`size_with(items + [person])` with `size_with(items)`.",
    ],
)
