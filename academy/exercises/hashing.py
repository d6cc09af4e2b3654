"""Salted digests: how a visible check recognises an answer without storing it.

A check keeps only ``digest(canonical(answer))``. Numbers are first snapped to a grid whose
step is the check's tolerance, so that float noise in a correct answer still matches.
"""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np
import pandas as pd

# Not a secret: salting only stops a digest from being looked up in a table of common values.
COURSE_SALT = "psda-2026"


def digest(payload, salt: str) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{COURSE_SALT}|{salt}|{text}".encode()).hexdigest()[:24]


def snap(value: float, step: float) -> int:
    return int(math.floor(float(value) / step + 0.5))


def number_digests(value: float, step: float, salt: str) -> set[str]:
    """Digests of the grid cell holding ``value`` and its two neighbours (tolerance ~1.5 steps)."""
    k = snap(value, step)
    return {digest(["num", k + d, step], salt) for d in (-1, 0, 1)}


def number_digest(value: float, step: float, salt: str) -> str:
    return digest(["num", snap(value, step), step], salt)


def _canonical_cell(value, step: float | None):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)) and step is None:
        return int(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return snap(value, step or 1e-6)
    return str(value).strip()


def frame_digest(df: pd.DataFrame, step: float | None, salt: str) -> str:
    """Digest of a table's content, blind to column order, row order, index and dtype."""
    cols = sorted(str(c) for c in df.columns)
    table = df.copy()
    table.columns = [str(c) for c in table.columns]
    rows = [[_canonical_cell(v, step) for v in row] for row in table[cols].itertuples(index=False)]
    rows.sort(key=lambda r: json.dumps(r, default=str))
    return digest(["frame", cols, rows], salt)


def set_digest(items, salt: str) -> str:
    return digest(["set", sorted(str(i).strip().lower() for i in items)], salt)


def text_digest(value: str, salt: str) -> str:
    return digest(["text", " ".join(str(value).lower().split())], salt)
