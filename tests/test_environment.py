"""pyproject.toml (pip) and environment.yml (conda, Binder) must ask for the same packages."""

import re
import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; 3.10 skips this drift check
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from PyPI names
CONDA_NAMES = {"pyyaml": "pyyaml"}


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$", requirement)
    # pip extras ([binary]) have no conda equivalent: conda packages ship their compiled parts
    return match.group(1).lower().replace("_", "-"), match.group(3).replace(" ", "")


def pip_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return dict(_split(r) for r in reqs)


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    reqs = [d for d in env["dependencies"] if isinstance(d, str)]
    # packages conda-forge lacks are installed by pip inside the environment: they count too
    reqs += [d for part in env["dependencies"] if isinstance(part, dict) for d in part.get("pip", [])
             if not d.startswith("-")]
    return {name: spec for name, spec in map(_split, reqs) if name not in {"python", "pip"}}


def test_same_packages_and_ranges():
    pip = {CONDA_NAMES.get(k, k): v for k, v in pip_requirements().items()}
    assert conda_requirements() == pip


def test_python_floor_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]


def test_environment_installs_the_course_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_part = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "--editable ." in pip_part
