"""Submissions as real learners save them (VS Code, Colab, old Jupyter, odd names and files) and a few
hostile ones, beyond issue 8's table: each builder makes one student's folder, one sandboxed
`academy autograde --jobs 2` run grades them all, and each test checks what a learner or instructor
expects: the score, the status, and that the graded notebook is valid nbformat holding their code.
"""

import base64
import json
import os
import subprocess
import sys

import nbformat
import pytest

import tiny_module as tiny
from autograder import feedback, gradebook, sandbox
from conftest import ROOT

S = tiny.SOLUTION
CONFIG = "\nc.Execute.timeout = 10\n"
BUILDERS = {}


def builds(student):
    def register(function):
        BUILDERS[student] = function
        return function
    return register


def cell(nb, grade_id):
    return next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def joined(source) -> str:
    return source if isinstance(source, str) else "".join(source)


def graded_path(run, student):
    return run["course"] / "autograded" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb"


def graded_notebook(run, student) -> dict:
    nb = nbformat.read(str(graded_path(run, student)), as_version=4)
    nbformat.validate(nb)
    return nb


def sources(nb) -> str:
    return "\n".join(joined(c["source"]) for c in nb["cells"])


def outputs(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb["cells"]])


def row(run, student):
    return run["rows"][student]


class Link:
    """A symbolic link in a submission folder; ``target(course)`` gives where it points."""

    def __init__(self, target):
        self.target = target


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    ok, why = sandbox.available()
    if not ok:
        pytest.skip(f"sandbox unavailable: {why}")
    top = tiny.make_course(tmp_path_factory.mktemp("realworld"), ROOT, limits_yaml="defaults:\n  tmp_mb: 16\n")
    course = top / "course"
    with open(course / "nbgrader_config.py", "a") as handle:
        handle.write(CONFIG)
    env = {**os.environ, "ACADEMY_REPO": str(top)}
    subprocess.run([sys.executable, "-m", "academy.cli", "release", tiny.MODULE], env=env, check=True, capture_output=True)
    released = json.loads((course / "release" / tiny.MODULE / f"{tiny.NOTEBOOK}.ipynb").read_text())
    context = {"course": course}
    for student, build in BUILDERS.items():
        folder = course / "submitted" / student / tiny.MODULE
        folder.mkdir(parents=True)
        for name, content in build(json.loads(json.dumps(released)), context).items():
            path = folder / name
            if isinstance(content, Link):
                path.symlink_to(content.target(course))
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                                encoding="utf-8")
    (top / "root-only.txt").write_text("SHADOW-CANARY")
    os.chmod(top / "root-only.txt", 0o600)
    out = subprocess.run([sys.executable, "-m", "academy.cli", "autograde", tiny.MODULE, "--jobs", "2"],
                         env=env, capture_output=True, text=True)
    with pytest.MonkeyPatch.context() as patch:  # ACADEMY_REPO back as it was, also on failure
        patch.setenv("ACADEMY_REPO", str(top))
        missing = feedback.generate(tiny.MODULE)
        rows = {r["student_id"]: r for r in gradebook.rows([tiny.MODULE])}
        yield {"course": course, "rows": rows, "out": out, "missing_feedback": missing, "top": top}


# --- notebooks saved by other tools ----------------------------------------------------------

def _as_lines(nb):
    for c in nb["cells"]:
        c["source"] = joined(c["source"]).splitlines(keepends=True)


@builds("vscode")
def _vscode(nb, ctx):
    """VS Code: nbformat 4.4 (no cell ids), sources as lists of lines, its own metadata."""
    nb = tiny.submission(nb, S)
    nb["nbformat_minor"] = 4
    for c in nb["cells"]:
        c.pop("id", None)
        c["metadata"]["vscode"] = {"languageId": "python"}
        if c["cell_type"] == "code":
            c["execution_count"] = 3
    _as_lines(nb)
    nb["metadata"] = {"kernelspec": {"display_name": "Python 3.11.7 64-bit", "language": "python", "name": "python3"},
                      "language_info": {"name": "python", "version": "3.11.7"}, "orig_nbformat": 4,
                      "vscode": {"interpreter": {"hash": "ab" * 32}}}
    return {"tiny.ipynb": nb}


