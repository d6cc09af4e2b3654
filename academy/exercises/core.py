"""One object per exercise: ``check()``, ``hint()``, ``solution()`` and, in test cells, ``grade()``.

An exercise reads the learner's answer from the notebook's namespace, runs its checks in
order and reports one of three outcomes. Checks never hold the expected answer in plain text
(see ``hashing``) and messages never print it.
"""

from __future__ import annotations

import enum
import re
import sys
from dataclasses import dataclass, field

from academy import learner_progress, mode
from academy.exercises.running import NotAttempted, TooSlow, Wrong, quiet, time_limit  # noqa: F401 (re-exported)


class Outcome(enum.Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not attempted"


@dataclass
class Result:
    outcome: Outcome
    message: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


class NotYet(AssertionError):
    """A test cell's failure: the grader scores it zero; a learner sees the feedback, not a traceback."""

    def _render_traceback_(self):  # IPython shows these lines instead of a traceback
        return str(self).splitlines()


# Values a learner may leave in place of an answer; they mean "not attempted", not "wrong".
PLACEHOLDERS = (Ellipsis, NotImplemented)

# A check calls the learner's code; an endless loop must end in feedback, not a hung cell.
TIME_LIMIT_SECONDS = 20


def _caller_namespace(depth: int = 2) -> dict:
    try:
        return sys._getframe(depth).f_globals  # 0: here, 1: check(), 2: the notebook
    except ValueError:  # pragma: no cover - interpreter without frames
        import __main__

        return vars(__main__)


MARKS = {
    Outcome.CORRECT: "✔ Correct",
    Outcome.INCORRECT: "✘ Not yet",
    Outcome.NOT_ATTEMPTED: "… Not attempted",
}


class FingerprintMissing(Exception):
    """A check's fingerprint is not in the module's fingerprints.json (a maintainer's fault)."""


_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass
class Exercise:
    """An exercise: the names the learner defines, the checks on them, graduated hints.

    ``id`` ("ex06_03") says where the exercise sits (module 06, exercise 3: its grade ids start
    with it); ``name`` ("reconstruct") says what it is and never changes when exercises are
    reordered. Fingerprints are salted with module, name and each check's key, and live in the
    module package's generated ``fingerprints.json`` (``academy fingerprints`` writes it).
    """

    id: str
    title: str
    names: tuple[str, ...]
    checks: list = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    time_limit: float = TIME_LIMIT_SECONDS
    too_slow: str = ""  # advice when the learner's code runs out of time (a likely endless loop)
    name: str = ""  # stable slug; required for checks that read fingerprints.json
    # Names the exercise reads but an earlier step makes: {name: where it comes from}, so that a
    # missing one sends the learner to that step rather than to the answer cell above.
    from_earlier: dict[str, str] = field(default_factory=dict)
    _hints_shown: int = 0

    def __post_init__(self):
        if not re.fullmatch(r"ex\d\d_\d\d", self.id):
            raise ValueError(f"exercise id {self.id!r} should look like ex06_03")
        if self.name and not _NAME.fullmatch(self.name):
            raise ValueError(f"exercise name {self.name!r} should be a lower-case slug like 'noisy_sum'")
        keys = [c.key for c in self.checks if getattr(c, "fingerprinted", False)]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{self.id}: two fingerprinted checks share a key: {sorted(keys)}")
        for check in self.checks:
            if hasattr(check, "bind"):
                check.bind(self)

    @property
    def module(self) -> str:
        """The module number as two digits, "06"."""
        return self.id[2:4]

    def salt_for(self, key: str) -> str:
        """The salt of one check's fingerprints: stable under renumbering."""
        return f"{self.module}/{self.name}/{key}"

    def stored(self, key: str) -> dict:
        """This check's entry in fingerprints.json: {"expected": spec, "mistakes": {fixture: spec}}."""
        from academy.exercises import fingerprints

        entry = fingerprints.stored(self.module).get("exercises", {}).get(self.name, {}).get(key)
        if entry is None:
            raise FingerprintMissing(
                f"{self.id} ({self.name}): no fingerprint for check {key!r}; run `academy fingerprints {self.module}`")
        return entry

    # -- evaluation ---------------------------------------------------------------------
    def evaluate(self, namespace: dict) -> Result:
        missing = [n for n in self.names if n not in namespace]
        if missing and missing[0] in self.from_earlier:
            return Result(
                Outcome.NOT_ATTEMPTED,
                f"`{missing[0]}` does not exist yet: {self.from_earlier[missing[0]]} makes it. Finish that "
                "step and run its cells, then run this check again.",
            )
        if missing:
            return Result(
                Outcome.NOT_ATTEMPTED,
                f"`{missing[0]}` is not defined yet. Write your answer in the cell above and "
                "run it (Shift+Enter), then run this check again.",
            )
        values = {n: namespace[n] for n in self.names}
        for name, value in values.items():
            if any(value is p for p in PLACEHOLDERS):
                return Result(Outcome.NOT_ATTEMPTED, f"`{name}` still holds a placeholder.")
        try:
            with quiet(), time_limit(self.time_limit) as limit:
                return self._run_checks(values)
        except TooSlow as slow:
            if slow is not limit:
                raise
            advice = self.too_slow or "Does a loop in your code ever stop? Test it on a small case first."
            return Result(Outcome.INCORRECT, f"Checking your answer took longer than {self.time_limit:g} seconds. {advice}")

    def _run_checks(self, values: dict) -> Result:
        for check in self.checks:
            try:
                check(values, self.salt_for(""))  # a plain check(values, salt) may salt with it
            except NotAttempted as stop:
                return Result(Outcome.NOT_ATTEMPTED, str(stop) or "The stub is still in place.")
            except Wrong as wrong:
                return Result(Outcome.INCORRECT, str(wrong))
            except NotImplementedError:
                return Result(Outcome.NOT_ATTEMPTED, "Your function still raises NotImplementedError: replace the stub with your code.")
            except FingerprintMissing as missing:
                return Result(Outcome.INCORRECT, f"This exercise cannot be checked here; please tell your instructor. ({missing})")
            except Exception as error:  # a learner's code failed inside a check
                return Result(Outcome.INCORRECT, f"Checking your answer raised {type(error).__name__}: {error}")
        return Result(Outcome.CORRECT, "")

    # -- what learners call ---------------------------------------------------------------
    def check(self, namespace: dict | None = None) -> None:
        """Check your answer and say what, if anything, is wrong."""
        result = self.evaluate(namespace if namespace is not None else _caller_namespace())
        learner_progress.note(self.id, result.outcome.value)  # the outcome only, never the answer
        print(self._format(result))

    def grade(self, namespace: dict | None = None) -> None:
        """In a test cell: under the grader, fail with the feedback unless correct.

        A learner running the notebook (Run All included) gets the feedback printed instead, so
        one unfinished exercise does not stop every cell below it.
        """
        result = self.evaluate(namespace if namespace is not None else _caller_namespace())
        if not result.correct and mode.under_grader():
            raise NotYet(self._format(result))
        learner_progress.note(self.id, result.outcome.value)
        print(self._format(result))
        if not result.correct:
            print("(This cell is the grader's test: it scores zero until your answer passes.)")

    def hint(self, n: int | None = None) -> None:
        """Show the next hint, or hint number ``n`` (1, 2, ...)."""
        if not self.hints:
            print("There are no hints for this exercise.")
            return
        if n is None:
            self._hints_shown = min(self._hints_shown + 1, len(self.hints))
            n = self._hints_shown
        if not 1 <= int(n) <= len(self.hints):
            count = len(self.hints)
            print(f"{self.title} has {'only one hint' if count == 1 else f'only {count} hints'}: "
                  f"ask for one of 1 to {count}, e.g. .hint({count}) for the last.")
            return
        n = int(n)
        more = (
            f"  (hint {n} of {len(self.hints)}: run .hint() again for the next)"
            if n < len(self.hints)
            else f"  (hint {n} of {len(self.hints)}: the last one)"
        )
        print(f"Hint {n} — {self.title}\n{self.hints[n - 1]}\n{more}")

    def solution(self) -> None:
        """Show a worked solution (self-paced mode only)."""
        from academy.exercises import solutions

        print(solutions.text_for(self.id))

    # -- presentation -----------------------------------------------------------------------
    def _format(self, result: Result) -> str:
        head = f"{MARKS[result.outcome]} — {self.id}: {self.title}"
        if result.correct:
            return head
        tail = "" if mode.under_grader() else "\nStuck? Try .hint()."
        return f"{head}\n{result.message}{tail}"

    def __repr__(self) -> str:
        return f"<exercise {self.id}: {self.title} — use .check(), .hint(), .solution()>"
