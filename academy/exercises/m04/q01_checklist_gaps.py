"""Module 04, exercise 1 — what is missing in a draft: `checklist_gaps(document, schema)`."""

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.agreement_schema import DSA_SCHEMA, example_agreement
from academy.exercises.m04.calling import is_str_list


def _gaps_test(func):
    import jsonschema  # noqa: F401  (the learner needs it too)

    full = func(example_agreement(), DSA_SCHEMA)
    if full is None:
        raise Wrong("`checklist_gaps` returned None. Did you forget `return`?")
    if not is_str_list(full):
        raise Wrong(f"`checklist_gaps` should return a list of item names (strings), not a {type(full).__name__}.")
    if list(full):
        raise Wrong("`checklist_gaps` reports gaps in a test document that is a complete, valid agreement "
                "(about another exchange, with all nine items filled in correctly).")
    everything = func({}, DSA_SCHEMA)
    if list(everything) != sorted(DSA_SCHEMA["required"]):
        if sorted(everything) == sorted(DSA_SCHEMA["required"]):
            raise Wrong("For an empty document you name every item, but the list is not sorted.")
        raise Wrong("For an empty document every one of the nine checklist items is missing, each named once.")
    nested = example_agreement()
    nested["retention"]["days"] = 0
    nested["special_categories"] = {"included": True}
    got = func(nested, DSA_SCHEMA)
    if sorted(got) != ["retention", "special_categories"]:
        raise Wrong("A section can be present but invalid. The check's test document is a valid agreement in which "
                "two items were then broken: `retention` has `days: 0`, and `special_categories` says `included: true` "
                "without a `condition`; your function does not name exactly those two. Report the top-level item of "
                "every error: the first key of the error's `absolute_path`.")
    twice = example_agreement()
    twice["individuals_rights"] = {"response_days": 90}
    if list(func(twice, DSA_SCHEMA)) != ["individuals_rights"]:
        raise Wrong("An item with several errors should appear once in the list (test document: a valid agreement whose "
                "`individuals_rights` has only `response_days: 90`, so it has three errors).")
    return


exercise = Exercise(
    id="ex04_01",
    name="checklist_gaps",
    title="What is missing in a draft?",
    names=("checklist_gaps", "draft"),
    checks=[
        IsA("checklist_gaps", "function"),
        Behaves("checklist_gaps", _gaps_test),
        CallsOn("checklist_gaps", ("draft",), key="draft", message="Some items of the draft are missing, others are present but invalid.",
                shown="checklist_gaps(draft, DSA_SCHEMA)", fixed=(DSA_SCHEMA,), transform=list,
                mistakes={"wrong-missing-keys-and-plain-hash":
                          "this lists only the items that are absent. Items that are present but invalid count too."}),
    ],
    hints=[
        "Let the validator do the work: `jsonschema.Draft202012Validator(schema).iter_errors(document)` lists every problem.",
        "An error deep inside an item has that item as the first key of `error.absolute_path`; a missing item "
        "gives an error with an empty path, from the `required` keyword, whose `validator_value` lists what was required.",
        "Collect item names in a set (so each appears once): the first path key when there is one, otherwise "
        "the required names absent from the document. Return the set sorted.",
    ],
)
