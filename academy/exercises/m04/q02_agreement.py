"""Module 04, exercise 2 — complete the agreement: `agreement`.

The settled facts are compared by fingerprint with the reference agreement; free-text fields only
have to name the settled address or the certificate."""

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.agreement_schema import DSA_SCHEMA


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


def _fact(getter, key, message, step=None):
    """One settled fact of the agreement, compared by fingerprint (a missing key reads as wrong)."""
    def observe(doc):
        try:
            return getter(doc)
        except (KeyError, TypeError, IndexError):
            raise Wrong(message)
    if step is None:
        return Matches("agreement", key=key, transform=observe, message=message)
    return Matches("agreement", key=key, step=step, transform=observe, message=message)


def _mentions(path, words, message):
    """A free-text field of the agreement names a settled fact (case does not matter)."""
    def test(doc):
        try:
            text = str(doc[path[0]][path[1]]).lower()
        except Exception:
            return False
        return all(w in text for w in words)
    return Has("agreement", test, message)


exercise = Exercise(
    id="ex04_02",
    name="agreement",
    title="Complete the agreement",
    names=("agreement", "draft"),
    checks=[
        IsA("agreement", "dict"),
        _valid_agreement,
        _kept_from_draft,
        _fact(lambda d: d["lawful_basis"]["article_6"], "basis", "The lawful basis is not the one the partners settled."),
        _fact(lambda d: d["retention"]["days"], "retention_days", "The retention period is not the one the partners settled.", step=0.5),
        _fact(lambda d: str(d["special_categories"]["included"]), "special_categories",
              "Are special category data included in this exchange? Re-read the settled points."),
        _fact(lambda d: d["individuals_rights"]["response_days"], "response_days",
              "The time to answer people is not the one the partners settled.", step=0.5),
        _fact(lambda d: [float(d["review"]["frequency_months"]), str(d["review"]["next_review"])], "review",
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
