"""The course datasets: ``load(name)`` returns a DataFrame checked against its Table Schema.

Data is found, in order, in ``$ACADEMY_DATA`` (a folder holding ``datapackage.json``), in the
checkout's ``datasets/`` folder, or inside the installed package (hub images), so that
``load`` works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from academy import paths

REBUILD = "Rebuild it with `academy datasets build` in the course checkout, or reinstall the course package."


class DatasetError(Exception):
    """A dataset is unknown, missing or corrupt; the message says which and what to do."""

    def _render_traceback_(self):  # IPython shows this instead of a long traceback
        return [f"DatasetError: {self}"]


def package_dir() -> Path:
    env = os.environ.get("ACADEMY_DATA")
    candidates = [Path(env)] if env else []
    root = paths.repo_root()
    if root:
        candidates.append(root / "datasets")
    candidates.append(paths.PACKAGE / "_data")
    for folder in candidates:
        if (folder / "datapackage.json").is_file():
            return folder
    raise DatasetError(
        "The course data package (datapackage.json) was not found in "
        + ", ".join(str(c) for c in candidates)
        + ". "
        + REBUILD
    )


@lru_cache(maxsize=4)
def _descriptor(folder: Path, mtime: float) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def descriptor() -> dict:
    folder = package_dir()
    return _descriptor(folder, (folder / "datapackage.json").stat().st_mtime)


def resource(name: str) -> dict:
    resources = {r["name"]: r for r in descriptor().get("resources", [])}
    if name not in resources:
        known = ", ".join(sorted(resources)) or "none"
        raise DatasetError(f"There is no dataset called {name!r}. Available: {known}.")
    return resources[name]


def list_datasets() -> list[tuple[str, str]]:
    """(name, title) of every dataset learners may load."""
    return [(r["name"], r.get("title", "")) for r in descriptor().get("resources", [])]


def path_of(name: str) -> Path:
    return package_dir() / resource(name)["path"]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def integrity(res: dict) -> tuple[str, int | None]:
    """A resource's expected ("sha256:<hex>", size in bytes); ("", None) when it declares none.

    CSV resources use the Data Package's own ``hash`` and ``bytes``; Parquet resources keep them in
    the project's ``integrity`` field, because the standard validator cannot check them on Parquet.
    """
    own = res.get("integrity", {})
    return res.get("hash", own.get("hash", "")), res.get("bytes", own.get("bytes"))


def load(name: str) -> pd.DataFrame:
    """Load a course dataset by name, checked against its schema."""
    res = resource(name)
    path = package_dir() / res["path"]
    if not path.is_file():
        raise DatasetError(f"Dataset {name!r} is missing: {path} does not exist. {REBUILD}")
    expected, size = integrity(res)
    if (size is not None and path.stat().st_size != size) or (
            expected.startswith("sha256:") and sha256(path) != expected.split(":", 1)[1]):
        raise DatasetError(f"Dataset {name!r} is corrupt: {path.name} does not match its checksum. {REBUILD}")
    try:
        frame = _read(path, res)
    except Exception as error:
        raise DatasetError(f"Dataset {name!r} could not be read ({type(error).__name__}: {error}). {REBUILD}") from None
    problems = validate(frame, res.get("schema", {}))
    if problems:
        raise DatasetError(f"Dataset {name!r} does not match its schema: {problems[0]}. {REBUILD}")
    return frame


_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}


def _read(path: Path, res: dict) -> pd.DataFrame:
    fields = res.get("schema", {}).get("fields", [])
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in fields if f["type"] in _PANDAS_TYPES}
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    for f in fields:
        if f["name"] in frame and f["type"] in ("date", "datetime"):
            frame[f["name"]] = pd.to_datetime(frame[f["name"]])
    return frame


def validate(frame: pd.DataFrame, schema: dict) -> list[str]:
    """Problems with a table against a Frictionless Table Schema (types, constraints, keys)."""
    problems = []
    fields = schema.get("fields", [])
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        return [f"columns are {list(frame.columns)}, the schema lists {names}"]
    for f in fields:
        col = frame[f["name"]]
        cons = f.get("constraints", {})
        present = col.dropna()
        if cons.get("required") and len(present) != len(col):
            problems.append(f"{f['name']} has missing values but is required")
        if f["type"] in ("integer", "number") and not pd.api.types.is_numeric_dtype(col):
            problems.append(f"{f['name']} should be numeric")
            continue
        if "minimum" in cons and (present < cons["minimum"]).any():
            problems.append(f"{f['name']} has values below {cons['minimum']}")
        if "maximum" in cons and (present > cons["maximum"]).any():
            problems.append(f"{f['name']} has values above {cons['maximum']}")
        if "enum" in cons and not present.isin(cons["enum"]).all():
            problems.append(f"{f['name']} has values outside its code list")
        if cons.get("unique") and present.duplicated().any():
            problems.append(f"{f['name']} should be unique")
    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        if frame.duplicated(subset=key).any():
            problems.append(f"primary key {key} has duplicates")
    return problems
