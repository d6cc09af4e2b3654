"""Sandbox limits per module, from course/sandbox.yaml (defaults, then per-module overrides).

The per-cell timeout is nbgrader's own setting (``c.Execute.timeout`` in nbgrader_config.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Limits:
    wall_seconds: int = 300
    cpu_seconds: int = 240
    memory_mb: int = 4096
    processes: int = 64
    output_kb: int = 2048
    file_mb: int = 64
    submission_mb: int = 20
    tmp_mb: int = 256


def load(module: str, config: Path) -> Limits:
    data = yaml.safe_load(config.read_text()) if config.is_file() else None
    data = data or {}
    known = {f.name for f in fields(Limits)}
    limits = Limits()
    for layer in (data.get("defaults") or {}, (data.get("modules") or {}).get(module) or {}):
        unknown = set(layer) - known
        if unknown:
            raise SystemExit(f"{config}: unknown limit(s) {sorted(unknown)}; known: {sorted(known)}")
        limits = replace(limits, **{k: int(v) for k, v in layer.items()})
    return limits
