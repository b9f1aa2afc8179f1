"""Which queries are answered ahead of the user: every one-letter one, and the two-letter ones
that list many pages (the others answer in about 2 ms when typed)."""

from __future__ import annotations

from helpers.pages import SearchablePage as Page
from rxcombo.search import SearchIndex, warm_up_queries
from rxcombo.search.warmup import WARM_FROM_PAGES


def _index() -> SearchIndex:
    many = [Page(f"tes-{n}", f"Testazepam {n}", [f"Testazepam {n}"]) for n in range(WARM_FROM_PAGES)]
    few = [Page(f"fak-{n}", f"Fakeprofen {n}", [f"Fakeprofen {n}"]) for n in range(5)]
    return SearchIndex([*many, *few, Page("zop", "Zoplacebo", ["Zoplacebo"])])


def test_every_one_letter_query_is_warmed_and_the_two_letter_ones_that_list_many_pages() -> None:
    queries = warm_up_queries(_index())
    assert {"t", "f", "z"} <= set(queries)
    assert "te" in queries  # 250 pages
    assert "fa" not in queries and "zo" not in queries  # 5 pages, 1 page: quick when typed
    assert queries.index("te") > max(queries.index(letter) for letter in "tfz")  # one letter first


def test_the_warmed_answers_are_the_ones_typing_gets() -> None:
    index, fresh = _index(), _index()
    index.warm_up(warm_up_queries(index))
    for query in ("t", "te", "f", "fa", "z"):
        assert list(index.search_rows(query)) == list(fresh.search_rows(query)), query
