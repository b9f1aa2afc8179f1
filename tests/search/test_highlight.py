"""The letters a list row shows in bold: the quick way for ASCII titles answers as the
character-by-character way every title can take."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from rxcombo.search import Query, highlight_spans
from rxcombo.search.highlight import _spans

# Letters a query can share with a title, and the separators titles have.
TITLE = st.text(alphabet="abcAB09 +-/()_.,'\t", max_size=40)
QUERY = st.text(alphabet="abcAB09 +-", max_size=12)


@given(TITLE, QUERY)
@example("Vitamin B12 + Folic Acid", "b1 fol")
@example("Omega-3 Acid Ethyl Esters", "omega 3 ac")
def test_ascii_titles_are_highlighted_as_the_long_way_highlights_them(title: str, query: str) -> None:
    words = Query.parse(query).words
    assert highlight_spans(title, query) == (_spans(title, words) if words else [])


def test_a_title_with_accents_still_takes_the_long_way() -> None:
    # "é" folds to "e": the query "fe" matches its first two letters, accent included.
    assert highlight_spans("Fénofibrate + Testazepam", "fe test") == [(0, 2), (14, 18)]
