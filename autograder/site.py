"""The course website: a Jupyter Book (1.x, builds offline) of the *released* modules.

Built only from what learners may see — each module's released notebook (stubs, no solutions,
no hidden tests, no model answers) and its README — and checked after the build: a page that
holds a solution line, a hidden-test line or an nbgrader marker stops the build with the
offending files named. Nothing is executed; nothing is fetched.

    out/book/          the book's sources (_config.yml, _toc.yml, intro.md, modules/...)
    out/html/          the website: open out/html/index.html, or publish the folder as it is
"""

from __future__ import annotations

import html as html_text
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from academy import workspace
from autograder import course, leaks, release

TITLE = "Public Sector Data Academy"


def _book_config() -> dict:
    return {
        "title": TITLE,
        "author": "Public Sector Data Academy",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},  # the pages show the released stubs, unrun
        "html": {"use_repository_button": False, "use_issues_button": False, "use_edit_page_button": False},
        "launch_buttons": {"notebook_interface": "classic", "binderhub_url": "", "jupyterhub_url": "",
                           "thebe": False, "colab_url": ""},
        "sphinx": {"config": {"intersphinx_mapping": {}}},
    }


def _intro(modules: list[str], release_root: Path) -> str:
    lines = [f"# {TITLE}", "",
             "Graded Jupyter notebooks that teach public servants data sharing, data governance, data "
             "ethics and privacy-enhancing technologies, on the case data of the fictional country Kestria.",
             "", "This site shows each module as a learner receives it: the teaching text, the charts' code "
             "and the exercises with their checks. To work through a module, run it in JupyterLab "
             "(`python3 run.py lab` in the course repository).", "", "| module | title |", "|---|---|"]
    for module in modules:
        readme = release_root / module / "README.md"
        title = readme.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip() if readme.exists() else module
        lines.append(f"| {module[:2]} | [{title}](modules/{module}/README.md) |")
    return "\n".join(lines) + "\n"


def write_book(book: Path, modules: list[str], release_root: Path) -> None:
    """Write the book's sources for ``modules`` from their releases under ``release_root``."""
    if book.exists():
        shutil.rmtree(book)
    (book / "modules").mkdir(parents=True)
    chapters = []
    for module in modules:
        target = book / "modules" / module
        target.mkdir()
        notebooks = sorted(p for p in (release_root / module).glob("*.ipynb"))
        for notebook in notebooks:
            target.joinpath(notebook.name).write_bytes(workspace.as_jupyterlab_saves(notebook.read_bytes()))
        shutil.copy(release_root / module / "README.md", target / "README.md")
        chapters.append({"file": f"modules/{module}/README",
                         "sections": [{"file": f"modules/{module}/{nb.stem}"} for nb in notebooks]})
    (book / "intro.md").write_text(_intro(modules, release_root), encoding="utf-8")
    (book / "_config.yml").write_text(yaml.safe_dump(_book_config(), sort_keys=False), encoding="utf-8")
    toc = {"format": "jb-book", "root": "intro", "chapters": chapters}
    (book / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")


def leaks_in_site(html: Path, modules: list[str]) -> list[str]:
    """Solution lines, hidden-test lines and nbgrader markers found in the built site's text files."""
    lines = leaks.solution_lines(modules) if modules else set()
    problems = []
    for path in sorted(html.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".js", ".txt", ".ipynb", ".md", ".json", ".inv"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".html":  # highlighted code is cut into <span>s and escaped: read it as text too
                text += "\n" + html_text.unescape(re.sub(r"<[^>]+>", "", text))
            problems += leaks.leaks_in_text(text, lines, str(path))
    return problems


def build(out: Path, modules: list[str] | None = None) -> Path:
    """Release what changed, write the book, build its HTML into ``out/html``; return index.html.

    Raises ``SystemExit`` when Jupyter Book fails or the built site holds anything secret.
    """
    modules = modules or course.modules()
    workspace.release_changed(modules, course.root(), release.release)
    book, html = out / "book", out / "html"
    write_book(book, modules, course.course_root() / "release")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    if not jupyter_book.exists():
        raise SystemExit("Jupyter Book is not installed here: pip install 'jupyter-book>=1,<2' "
                         "(or pip install -e '.[site]' in the repository).")
    result = subprocess.run([str(jupyter_book), "build", str(book), "--path-output", str(out / "build"),
                             "--builder", "html", "--quiet"], capture_output=True, text=True)
    built = out / "build" / "_build" / "html"
    if result.returncode != 0 or not (built / "index.html").exists():
        raise SystemExit(f"jupyter-book build failed:\n{(result.stdout + result.stderr)[-3000:]}")
    if html.exists():
        shutil.rmtree(html)
    shutil.copytree(built, html)
    problems = leaks_in_site(html, modules)
    if problems:
        shutil.rmtree(html)  # never leave a leaking site where it could be published
        raise SystemExit("The course website would leak what it must not:\n" + "\n".join(problems[:20]))
    return html / "index.html"
