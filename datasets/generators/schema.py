"""Helpers to write Frictionless Table Schema fields compactly."""


def field(name, type_, description, unit=None, **constraints):
    out = {"name": name, "type": type_, "description": description}
    if unit:
        out["unit"] = unit
    if constraints:
        out["constraints"] = constraints
    return out


def key(**extra):
    return {"required": True, "unique": True, **extra}


def fk(fields, resource, reference):
    return {"fields": fields, "reference": {"resource": resource, "fields": reference}}
