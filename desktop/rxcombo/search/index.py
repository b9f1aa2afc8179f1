"""Search by drug name over a library's pages. Plain Python, no Qt.

Each word of the query must match a drug of the page: a case- and accent-insensitive
prefix of one of the drug's words (``alpra imip`` finds Alprazolam + Imipramine). A word
that is a prefix of nothing falls back to a typo-tolerant match (:mod:`rxcombo.search.similar`),
which the answer marks as a similar name (:mod:`rxcombo.search.answer`).

Ranking: the page that is exactly the queried drugs first; then matches at the start of a
drug name before matches inside one; then exact drug words, prefix, fuzzy; then pages with
fewer drugs the query left unnamed (``alpraz`` puts Alprazolam above its combinations);
ties alphabetical.
"""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from rxcombo.content.names import fold, tokens
from rxcombo.search.packed import PackedTables
from rxcombo.search.query import Query, QueryLike, prefix_range
from rxcombo.search.ranking import (
    ALPHA_MASK,
    MatchKind,
    RankKey,
    changed_words,
    key_exact,
    key_kind,
    key_unnamed,
    narrowed_order,
    narrows,
    pages_placed_again,
    query_hits,
    rank_key,
)
from rxcombo.search.similar import similar_words
from rxcombo.search.tables import drug_tables

RECENT_QUERIES = 128
Aliases = Mapping[int, Sequence[str]]  # other names of a page (a brand's), by page position


