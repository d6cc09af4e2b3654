"""The installed package (what a hub image gets): data inside, no notebook, solution or hidden test."""

import json
import subprocess
import sys
import zipfile

import pytest

from autograder import leaks
from conftest import ROOT, module_ids


@pytest.fixture(scope="module")
def wheel_tree(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
    )
    wheel = next(out.glob("*.whl"))
    tree = out / "tree"
    zipfile.ZipFile(wheel).extractall(tree)
    return tree


def test_wheel_carries_the_data_package(wheel_tree):
    package = json.loads((wheel_tree / "academy" / "_data" / "datapackage.json").read_text())
    for res in package["resources"]:
        assert (wheel_tree / "academy" / "_data" / res["path"]).is_file(), res["name"]


def test_wheel_holds_no_notebook_solution_or_hidden_test(wheel_tree, monkeypatch):
    monkeypatch.setenv("ACADEMY_REPO", str(ROOT))
    assert leaks.leaks_in_package(wheel_tree, module_ids()) == []
    assert not list(wheel_tree.rglob("*.ipynb"))
    assert not list(wheel_tree.rglob("fixtures"))


def test_installed_package_loads_data_with_no_checkout(wheel_tree, tmp_path):
    code = (
        "import academy, json\n"
        "from academy import data, paths\n"
        "assert paths.repo_root() is None, paths.repo_root()\n"
        "names = [n for n, _ in data.list_datasets()]\n"
        "print(json.dumps({n: len(data.load(n)) for n in names}))\n"
        "print(academy.__file__)\n"
    )
    env = {"PYTHONPATH": str(wheel_tree), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    sizes, where = out.stdout.splitlines()
    assert where.startswith(str(wheel_tree))
    assert all(n > 0 for n in json.loads(sizes).values())


def test_solution_is_unavailable_in_an_installed_package(wheel_tree, tmp_path):
    code = (
        "from academy.exercises import solutions\n"
        "print(solutions.text_for('ex01_01'))\n"
    )
    env = {"PYTHONPATH": str(wheel_tree), "ACADEMY_MODE": "self-paced", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "No worked solutions are installed here" in out.stdout, out.stderr


def test_installed_package_checks_with_its_generated_fingerprints(wheel_tree, tmp_path):
    """fingerprints.json travels in the wheel and is read from there, with no checkout."""
    code = (
        "from academy.exercises import m06, fingerprints\n"
        "assert fingerprints.stored('06')['exercises'], 'no fingerprints'\n"
        "def sensitivity(query, upper, n=None):\n"
        "    return {'count': 1, 'sum': upper}.get(query) or upper / n\n"
        "print(m06.q4.evaluate({'sensitivity': sensitivity}).outcome.value)\n"
    )
    env = {"PYTHONPATH": str(wheel_tree), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "correct"
    assert (wheel_tree / "academy" / "exercises" / "m06" / "fingerprints.json").is_file()
