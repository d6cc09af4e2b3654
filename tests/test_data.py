"""The data loader: every dataset loads and validates, from anywhere; bad data fails clearly."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from academy import data

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
NAMES = [r["name"] for r in json.loads((DATASETS / "datapackage.json").read_text())["resources"]]


def test_catalogue_is_not_empty():
    assert {"survey_figures", "census_microdata"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_loads_and_matches_its_schema(name):
    frame = data.load(name)
    fields = [f["name"] for f in data.resource(name)["schema"]["fields"]]
    assert isinstance(frame, pd.DataFrame) and len(frame) > 0
    assert list(frame.columns) == fields


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_has_a_datasheet(name):
    sheet = DATASETS / data.resource(name)["datasheet"]
    assert sheet.is_file() and len(sheet.read_text()) > 500


def test_loads_from_another_working_directory(tmp_path):
    code = "from academy import data; print(len(data.load('survey_figures')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert int(out.stdout) > 10


@pytest.fixture
def copy_of_data(tmp_path, monkeypatch):
    target = tmp_path / "datasets"
    # Student package only: the instructor folder is not needed (and not shipped).
    shutil.copytree(DATASETS, target, ignore=shutil.ignore_patterns("instructor", "generators", "sources"))
    monkeypatch.setenv("ACADEMY_DATA", str(target))
    return target


def test_missing_file_names_the_dataset_and_the_fix(copy_of_data):
    (copy_of_data / "data" / "survey_figures.csv").unlink()
    with pytest.raises(data.DatasetError) as error:
        data.load("survey_figures")
    assert "survey_figures" in str(error.value) and "academy datasets build" in str(error.value)


def test_corrupt_file_is_caught(copy_of_data):
    path = copy_of_data / "data" / "survey_figures.csv"
    path.write_text(path.read_text().replace("1000", "1001", 1))
    with pytest.raises(data.DatasetError, match="corrupt"):
        data.load("survey_figures")


def test_schema_violation_is_caught(copy_of_data):
    package = json.loads((copy_of_data / "datapackage.json").read_text())
    for res in package["resources"]:
        if res["name"] == "survey_figures":
            res.pop("hash")
            for f in res["schema"]["fields"]:
                if f["name"] == "percent":
                    f.setdefault("constraints", {})["maximum"] = 50
    (copy_of_data / "datapackage.json").write_text(json.dumps(package))
    with pytest.raises(data.DatasetError, match="schema"):
        data.load("survey_figures")


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(data.DatasetError, match="survey_figures"):
        data.load("no_such_table")


def test_datasets_list_command():
    out = subprocess.run([sys.executable, "-m", "academy.cli", "datasets", "list"], capture_output=True, text=True, check=True)
    first_column = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert first_column == NAMES


def test_datasets_verify_command_passes_and_fails(copy_of_data):
    ok = subprocess.run([sys.executable, "-m", "academy.cli", "datasets", "verify"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    (copy_of_data / "data" / "survey_sample.csv").write_text("garbage\n")
    bad = subprocess.run([sys.executable, "-m", "academy.cli", "datasets", "verify"], capture_output=True, text=True)
    assert bad.returncode == 1 and "survey_sample" in bad.stdout
