"""The data package passes the standard validator, `frictionless validate`, as it is.

Frictionless cannot check a byte count or hash on Parquet (it reads Parquet by columns), so
Parquet resources keep theirs in the project's own `integrity` field, which the loader checks.
The committed package is large (a full validation takes minutes: bench/ and the README say how
to run it); here the standard CLI validates a small package written by the same build code.
"""

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from academy import data
from conftest import ROOT

DATASETS = ROOT / "datasets"
frictionless = pytest.importorskip("frictionless")


def test_parquet_resources_declare_no_check_the_validator_cannot_make():
    package = json.loads((DATASETS / "datapackage.json").read_text())
    parquet = [r for r in package["resources"] if r["format"] == "parquet"]
    assert parquet
    for res in parquet:
        assert "hash" not in res and "bytes" not in res, res["name"]
        expected, size = data.integrity(res)
        assert expected == "sha256:" + data.sha256(DATASETS / res["path"]) and size == (DATASETS / res["path"]).stat().st_size
    assert frictionless.Package.validate_descriptor(package).valid


def test_the_loader_still_catches_a_corrupt_parquet_file(tmp_path, monkeypatch):
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS, copy, ignore=shutil.ignore_patterns("instructor", "sources", "generators"))
    path = copy / "data" / "health_admissions.parquet"
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # same size, different bytes
    path.write_bytes(bytes(raw))
    monkeypatch.setenv("ACADEMY_DATA", str(copy))
    with pytest.raises(data.DatasetError, match="corrupt"):
        data.load("health_admissions")


def test_frictionless_validate_passes_on_a_package_the_build_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("fl_build", DATASETS / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build(tmp_path, people=1_000, seed=5)
    shutil.rmtree(tmp_path / "instructor")  # not part of the package
    cli = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(cli), "validate", "datapackage.json"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
