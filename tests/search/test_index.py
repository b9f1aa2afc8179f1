"""Search by drug name, on a small library of fake drugs, and on the real corpus when present."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

from rxcombo.content import fold, split_drugs
from rxcombo.library import Library, load_library
from rxcombo.search import Hit, MatchKind, SearchIndex, highlight_spans

TITLES = [
    "Testazepam",
    "Testazepam + Fakeprofen",
    "Fakeprofen",
    "Fakeprofen + Mockacillin",
    "Fakeprofenate",
    "Mockacillin",
    "Mockacillin + Fakeprofen + Testazepam",
    "Démoxine",
    "Omega-",
    "Vitamin Q + Sodium Fakeride",
]

# What a user expects for an empty query: A-Z, ignoring case and accents, word by word.
ALPHABETICAL = [
    "Démoxine",
    "Fakeprofen",
    "Fakeprofen + Mockacillin",
    "Fakeprofenate",
    "Mockacillin",
    "Mockacillin + Fakeprofen + Testazepam",
    "Omega-",
    "Testazepam",
    "Testazepam + Fakeprofen",
    "Vitamin Q + Sodium Fakeride",
]


@pytest.fixture(scope="module")
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("fake-library")
    for number, title in enumerate(TITLES):
        (root / f"page{number:02d}.md").write_text(
            f"---\ntitle: {title}\n---\n\n# {title}\n\nA made-up page for search tests.\n",
            encoding="utf-8",
        )
    library = load_library(root, bodies=True)
    assert library.problems == []
    return library


@pytest.fixture(scope="module")
def index(fake_library: Library) -> SearchIndex:
    return SearchIndex(fake_library.documents)


def titles(hits: list[Hit]) -> list[str]:
    return [hit.title for hit in hits]


# -- read back from the library cache ------------------------------------------------------

CACHED_QUERIES = ["", "fake", "testazepam fakeprofen", "mokacilin", "demox", "sodium q", "nothing"]


def _read_back(index: SearchIndex, times: int = 1) -> SearchIndex:
    for _ in range(times):
        index = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return index


@pytest.mark.parametrize("times", [1, 2])  # twice: a cache rewritten from a cached library
def test_an_index_read_back_from_the_cache_answers_as_the_one_built(index: SearchIndex, times: int) -> None:
    cached = _read_back(index, times)
    assert len(cached) == len(index)
    assert cached.search_rows("") == index.search_rows("")  # the first paint's list
    for query in CACHED_QUERIES:
        assert cached.search(query) == index.search(query), query
        assert list(cached.search_rows(query)) == list(index.search_rows(query)), query
    assert cached.vocabulary == index.vocabulary


def test_two_threads_searching_a_cached_index_first_both_get_full_answers(index: SearchIndex) -> None:
    # The warm-up thread and the typing thread may be the first to use a cached index.
    def search(cached: SearchIndex, start: threading.Barrier, answers: list[dict[str, list[Hit]]]) -> None:
        start.wait()
        answers.append({query: cached.search(query) for query in CACHED_QUERIES})

    expected = {query: index.search(query) for query in CACHED_QUERIES}
    for _ in range(20):
        cached, start = _read_back(index), threading.Barrier(2)
        answers: list[dict[str, list[Hit]]] = []
        threads = [threading.Thread(target=search, args=(cached, start, answers)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [expected, expected]


def test_hits_point_at_the_pages(index: SearchIndex, fake_library: Library) -> None:
    for hit in index.search("fake"):
        document = fake_library.documents[hit.index]
        assert (hit.id, hit.title) == (document.id, document.title)
        assert fake_library.get(hit.id) is document


def test_drug_names_keep_the_title_spelling_and_fold_for_matching(fake_library: Library) -> None:
    by_title = {d.title: d for d in fake_library.documents}
    assert by_title["Mockacillin + Fakeprofen + Testazepam"].drugs == [
        "Mockacillin",
        "Fakeprofen",
        "Testazepam",
    ]
    assert by_title["Omega-"].drugs == ["Omega-"]
    assert by_title["Omega-"].drug_keys == ["omega"]
    assert by_title["Démoxine"].drug_keys == ["demoxine"]
    assert by_title["Démoxine"].id == "demoxine"
    assert fake_library.drug("OMEGA") is not None and fake_library.drug("omega-") is not None


def test_drugs_are_split_on_plus_and_trimmed() -> None:
    assert split_drugs("  Testazepam  +Fakeprofen+   Vitamin  Q ") == [
        "Testazepam",
        "Fakeprofen",
        "Vitamin Q",
    ]
    assert split_drugs("Testazepam + + ") == ["Testazepam"]
    assert fold("  Ácido  Fakeico- ") == "acido fakeico"


def test_empty_query_lists_every_page_alphabetically(index: SearchIndex) -> None:
    assert titles(index.search("")) == ALPHABETICAL
    assert titles(index.search("  + , ")) == ALPHABETICAL
    assert titles(index.search("", limit=3)) == ALPHABETICAL[:3]


def test_exact_single_drug_page_comes_first(index: SearchIndex) -> None:
    hits = index.search("testazepam")
    assert hits[0].title == "Testazepam"
    assert hits[0].exact_page
    assert not any(hit.exact_page for hit in hits[1:])
    assert set(titles(hits)) == {
        "Testazepam",
        "Testazepam + Fakeprofen",
        "Mockacillin + Fakeprofen + Testazepam",
    }


def test_prefix_matches_word_starts_only(index: SearchIndex) -> None:
    assert set(titles(index.search("mock"))) == {
        "Mockacillin",
        "Fakeprofen + Mockacillin",
        "Mockacillin + Fakeprofen + Testazepam",
    }
    assert index.search("azepam") == []  # inside a word is not a prefix
    assert all(hit.kind is MatchKind.PREFIX for hit in index.search("mock"))


def test_prefix_of_a_later_word_in_a_drug_name(index: SearchIndex) -> None:
    assert titles(index.search("sod")) == ["Vitamin Q + Sodium Fakeride"]
    assert titles(index.search("q")) == ["Vitamin Q + Sodium Fakeride"]


def test_every_word_must_match_a_drug(index: SearchIndex) -> None:
    assert titles(index.search("test fake")) == [
        "Testazepam + Fakeprofen",
        "Mockacillin + Fakeprofen + Testazepam",
    ]
    assert index.search("test qqqqqq") == []
    assert index.search("demox mock") == []


def test_exact_combination_page_first_whatever_the_order(index: SearchIndex) -> None:
    for query in (
        "testazepam fakeprofen",
        "Fakeprofen Testazepam",
        "testazepam + fakeprofen",
        "testazepam,fakeprofen",
        "Testazepam+Fakeprofen",
        " testazepam ,, + fakeprofen ",
    ):
        hits = index.search(query)
        assert hits[0].title == "Testazepam + Fakeprofen", query
        assert hits[0].exact_page, query
        assert titles(hits[1:]) == ["Mockacillin + Fakeprofen + Testazepam"], query


def test_three_drug_query_in_any_order(index: SearchIndex) -> None:
    hits = index.search("testazepam, mockacillin, fakeprofen")
    assert titles(hits) == ["Mockacillin + Fakeprofen + Testazepam"]
    assert hits[0].exact_page


def test_exact_then_prefix_then_ties_alphabetical(index: SearchIndex) -> None:
    hits = index.search("fakeprofen")
    assert titles(hits) == [
        "Fakeprofen",  # the page that is exactly the query
        "Fakeprofen + Mockacillin",  # exact word, one other drug: tie broken A-Z...
        "Testazepam + Fakeprofen",  # ...with this one
        "Mockacillin + Fakeprofen + Testazepam",  # exact word, two other drugs
        "Fakeprofenate",  # only a prefix match
    ]
    assert [hit.kind for hit in hits] == [MatchKind.EXACT] * 4 + [MatchKind.PREFIX]


def test_matches_at_the_start_of_a_name_rank_above_inner_words(index: SearchIndex) -> None:
    hits = index.search("fake")
    assert hits[-1].title == "Vitamin Q + Sodium Fakeride"
    assert hits[0].title == "Fakeprofen"


def test_accents_are_ignored_both_ways(index: SearchIndex) -> None:
    for query in ("demoxine", "DÉMOXINE", "démox", "Demo"):
        assert titles(index.search(query)) == ["Démoxine"], query
    assert titles(index.search("tèstazépam"))[0] == "Testazepam"
    assert index.search("tèstazépam")[0].exact_page


def test_dangling_hyphen_is_not_part_of_the_name(index: SearchIndex) -> None:
    for query in ("omega", "Omega-", "ome"):
        assert titles(index.search(query)) == ["Omega-"], query
    assert index.search("omega")[0].exact_page


def test_typos_fall_back_to_fuzzy_matches(index: SearchIndex) -> None:
    for query, expected in (
        ("testazepan", "Testazepam"),
        ("tetsazepam", "Testazepam"),
        ("mockacilin", "Mockacillin"),
        ("fakeprofem", "Fakeprofen"),
    ):
        hits = index.search(query)
        assert hits, query
        assert hits[0].title == expected, query
        assert all(hit.kind is MatchKind.FUZZY for hit in hits), query
        assert not hits[0].exact_page


def test_partial_typo_matches_the_start_of_a_name(index: SearchIndex) -> None:
    hits = index.search("mokacil")
    assert set(titles(hits)) == {
        "Mockacillin",
        "Fakeprofen + Mockacillin",
        "Mockacillin + Fakeprofen + Testazepam",
    }
    assert hits[0].title == "Mockacillin"


def test_prefix_wins_over_fuzzy(index: SearchIndex) -> None:
    """A word that is a prefix of something is not also read as a typo of something else."""
    assert all(hit.kind is not MatchKind.FUZZY for hit in index.search("fakepro"))
    assert "Vitamin Q + Sodium Fakeride" not in titles(index.search("fakepro"))


def test_short_words_are_not_fuzzy(index: SearchIndex) -> None:
    assert index.search("zzz") == []
    assert index.search("qqqqqq") == []


def test_limit(index: SearchIndex) -> None:
    everything = index.search("fake")
    assert len(everything) > 3
    assert index.search("fake", limit=3) == everything[:3]
    assert index.search("fake", limit=0) == []


def test_highlight_spans_mark_matched_word_starts() -> None:
    assert highlight_spans("Testazepam + Fakeprofen", "test fake") == [(0, 4), (13, 17)]
    assert highlight_spans("Testazepam + Fakeprofen", "FAKEPROFEN") == [(13, 23)]
    assert highlight_spans("Vitamin Q + Sodium Fakeride", "sod q") == [(8, 9), (12, 15)]
    assert highlight_spans("Testazepam", "") == []
    assert highlight_spans("Testazepam", "azepam") == []


def test_highlight_spans_with_accents_and_folding() -> None:
    assert highlight_spans("Démoxine", "demo") == [(0, 4)]
    assert highlight_spans("Demoxine", "DÉMO") == [(0, 4)]
    # Decomposed accents (e + U+0301) stay inside the word and inside the highlight.
    assert highlight_spans("De\u0301moxine", "demo") == [(0, 5)]
    assert highlight_spans("De\u0301moxine", "de") == [(0, 3)]
    # "ß" folds to "ss": the span covers the original characters, not the folded ones.
    assert highlight_spans("Straßazepam", "strass") == [(0, 5)]
    assert highlight_spans("Straßazepam", "strassa") == [(0, 6)]


# ---------------------------------------------------------------------------- real corpus


@pytest.fixture(scope="module")
def corpus_index(corpus_dir: Path) -> SearchIndex:
    library = load_library(corpus_dir / "composition")
    return SearchIndex(library.documents)


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["alprazolam", "alpraz", "Alprazolam", "ALPRAZ"])
def test_corpus_alprazolam_page_first(corpus_index: SearchIndex, query: str) -> None:
    hits = corpus_index.search(query)
    assert hits[0].title == "Alprazolam"
    assert len(hits) > 1 and all("alprazolam" in hit.title.lower() for hit in hits)


@pytest.mark.corpus
def test_corpus_combination_page_first(corpus_index: SearchIndex) -> None:
    hits = corpus_index.search("gabapentin amitriptyline")
    assert hits[0].title == "Gabapentin + Amitriptyline"
    assert hits[0].exact_page


@pytest.mark.corpus
def test_corpus_prefixes_of_two_drugs(corpus_index: SearchIndex) -> None:
    assert corpus_index.search("alpra imip")[0].title == "Alprazolam + Imipramine"


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("query", "expected"),
    [("amitryptiline", "Amitriptyline"), ("amitryp", "Amitriptyline"), ("gabapentine", "Gabapentin")],
)
def test_corpus_typos(corpus_index: SearchIndex, query: str, expected: str) -> None:
    hits = corpus_index.search(query)
    assert hits[0].title == expected
    assert hits[0].kind is MatchKind.FUZZY
