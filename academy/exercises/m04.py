"""Module 04 — Governance as code: the trust's published schema and one exercise object per exercise.

``DSA_SCHEMA`` is course material: the JSON Schema the Kestria data trust publishes for every data
sharing agreement, built from the ICO checklist. ``_example_agreement()`` returns a valid agreement
about a different exchange, for tests (private: it is not a template for exercise 2). Checks hold fingerprints (salted digests) of expected
values, never the values; functions are tested on inputs made at check time. Exercises 12 and 13
are written answers marked by a tutor.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, CallsOn, Has, IsA, call_learner
from academy.exercises.core import Exercise, NotAttempted, Wrong, quiet
from academy.exercises.fingerprints import matches

__all__ = ["DSA_SCHEMA", "quiet",
           "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"]

# ----------------------------------------------------------------------------- the trust's schema
_TEXT = {"type": "string", "minLength": 3}

DSA_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Data sharing agreement (Kestria data trust, after the ICO checklist)",
    "type": "object",
    "required": ["parties", "purpose", "data_items", "lawful_basis", "special_categories",
                 "retention", "individuals_rights", "security", "review"],
    "properties": {
        "parties": {
            "type": "array", "minItems": 2,
            "items": {"type": "object", "required": ["name", "role", "contact"],
                      "properties": {"name": _TEXT, "contact": _TEXT,
                                     "role": {"enum": ["controller", "joint controller", "processor"]}}},
        },
        "purpose": {
            "type": "object", "required": ["statement", "permitted_uses"],
            "properties": {"statement": {"type": "string", "minLength": 20},
                           "permitted_uses": {"type": "array", "minItems": 1, "items": _TEXT}},
        },
        "data_items": {
            "type": "array", "minItems": 1,
            "items": {"type": "object", "required": ["dataset", "fields", "justification"],
                      "properties": {"dataset": _TEXT,
                                     "fields": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                                     "justification": {"type": "string", "minLength": 10}}},
        },
        "lawful_basis": {
            "type": "object", "required": ["article_6", "legislation"],
            "properties": {"article_6": {"enum": ["consent", "contract", "legal obligation", "vital interests",
                                                  "public task", "legitimate interests"]},
                           "legislation": {"type": "string", "minLength": 5}},
        },
        "special_categories": {
            "type": "object", "required": ["included"],
            "properties": {"included": {"type": "boolean"}, "condition": {"type": "string", "minLength": 5}},
            "if": {"properties": {"included": {"const": True}}},
            "then": {"required": ["condition"]},
        },
        "retention": {
            "type": "object", "required": ["days", "deletion_method"],
            "properties": {"days": {"type": "integer", "minimum": 1, "maximum": 3650},
                           "deletion_method": {"type": "string", "minLength": 10}},
        },
        "individuals_rights": {
            "type": "object", "required": ["privacy_notice", "contact", "response_days"],
            "properties": {"privacy_notice": _TEXT, "contact": _TEXT,
                           "response_days": {"type": "integer", "minimum": 1, "maximum": 30}},
        },
        "security": {
            "type": "object", "required": ["transfer", "storage", "access_control"],
            "properties": {"transfer": _TEXT, "storage": _TEXT, "access_control": _TEXT},
        },
        "review": {
            "type": "object", "required": ["frequency_months", "next_review"],
            "properties": {"frequency_months": {"type": "integer", "minimum": 1, "maximum": 24},
                           "next_review": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}},
        },
    },
}

_EXAMPLE = {
    "parties": [{"name": "Skills Funding Agency", "role": "controller", "contact": "info@skills.example"},
                {"name": "Revenue", "role": "controller", "contact": "sharing@rev.example"}],
    "purpose": {"statement": "Confirm that funded apprentices are on the payroll of the employer charged.",
                "permitted_uses": ["apprenticeship funding assurance"]},
    "data_items": [{"dataset": "revenue_payroll", "fields": ["tax_ref", "employer_ref", "hours_paid"],
                    "justification": "Payroll hours show whether training hours are plausible."}],
    "lawful_basis": {"article_6": "legal obligation", "legislation": "Apprenticeship Levy Act (Kestria)"},
    "special_categories": {"included": False},
    "retention": {"days": 400, "deletion_method": "Overwritten, then a signed note to Revenue"},
    "individuals_rights": {"privacy_notice": "skills.example/notice", "contact": "dpo@skills.example",
                           "response_days": 20},
    "security": {"transfer": "sftp with keys", "storage": "agency vault", "access_control": "two named analysts"},
    "review": {"frequency_months": 6, "next_review": "2025-01-15"},
}


def _example_agreement() -> dict:
    """A valid agreement for a different exchange (a fresh copy each call)."""
    return copy.deepcopy(_EXAMPLE)


# ----------------------------------------------------------------------------- fingerprints
# Made with academy.exercises.fingerprints.fingerprint / table_fingerprint on the reference answers,
# salt = the exercise id. Regenerate them if the catalogue's welfare or revenue data change.
_FP = {
    'ex04_01_draft': {"kind": "sequence", "items": [{"kind": "text", "d": "ee0f0a82080fe521777b1d17"}, {"kind": "text", "d": "98848a87840d01e549b172ea"}, {"kind": "text", "d": "2f0e5e51ac12626fccde93d6"}, {"kind": "text", "d": "4c5eb47543df84be937f7657"}, {"kind": "text", "d": "4f2305161e083f3c60e49be4"}]},
    'ex04_01_only_missing': {"kind": "sequence", "items": [{"kind": "text", "d": "ee0f0a82080fe521777b1d17"}, {"kind": "text", "d": "4c5eb47543df84be937f7657"}, {"kind": "text", "d": "4f2305161e083f3c60e49be4"}]},
    'ex04_02_basis': {"kind": "text", "d": "1db813d02f759ec230ac893d"},
    'ex04_02_days': {"kind": "number", "step": 0.5, "d": "dcd17be23dda1294c7d3c175"},
    'ex04_02_special': {"kind": "text", "d": "a8f520633a70488376a993ea"},
    'ex04_02_response': {"kind": "number", "step": 0.5, "d": "b31053d61139509bfc3b3be1"},
    'ex04_02_review': {"kind": "sequence", "items": [{"kind": "number", "step": 0.5, "d": "7252d4a3bdef6bd73afc9b7d"}, {"kind": "text", "d": "03796f46b8aa72201eca0d53"}]},
    'ex04_03_a': {"kind": "set", "size": 0, "d": "b590b7983bd5529cf14a291f"},
    'ex04_03_b': {"kind": "set", "size": 1, "d": "f3223370b663c3f07d4c7333"},
    'ex04_03_c': {"kind": "set", "size": 1, "d": "d586526853bb8ee361d30058"},
    'ex04_03_d': {"kind": "set", "size": 1, "d": "8845ba7676559003e7f33236"},
    'ex04_03_e': {"kind": "set", "size": 1, "d": "e84ad16572118611fa6ebf58"},
    'ex04_03_f': {"kind": "set", "size": 1, "d": "5b802dc00787d4358488955c"},
    'ex04_03_g': {"kind": "set", "size": 0, "d": "b590b7983bd5529cf14a291f"},
    'ex04_03_h': {"kind": "set", "size": 4, "d": "6e8c3ecf9d02b449fb208152"},
    'ex04_06_received': {"kind": "number", "step": 0.5, "d": "73b367e50439f14c9cf91cad"},
    'ex04_08_course': {"kind": "set", "size": 520, "d": "163f2c9d05ce6d28af92c926"},
    'ex04_11_course': {"kind": "table", "key": ["agency", "category"], "columns": ["agency", "category", "complaints", "on_time_share", "upheld"], "rows": 17, "items": [{"kind": "text", "d": "4be2b2a7242a2529628faaa0"}, {"kind": "text", "d": "82a45781d1b33c8658386c2a"}, {"kind": "number", "step": 1e-06, "d": "6cb7970d2e23a14357921a44"}, {"kind": "number", "step": 1e-06, "d": "b340e948970c8df88c49d276"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "4be2b2a7242a2529628faaa0"}, {"kind": "text", "d": "21d2362a65164bae53257be0"}, {"kind": "number", "step": 1e-06, "d": "98dcc725b3c9253d339eedd9"}, {"kind": "number", "step": 1e-06, "d": "62779e6560d5702aa956f83f"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "4be2b2a7242a2529628faaa0"}, {"kind": "text", "d": "823f01bc1661e8d0beb17d67"}, {"kind": "number", "step": 1e-06, "d": "658e3088acf918709cfb0569"}, {"kind": "number", "step": 1e-06, "d": "3ff9af1e5ddfba79b9c32de6"}, {"kind": "number", "step": 1e-06, "d": "d2696fd4ec8813a7d6e1e408"}, {"kind": "text", "d": "117c5fefa9c1045f79fb0ff9"}, {"kind": "text", "d": "82a45781d1b33c8658386c2a"}, {"kind": "number", "step": 1e-06, "d": "63f41f33a071740f9c18db64"}, {"kind": "number", "step": 1e-06, "d": "1d2cc906a8b50e216f5e93a1"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "117c5fefa9c1045f79fb0ff9"}, {"kind": "text", "d": "21d2362a65164bae53257be0"}, {"kind": "number", "step": 1e-06, "d": "6cb7970d2e23a14357921a44"}, {"kind": "number", "step": 1e-06, "d": "9c1ab79f54e0633a5969f8e1"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "117c5fefa9c1045f79fb0ff9"}, {"kind": "text", "d": "823f01bc1661e8d0beb17d67"}, {"kind": "number", "step": 1e-06, "d": "6cb7970d2e23a14357921a44"}, {"kind": "number", "step": 1e-06, "d": "5bba9db1a5e3651593fb7105"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "9bb485f5932f8d711173ec63"}, {"kind": "text", "d": "82a45781d1b33c8658386c2a"}, {"kind": "number", "step": 1e-06, "d": "ce7a33b0ea5cd43d0db313d1"}, {"kind": "number", "step": 1e-06, "d": "9c92ce571f3279bfc3209ae5"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "9bb485f5932f8d711173ec63"}, {"kind": "text", "d": "0c12d188646b31f467ffff53"}, {"kind": "number", "step": 1e-06, "d": "d2696fd4ec8813a7d6e1e408"}, {"kind": "number", "step": 1e-06, "d": "3adea851e57c853887eebb7c"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "9bb485f5932f8d711173ec63"}, {"kind": "text", "d": "21d2362a65164bae53257be0"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "9bb485f5932f8d711173ec63"}, {"kind": "text", "d": "823f01bc1661e8d0beb17d67"}, {"kind": "number", "step": 1e-06, "d": "aff3e7581316b6847978963a"}, {"kind": "number", "step": 1e-06, "d": "7ca05164e6ba863f47a68bb3"}, {"kind": "number", "step": 1e-06, "d": "8191655062c25a9f8796bbbd"}, {"kind": "text", "d": "881f5686f08e98e5416f8b6b"}, {"kind": "text", "d": "82a45781d1b33c8658386c2a"}, {"kind": "number", "step": 1e-06, "d": "4cbf06acb1043b97de3aeb54"}, {"kind": "number", "step": 1e-06, "d": "9c92ce571f3279bfc3209ae5"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "881f5686f08e98e5416f8b6b"}, {"kind": "text", "d": "21d2362a65164bae53257be0"}, {"kind": "number", "step": 1e-06, "d": "8191655062c25a9f8796bbbd"}, {"kind": "number", "step": 1e-06, "d": "79c625afc373832dc6a934f2"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "881f5686f08e98e5416f8b6b"}, {"kind": "text", "d": "823f01bc1661e8d0beb17d67"}, {"kind": "number", "step": 1e-06, "d": "98dcc725b3c9253d339eedd9"}, {"kind": "number", "step": 1e-06, "d": "0a874213adca51b9d312787d"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "8fe7fa7d71948b5fefb99b8d"}, {"kind": "text", "d": "82a45781d1b33c8658386c2a"}, {"kind": "number", "step": 1e-06, "d": "6722e7e7e9df0910350bb45b"}, {"kind": "number", "step": 1e-06, "d": "08858b0e16ef705a78f31839"}, {"kind": "number", "step": 1e-06, "d": "4cbf06acb1043b97de3aeb54"}, {"kind": "text", "d": "8fe7fa7d71948b5fefb99b8d"}, {"kind": "text", "d": "0c12d188646b31f467ffff53"}, {"kind": "number", "step": 1e-06, "d": "6cc5c282082752c5c259372f"}, {"kind": "number", "step": 1e-06, "d": "050428148d5e40e378bbd75a"}, {"kind": "number", "step": 1e-06, "d": "8b712a037723735a32f38c59"}, {"kind": "text", "d": "8fe7fa7d71948b5fefb99b8d"}, {"kind": "text", "d": "21d2362a65164bae53257be0"}, {"kind": "number", "step": 1e-06, "d": "adda9182800f33b11ebd8531"}, {"kind": "number", "step": 1e-06, "d": "ddc30d88f86aa6e7dd7e5812"}, {"kind": "text", "d": "4948ba0fc3425660a359d866"}, {"kind": "text", "d": "8fe7fa7d71948b5fefb99b8d"}, {"kind": "text", "d": "823f01bc1661e8d0beb17d67"}, {"kind": "number", "step": 1e-06, "d": "112e36ff09a379d18033c08c"}, {"kind": "number", "step": 1e-06, "d": "2e7949058542f0eccb2f7492"}, {"kind": "number", "step": 1e-06, "d": "63f41f33a071740f9c18db64"}]},
}


# ----------------------------------------------------------------------------- small checks
def _is_str_list(value):
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _called(func, what, *args, **kwargs):
    """Call learner code on a made-up case; a KeyError names the columns the case's tables have."""
    try:
        return call_learner(func, what, *args, **kwargs)
    except KeyError as error:
        tables = [str([str(c) for c in a.columns]) for a in args if isinstance(a, pd.DataFrame)]
        if not tables:
            raise
        raise Wrong(f"`{what}` raised KeyError: {error} on a made-up case. Its tables have only these columns: "
                    f"{' and '.join(tables)}. If your own table has that column, your function relies on a column "
                    "the prompt does not promise.")


