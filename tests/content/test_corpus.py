"""The real corpus (../shared/corpus, not part of the project; skipped when absent).

Nothing here copies corpus text: the tests only check properties every page must have.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from helpers.content import assert_nothing_lost, assert_nothing_shown_lost
from rxcombo.cli import main
from rxcombo.content import render_markdown
from rxcombo.content.shown import shown_page
from rxcombo.library import Library, load_library

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="session")
def corpus_library(corpus_dir: Path) -> Library:
    return load_library(corpus_dir / "composition", bodies=True)


def test_every_page_is_read_without_errors(corpus_library: Library) -> None:
    assert corpus_library.errors == []
    assert len(corpus_library.documents) == corpus_library.files_seen
    assert len(corpus_library.documents) >= 6000


def test_only_duplicate_ids_are_warned_about(corpus_library: Library) -> None:
    assert [p for p in corpus_library.warnings if "duplicate" not in p.message] == []


def test_nothing_is_lost_on_any_page(corpus_library: Library) -> None:
    for document in corpus_library.documents:
        assert_nothing_lost(document.path, document)


def test_nothing_is_hidden_on_any_page(corpus_library: Library) -> None:
    """What the window shows holds every line of every page (the issue counted 25 that hid text)."""
    for document in corpus_library.documents:
        assert_nothing_shown_lost(document.path, document, shown_page(document))


def test_every_section_title_is_clean(corpus_library: Library) -> None:
    for document in corpus_library.documents:
        for section in document.sections:
            title = section.title
            assert title.strip() == title and title, (document.path, title)
            assert "**" not in title and "__" not in title, (document.path, title)
            assert not title.endswith((":", "：")), (document.path, title)
            assert "\n" not in title


def test_every_page_has_a_title_drugs_and_something_to_show(corpus_library: Library) -> None:
    for document in corpus_library.documents:
        assert document.title and document.drugs, document.path
        assert all(drug == drug.strip() and drug for drug in document.drugs), document.path
        assert document.tabs, document.path


def test_duplicate_titles_get_distinct_ids(corpus_library: Library) -> None:
    by_title = collections.defaultdict(list)
    for document in corpus_library.documents:
        by_title[document.title].append(document)
    duplicated = {title: docs for title, docs in by_title.items() if len(docs) > 1}
    assert len(duplicated) == 48
    for title, documents in duplicated.items():
        ids = [d.id for d in documents]
        assert len(set(ids)) == len(ids), title
    all_ids = [d.id for d in corpus_library.documents]
    assert len(set(all_ids)) == len(all_ids)
    for document in corpus_library.documents:
        assert corpus_library.get(document.id) is document


def test_ids_are_stable_across_loads(corpus_dir: Path, corpus_library: Library) -> None:
    again = load_library(corpus_dir / "composition")
    assert {d.path: d.id for d in again.documents} == {d.path: d.id for d in corpus_library.documents}


def test_rendering_a_sample_is_safe(corpus_library: Library) -> None:
    sample = corpus_library.documents[::50]
    assert len(sample) > 100
    for document in sample:
        for tab in document.tabs:
            html = render_markdown(tab.body_markdown).lower()
            assert "<script" not in html and "<img" not in html and "<iframe" not in html
            for tag in re.findall(r"<[a-z][^>]*>", html):
                assert not re.search(r"\son[a-z]+=", tag), (document.path, tag)
                assert "style=" not in tag, (document.path, tag)


def test_subscripts_and_superscripts_survive_rendering(corpus_library: Library) -> None:
    """Pages write chemical formulas with raw <sub>; those must still render as <sub>."""
    with_sub = [tab for document in corpus_library.documents for tab in document.tabs
                if "<sub>" in tab.body_markdown]  # fmt: skip
    assert with_sub, "no corpus section uses <sub>"
    for tab in with_sub:
        html = render_markdown(tab.body_markdown)
        assert html.count("<sub>") == tab.body_markdown.count("<sub>")
        assert html.count("<sup>") == tab.body_markdown.count("<sup>")


def test_faq_answers_indented_by_three_spaces_nest_under_their_question(corpus_library: Library) -> None:
    """``a/aclidinium-formoterol.md`` writes each answer as a list item three spaces in."""
    document = next(d for d in corpus_library.documents if d.path.name == "aclidinium-formoterol.md")
    faqs = next(tab for tab in shown_page(document).tabs if tab.title.startswith("FAQ"))
    html = render_markdown(faqs.markdown)
    assert html.count("<ul>") > 1 and re.search(
        r"<li>\s*(<p>)?<strong>Q:.*?</strong>(</p>)?\s*<ul>", html, re.S
    )


def test_check_on_the_corpus_exits_0(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(corpus_dir / "composition"), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(": error: " in line for line in lines)
    assert re.fullmatch(r"\d+ pages, \d+ sections, \d+ drugs, \d+ warnings, 0 errors", lines[-1])
    assert int(lines[-1].split()[0]) >= 6000