class Searchable(Protocol):
    """A page as the index reads it (a Document; the list's rows read it the same way)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def drugs(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class Hit:
    index: int  # position of the page in the sequence the index was built from
    id: str
    title: str
    exact_page: bool
    kind: MatchKind
    unnamed_drugs: int


def _bounded_put(memo: dict[Any, Any], key: Any, value: Any) -> None:
    """Insert, dropping the oldest entry past RECENT_QUERIES. The warm-up thread may touch
    the same memo; a lost race only costs a recomputation, never an error."""
    if len(memo) >= RECENT_QUERIES:
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            memo.pop(next(iter(memo)))
    memo[key] = value


class SearchIndex(PackedTables):
    """An inverted index from drug words to pages, built once per library.

    Cached packed (:mod:`rxcombo.search.packed`): listing the pages A-Z (a warm start's
    list, before any search) needs only the ids, titles and alphabetical order; the other
    tables are unpickled at the first search, or a turn of the event loop after the
    library is shown (:meth:`unpack`)."""

    KEPT_OUT = ("_ids", "_titles", "_alphabetical")
    MEMOS = ("_recent", "_kept", "_fuzzy_memo", "_typed")

    def __init__(self, pages: Sequence[Searchable], aliases: Aliases | None = None) -> None:
        """``aliases``: other names a page is found by (a brand's name finds its generic's
        page), by page position. They rank below the page's own drugs, and never make it
        "exactly the queried drugs"."""
        self._ids = [page.id for page in pages]
        self._titles = [page.title for page in pages]
        named = (aliases or {}).items()
        self._alias_words = {n: tuple(tuple(tokens(fold(a))) for a in names) for n, names in named}
        tables = drug_tables((page.drugs for page in pages), self._alias_words)
        self._drug_words = tables.drug_words
        self._word_counts = tables.word_counts
        self._postings = tables.postings
        self._vocabulary = sorted(self._postings)
        order = sorted(
            range(len(pages)), key=lambda i: (fold(self._titles[i]), self._titles[i], self._ids[i])
        )
        alpha_rank = [0] * len(pages)
        for rank, number in enumerate(order):
            alpha_rank[number] = rank
        # Arrays: 4 bytes a page each, where a list held an int object per page (a list's
        # ints unpickle as separate objects: 7 MB at 100,000 pages), and read back at once.
        self._alpha_rank = array("i", alpha_rank)
        self._alphabetical = array("i", order)
        self._recent: dict[tuple[object, ...], Sequence[int]] = {}
        self._kept: dict[tuple[str, ...], array[int]] = {}  # warm-up answers, compact
        self._fuzzy_memo: dict[str, list[str]] = {}
        self._typed: dict[tuple[str, ...], Sequence[int]] = {}  # search_rows' last answer

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def vocabulary(self) -> list[str]:
        return self._vocabulary

    def _prefix_words(self, word: str) -> list[str]:
        start, end = prefix_range(self._vocabulary, word)
        return self._vocabulary[start:end]

    def fuzzy_words(self, word: str) -> list[str]:
        """Vocabulary words that ``word`` is a typo of, or a typo of the start of."""
        found = self._fuzzy_memo.get(word)
        if found is None:
            found = self._fuzzy_words(word)
            _bounded_put(self._fuzzy_memo, word, found)
        return found

    def _fuzzy_words(self, word: str) -> list[str]:
        return similar_words(word, self._vocabulary)

    def _signature(self, word: str) -> tuple[object, ...]:
        """What a query word matched, compactly: equal signatures give equal results, so
        typing on through a long name ("blipo", "blipol"…) re-ranks nothing."""
        start, end = prefix_range(self._vocabulary, word)
        if end > start:
            return ("prefix", start, end, self._vocabulary[start] == word)
        return ("fuzzy", *self.fuzzy_words(word))

    def matching_words(self, word: str) -> dict[str, MatchKind]:
        """Every vocabulary word the query word matches, with how well."""
        found = {candidate: MatchKind.PREFIX for candidate in self._prefix_words(word)}
        if word in found:
            found[word] = MatchKind.EXACT
        if not found:
            found = dict.fromkeys(self.fuzzy_words(word), MatchKind.FUZZY)
        return found

    def matched_vocabulary(self, query: QueryLike) -> set[str]:
        """Every drug word some word of the query matched (for showing matching drugs)."""
        found: set[str] = set()
        for word in Query.of(query).words:
            found.update(self.matching_words(word))
        return found

    def prefix_pages(self, prefix: str) -> int:
        """At most how many pages have a drug word starting with ``prefix``: an upper bound
        (a page with two such words counts twice), quick enough to ask of every prefix."""
        return sum(len(self._postings[word]) for word in self._prefix_words(prefix))

    def _pages_for(self, matches: dict[str, int]) -> dict[int, int]:
        best: dict[int, int] = {}
        for word, kind in matches.items():
            for number in self._postings[word]:
                current = best.get(number)
                if current is None or kind < current:
                    best[number] = kind
        return best

    def search_rows(self, query: QueryLike) -> Sequence[int]:
        """Just the ranked positions: what a list view needs on every keystroke.

        Recent answers are kept: typing back over a query, or a query warmed up in the
        background (see :meth:`warm_up`), costs a dictionary look-up. A letter typed on
        narrows the last answer rather than ranking every page again (see
        :mod:`rxcombo.search.ranking`).
        """
        words = Query.of(query).words
        if not words:
            return self._alphabetical
        rows: Sequence[int] | None = self._kept.get(words)
        if rows is None:
            signature = tuple(self._signature(word) for word in words)
            rows = self._recent.get(signature)
            if rows is None:
                per_word = [self._matches(word) for word in words]  # once, for either way
                rows = self._narrowed(words, signature, per_word)
                if rows is None:
                    rows = self._rows_of(self._ranked(list(words), per_word))
                _bounded_put(self._recent, signature, rows)
        self._typed.clear()  # the last answer only: what the next letter typed narrows
        self._typed[words] = rows
        return rows

    def warm_up(self, queries: Iterable[str], stop: Callable[[], bool] = lambda: False) -> int:
        """Answer these queries ahead of time and keep the answers (the one- and two-letter
        ones are the costliest: thousands of pages to rank); how many were ranked now."""
        ranked = 0
        for query in queries:
            if stop():
                break
            words = Query.of(query).words
            if words and words not in self._kept:
                # Not through search_rows: its memo belongs to the typing thread.
                self._kept[words] = array("i", self._rows_of(self._ranked(list(words))))
                ranked += 1
        return ranked

    def warm_answers(self) -> dict[tuple[str, ...], array[int]]:
        """The answers :meth:`warm_up` has (by query words), to keep for the next start."""
        return dict(self._kept)

    def keep_warm_answers(self, answers: dict[tuple[str, ...], array[int]]) -> None:
        """Take answers an earlier :meth:`warm_up` of this same library gave."""
        for words, rows in answers.items():
            self._kept.setdefault(words, rows)

    def search(self, query: QueryLike, limit: int | None = None) -> list[Hit]:
        words = Query.of(query).words
        if not words:
            order: Iterable[int] = self._alphabetical if limit is None else self._alphabetical[:limit]
            return [self._hit(n, False, MatchKind.EXACT, 0) for n in order]
        keys = self._ranked(list(words))
        if limit is not None:
            keys = keys[:limit]
        return [
            self._hit(number, key_exact(key), key_kind(key), key_unnamed(key))
            for key, number in zip(keys, self._rows_of(keys), strict=True)
        ]

    def _matches(self, word: str) -> dict[str, int]:
        """:meth:`matching_words` with plain ints, as the rank keys compare them."""
        return {w: int(k) for w, k in self.matching_words(word).items()}

    def _ranked(self, words: list[str], per_word: list[dict[str, int]] | None = None) -> list[RankKey]:
        """The keys of the pages found, sorted; ``per_word``: each word's matches, when already known."""
        if per_word is None:
            per_word = [self._matches(word) for word in words]
        if any(not matches for matches in per_word):
            return []
        per_word_pages = sorted((self._pages_for(m) for m in per_word), key=len)
        candidates: Iterable[int] = per_word_pages[0]
        for pages in per_word_pages[1:]:
            candidates = [n for n in candidates if n in pages]
            if not candidates:
                return []
        key_of = self._key_of(words, per_word)
        keys = [key_of(number) for number in candidates]
        keys.sort()
        return keys

    def _rows_of(self, keys: Sequence[RankKey]) -> list[int]:
        """The pages of these keys, in order (a key ends with its page's alphabetical rank)."""
        alphabetical = self._alphabetical
        return [alphabetical[key & ALPHA_MASK] for key in keys]

    def _key_of(self, words: Sequence[str], per_word: list[dict[str, int]]) -> Callable[[int], RankKey]:
        """A page's rank key for this query."""
        tables = self._drug_words, self._alias_words, self._word_counts, self._alpha_rank
        return partial(rank_key, tables, query_hits(per_word), len(per_word), len(frozenset(words)))

    def _narrowed(
        self,
        words: tuple[str, ...],
        signature: tuple[tuple[object, ...], ...],
        per_word: list[dict[str, int]],
    ) -> list[int] | None:
        """The rows of ``words`` from the last answer's, when they only narrow it (see
        :mod:`rxcombo.search.ranking`); None when every page must be ranked."""
        last = next(iter(self._typed.items()), None)
        if last is None or not narrows(last[0], words) or signature[-1][0] != "prefix":
            return None
        if self._signature(last[0][-1])[0] != "prefix":  # it found typos: not a narrower set
            return None
        before = self._matches(last[0][-1])
        found = self._pages_for(per_word[-1])
        changed = changed_words(before, per_word[-1])
        placed = pages_placed_again(self._postings, changed, found)
        if placed is None:
            return None
        if not placed:  # the same order less the pages not found: no key (nor table) to make
            return [number for number in last[1] if number in found]
        return narrowed_order(last[1], found, placed, self._key_of(words, per_word))

    def _hit(self, number: int, exact_page: bool, kind: MatchKind, unnamed: int) -> Hit:
        return Hit(number, self._ids[number], self._titles[number], exact_page, kind, unnamed)