# ----------------------------------------------------------------------------- 1 checklist_gaps
def _gaps_test(func):
    import jsonschema  # noqa: F401  (the learner needs it too)

    full = func(_example_agreement(), DSA_SCHEMA)
    if full is None:
        return "`checklist_gaps` returned None. Did you forget `return`?"
    if not _is_str_list(full):
        return f"`checklist_gaps` should return a list of item names (strings), not a {type(full).__name__}."
    if list(full):
        return ("`checklist_gaps` reports gaps in a test document that is a complete, valid agreement "
                "(about another exchange, with all nine items filled in correctly).")
    everything = func({}, DSA_SCHEMA)
    if list(everything) != sorted(DSA_SCHEMA["required"]):
        if sorted(everything) == sorted(DSA_SCHEMA["required"]):
            return "For an empty document you name every item, but the list is not sorted."
        return "For an empty document every one of the nine checklist items is missing, each named once."
    nested = _example_agreement()
    nested["retention"]["days"] = 0
    nested["special_categories"] = {"included": True}
    got = func(nested, DSA_SCHEMA)
    if sorted(got) != ["retention", "special_categories"]:
        return ("A section can be present but invalid. The check's test document is a valid agreement in which "
                "two items were then broken: `retention` has `days: 0`, and `special_categories` says `included: true` "
                "without a `condition`; your function does not name exactly those two. Report the top-level item of "
                "every error: the first key of the error's `absolute_path`.")
    twice = _example_agreement()
    twice["individuals_rights"] = {"response_days": 90}
    if list(func(twice, DSA_SCHEMA)) != ["individuals_rights"]:
        return ("An item with several errors should appear once in the list (test document: a valid agreement whose "
                "`individuals_rights` has only `response_days: 90`, so it has three errors).")
    return None


