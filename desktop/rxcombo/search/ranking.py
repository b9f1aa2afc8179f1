"""Ranking a query's pages again from the previous query's order, when one more letter
only narrows it.

Typing a name, each letter usually narrows the query: "bli" after "bl" matches fewer drug
words. A page's rank key depends only on which of its own words the query matches, and
how well (see :mod:`rxcombo.search.index`), and its alphabetical rank makes every key
distinct. So from one letter to the next, a page keeps its key unless one of its words
stopped matching or now matches differently: the pages still found keep their previous
order, and only those few are placed again, by bisection on the keys (each page's key is
computed once, when a comparison first needs it). At 100,000 pages, ranking "bli" anew
computes 10,439 keys (32 ms); narrowed from "bl", a few dozen. When many pages changed, or
the query changed in another way, the caller ranks every page as before. Plain Python,
no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any

# A rank key is one int that compares as the tuple it packs: (not exactly the queried drugs,
# worst position, worst match kind, drugs left unnamed, alphabetical rank), from the high
# bits down. Sorting 10,000 ints takes a tenth of the time sorting those tuples did, and the
# alphabetical rank in the low bits names the page (every key distinct).
RankKey = int
ALPHA_BITS = 32
ALPHA_MASK = (1 << ALPHA_BITS) - 1
UNNAMED_BITS = 16
_UNNAMED_MAX = (1 << UNNAMED_BITS) - 1
_KIND_SHIFT = ALPHA_BITS + UNNAMED_BITS
_EXACT_SHIFT = _KIND_SHIFT + 4  # above 2 bits of kind and 2 of position
# The index's tables a key reads: each page's drugs' words, its aliases' words (a brand's),
# its count of distinct drug words, its alphabetical rank.
Words = tuple[tuple[str, ...], ...]  # a page's drugs (or aliases), each as its words
Tables = tuple[Sequence[Words], Mapping[int, Words], Sequence[int], Sequence[int]]


class MatchKind(IntEnum):
    EXACT = 0
    PREFIX = 1
    FUZZY = 2


_EXACT, _FUZZY = int(MatchKind.EXACT), int(MatchKind.FUZZY)
_UNMATCHED = 2 << 2 | _FUZZY  # position 2: no word of the page matched


def pack_key(exact_page: bool, position: int, kind: int, unnamed: int, alpha_rank: int) -> RankKey:
    """The key that compares as the tuple (not exact_page, position, kind, unnamed, alpha_rank)."""
    high = ((0 if exact_page else 4) | position) << 2 | kind
    return high << _KIND_SHIFT | min(unnamed, _UNNAMED_MAX) << ALPHA_BITS | alpha_rank


def key_exact(key: RankKey) -> bool:
    """The page is exactly the queried drugs."""
    return key >> _EXACT_SHIFT == 0


def key_kind(key: RankKey) -> MatchKind:
    """How the query's worst-matched word matched."""
    return MatchKind(key >> _KIND_SHIFT & 3)


def key_unnamed(key: RankKey) -> int:
    """How many of the page's drugs the query left unnamed."""
    return key >> ALPHA_BITS & _UNNAMED_MAX


Hits = Mapping[str, tuple[tuple[int, int], ...]]  # a drug word -> (query word's slot, match kind)


def query_hits(per_word: Sequence[Mapping[str, int]]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Each word's matches merged into one table, made once per query: a page's words are
    then looked up once each, not once per query word (most of them match none)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for slot, matches in enumerate(per_word):
        for word, kind in matches.items():
            hits.setdefault(word, []).append((slot, int(kind)))
    return {word: tuple(found) for word, found in hits.items()}


def rank_key(tables: Tables, hits: Hits, slots: int, query_size: int, number: int) -> RankKey:
    """Sort key of one candidate page (see :mod:`rxcombo.search.index` for the order).
    ``hits``: :func:`query_hits` of the query's ``slots`` words.

    A query word "starts" a match when it matches a drug's first word, or the word after
    one another query word matched ("sodium chloride"): a single ``a`` should list
    Abacavir before "Hepatitis A Vaccine".
    """
    drug_words, alias_words, word_counts, alpha_rank = tables
    # Each slot's best (position, kind) as one int, position << 2 | kind: compared as the pair.
    best = [_UNMATCHED] * slots
    unnamed = 0
    for drug in drug_words[number]:
        previous_matched = True  # a drug's first word is a start
        named = False
        for drug_word in drug:
            found = hits.get(drug_word)
            if found is None:
                previous_matched = False
                continue
            start = 0 if previous_matched else 4  # position 0 or 1
            for slot, kind in found:
                if start | kind < best[slot]:
                    best[slot] = start | kind
            previous_matched = named = True
        unnamed += not named
    by_alias = False
    for alias in alias_words.get(number, ()):
        for alias_word in alias:
            for slot, kind in hits.get(alias_word, ()):
                if 4 | kind < best[slot]:
                    best[slot] = 4 | kind  # never a start: below the page's own drugs
                    by_alias = True
    worst = max(best)
    worst_kind = worst & 3
    exact_page = worst_kind == _EXACT and word_counts[number] == query_size and not by_alias
    return pack_key(exact_page, worst >> 2, worst_kind, unnamed, alpha_rank[number])


def narrows(previous: Sequence[str], words: Sequence[str]) -> bool:
    """``words`` can only find what ``previous`` found: the same words, the last one
    longer (typed on). Equal counts of distinct words, too: a page is "exactly the queried
    drugs" by that count."""
    return (
        len(words) == len(previous) > 0
        and tuple(words[:-1]) == tuple(previous[:-1])
        and words[-1] != previous[-1]
        and words[-1].startswith(previous[-1])
        and len(set(words)) == len(set(previous))
    )


def changed_words(before: Mapping[str, int], after: Mapping[str, int]) -> list[str]:
    """The words matched before and not now, or matched differently now."""
    return [word for word, kind in before.items() if after.get(word) != kind]


def pages_placed_again(
    postings: Mapping[str, Sequence[int]], changed: Iterable[str], found: Collection[int]
) -> set[int] | None:
    """The pages found that hold a changed word; None when ranking every page found costs
    less than placing them (each by bisection: about log2 of the pages' keys)."""
    most = len(found) // (len(found).bit_length() + 1)
    placed: set[int] = set()
    for word in changed:
        placed.update(number for number in postings.get(word, ()) if number in found)
        if len(placed) > most:
            return None
    return placed


def narrowed_order(
    previous: Sequence[int], found: Container[int], placed: set[int], key_of: Callable[[int], Any]
) -> list[int]:
    """``previous`` without the pages no longer found, and with those in ``placed`` put
    again where their key goes (every key distinct: one order only). A page can only be
    found now if it was before: ``placed`` counts only among ``previous``."""
    order: list[int] = []
    again: list[int] = []
    for number in previous:
        if number in found:
            (again if number in placed else order).append(number)
    keys: dict[int, Any] = {}

    def key(number: int) -> Any:
        found_key = keys.get(number)
        if found_key is None:
            found_key = keys[number] = key_of(number)
        return found_key

    for number in sorted(again, key=key):
        order.insert(bisect.bisect_left(order, key(number), key=key), number)
    return order
