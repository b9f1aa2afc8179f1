"""Typing on narrows the last answer instead of ranking every page again: the rows listed are
always the rows a fresh ranking gives, and the narrowing is what answers when it can."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rxcombo.search import Query, SearchIndex, ranking
from rxcombo.search import index as index_module
from rxcombo.search.ranking import MatchKind


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    drugs: tuple[str, ...]


def make_index(pages: list[list[str]], aliases: dict[int, list[str]] | None = None) -> SearchIndex:
    made = [Page(f"page-{n}", " + ".join(drugs), tuple(drugs)) for n, drugs in enumerate(pages)]
    return SearchIndex(made, {n: names for n, names in (aliases or {}).items() if n < len(pages)})


def ranked_afresh(index: SearchIndex, text: str) -> list[int]:
    words = list(Query.parse(text).words)
    return index._rows_of(index._ranked(words)) if words else list(index._alphabetical)


# Few letters, so that names share their starts and every letter typed narrows something.
WORD = st.text(alphabet="abé", min_size=1, max_size=5)
DRUG = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
PAGES = st.lists(st.lists(DRUG, min_size=1, max_size=3), min_size=1, max_size=40)
ALIASES = st.dictionaries(st.integers(0, 39), st.lists(DRUG, min_size=1, max_size=2), max_size=5)
TYPED = st.lists(st.lists(WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(pages=PAGES, aliases=ALIASES, queries=TYPED, back=st.integers(0, 4), warm=st.booleans())
@example(
    pages=[["ab"], ["a b"], ["b"]], aliases={}, queries=["a b"], back=2, warm=False
)  # "a" then "a b": a word more
@example(
    pages=[["a"], ["ab"], ["b"]], aliases={2: ["a b"]}, queries=["ab"], back=2, warm=False
)  # "a" exact, then gone; an alias
@example(pages=[["ba"], ["bab"]], aliases={}, queries=["bab"], back=2, warm=False)  # "ba" exact, then not
@example(
    pages=[["ab"], ["aba"]], aliases={}, queries=["aa ab"], back=2, warm=False
)  # "aa" finds nothing: nor may "aa ab"
def test_rows_typed_letter_by_letter_are_the_rows_ranked_afresh(
    pages: list[list[str]], aliases: dict[int, list[str]], queries: list[str], back: int, warm: bool
) -> None:
    """Each query typed letter by letter, then ``back`` letters taken back, the next one
    typed over it; with the warm-up's answers kept beforehand or not."""
    typed = make_index(pages, aliases)
    fresh = make_index(pages, aliases)
    if warm:
        typed.warm_up(["a", "b", "ab", "ba"])
    for query in queries:
        ends = [*range(1, len(query) + 1), *range(len(query) - 1, max(0, len(query) - 1 - back), -1)]
        for end in ends:
            assert list(typed.search_rows(query[:end])) == ranked_afresh(fresh, query[:end]), query[:end]


def test_a_letter_typed_on_ranks_only_the_pages_it_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100,000 pages ranking every page found by a third letter takes 32 ms. Here "bli"
    drops the "Bla…" pages and places one page again: "Bladoxin + Blinoxide", which now
    has a drug the query leaves unnamed (it ranks below the pages of one "Bli…" drug)."""
    pages = [[f"Bli{suffix}"] for suffix in ("pamol", "ntozine", "zarol", "potrexate")] * 20
    pages += [[f"Bla{suffix}"] for suffix in ("doxin", "nocillin")] * 20
    pages += [["Bladoxin", "Blinoxide"]]
    index = make_index(pages)
    keys_made: list[int] = []
    rank_key = index_module.rank_key

    def counting(*args: object) -> object:
        keys_made.append(1)
        return rank_key(*args)  # type: ignore[arg-type]

    expected = {text: ranked_afresh(make_index(pages), text) for text in ("bli", "blin")}
    monkeypatch.setattr(index_module, "rank_key", counting)
    index.search_rows("bl")
    assert len(keys_made) == len(pages)  # the first query ranks every page it found
    keys_made.clear()
    rows = index.search_rows("bli")
    assert rows == expected["bli"]
    assert len(rows) == 81 and 0 < len(keys_made) < 20  # one page placed again, by bisection
    assert index._titles[rows[-1]] == "Bladoxin + Blinoxide"
    keys_made.clear()
    rows = index.search_rows("blin")
    assert [index._titles[n] for n in rows][:2] == ["Blintozine", "Blintozine"]
    assert rows == expected["blin"] and len(keys_made) < 20


def test_a_typo_or_another_word_ranks_every_page_again() -> None:
    """Matches by similar spelling are not a narrower set of pages: ranked afresh."""
    pages = [["Testazepam"], ["Testapine"], ["Fakeprofen"], ["Testazepam", "Fakeprofen"]]
    index = make_index(pages)
    for text in ("tesx", "tesxa", "testa", "testa f", "testa fa", "tes", "testaz"):
        assert list(index.search_rows(text)) == ranked_afresh(make_index(pages), text), text


FIELDS = st.tuples(
    st.booleans(),
    st.integers(0, 2),  # position: a start, inside a name, not matched
    st.sampled_from(list(MatchKind)),
    st.integers(0, 65535),  # drugs left unnamed, up to the 16 bits the key keeps (then clamped)
    st.integers(0, 2**32 - 1),  # alphabetical rank
)


@given(st.lists(FIELDS, min_size=2, max_size=8, unique_by=lambda f: f[4]))  # a rank per page
def test_packed_keys_sort_as_the_rank_tuples_and_give_their_fields_back(fields: list) -> None:
    """Pages are sorted by one int per page: the order must be the tuple order the ranking
    is defined by, and a hit's kind, unnamed drugs and exactness must come back out."""
    packed = {ranking.pack_key(*each): each for each in fields}
    as_tuples = sorted(fields, key=lambda f: (not f[0], f[1], f[2], f[3], f[4]))
    as_keys = [packed[key] for key in sorted(packed)]
    assert [(not f[0], *f[1:]) for f in as_keys] == [(not f[0], *f[1:]) for f in as_tuples]
    for key, (exact, _position, kind, unnamed, alpha) in packed.items():
        assert ranking.key_exact(key) is exact and ranking.key_kind(key) is kind
        assert ranking.key_unnamed(key) == unnamed and key & ranking.ALPHA_MASK == alpha


def test_a_page_with_more_unnamed_drugs_than_the_key_holds_still_ranks_last_of_its_kind() -> None:
    most = ranking.pack_key(False, 0, MatchKind.PREFIX, 65535, 7)
    beyond = ranking.pack_key(False, 0, MatchKind.PREFIX, 70000, 3)
    assert ranking.key_unnamed(beyond) == 65535 and beyond & ranking.ALPHA_MASK == 3
    assert ranking.pack_key(False, 0, MatchKind.PREFIX, 65534, 9) < beyond < most  # then A-Z