q1 = Exercise(
    id="ex04_01",
    title="What is missing in a draft?",
    names=("checklist_gaps", "draft"),
    checks=[
        IsA("checklist_gaps", "function"),
        Behaves("checklist_gaps", _gaps_test),
        CallsOn("checklist_gaps", ("draft",), _FP["ex04_01_draft"], "Some items of the draft are missing, others are present but invalid.",
                shown="checklist_gaps(draft, DSA_SCHEMA)", fixed=(DSA_SCHEMA,), transform=list,
                mistakes=[(_FP["ex04_01_only_missing"], "this lists only the items that are absent. Items that are present but invalid count too.")]),
    ],
    hints=[
        "Let the validator do the work: `jsonschema.Draft202012Validator(schema).iter_errors(document)` lists every problem.",
        "An error deep inside an item has that item as the first key of `error.absolute_path`; a missing item "
        "gives an error with an empty path, from the `required` keyword, whose `validator_value` lists what was required.",
        "Collect item names in a set (so each appears once): the first path key when there is one, otherwise "
        "the required names absent from the document. Return the set sorted.",
    ],
)


# ----------------------------------------------------------------------------- 2 agreement
def _valid_agreement(values, salt):
    import jsonschema

    doc = values["agreement"]
    review = doc.get("review") if isinstance(doc, dict) else None
    if isinstance(review, dict) and not isinstance(review.get("next_review", ""), str):
        raise Wrong("`review.next_review` is not a string. In YAML an unquoted date is read as a date object, "
                    "not as text: quote it in YAML, or write it as a string in Python.")
    errors = list(jsonschema.Draft202012Validator(DSA_SCHEMA).iter_errors(doc))
    if errors:
        items = sorted({str(e.absolute_path[0]) if e.absolute_path else "(top level)" for e in errors})
        first = errors[0]
        raise Wrong(f"`agreement` does not pass the trust's schema yet. Items with problems: {', '.join(items)}. "
                    f"For example: {first.message}")


def _kept_from_draft(values, salt):
    doc, draft = values["agreement"], values["draft"]
    for item in ("parties", "purpose", "data_items"):
        if doc.get(item) != draft.get(item):
            raise Wrong(f"The draft's `{item}` was changed. Keep the parties, purpose and data items as drafted.")


def _fact(getter, key, message):
    def test(doc):
        try:
            return matches(getter(doc), _FP[key], "ex04_02")
        except Exception:
            return False
    return Has("agreement", test, message)