@builds("colab")
def _colab(nb, ctx):
    """Colab: minor 0, cell ids in cell metadata, widget state and provenance in the notebook."""
    nb = tiny.submission(nb, S)
    nb["nbformat_minor"] = 0
    for i, c in enumerate(nb["cells"]):
        c.pop("id", None)
        c["metadata"].update(id=f"colabid{i}", colab={"base_uri": "https://localhost:8080/"})
        if c["cell_type"] == "code":
            c["metadata"]["outputId"] = f"out{i}"
    nb["metadata"] = {"colab": {"provenance": [], "name": "tiny.ipynb"}, "accelerator": "GPU",
                      "kernelspec": {"name": "python3", "display_name": "Python 3"},
                      "language_info": {"name": "python"},
                      "widgets": {"application/vnd.jupyter.widget-state+json": {
                          "abc123": {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base",
                                     "model_module_version": "1.2.0", "state": {}}}}}
    return {"tiny.ipynb": nb}


@builds("jupyter41")
def _jupyter41(nb, ctx):
    nb = tiny.submission(nb, S)
    nb["nbformat_minor"] = 1
    for c in nb["cells"]:
        c.pop("id", None)
    return {"tiny.ipynb": nb}


def test_notebooks_from_vscode_colab_and_old_jupyter_are_graded_in_full(run):
    for student in ("vscode", "colab", "jupyter41"):
        r = row(run, student)
        assert (r["score"], r["status"]) == (4.0, "graded"), r
        assert S["a2"] in sources(graded_notebook(run, student))


BIG_PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + os.urandom(3_000_000)).decode()


@builds("images")
def _images(nb, ctx):
    """A pasted screenshot (attachment) and a 4 MB plot output left in the answer cell."""
    nb = tiny.submission(nb, S)
    nb["cells"].append({"cell_type": "markdown", "id": "pasted", "metadata": {},
                        "source": "My chart ![image.png](attachment:image.png)",
                        "attachments": {"image.png": {"image/png": BIG_PNG}}})
    cell(nb, "a1")["outputs"] = [{"output_type": "display_data", "metadata": {}, "data": {"image/png": BIG_PNG}}]
    return {"tiny.ipynb": nb}


def test_attachments_and_big_images_are_kept_or_cleared_and_graded(run):
    r = row(run, "images")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    nb = graded_notebook(run, "images")
    assert S["a1"] in sources(nb)


@builds("emoji")
def _emoji(nb, ctx):
    nb = tiny.submission(nb, {**S, "a3": "name = 'ada'  # ✓ naïve café 😀"})
    cell(nb, "w1")["source"] = "Parce que 😀 — ça marche."
    return {"tiny.ipynb": nb}


def test_emoji_and_accents_are_kept_and_graded(run):
    r = row(run, "emoji")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    text = sources(graded_notebook(run, "emoji"))
    assert "café 😀" in text and "ça marche" in text


@builds("latin1")
def _latin1(nb, ctx):
    nb = tiny.submission(nb, {**S, "a3": "name = 'ada'  # café"})
    return {"tiny.ipynb": json.dumps(nb, ensure_ascii=False).encode("latin-1")}


@builds("bom")
def _bom(nb, ctx):
    """Saved through a Windows editor: UTF-8 with a byte-order mark."""
    return {"tiny.ipynb": b"\xef\xbb\xbf" + json.dumps(tiny.submission(nb, S)).encode()}


# --- cells deleted, moved, duplicated -------------------------------------------------------

@builds("answer_deleted")
def _answer_deleted(nb, ctx):
    nb = tiny.submission(nb, S)
    nb["cells"].remove(cell(nb, "a2"))
    return {"tiny.ipynb": nb}


def test_deleted_answer_cell_scores_the_others_and_is_not_given_the_solution(run):
    r = row(run, "answer_deleted")
    assert r["score"] == 2.0, r
    assert "total = sum(range(5))" not in sources(graded_notebook(run, "answer_deleted"))


