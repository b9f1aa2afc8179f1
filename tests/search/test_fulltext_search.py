"""Full-text search on a small library of made-up pages: words, prefixes, phrases, sections,
accents, ranking, snippets and hostile queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.fulltext import HOSTILE, PAGES, contains_query, index_library, write_library
from rxcombo.search.fulltext import FullTextIndex, TextHit, highlight
from rxcombo.search.fulltext.plain import fold_text
from rxcombo.search.fulltext.text_query import TextQuery


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> FullTextIndex:
    base = tmp_path_factory.mktemp("fulltext")
    _library, stats, found = index_library(write_library(base / "pages"), base / "cache")
    assert stats.complete and stats.indexed == len(PAGES) and stats.unreadable == 0
    return found


def titles(hits: list[TextHit]) -> list[str]:
    return [hit.title for hit in hits]


def test_a_word_finds_the_pages_and_the_section_that_hold_it(index: FullTextIndex) -> None:
    (hit,) = index.search("rhabdomyolysis")
    assert (hit.title, hit.page_id, hit.section, hit.section_index) == (
        "Testazepam", "testazepam", "Side Effects", 2,
    )  # fmt: skip
    assert hit.key == "testazepam.md"
    assert index.count_pages("rhabdomyolysis") == 1
    assert index.search("nowhere") == [] and index.count_pages("nowhere") == 0


def test_every_term_must_be_in_one_section(index: FullTextIndex) -> None:
    assert titles(index.search("fakarin bleeding")) == ["Fakarin", "Testazepam"]
    # "muscle" and "bleeding" are both on Testazepam's page, but in two sections.
    assert index.search("muscle bleeding") == []
    # The page title counts as part of every section of its page.
    assert titles(index.search("shamoxetine receptor")) == ["Shamoxetine"]


def test_a_prefix_finds_the_words_it_starts(index: FullTextIndex) -> None:
    assert titles(index.search("rhabdo")) == ["Testazepam"]
    assert titles(index.search("RHA")) == ["Testazepam"]
    assert index.search("rh") == []  # two letters: the whole word only
    assert titles(index.search("anticoag")) == ["Fakarin"]


def test_a_phrase_needs_its_words_in_order(index: FullTextIndex) -> None:
    found = titles(index.search('"side effects of"'))
    assert found == ["Fakarin"]
    assert "Shamoxetine" not in titles(index.search('"side of the page effects"'))
    assert titles(index.search('"effects on the side"')) == ["Shamoxetine"]
    assert titles(index.search('"pretend bleed')) == ["Fakarin", "Testazepam"]  # still typing


def test_section_titles_are_searched_and_weighted_up(index: FullTextIndex) -> None:
    # "interactions" is a section title on two pages and only text on none.
    hits = index.search("interactions")
    assert {hit.title for hit in hits} == {"Testazepam", "Fakeprofen + Mockacillin"}
    assert all(hit.section == "Interactions" for hit in hits)
    # Fakarin's own page (title) ranks above pages that only mention it.
    assert titles(index.search("fakarin"))[0] == "Fakarin"


def test_a_section_filter_keeps_sections_of_that_title(index: FullTextIndex) -> None:
    hits = index.search("fakarin", section="Interactions")
    assert sorted(titles(hits)) == ["Fakeprofen + Mockacillin", "Testazepam"]
    assert {hit.section for hit in hits} == {"Interactions"}
    assert titles(index.search("fakarin", section="interactions")) == titles(hits)  # folded
    assert index.search("fakarin", section="Interact") == []  # the whole title, not a start
    assert index.search("fakarin", section="!!!") == []
    assert index.count_pages("made", section="Side Effects") == 3
    assert index.count_pages("made", section="Overview") == 1
    assert index.count_pages("pretend", section="Side Effects") == 0
    assert index.count_pages("pretend") == 5


def test_accents_and_case_are_folded(index: FullTextIndex) -> None:
    for query in ("acido folico", "ÁCIDO FÓLICO", "Acido Fo\u0301lico", '"acido folico"'):
        assert titles(index.search(query)) == ["Fakeprofen + Mockacillin"], query
    snippet = index.search("acido folico")[0].snippet
    assert [snippet.text[start:end] for start, end in snippet.spans] == ["Ácido", "fólico"]
    assert sorted(titles(index.search("folico"))) == ["Démoxine", "Fakeprofen + Mockacillin"]
    assert titles(index.search("demoxine")) == ["Démoxine"]
    assert [("Démoxine"[s:e]) for s, e in highlight("Démoxine", "demox")] == ["Démoxine"]
    assert highlight("Démoxine", "x") == []


def test_snippets_show_the_words_found(index: FullTextIndex) -> None:
    hit = index.search("bleed")[0]
    spans = hit.snippet.spans
    assert spans and all(fold_text(hit.snippet.text[s:e]).startswith("bleed") for s, e in spans)
    assert "**" not in hit.snippet.text and "<b>" not in index.search("invented")[0].snippet.text
    # Link targets are not text a reader sees; the link's words are.
    assert index.search("secretword") == [] and titles(index.search("described here")) == [
        "Fakeprofen + Mockacillin"
    ]


def test_limit_and_section_titles(index: FullTextIndex) -> None:
    assert len(index.search("pretend", limit=2)) == 2
    assert index.search("pretend", limit=0) == []
    assert len(index.search("pretend", limit=None)) == 5
    titles_found = {item.title: item.pages for item in index.section_titles()}
    assert titles_found["Side Effects"] == 3 and titles_found["Usage"] == 4
    assert "Overview" in titles_found  # Testazepam's text before its first heading
    assert index.page_count() == len(PAGES) and index.complete and index.available


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_words(index: FullTextIndex, query: str) -> None:
    hits = index.search(query)
    for hit in hits:
        assert contains_query(_page_text(hit), query)


def test_every_page_holding_the_words_is_found_and_no_other(index: FullTextIndex) -> None:
    """Checked against the page text by plain string search, section by section."""
    for query in ("pretend", "made", "fak", '"made up"', "side", "tests fictional", "the", "a", "it is"):
        expected = {
            title
            for title, sections in PAGES.items()
            if any(contains_query(f"{title} {name} {text}", query) for name, text in sections.items())
        }
        hits = index.search(query, limit=None)
        assert set(titles(hits)) == expected, query
        assert len(hits) == index.count_pages(query) == len(expected), query


def _page_text(hit: TextHit) -> str:
    sections = PAGES[hit.title]
    return " ".join([hit.title, *sections, *sections.values()])


def test_a_query_can_be_parsed_once(index: FullTextIndex) -> None:
    parsed = TextQuery.parse("rhabdo")
    assert index.search(parsed) == index.search("rhabdo")


def test_no_index_yet_answers_nothing(tmp_path: Path) -> None:
    empty = FullTextIndex(tmp_path / "none.sqlite3", str(tmp_path))
    assert not empty.available and not empty.complete
    assert empty.search("x") == [] and empty.count_pages("x") == 0 and empty.section_titles() == []


def test_what_is_ranked_depends_on_what_ranking_costs(tmp_path: Path, monkeypatch) -> None:
    from rxcombo.search.fulltext import build
    from rxcombo.search.fulltext import index as index_module

    monkeypatch.setattr(build, "BULK_TERMS", 0)  # the vocabulary with its counts, from FTS5
    _library, _stats, index = index_library(write_library(tmp_path / "pages"), tmp_path / "cache")
    ranked = index.search("pretend fakarin", limit=None)
    assert all(hit.score is not None for hit in ranked)
    # A word in too many sections does not count in the ranking; the answer is the same set.
    monkeypatch.setattr(index_module, "RANKED_TERM_MAX", 5)  # fakarin: 5 sections, pretend: 6
    fewer = index.search("pretend fakarin", limit=None)
    assert {hit.page_id for hit in fewer} == {hit.page_id for hit in ranked}
    assert all(hit.score is not None for hit in fewer)
    assert all(hit.score is None for hit in index.search("pretend", limit=None))  # nothing rare to rank by
    # Too many sections found: the library's order, unranked.
    monkeypatch.setattr(index_module, "RANKED_MAX", 2)
    many = index.search("pretend", limit=None)
    assert [hit.score for hit in many] == [None] * 5
    assert [hit.key for hit in many] == sorted(hit.key for hit in many)  # first indexed first
    assert len(index.search("pretend", limit=2)) == 2
