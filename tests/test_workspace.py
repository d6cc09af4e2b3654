"""The learner workspace: new material arrives, a learner's own work is never overwritten."""

from academy import workspace


def make_release(folder, text):
    (folder / "01-demo").mkdir(parents=True, exist_ok=True)
    (folder / "01-demo" / "01-demo.ipynb").write_text(text)


def test_first_sync_copies_everything(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    assert workspace.sync(release, ws) == ["new      01-demo/01-demo.ipynb"]
    assert (ws / "01-demo" / "01-demo.ipynb").read_text() == "v1"


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
    assert (ws / "01-demo" / "01-demo.ipynb").read_text() == "v2"


def test_learners_work_is_kept_and_update_arrives_beside_it(tmp_path):
    release, ws = tmp_path / "release", tmp_path / "ws"
    make_release(release, "v1")
    workspace.sync(release, ws)
    (ws / "01-demo" / "01-demo.ipynb").write_text("my answers")
    make_release(release, "v2")
    log = workspace.sync(release, ws)
    assert (ws / "01-demo" / "01-demo.ipynb").read_text() == "my answers"
    beside = [p for p in (ws / "01-demo").glob("01-demo.updated-*.ipynb")]
    assert len(beside) == 1 and beside[0].read_text() == "v2"
    assert "kept your" in log[0]
    assert workspace.sync(release, ws) == []  # and again: nothing more, nothing lost
    assert (ws / "01-demo" / "01-demo.ipynb").read_text() == "my answers"
