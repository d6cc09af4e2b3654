"""A made-up access policy and requests, shared by the checks of exercises 3 (decide) and 7 (breach_counts)."""

POLICY = {
    "valid_from": "2023-01-01", "valid_until": "2023-12-01",
    "lawful_basis": ["public task", "legal obligation"],
    "purposes": {
        "pay check": {"roles": ["officer", "senior officer"], "fields": ["ref", "pay", "employer"]},
        "statistics": {"roles": ["statistician"], "fields": ["pay", "region"]},
    },
}


def request(**changes):
    """A request within every rule of POLICY, with ``changes`` applied."""
    base = {"who": "t1", "role": "officer", "purpose": "pay check", "fields": ["ref", "pay"],
            "lawful_basis": "public task", "time": "2023-05-05 09:30"}
    base.update(changes)
    return base