def _mentions(path, words, message):
    """A free-text field of the agreement names a settled fact (case does not matter)."""
    def test(doc):
        try:
            text = str(doc[path[0]][path[1]]).lower()
        except Exception:
            return False
        return all(w in text for w in words)
    return Has("agreement", test, message)


q2 = Exercise(
    id="ex04_02",
    title="Complete the agreement",
    names=("agreement", "draft"),
    checks=[
        IsA("agreement", "dict"),
        _valid_agreement,
        _kept_from_draft,
        _fact(lambda d: d["lawful_basis"]["article_6"], "ex04_02_basis", "The lawful basis is not the one the partners settled."),
        _fact(lambda d: d["retention"]["days"], "ex04_02_days", "The retention period is not the one the partners settled."),
        _fact(lambda d: d["special_categories"]["included"], "ex04_02_special",
              "Are special category data included in this exchange? Re-read the settled points."),
        _fact(lambda d: d["individuals_rights"]["response_days"], "ex04_02_response",
              "The time to answer people is not the one the partners settled."),
        _fact(lambda d: [d["review"]["frequency_months"], str(d["review"]["next_review"])], "ex04_02_review",
              "The review frequency or the first review date is not the one the partners settled (dates as YYYY-MM-DD)."),
        Has("agreement", lambda d: "2019" in str(d["lawful_basis"].get("legislation", "")),
            "Name the law the lawful basis rests on, with its year."),
        _mentions(("individuals_rights", "privacy_notice"), ["welfare.kestria.example/privacy"],
                  "`privacy_notice` should say where claimants read the notice: the address the partners settled."),
        _mentions(("individuals_rights", "contact"), ["dpo@welfare.kestria.example"],
                  "`contact` should be the address claimants write to, as the partners settled."),
        _mentions(("retention", "deletion_method"), ["certificate"],
                  "`deletion_method` should say how the owner learns of the deletion: the partners settled on a certificate."),
    ],
    hints=[
        "Start from a copy of `draft` (`copy.deepcopy`) and add or fix one item at a time; `checklist_gaps` tells you what is left.",
        "Print `DSA_SCHEMA['properties'][item]` for each gap to see its required keys and their types (integers, not strings, for days and months).",
        "Some items are missing altogether, one lacks a key, and the draft's retention period is invalid: fill each with the settled facts.",
    ],
)


# ----------------------------------------------------------------------------- 3 decide
_POLICY = {
    "valid_from": "2023-01-01", "valid_until": "2023-12-01",
    "lawful_basis": ["public task", "legal obligation"],
    "purposes": {
        "pay check": {"roles": ["officer", "senior officer"], "fields": ["ref", "pay", "employer"]},
        "statistics": {"roles": ["statistician"], "fields": ["pay", "region"]},
    },
}


def _req(**changes):
    base = {"who": "t1", "role": "officer", "purpose": "pay check", "fields": ["ref", "pay"],
            "lawful_basis": "public task", "time": "2023-05-05 09:30"}
    base.update(changes)
    return base


# (request, fingerprint key, what the case is about, the rule to think about)
_DECIDE_CASES = [
    (_req(), "a", "a request within every rule", "Nothing should be refused here."),
    (_req(role="statistician"), "b", "a statistician asking for a pay check",
     "Which roles does the purpose allow?"),
    (_req(purpose="statistics", role="statistician", fields=["pay", "ref"]), "c",
     "a statistician asking for a field the statistics purpose does not list", "Data minimisation: every field must be listed for the purpose."),
    (_req(purpose="curiosity", role="nobody", fields=["x"]), "d", "a purpose the policy does not know",
     "An unknown purpose is refused for its purpose alone: role and fields are not judged."),
    (_req(lawful_basis="consent"), "e", "a request on a lawful basis the policy does not list", "Compare with the policy's list of bases."),
    (_req(time="2023-12-01 00:00"), "f", "a request exactly at `valid_until`", "The agreement ends *at* valid_until: that moment is outside."),
    (_req(time="2023-01-01 00:00"), "g", "a request exactly at `valid_from`", "The agreement starts *at* valid_from: that moment is inside."),
    (_req(role="statistician", fields=["ref", "region"], lawful_basis="consent", time="2024-02-01"), "h",
     "a request that breaks four rules at once", "List every rule broken, not only the first."),
]


def _decide_test(func):
    for request, key, about, rule in _DECIDE_CASES:
        out = func(copy.deepcopy(request), copy.deepcopy(_POLICY))
        if out is None:
            return "`decide` returned None. Did you forget `return`?"
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            return "`decide` should return a tuple of two things: (allowed, reasons)."
        allowed, reasons = out
        if not isinstance(allowed, (bool, np.bool_)):
            return "The first item, `allowed`, should be True or False."
        if not isinstance(reasons, (list, tuple, set)) or not all(isinstance(r, str) for r in reasons):
            return "The second item, `reasons`, should be a list of reason codes (strings)."
        unknown = set(reasons) - {"purpose", "role", "fields", "lawful_basis", "time"}
        if unknown:
            return f"`decide` returned reason codes the prompt does not use: {sorted(unknown)}."
        if len(set(reasons)) != len(list(reasons)):
            return "A reason appears twice in the list; name each broken rule once."
        if bool(allowed) != (len(reasons) == 0):
            return "`allowed` must be True exactly when `reasons` is empty."
        if not matches(set(reasons), _FP[f"ex04_03_{key}"], "ex04_03"):
            return f"For {about}, the reasons are not right. {rule}"
    return None


q3 = Exercise(
    id="ex04_03",
    title="Decide a request, with reasons",
    names=("decide",),
    checks=[IsA("decide", "function"), Behaves("decide", _decide_test)],
    hints=[
        "Check the rules one after another and append a code to a list for each rule broken; do not stop at the first.",
        "Look the purpose up in `policy['purposes']` (`.get` returns None when it is absent): only a known purpose has roles and fields to compare. "
        "For fields, ask whether the requested set is a subset of the allowed set.",
        "For time, turn the three dates into `pd.Timestamp` and test valid_from <= time < valid_until. Return `(not reasons, reasons)`.",
    ],
)


