"""The JSON Schema the Kestria data trust publishes for every data sharing agreement (course
material: the notebook shows it as ``ex.DSA_SCHEMA``), built from the ICO checklist, and a valid
agreement about another exchange that the checks of exercises 1 and 2 test against."""

import copy

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

# A valid agreement for a different exchange: the checks' test document, not a template for exercise 2.
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


def example_agreement() -> dict:
    """A valid agreement for a different exchange (a fresh copy each call)."""
    return copy.deepcopy(_EXAMPLE)