@builds("dragged")
def _dragged(nb, ctx):
    nb = tiny.submission(nb, S)
    cells = nb["cells"]
    cells.insert(cells.index(cell(nb, "a2")), cells.pop(cells.index(cell(nb, "t2"))))  # test dragged above its answer
    cells.append(cells.pop(cells.index(cell(nb, "a3"))))  # answer dragged to the end, below its test
    return {"tiny.ipynb": nb}


def test_a_test_cell_dragged_above_its_answer_is_moved_back_and_scores(run):
    r = row(run, "dragged")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    assert "t2 stood above its answer" in r["detail"] and "t3 stood above" in r["detail"]
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in graded_notebook(run, "dragged")["cells"]]
    assert ids.index("t2") > ids.index("a2") and ids.index("t3") > ids.index("a3")
    assert ids.index("w1") < ids.index("a3")  # the learner's own order stays: only the tests moved


@builds("data_file")
def _data_file(nb, ctx):
    answer = "with open('mine.csv') as f:\n    total = sum(int(v) for v in f.read().split(','))"
    return {"tiny.ipynb": tiny.submission(nb, {**S, "a2": answer}), "mine.csv": "0,1,2,3,4"}


def test_data_file_saved_beside_the_notebook_is_there_when_graded(run):
    r = row(run, "data_file")
    assert (r["score"], r["status"]) == (4.0, "graded"), r


# --- student ids ------------------------------------------------------------------------------

ODD_IDS = ["ana maría", "o'neil; $(touch PWNED) `id`", "zoë-Ł"]
for _student in ODD_IDS:
    builds(_student)(lambda nb, ctx: {"tiny.ipynb": tiny.submission(nb, S)})


def test_student_ids_with_spaces_unicode_and_shell_characters_are_graded(run):
    for student in ODD_IDS:
        r = row(run, student)
        assert (r["score"], r["status"]) == (4.0, "graded"), r
        assert S["a1"] in sources(graded_notebook(run, student))
        assert (run["course"] / "feedback" / student / tiny.MODULE / f"{tiny.NOTEBOOK}.html").is_file()
    assert not list(run["top"].rglob("PWNED")) and not (ROOT / "PWNED").exists()


# --- what learners write in answers ----------------------------------------------------------

def answers(**changes):
    return lambda nb, ctx: {"tiny.ipynb": tiny.submission(nb, {**S, **changes})}


builds("environ")(answers(a1="import os\nprint('ENV', sorted(os.environ))\nos.environ['PATH'] = ''\nos.environ.clear()\n" + S["a1"]))
builds("input")(answers(a3="name = input('Your name? ')"))
builds("raise_exit")(answers(a2=S["a2"] + "\nraise SystemExit('done')"))
builds("magics")(answers(a1="%%time\n" + S["a1"], a2="!pip install --no-index numpy\n%pip --version\n" + S["a2"]))
builds("recursion")(answers(a1="def double(x):\n    return double(x) * 1"))
builds("deep_recursion")(answers(a3="import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return f(n + 1)\nf(0)\nname = 'ada'"))
builds("segfault")(answers(a3="import ctypes\nctypes.string_at(0)\nname = 'ada'"))
builds("big_file")(answers(a2="with open('big.bin', 'wb') as f:\n    for _ in range(1024):\n        f.write(b'0' * 2**20)\n" + S["a2"]))
builds("print_10mb")(answers(a1="print('y' * 10_000_000)\n" + S["a1"]))
builds("stderr")(answers(a1="import sys, warnings\nprint('DeprecationWarning: old API', file=sys.stderr)\n"
                         "warnings.warn('careful', UserWarning)\n" + S["a1"]))


def test_undecodable_notebooks_are_named_not_skipped(run):
    """A Latin-1 file and a UTF-8 file with a byte-order mark: graded, or named with the reason."""
    for student, reason in (("latin1", "utf-8"), ("bom", "JSON")):
        r = row(run, student)
        if r["status"] != "graded":
            assert (r["status"], r["score"]) == ("invalid", 0.0) and reason in r["detail"], r
            assert student in run["out"].stderr
    assert run["out"].returncode != 0