# ----------------------------------------------------------------------------- 4 rejoin
def _rejoin_test(func):
    # the columns of the notebook's release_a and release_b
    a = pd.DataFrame({"pid": ["h1", "h2", "h3", "h4", "h5"], "region": list("NNSSE"), "housing": ["rent"] * 5,
                      "disability": [False, True, False, False, True], "children": [0, 2, 1, 0, 3]})
    b = pd.DataFrame({"pid": ["h5", "h9", "h2", "h1"], "total_pay": [50.0, 9.0, 20.0, 10.0], "jobs": [1, 1, 2, 1]})
    out = _called(func, "rejoin", a.copy(), b.copy())
    if not isinstance(out, pd.DataFrame):
        return "`rejoin` should return a DataFrame."
    if "region" not in out.columns or "total_pay" not in out.columns:
        return "The joined frame should hold the columns of both releases."
    if len(out) != 3:
        if len(out) > 3:
            return "The joined frame has people who are in only one release: keep only pseudonyms found in both (an inner join)."
        return "The joined frame misses some people who are in both releases."
    pid = out["pid"] if "pid" in out.columns else pd.Series(out.index)
    if dict(zip(pid, out["total_pay"])) != {"h1": 10.0, "h2": 20.0, "h5": 50.0}:
        return "Rows are matched wrongly: each person's pay must come from the row with the same `pid`."
    return None


def _rejoin_course(values, salt):
    func, a, b = values["rejoin"], values["release_a"], values["release_b"]
    out = func(a.copy(), b.copy())
    if len(out) != len(set(a["pid"]) & set(b["pid"])):
        raise Wrong("On the course releases the number of re-joined people is not the number of pseudonyms in both.")


q4 = Exercise(
    id="ex04_04",
    title="Join the two releases",
    names=("rejoin", "release_a", "release_b"),
    checks=[IsA("rejoin", "function"), Behaves("rejoin", _rejoin_test), _rejoin_course],
    hints=[
        "The same person has the same pseudonym in both releases. Which pandas operation matches rows on a shared column?",
        "`DataFrame.merge` on the column `pid`; think about which kind of join keeps only people in both.",
    ],
)


# ----------------------------------------------------------------------------- 5 pseudonymise
def _pseudonymise_test(func):
    ids = [f"KT{n:06d}{c}" for n, c in zip(range(300000, 300400), "ABCD" * 100)]
    key, other_key = b"check-key-one", b"check-key-two"
    first = func(list(ids), key, "research")
    if first is None:
        return "`pseudonymise` returned None. Did you forget `return`?"
    if not isinstance(first, list):
        return f"`pseudonymise` should return a list, not a {type(first).__name__}."
    if len(first) != len(ids) or not all(isinstance(p, str) for p in first):
        return "Return one pseudonym (a string) per value, in the same order."
    if len(set(first)) != len(ids):
        return "Different values got the same pseudonym: do not shorten the digest that much."
    if func(list(ids), key, "research") != first:
        return "The same value, key and purpose must always give the same pseudonym (no random salt)."
    if func(pd.Series(ids), key, "research") != first:
        return "A pandas Series of values must give the same pseudonyms as a list."
    if set(first) & _plain_digests(ids[:20], b"", "research"):
        return "These are plain SHA-256 hashes: anyone can recompute them. Mix the secret key in: an HMAC does that."
    if set(first) & _plain_digests(ids[:20], key, "research"):
        return ("These are SHA-256 hashes of the key glued to the purpose and value. That is not HMAC: a plain hash "
                "of secret + message can be extended by anyone who sees one pseudonym (a length-extension attack). "
                "An HMAC mixes the key in twice, in a way that cannot be extended.")
    if not all(len(p) == 64 and all(ch in "0123456789abcdef" for ch in p) for p in first):
        return ("Return the full HMAC-SHA256 digest as `.hexdigest()` gives it: 64 lowercase hexadecimal characters. "
                "A different length means another hash function (MD5, SHA-1) or a shortened digest.")
    if set(first) & set(func(list(ids), other_key, "research")):
        return "A different key gives the same pseudonyms: the key must go into the HMAC."
    if set(first) & set(func(list(ids), key, "statistics")):
        return ("Two purposes give the same pseudonyms, so two releases could still be joined. Put the purpose into "
                "the message, or derive a separate key per purpose.")
    glued = [func(["KT1"], key, "fraud")[0], func(["dKT1"], key, "frau")[0], func(["KT"], key, "1fraud")[0]]
    if glued[0] in glued[1:]:
        return ("Purpose 'fraud' with value 'KT1' gets the same pseudonym as purpose 'frau' with value 'dKT1' (or "
                "purpose '1fraud' with value 'KT'): the purpose and the value run together. Put a separator between them.")
    return None


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


