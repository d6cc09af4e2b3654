"""`academy site`: the course website, built offline from the released modules, holds no
solution, hidden test or model answer."""

import pytest

from conftest import module_ids

MODULES = module_ids()
pytest.importorskip("jupyter_book")


@pytest.fixture(scope="module")
def site(course_copy, tmp_path_factory):
    from autograder import site

    out = tmp_path_factory.mktemp("site")
    return site.build(out).parent


def test_every_module_has_its_readme_and_notebook_pages(site):
    assert (site / "index.html").exists()
    for module in MODULES:
        pages = {p.name for p in (site / "modules" / module).glob("*.html")}
        assert {"README.html", f"{module}.html"} <= pages, pages


def test_the_built_site_holds_no_solution_hidden_test_or_model_answer(site):
    from autograder import leaks, site as builder

    assert builder.leaks_in_site(site, MODULES) == []
    secret = leaks.solution_lines(MODULES)
    assert len(secret) > 50  # the check has something to look for
    text = "\n".join(p.read_text(errors="replace") for p in site.rglob("*") if p.suffix in {".html", ".js", ".ipynb"})
    assert not [line for line in secret if line in text]
    assert "Model answer" not in text and "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "YOUR ANSWER HERE" in text  # the pages are the released stubs


def test_a_planted_solution_line_is_caught(site, tmp_path):
    import html
    import shutil

    from autograder import leaks, site as builder

    copy = tmp_path / "html"
    shutil.copytree(site / "modules" / MODULES[0], copy)
    line = next(s for s in sorted(leaks.solution_lines(MODULES[0])) if " " in s)
    first, rest = line.split(" ", 1)
    page = copy / f"{MODULES[0]}.html"  # as a highlighter writes code: in spans, escaped
    page.write_text(page.read_text() + f'<pre><span class="n">{html.escape(first)}</span> <span>{html.escape(rest)}</span></pre>')
    assert builder.leaks_in_site(copy, MODULES)
