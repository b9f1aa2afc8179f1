"""Full-text search over the real corpus (skipped without it): every result's page holds the
words in its own file, the section named holds them, and no page holding a rare word is missed.

The checks read the page files and the content reader's sections; they share with the index
only the folding of case and accents.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers.fulltext import contains_query, corpus_cache
from rxcombo.content import read_page, render_markdown
from rxcombo.library import Library, load_library
from rxcombo.library.fulltext import open_text_index
from rxcombo.search.fulltext import FullTextIndex, TextQuery
from rxcombo.search.fulltext.plain import fold_text, plain_text, words_of

pytestmark = pytest.mark.corpus

QUERIES = [
    "rhabdomyolysis",
    "rhabdo",
    "warfarin",
    "warfarin bleeding",
    '"serotonin syndrome"',
    '"grapefruit juice"',
    "hepatotox",
    "qt prolongation",
    "lactic acidosis",
    "pain",
    "tablet",
    '"side effects"',
    "alcohol drowsiness",
    "pregnan breastfeed",
]
SECTIONED = [("warfarin", "Precautions"), ("bleeding", "Side Effects"), ("grapefruit", "FAQs")]


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, FullTextIndex]:
    cache = corpus_cache(tmp_path_factory.getbasetemp() / "fulltext-corpus", corpus_dir)
    return load_library(corpus_dir, cache_dir=cache), open_text_index(corpus_dir, cache)


def _file_words(library: Library, page_id: str) -> str:
    page = library.get(page_id)
    assert page is not None
    return page.path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("query", QUERIES)
def test_every_result_page_holds_the_words(corpus: tuple[Library, FullTextIndex], query: str) -> None:
    library, index = corpus
    hits = index.search(query, limit=200)
    assert hits, query
    for hit in hits:
        source = _file_words(library, hit.page_id)
        assert contains_query(source, query), (query, hit.page_id)
        section = read_page(library.get(hit.page_id).path).sections[hit.section_index]  # type: ignore[union-attr]
        assert section.title == hit.section
        assert contains_query(f"{hit.title} {section.title} {section.markdown}", query), (query, hit.page_id)
        for start, end in hit.snippet.spans:
            assert any(
                fold_text(hit.snippet.text[start:end]).startswith(word)
                for t in TextQuery.parse(query).terms
                for word in t.words
            )


@pytest.mark.parametrize(("query", "section"), SECTIONED)
def test_a_section_filter_on_real_pages(
    corpus: tuple[Library, FullTextIndex], query: str, section: str
) -> None:
    library, index = corpus
    hits = index.search(query, section=section, limit=None)
    assert hits
    for hit in hits:
        assert fold_text(hit.section) == fold_text(section)
        text = read_page(library.get(hit.page_id).path).sections[hit.section_index]  # type: ignore[union-attr]
        assert contains_query(f"{hit.title} {text.title} {text.markdown}", query)


@pytest.mark.parametrize("word", ["rhabdomyolysis", "warfarin", "grapefruit", "tinnitus", "agranulocytosis"])
def test_no_page_holding_a_word_is_missed(corpus: tuple[Library, FullTextIndex], word: str) -> None:
    """Counted in the page files themselves: the word as a word, anywhere a reader sees it."""
    library, index = corpus
    pattern = re.compile(rf"(?<![^\W_]){word}(?![^\W_])")
    holding = {
        document.id
        for document in library.documents
        if pattern.search(" ".join(words_of(document.path.read_text(encoding="utf-8", errors="replace"))))
    }
    found = {hit.page_id for hit in index.search(f'"{word}"', limit=None)}
    assert found == holding
    assert index.count_pages(f'"{word}"') == len(holding)
    if word == "rhabdomyolysis":
        assert len(holding) == 99  # as the issue counted on the site


def test_plain_text_keeps_every_word_a_reader_sees(corpus_dir: Path) -> None:
    """Compared with the real renderer's text (Python-Markdown + nh3) over 600 pages."""
    import nh3

    paths = sorted((corpus_dir / "composition").rglob("*.md"))[::10]
    differing = []
    for path in paths:
        for section in read_page(path).sections:
            shown = html.unescape(nh3.clean(render_markdown(section.body_markdown), tags=set()))
            ours = words_of(plain_text(section.body_markdown))
            joined = "".join(ours)
            missing = [word for word in words_of(shown) if word not in set(ours) and word not in joined]
            if missing:
                differing.append((path.name, section.title, missing))
    assert differing == []
