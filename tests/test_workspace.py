"""The learner workspace: only changed modules are released again; new material arrives; a
learner's own work is never overwritten; notebooks arrive trusted and as JupyterLab saves them."""

import json

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from academy import workspace


@pytest.fixture(autouse=True)
def own_jupyter_data(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter-data"))  # the notary's secret and db


def make_release(folder, text):
    (folder / "01-demo").mkdir(parents=True, exist_ok=True)
    (folder / "01-demo" / "01-demo.md").write_text(text)


def test_first_sync_copies_everything(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    assert workspace.sync(release, ws) == ["new      01-demo/01-demo.md"]
    assert (ws / "01-demo" / "01-demo.md").read_text() == "v1"


def test_resync_is_idempotent(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    assert workspace.sync(release, ws) == []


def test_untouched_file_is_refreshed(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    make_release(release, "v2")
    workspace.sync(release, ws)
    assert (ws / "01-demo" / "01-demo.md").read_text() == "v2"


def test_learners_work_is_kept_and_update_arrives_under_a_prefix(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    (ws / "01-demo" / "01-demo.md").write_text("my answers")
    make_release(release, "v2")
    log = workspace.sync(release, ws)
    assert (ws / "01-demo" / "01-demo.md").read_text() == "my answers"
    beside = list((ws / "01-demo").glob("updated-*"))
    assert len(beside) == 1 and beside[0].read_text() == "v2"
    # A file browser cuts long names from the end: the prefix tells the two apart anyway.
    assert beside[0].name[:10] != "01-demo.md"[:10] and beside[0].name.startswith("updated-")
    assert "kept your" in log[0]
    assert workspace.sync(release, ws) == []  # and again: nothing more, nothing lost
    assert (ws / "01-demo" / "01-demo.md").read_text() == "my answers"


def test_an_unchanged_release_never_arrives_as_an_update(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    (ws / "01-demo" / "01-demo.md").write_text("my answers")
    make_release(release, "v1")  # released again, same content
    assert workspace.sync(release, ws) == []
    assert sorted(p.name for p in (ws / "01-demo").iterdir()) == ["01-demo.md"]


def test_the_first_ledger_format_is_read(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    digest = json.loads((ws / workspace.LEDGER).read_text())["delivered"]["01-demo/01-demo.md"]
    (ws / workspace.LEDGER).write_text(json.dumps({"01-demo/01-demo.md": digest}))
    (ws / "01-demo" / "01-demo.md").write_text("my answers")
    assert workspace.sync(release, ws) == []


def fake_course(root, modules=("01-demo", "02-demo")):
    for m in modules:
        (root / "modules" / m).mkdir(parents=True, exist_ok=True)
        (root / "modules" / m / f"{m}.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()))
    (root / "course").mkdir(exist_ok=True)
    (root / "course" / "nbgrader_config.py").write_text("c = get_config()\n")
    calls = []

    def release(names):
        for m in names:
            calls.append(m)
            out = root / "course" / "release" / m
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{m}.ipynb").write_bytes((root / "modules" / m / f"{m}.ipynb").read_bytes())

    return list(modules), release, calls


def test_an_unchanged_second_start_releases_nothing(tmp_path):
    modules, release, calls = fake_course(tmp_path)
    workspace.prepare(tmp_path / "ws", tmp_path, modules, release)
    assert calls == modules
    calls.clear()
    assert workspace.prepare(tmp_path / "ws", tmp_path, modules, release) == []
    assert calls == []


def test_only_the_changed_module_is_released_again(tmp_path):
    modules, release, calls = fake_course(tmp_path)
    workspace.prepare(tmp_path / "ws", tmp_path, modules, release)
    calls.clear()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("new text")])
    (tmp_path / "modules" / "02-demo" / "02-demo.ipynb").write_text(nbformat.writes(nb))
    workspace.prepare(tmp_path / "ws", tmp_path, modules, release)
    assert calls == ["02-demo"]
    (tmp_path / "course" / "nbgrader_config.py").write_text("c = get_config()\n# changed\n")
    calls.clear()
    workspace.prepare(tmp_path / "ws", tmp_path, modules, release)
    assert calls == modules  # the configuration shapes every release


def test_notebooks_arrive_trusted_and_as_jupyterlab_saves_them(tmp_path):
    old = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell("hi")])
    old.nbformat_minor = 4
    for cell in old.cells:
        del cell["id"]  # as nbformat 4.4 notebooks have none
    release, ws = tmp_path / "release", tmp_path / "ws"
    (release / "01-demo").mkdir(parents=True)
    (release / "01-demo" / "01-demo.ipynb").write_text(json.dumps(old))
    workspace.sync(release, ws)
    delivered = ws / "01-demo" / "01-demo.ipynb"
    text = delivered.read_text()
    nb = nbformat.reads(text, as_version=4)
    assert nb.nbformat_minor == 5 and all(c.get("id") for c in nb.cells)
    assert nbformat.writes(nb) + "\n" == text  # a save without edits changes nothing
    assert nb.metadata["language_info"]["name"] == "python"
    assert NotebookNotary().check_signature(nb)