q5 = Exercise(
    id="ex04_05",
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


# ----------------------------------------------------------------------------- 6 first_broken
_GENESIS = "0" * 64


def _entry_hash(entry):
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def _chain(entries):
    log, prev = [], _GENESIS
    for entry in entries:
        entry = {**entry, "prev": prev}
        entry["hash"] = _entry_hash(entry)
        log.append(entry)
        prev = entry["hash"]
    return log


def _index_problem(got, want, log):
    """Feedback for an index that is off in a recognisable way, else None."""
    if got is None or isinstance(got, (bool, np.bool_)) or want is None:
        return None
    if want < len(log) and got == log[want]["seq"]:
        return ("This is the entry's `seq` field. Return the index: the position in the list, counting from 0, "
                "whatever the entry's own fields say.")
    if got == want + 1:
        return "The index is off: give the position in the list, counting from 0."
    return None


def _first_broken_test(func):
    # seq numbers that are not the positions, so that the two cannot be confused
    base = _chain([{"seq": 500 + i, "who": f"s{i % 3}", "amount": 10 * i} for i in range(9)])
    got = func(copy.deepcopy(base))
    if got is False:
        return "Return None (not False) when every entry verifies."
    if got is not None:
        return "An intact log should give None, but your function reports a broken entry. Compare each `prev` with the previous entry's `hash`."
    cases = []
    edited = copy.deepcopy(base)
    edited[5]["amount"] = 999
    cases.append((edited, 5, "An entry whose content was edited (hash not updated) is not found: recompute "
                             "`entry_hash(entry)` and compare it with `entry['hash']`."))
    rehashed = copy.deepcopy(base)
    rehashed[3]["who"] = "intruder"
    rehashed[3]["hash"] = _entry_hash(rehashed[3])
    cases.append((rehashed, 4, "When an editor also recomputes the entry's hash, the next entry's `prev` no longer matches. "
                               "Check the link to the previous entry as well as each entry's own hash."))
    removed = copy.deepcopy(base)
    del removed[6]
    cases.append((removed, 6, "A deleted entry is not found: the entry that follows it no longer links to its predecessor."))
    first = copy.deepcopy(base)
    first[0]["prev"] = "f" * 64
    first[0]["hash"] = _entry_hash(first[0])
    cases.append((first, 0, "The first entry must link to GENESIS."))
    for log, want, message in cases:
        got = func(log)
        if got is False and want == 0:
            return "Return the index 0 for a broken first entry; False is not an index (test `is None`, not truthiness)."
        if isinstance(got, (bool, np.bool_)) or got != want:
            return _index_problem(got, want, log) or message
    return None


q6 = Exercise(
    id="ex04_06",
    title="Find the first broken link",
    names=("first_broken", "received_log"),
    checks=[
        IsA("first_broken", "function"),
        Behaves("first_broken", _first_broken_test),
        CallsOn("first_broken", ("received_log",), _FP["ex04_06_received"], "Check both conditions for every entry, from the start."),
    ],
    hints=[
        "Walk through the log keeping the hash the next entry should point to; it starts as GENESIS.",
        "Entry i is broken if its `prev` differs from the expected hash, or if `entry_hash(entry)` differs from its stored `hash`.",
        "Return the index at the first failure (`enumerate` gives it, counting from 0); after a good entry, the expected hash "
        "becomes that entry's `hash`. Return None (not False) at the end.",
    ],
)


# ----------------------------------------------------------------------------- 7 breach_counts
def _as_breach_table(out):
    if not isinstance(out, pd.DataFrame):
        raise Wrong("`breach_counts` should return a DataFrame with the columns `who` and `breaches`.")
    if "who" not in map(str, out.columns) and out.index.name == "who":
        out = out.reset_index()
    if sorted(map(str, out.columns)) != ["breaches", "who"]:
        raise Wrong(f"The table should have exactly the columns `who` and `breaches`; it has {[str(c) for c in out.columns]}.")
    return out


def _judge(calls):
    """A stand-in for decide: refuses the entries whose `seq` is in policy["refuse"], with two reasons each."""
    def judge(entry, policy):
        calls.append(entry["seq"])
        refused = entry["seq"] in policy["refuse"]
        return (not refused, ["role", "fields"] if refused else [])
    return judge


def _breach_test(func):
    # t1: two allowed; t2: one refused (two reasons), one allowed; t3: two refused; t4: only allowed.
    small = [_req(who=who, seq=i) for i, who in enumerate(["t1", "t1", "t2", "t2", "t3", "t3", "t4", "t4"])]
    calls = []
    got = _called(func, "breach_counts", copy.deepcopy(small), {"refuse": {2, 4, 5}}, _judge(calls))
    if not calls:
        return ("`breach_counts` never calls the `judge` it is given. The check passes a judge of its own: "
                "judge each entry with it and the `policy` passed in.")
    out = _as_breach_table(got)
    counts = {str(w): b for w, b in zip(out["who"], out["breaches"])}
    if any(not pd.isna(b) and int(b) == 0 for b in counts.values()):
        return ("On a small test log, staff with no refused access appear in the table with 0. Keep only staff "
                "with at least one refused access: no rows with 0.")
    if not out["who"].is_unique:
        return "Each member of staff should appear once."
    if set(counts) != {"t2", "t3"}:
        return ("On a small test log, with a judge and a policy of the check's own, the staff with refused accesses are "
                "not right. An access is refused when the first thing `judge(entry, policy)` returns is False.")
    if int(counts["t2"]) == 2:
        return "These count broken rules, not accesses: an access that breaks two rules counts once."
    if int(counts["t2"]) != 1 or int(counts["t3"]) != 2:
        return "On a small test log, some counts of refused accesses are wrong."
    other = _as_breach_table(_called(func, "breach_counts", copy.deepcopy(small), {"refuse": {7}}, _judge([])))
    if [str(w) for w in other["who"]] != ["t4"]:
        return "With another policy the result did not change as it should: pass the `policy` you are given on to the judge."
    return None


q7 = Exercise(
    id="ex04_07",
    title="Which accesses broke the agreement?",
    names=("breach_counts",),
    checks=[
        IsA("breach_counts", "function"),
        Behaves("breach_counts", _breach_test),
    ],
    hints=[
        "Each entry of a log is a dict with the same keys as a request, so `judge(entry, policy)` works on it directly.",
        "Keep the entries where the first item `judge` returns is False, then count them per `who`.",
        "`pd.DataFrame(refused_entries).groupby('who').size()` counts them; `.reset_index(name='breaches')` gives the two columns.",
    ],
)


# ----------------------------------------------------------------------------- 8 expired
def _expired_test(func):
    records = pd.DataFrame({  # the columns of welfare_investigations
        "investigation_id": ["r1", "r2", "r3", "r4"], "claim_id": ["c1", "c2", "c3", "c4"],
        "opened": pd.to_datetime(["2022-01-01", "2022-01-01", "2022-01-21", "2021-01-01"]),
        "reason": ["tip-off"] * 4, "outcome": ["brief", "lengthy", "brief", "lengthy"],
        "overpayment": pd.array([0, 120, 0, None], dtype="Int64"),
    })
    schedule = {"brief": 30, "lengthy": 500}
    before = records.copy()
    out = _called(func, "expired", records, schedule, "2022-02-20")
    if not isinstance(out, pd.DataFrame):
        return "`expired` should return the rows of `records` (a DataFrame), not a mask or ids."
    if not records.equals(before):
        return "`expired` changed the `records` it was given; work on a copy or build new columns outside it."
    got = set(out["investigation_id"])
    if got == {"r1", "r3"}:
        return "A record exactly at its limit (opened + days == today) must be kept: expire only when today is later."
    if got != {"r1"}:
        return "Wrong rows on a small test table: each record's limit is `opened` plus the days its own `outcome` gets in `schedule`."
    if set(func(records, schedule, pd.Timestamp("2022-05-17"))["investigation_id"]) != {"r1", "r3", "r4"}:
        return "Wrong rows when `today` is a Timestamp, or the lengthy outcome does not use its own period."
    return None


q8 = Exercise(
    id="ex04_08",
    title="Records past their retention date",
    names=("expired", "investigations", "SCHEDULE", "TODAY"),
    checks=[
        IsA("expired", "function"),
        Behaves("expired", _expired_test),
        CallsOn("expired", ("investigations", "SCHEDULE", "TODAY"), _FP["ex04_08_course"],
                "Check the schedule lookup for each outcome.", transform=lambda f: set(f["investigation_id"])),
    ],
    hints=[
        "Each record has its own limit: the date it was opened plus the days its outcome is kept.",
        "`records['outcome'].map(schedule)` gives the days per row; `pd.to_timedelta(days, unit='D')` turns them into durations to add to `opened`.",
        "Keep the rows whose limit is strictly before `pd.Timestamp(today)`.",
    ],
)


# ----------------------------------------------------------------------------- 9 delete_with_proof
def _ids_digest(ids):
    return hashlib.sha256("\n".join(sorted(str(i) for i in ids)).encode("utf-8")).hexdigest()


def _delete_test(func):
    store = pd.DataFrame({"investigation_id": ["K5", "K1", "K3", "K2"], "claim_id": ["e", "a", "c", "b"],
                          "opened": pd.to_datetime(["2020-01-05", "2020-01-01", "2020-01-03", "2020-01-02"]),
                          "reason": ["tip-off"] * 4, "outcome": ["no change"] * 4, "overpayment": pd.array([0] * 4, dtype="Int64")})
    before = store.copy()
    out = _called(func, "delete_with_proof", store, ["K3", "K5"])
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        return "`delete_with_proof` should return a tuple (kept, certificate)."
    kept, cert = out
    if not store.equals(before):
        return "`store` was changed. Build and return a new frame; leave the original as it was."
    if not isinstance(kept, pd.DataFrame) or sorted(kept["investigation_id"]) != ["K1", "K2"]:
        return "`kept` should be a DataFrame with every row except the deleted ones."
    if not isinstance(cert, dict) or not {"deleted", "kept", "digest"} <= set(cert):
        return "`certificate` should be a dict with the keys 'deleted', 'kept' and 'digest'."
    if int(cert["deleted"]) != 2 or int(cert["kept"]) != 2:
        return "The counts in the certificate are wrong: rows removed, and rows left."
    if cert["digest"] != _ids_digest(["K3", "K5"]):
        return "The digest does not match `ids_digest` of the removed identifiers."
    kept, cert = func(store, ["K2", "K404"])
    if int(cert["deleted"]) != 1 or cert["digest"] != _ids_digest(["K2"]):
        return ("An id that is not in `store` was counted or digested. Certify only what was actually removed, "
                "so that the owner's check shows what really happened.")
    return None


q9 = Exercise(
    id="ex04_09",
    title="Delete, with a certificate",
    names=("delete_with_proof",),
    checks=[IsA("delete_with_proof", "function"), Behaves("delete_with_proof", _delete_test)],
    hints=[
        "First find which rows of `store` are to go: a boolean mask with `.isin(...)`.",
        "The kept frame is the store without the masked rows (`store[~mask]`); the removed identifiers are `store.loc[mask, 'investigation_id']`.",
        "Count both parts with `int(...)`, digest the removed identifiers with `ids_digest`, and return `(kept, certificate)`.",
    ],
)


# ----------------------------------------------------------------------------- 10 check_contract
_CONTRACT = {
    "columns": {"ref": "string", "when": "date", "value": "number", "count": "number"},
    "freshness": {"column": "when", "max_age_days": 10},
    "completeness": {"ref": 1.0, "value": 0.5},
}


def _delivery():
    return pd.DataFrame({
        "ref": pd.array(["a", "b", "c", "d"], dtype="string"),
        "when": pd.to_datetime(["2024-03-01", "2024-03-12", "2024-03-05", "2024-03-02"]),
        "value": [1.5, np.nan, 2.5, 4.0],
        "count": pd.array([1, 2, 3, 4], dtype="Int64"),
        "flag": [True, False, True, True],
    })


def _contract_test(func):
    cases = [
        (_delivery(), "2024-03-20", [], "a delivery that meets every clause (extra columns are allowed; Int64 is a number; "
         "pandas string dtype counts as a string, as does object)"),
        (_delivery(), "2024-03-23", ["freshness"], "a delivery whose newest date is 11 days before `as_of` with a limit of 10"),
        (_delivery(), "2024-03-22", [], "a delivery whose newest date is exactly 10 days old (still fresh)"),
        (_delivery().assign(value=[np.nan, np.nan, np.nan, 4.0]), "2024-03-20", ["completeness"],
         "a delivery where only a quarter of `value` is filled in (threshold 0.5)"),
        (_delivery().assign(ref=pd.array(["a", None, "c", "d"], dtype="string")), "2024-03-20", ["completeness"],
         "a delivery with one missing `ref` (threshold 1.0)"),
        (_delivery().assign(count=["1", "2", "3", "4"]), "2024-03-20", ["schema"], "a delivery where `count` arrives as text"),
        (_delivery().assign(count=[True, False, True, False]), "2024-03-20", ["schema"], "a delivery where `count` is boolean"),
        (_delivery().drop(columns="value"), "2024-03-20", ["completeness", "schema"], "a delivery without the `value` column"),
        (_delivery().drop(columns="when"), "2024-03-20", ["freshness", "schema"], "a delivery without the date column"),
    ]
    for frame, as_of, want, about in cases:
        try:
            out = func(frame, copy.deepcopy(_CONTRACT), as_of)
        except KeyError as error:
            return (f"For {about}, `check_contract` raised KeyError: {error} (a column in the contract is missing "
                    "from the delivery). A missing column is not an error of your program but a broken clause: every "
                    "clause that uses the column is broken, and the others are still judged.")
        if out is None:
            return "`check_contract` returned None. Did you forget `return`?"
        if not _is_str_list(out):
            return "`check_contract` should return a list of clause names (strings)."
        if list(out) != want:
            if sorted(set(out)) == want:
                return "Name each broken clause once, in a sorted list."
            return f"For {about}, the broken clauses are not right."
    return None


q10 = Exercise(
    id="ex04_10",
    title="Check a delivery against its contract",
    names=("check_contract",),
    checks=[IsA("check_contract", "function"), Behaves("check_contract", _contract_test)],
    hints=[
        "Three independent checks, each adding its clause name to a set; return the set sorted.",
        "`pd.api.types.is_string_dtype`, `is_object_dtype`, `is_datetime64_any_dtype`, `is_numeric_dtype` and `is_bool_dtype` test a column's kind. "
        "`frame[col].notna().mean()` is the share filled in.",
        "For freshness, compare the newest date with `pd.Timestamp(as_of) - pd.Timedelta(days=max_age_days)`; a missing column or no dates at all also breaks it.",
    ],
)


# ----------------------------------------------------------------------------- 11 ombudsman_table
def _ombudsman_test(func):
    rows = ([("Alpha", "late", True, 3)] * 4 + [("Alpha", "late", False, 40)] * 8
            + [("Alpha", "wrong", False, 2)] * 3 + [("Beta", "late", True, 10)] * 12
            + [("Gamma", "late", True, 20)] * 6 + [("Gamma", "late", False, 5)])
    frame = pd.DataFrame(rows, columns=["agency", "category", "upheld", "days_to_resolve"])
    frame.insert(0, "complaint_id", [f"T{i}" for i in range(len(frame))])
    shown = "On a test table called with threshold=5 and deadline=10"
    out = _called(func, "ombudsman_table", frame.copy(), threshold=5, deadline=10)
    if not isinstance(out, pd.DataFrame):
        return "`ombudsman_table` should return a DataFrame."
    needed = {"agency", "category", "complaints", "upheld", "on_time_share"}
    if not needed <= set(map(str, out.columns)):
        return f"The table needs the columns {sorted(needed)}."
    if len(out) != 4:
        return "There should be one row per (agency, category) pair present in the complaints."
    table = out.set_index(["agency", "category"])
    a_late, a_wrong, b_late, g_late = (table.loc[k] for k in [("Alpha", "late"), ("Alpha", "wrong"),
                                                              ("Beta", "late"), ("Gamma", "late")])
    if pd.isna(a_late["complaints"]) or int(a_late["complaints"]) != 12:
        return "`complaints` should count the complaints in each pair."
    share = a_late["on_time_share"]
    if pd.isna(share):
        return f"{shown}, a pair of 12 complaints has no `on_time_share`; only pairs below the threshold are blanked."
    if abs(float(share) - 100 * 4 / 12) < 1e-6:
        return "`on_time_share` should be a share between 0 and 1, not a percentage."
    if abs(float(share) - 8 / 12) < 1e-9:
        return "`on_time_share` is the share answered on time (within the deadline), not the share answered late."
    if abs(float(share) - 4 / 12) > 1e-9:
        return "`on_time_share` should be the share of the pair's complaints resolved within the deadline (the prompt says which days count)."
    if pd.isna(b_late["on_time_share"]) or float(b_late["on_time_share"]) != 1.0:
        return ("A complaint answered on the deadline day itself is on time; your share leaves those complaints out.")
    if not pd.isna(a_late["upheld"]):
        return "An upheld count from 1 to threshold − 1 must be suppressed (set to missing)."
    if not all(pd.isna(a_wrong[c]) for c in ["complaints", "upheld", "on_time_share"]):
        return "A pair with fewer complaints than the threshold must have all three numbers suppressed."
    if pd.isna(g_late["complaints"]):
        return (f"{shown}, a pair of 7 complaints is suppressed. Use the `threshold` argument, "
                "not a fixed number.")
    if pd.isna(g_late["on_time_share"]) or abs(float(g_late["on_time_share"]) - 1 / 7) > 1e-9:
        return (f"{shown}, the on-time share of a pair answered in 20 days (6 complaints) and 5 days (1) is wrong. "
                "Use the `deadline` argument, not a fixed number of days.")
    if pd.isna(g_late["upheld"]) or int(g_late["upheld"]) != 6:
        return (f"{shown}, an upheld count of 6 should be published: only counts from 1 to threshold − 1 are suppressed, "
                "with the `threshold` passed in.")
    if pd.isna(b_late["upheld"]) or int(b_late["upheld"]) != 12:
        return "Upheld counts at or above the threshold must be published as they are."
    zero = func(frame.assign(upheld=False), threshold=5, deadline=10).set_index(["agency", "category"])
    if pd.isna(zero.loc[("Beta", "late"), "upheld"]) or int(zero.loc[("Beta", "late"), "upheld"]) != 0:
        return "An upheld count of 0 is published as 0; only counts from 1 to threshold − 1 are suppressed."
    return None


def _ombudsman_course(value):
    if not isinstance(value, pd.DataFrame):
        raise Wrong("`ombudsman_table` should return a DataFrame.")
    frame = value.reset_index(drop=not {"agency", "category"} <= set(value.columns))
    return frame[["agency", "category", "complaints", "upheld", "on_time_share"]]


q11 = Exercise(
    id="ex04_11",
    title="The ombudsman's table",
    names=("ombudsman_table", "complaints"),
    checks=[
        IsA("ombudsman_table", "function"),
        Behaves("ombudsman_table", _ombudsman_test),
        CallsOn("ombudsman_table", ("complaints",), _FP["ex04_11_course"], "Check the counts, the on-time share and both suppression rules.",
                transform=_ombudsman_course),
    ],
    hints=[
        "First build the table without suppression: group by agency and category, and count, sum and average.",
        "`groupby([...]).agg(complaints=(..., 'size'), upheld=('upheld', 'sum'), on_time_share=(..., 'mean'))`, where the "
        "last one averages a True/False column 'resolved within the deadline'. Reset the index to get the columns back.",
        "Then suppress: convert the counts to a type that can hold missing values (float or Int64), blank the whole row's "
        "numbers where complaints < threshold, and blank `upheld` where it is between 1 and threshold − 1.",
    ],
)
