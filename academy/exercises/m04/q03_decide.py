"""Module 04, exercise 3 — decide a request, with reasons: `decide(request, policy)`.

Eight made-up requests against a made-up policy; each case's reasons are compared by fingerprint."""

import copy

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.access_requests import POLICY, request
from academy.exercises.running import call_on_made_up

CODES = {"purpose", "role", "fields", "lawful_basis", "time"}

# (key, request, what the case is about, the rule to think about)
CASES = [
    ("within_rules", request(), "a request within every rule", "Nothing should be refused here."),
    ("wrong_role", request(role="statistician"), "a statistician asking for a pay check",
     "Which roles does the purpose allow?"),
    ("extra_field", request(purpose="statistics", role="statistician", fields=["pay", "ref"]),
     "a statistician asking for a field the statistics purpose does not list", "Data minimisation: every field must be listed for the purpose."),
    ("unknown_purpose", request(purpose="curiosity", role="nobody", fields=["x"]), "a purpose the policy does not know",
     "An unknown purpose is refused for its purpose alone: role and fields are not judged."),
    ("other_basis", request(lawful_basis="consent"), "a request on a lawful basis the policy does not list",
     "Compare with the policy's list of bases."),
    ("at_valid_until", request(time="2023-12-01 00:00"), "a request exactly at `valid_until`",
     "The agreement ends *at* valid_until: that moment is outside."),
    ("at_valid_from", request(time="2023-01-01 00:00"), "a request exactly at `valid_from`",
     "The agreement starts *at* valid_from: that moment is inside."),
    ("four_rules", request(role="statistician", fields=["ref", "region"], lawful_basis="consent", time="2024-02-01"),
     "a request that breaks four rules at once", "List every rule broken, not only the first."),
]


def _shape_test(func):
    for _, req, _, _ in CASES:
        out = call_on_made_up(func, "decide", copy.deepcopy(req), copy.deepcopy(POLICY))
        if out is None:
            raise Wrong("`decide` returned None. Did you forget `return`?")
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise Wrong("`decide` should return a tuple of two things: (allowed, reasons).")
        allowed, reasons = out
        if not isinstance(allowed, (bool, np.bool_)):
            raise Wrong("The first item, `allowed`, should be True or False.")
        if not isinstance(reasons, (list, tuple, set)) or not all(isinstance(r, str) for r in reasons):
            raise Wrong("The second item, `reasons`, should be a list of reason codes (strings).")
        unknown = set(reasons) - CODES
        if unknown:
            raise Wrong(f"`decide` returned reason codes the prompt does not use: {sorted(unknown)}.")
        if len(set(reasons)) != len(list(reasons)):
            raise Wrong("A reason appears twice in the list; name each broken rule once.")
        if bool(allowed) != (len(reasons) == 0):
            raise Wrong("`allowed` must be True exactly when `reasons` is empty.")


def reason_set(out):
    return set(out[1])


exercise = Exercise(
    id="ex04_03",
    name="decide",
    title="Decide a request, with reasons",
    names=("decide",),
    checks=[IsA("decide", "function"), Behaves("decide", _shape_test)]
    + [Calls("decide", (req, POLICY), key=key, transform=reason_set, message=f"For {about}, the reasons are not right. {rule}")
       for key, req, about, rule in CASES],
    hints=[
        "Check the rules one after another and append a code to a list for each rule broken; do not stop at the first.",
        "Look the purpose up in `policy['purposes']` (`.get` returns None when it is absent): only a known purpose has roles and fields to compare. "
        "For fields, ask whether the requested set is a subset of the allowed set.",
        "For time, turn the three dates into `pd.Timestamp` and test valid_from <= time < valid_until. Return `(not reasons, reasons)`.",
    ],
)
