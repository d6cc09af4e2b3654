"""Fingerprints: what a check stores about an expected value instead of the value itself.

``fingerprint(value, salt, step)`` gives kind, shape and salted digests of a value. The
maintainer command ``academy fingerprints`` runs it on the source notebook's reference values
and writes ``academy/exercises/mNN/fingerprints.json`` (generated, never edited by hand);
``stored(module)`` reads that file. ``matches`` tells whether a learner's value has the same
fingerprint. None of them ever needs the plain answer.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import numbers

import numpy as np
import pandas as pd

from academy.exercises import hashing


def _is_number(value) -> bool:
    return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))


def fingerprint(value, salt: str, step: float = 1e-6) -> dict:
    if _is_number(value):
        return {"kind": "number", "step": step, "d": hashing.number_digest(value, step, salt)}
    if isinstance(value, pd.Series):
        value = value.reset_index()
    if isinstance(value, pd.DataFrame):
        return {
            "kind": "frame",
            "step": step,
            "columns": sorted(str(c) for c in value.columns),
            "rows": int(len(value)),
            "d": hashing.frame_digest(value, step, salt),
        }
    if isinstance(value, (set, frozenset)):
        return {"kind": "set", "size": len(value), "d": hashing.set_digest(value, salt)}
    if isinstance(value, (list, tuple, np.ndarray)):
        return {"kind": "sequence", "items": [fingerprint(v, salt, step) for v in value]}
    if isinstance(value, str):
        return {"kind": "text", "d": hashing.text_digest(value, salt)}
    if isinstance(value, (bool, np.bool_)):
        return {"kind": "text", "d": hashing.text_digest(str(bool(value)), salt)}
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")


def table_fingerprint(frame: pd.DataFrame, key: list[str], salt: str, step: float = 1e-6) -> dict:
    """A small table, cell by cell, rows ordered by ``key``: tolerant of float noise in every cell.

    Blind to column order, row order, index and dtype. Meant for small results (a few hundred
    cells); check large ones through aggregates and hidden tests instead.
    """
    columns = sorted(str(c) for c in frame.columns)
    cells = _table_cells(frame, key, columns)
    return {
        "kind": "table", "key": list(key), "columns": columns, "rows": int(len(frame)),
        "items": [fingerprint(v, salt, step) if _is_number(v) else fingerprint(str(v), salt) for v in cells],
    }


def _table_cells(frame: pd.DataFrame, key: list[str], columns: list[str]) -> list:
    table = frame.copy()
    table.columns = [str(c) for c in table.columns]
    order = table[key].astype(str).agg("|".join, axis=1).argsort(kind="stable")
    table = table.iloc[order.to_numpy()]
    cells = []
    for row in table[columns].itertuples(index=False):
        for v in row:
            if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
                v = "<missing>"
            elif isinstance(v, (np.integer,)):
                v = int(v)
            elif isinstance(v, (np.floating,)):
                v = float(v)
            cells.append(v)
    return cells


def _as_frame(value) -> pd.DataFrame | None:
    if isinstance(value, pd.Series):
        value = value.reset_index()
    return value if isinstance(value, pd.DataFrame) else None


def matches(value, spec: dict, salt: str) -> bool:
    kind = spec["kind"]
    if kind in ("table", "frame"):
        value = _as_frame(value)
        if value is None or len(value) != spec["rows"] or sorted(str(c) for c in value.columns) != spec["columns"]:
            return False
    if kind == "table":
        cells = _table_cells(value, spec["key"], spec["columns"])
        return all(matches(v if _is_number(v) else str(v), s, salt) for v, s in zip(cells, spec["items"]))
    if kind == "number":
        return _is_number(value) and np.isfinite(float(value)) and spec["d"] in hashing.number_digests(value, spec["step"], salt)
    if kind == "frame":
        # Frames are compared on the grid only; a value that sits on a grid edge is rare
        # and the tolerance of a frame check is chosen well below what a mistake moves.
        return hashing.frame_digest(value, spec["step"], salt) == spec["d"]
    if kind == "set":
        try:
            items = set(value)
        except TypeError:
            return False
        return hashing.set_digest(items, salt) == spec["d"]
    if kind == "sequence":
        try:
            items = list(value)
        except TypeError:
            return False
        return len(items) == len(spec["items"]) and all(matches(v, s, salt) for v, s in zip(items, spec["items"]))
    if kind == "text":
        if isinstance(value, (bool, np.bool_)):
            value = str(bool(value))
        return isinstance(value, str) and hashing.text_digest(value, salt) == spec["d"]
    raise ValueError(f"unknown fingerprint kind {kind!r}")


FILE = "fingerprints.json"


@functools.lru_cache(maxsize=None)
def _text(module: str) -> str:
    try:
        return (importlib.resources.files(f"academy.exercises.m{module}") / FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return "{}"


def stored(module: str) -> dict:
    """The generated fingerprints of module ``module`` ("06"); {} if the module has no file.

    A fresh dict on every call (the file is read once): changing what one call returned cannot
    change what a later check compares with.
    """
    return json.loads(_text(module))
