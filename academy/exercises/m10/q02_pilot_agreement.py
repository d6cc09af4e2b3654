"""Module 10, exercise 2 — the pilot's data sharing agreement: `agreement` (a dict, module 04's schema)."""

from academy.exercises.checks import IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m04.agreement_schema import DSA_SCHEMA


def _valid(values, salt):
    import jsonschema

    errors = list(jsonschema.Draft202012Validator(DSA_SCHEMA).iter_errors(values["agreement"]))
    if errors:
        items = sorted({str(e.absolute_path[0]) if e.absolute_path else "(top level)" for e in errors})
        raise Wrong(f"`agreement` does not pass the trust's schema yet. Items with problems: {', '.join(items)}. "
                    f"For example: {errors[0].message}")


def _parties(values, salt):
    named = {str(p.get("name", "")) for p in values["agreement"]["parties"]}
    missing = [agency for agency in values["PARTNERS"] if agency not in named]
    if missing or len(named) != len(values["PARTNERS"]):
        raise Wrong("The parties should be exactly the pilot's partner agencies, named as in `PARTNERS`.")


def _items(values, salt):
    listed = {}
    for item in values["agreement"]["data_items"]:
        listed.setdefault(str(item["dataset"]), set()).update(map(str, item["fields"]))
    uses = {dataset: set(fields) for dataset, fields in values["PILOT_USES"].items()}
    if set(listed) != set(uses):
        raise Wrong("The data items should name exactly the datasets the pilot reads (the keys of `PILOT_USES`).")
    for dataset, fields in uses.items():
        if listed[dataset] - fields:
            raise Wrong(f"The data items for {dataset} include fields the pilot never uses. Data minimisation: "
                        "list only what the pilot reads.")
        if fields - listed[dataset]:
            raise Wrong(f"The data items for {dataset} leave out fields the pilot uses: the agreement must cover "
                        "everything that is shared.")


def _terms(values, salt):
    doc = values["agreement"]
    if int(doc["retention"]["days"]) != int(values["RETENTION_DAYS"]):
        raise Wrong("The retention period is not the one the partners agreed (`RETENTION_DAYS`).")
    if values["PILOT"].lower() not in str(doc["purpose"]["statement"]).lower():
        raise Wrong("The purpose statement should name the pilot (the use case in `PILOT`).")


exercise = Exercise(
    id="ex10_02",
    name="pilot_agreement",
    title="The pilot's data sharing agreement",
    names=("agreement", "PARTNERS", "PILOT_USES", "RETENTION_DAYS", "PILOT"),
    checks=[IsA("agreement", "dict"), _valid, _parties, _items, _terms],
    hints=[
        "Work item by item through `ex.teaching.DSA_SCHEMA['required']`; print "
        "`ex.teaching.DSA_SCHEMA['properties'][item]` to see each one's shape.",
        "One party per partner agency; one data item per dataset in `PILOT_USES`, with exactly its fields.",
        "Run `jsonschema.Draft202012Validator(ex.teaching.DSA_SCHEMA).iter_errors(agreement)` and fix what it lists, "
        "one by one.",
    ],
)