def test_environment_holds_nothing_of_the_graders_and_clearing_it_breaks_nothing(run):
    r = row(run, "environ")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    printed = outputs(graded_notebook(run, "environ"))
    assert "ENV" in printed and "ACADEMY_REPO" not in printed and "ACADEMY_DB_URL" not in printed


def test_answers_that_stop_early_lose_only_what_depends_on_them(run):
    # input(): no stdin while grading, so that answer fails and only its test is lost.
    assert row(run, "input")["score"] == 3.0 and "input('Your name? ')" in sources(graded_notebook(run, "input"))
    assert "StdinNotImplementedError" in outputs(graded_notebook(run, "input"))
    # raise SystemExit after a correct answer costs nothing.
    assert (row(run, "raise_exit")["score"], row(run, "raise_exit")["status"]) == (4.0, "graded")
    # A kernel that segfaults: tests before it count, the dead kernel is reported.
    assert (row(run, "segfault")["score"], row(run, "segfault")["status"]) == (3.0, "killed")
    assert "ctypes.string_at(0)" in sources(graded_notebook(run, "segfault"))


def test_recursion_costs_only_its_own_test(run):
    assert row(run, "recursion")["score"] == 3.0  # a1 recurses forever: t1 fails, the rest graded
    assert row(run, "deep_recursion")["score"] == 3.0  # stack blown with a huge recursion limit
    assert "return double(x) * 1" in sources(graded_notebook(run, "recursion"))


def test_magics_and_shell_commands_run_as_in_jupyter(run):
    r = row(run, "magics")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    assert "%%time" in sources(graded_notebook(run, "magics"))


def test_a_file_over_the_size_limit_fails_only_that_answer(run):
    r = row(run, "big_file")
    assert r["score"] == 2.0, r  # a2 stops at the file-size limit; t1 and t3 still pass
    assert "File too large" in outputs(graded_notebook(run, "big_file"))


def test_ten_megabytes_of_print_are_truncated_not_fatal(run):
    r = row(run, "print_10mb")
    assert (r["score"], r["status"]) == (4.0, "graded") and "truncated" in r["detail"], r
    assert os.path.getsize(graded_path(run, "print_10mb")) < 3_000_000


def test_a_correct_answer_that_warns_on_stderr_costs_nothing(run):
    r = row(run, "stderr")
    assert (r["score"], r["status"], r["detail"]) == (4.0, "graded", ""), r


# --- hostile folders and ids -------------------------------------------------------------------

READ_LINKS = "for p in ('shadow', 'gradebook.db'):\n    try:\n        print('READ', open(p, 'rb').read(20))\n    except Exception:\n        pass\n"


@builds("linker")
def _linker(nb, ctx):
    """Links to a root-only file and to the gradebook beside a real notebook."""
    return {"tiny.ipynb": tiny.submission(nb, {**S, "a1": READ_LINKS + S["a1"]}),
            "shadow": Link(lambda course: course.parent / "root-only.txt"),
            "gradebook.db": Link(lambda course: course / "gradebook.db")}


@builds("borrower")
def _borrower(nb, ctx):
    """tiny.ipynb is a link to another learner's submission."""
    return {"tiny.ipynb": Link(lambda course: course / "submitted" / "vscode" / tiny.MODULE / "tiny.ipynb")}


def test_symlinks_in_a_submission_are_refused_by_name_and_never_followed(run):
    for student, name in (("linker", "shadow"), ("borrower", "tiny.ipynb")):
        r = row(run, student)
        assert (r["status"], r["score"]) == ("invalid", 0.0) and f"{name!r} is a symbolic link" in r["detail"], r
        assert not (run["course"] / "autograded" / student).exists()
        assert not (run["course"] / "feedback" / student).exists()
    assert "SHADOW-CANARY" not in "".join(p.read_text(errors="replace") for p in run["course"].rglob("*.ipynb"))


builds("wild*")(answers(a2="total = 0"))
builds("wildcat")(answers())


def test_glob_characters_in_an_id_are_refused_and_never_touch_another_learner(run):
    r = row(run, "wild*")
    assert (r["score"], r["status"]) == (0.0, "invalid") and "file pattern" in r["detail"], r
    assert (row(run, "wildcat")["score"], row(run, "wildcat")["status"]) == (4.0, "graded")
    assert S["a2"] in sources(graded_notebook(run, "wildcat"))
    assert (run["course"] / "feedback" / "wildcat" / tiny.MODULE / f"{tiny.NOTEBOOK}.html").is_file()


def _fake_digest():
    from academy.exercises.hashing import text_digest
    return (f"class _D:\n    def __init__(self, *a): pass\n"
            f"    def hexdigest(self): return {text_digest('ada', 's')!r} + '0' * 40\n")


builds("patch_hashlib")(answers(a3="import hashlib\n" + _fake_digest() + "hashlib.sha256 = _D\nname = 'bob'"))
builds("patch_module_ref")(answers(a3="import types, academy.exercises.hashing as h\n" + _fake_digest()
                                   + "h.hashlib = types.SimpleNamespace(sha256=_D)\nname = 'bob'"))


def test_patching_the_stdlib_or_a_checkers_module_reference_is_tampering(run):
    for student in ("patch_hashlib", "patch_module_ref"):
        r = row(run, student)
        assert (r["score"], r["status"]) == (3.0, "tampered"), r


def test_a_second_run_on_the_same_module_is_refused_naming_the_lock_and_its_holder(run):
    from autograder import runlock
    env = {**os.environ, "ACADEMY_REPO": str(run["top"])}
    with runlock.held(run["course"], tiny.MODULE) as lock:
        out = subprocess.run([sys.executable, "-m", "academy.cli", "autograde", tiny.MODULE],
                             env=env, capture_output=True, text=True)
    assert out.returncode != 0, out
    assert str(lock) in out.stderr and f"pid {os.getpid()}" in out.stderr, out.stderr


builds("tmp_fill")(answers(a1="try:\n    for i in range(8):\n        with open(f'/tmp/fill{i}', 'wb') as f:\n"
                              "            f.write(b'0' * 2**22)\n    print('TMPFILLED')\nexcept OSError as e:\n"
                              "    print('TMPFULL', e.errno)\n" + S["a1"]))


def test_the_kernels_tmp_is_capped_by_tmp_mb(run):
    r = row(run, "tmp_fill")
    assert (r["score"], r["status"]) == (4.0, "graded"), r
    assert "TMPFULL 28" in outputs(graded_notebook(run, "tmp_fill"))  # ENOSPC at 16 MiB, not 32 MiB written


@builds("two_copies")
def _two_copies(nb, ctx):
    """The untouched release as tiny.ipynb and the real work saved as 'tiny (1).ipynb'."""
    return {"tiny.ipynb": json.loads(json.dumps(nb)), "tiny (1).ipynb": tiny.submission(nb, S)}


def test_a_copy_beside_the_graded_notebook_is_named_in_the_detail(run):
    r = row(run, "two_copies")
    assert "'tiny (1).ipynb'" in r["detail"] and "not graded" in r["detail"], r


def test_collect_copies_links_as_links_and_leaves_out_pipes(tmp_path):
    """A link a learner leaves in the exchange is never read by collect; autograde then refuses it."""
    from nbgrader.coursedir import CourseDirectory
    from autograder import links
    from autograder.collect import SafeCollect
    inbound, dest = tmp_path / "inbound", tmp_path / "submitted" / "ana" / tiny.MODULE
    inbound.mkdir()
    (inbound / "tiny.ipynb").write_text("{}")
    (tmp_path / "secret").write_text("CANARY")
    (inbound / "shadow").symlink_to(tmp_path / "secret")
    os.mkfifo(inbound / "pipe")
    SafeCollect(coursedir=CourseDirectory()).do_copy(str(inbound), str(dest))
    assert (dest / "shadow").is_symlink() and not (dest / "pipe").exists()
    assert (dest / "tiny.ipynb").read_text() == "{}"
    assert links.unsafe_entries(dest) == ["'shadow' is a symbolic link, which is not graded; submit the file itself"]
