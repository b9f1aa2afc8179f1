"""Ranking a query's pages again from the previous query's order, when one more letter
only narrows it.

Typing a name, each letter usually narrows the query: "bli" after "bl" matches fewer drug
words. A page's rank key depends only on which of its own words the query matches, and
how well (see :mod:`rxcombo.search.index`), and its alphabetical rank makes every key
distinct. So from one letter to the next, a page keeps its key unless one of its words
stopped matching or now matches differently: the pages still found keep their previous
order, and only those few are placed again, by bisection on the keys (each page's key is
computed once, when a comparison first needs it). At 100,000 pages, ranking "bli" anew
computes 10,439 keys (54 ms); narrowed from "bl", a few dozen. When many pages changed, or
the query changed in another way, the caller ranks every page as before. Plain Python,
no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any

RankKey = tuple[int, int, int, int, int]
# The index's tables a key reads: each page's drugs' words, its aliases' words (a brand's),
# its count of distinct drug words, its alphabetical rank.
Words = tuple[tuple[str, ...], ...]  # a page's drugs (or aliases), each as its words
Tables = tuple[Sequence[Words], Mapping[int, Words], Sequence[int], Sequence[int]]


class MatchKind(IntEnum):
    EXACT = 0
    PREFIX = 1
    FUZZY = 2


_EXACT, _FUZZY = int(MatchKind.EXACT), int(MatchKind.FUZZY)


def rank_key(
    tables: Tables, per_word: list[dict[str, int]], query_size: int, number: int
) -> tuple[RankKey, bool]:
    """Sort key of one candidate page, and whether it is exactly the queried drugs (see
    :mod:`rxcombo.search.index` for the order).

    A query word "starts" a match when it matches a drug's first word, or the word after
    one another query word matched ("sodium chloride"): a single ``a`` should list
    Abacavir before "Hepatitis A Vaccine".
    """
    drug_words, alias_words, word_counts, alpha_rank = tables
    best: list[tuple[int, int]] = [(2, _FUZZY)] * len(per_word)
    unnamed = 0
    for drug in drug_words[number]:
        previous_matched = True
        named = False
        for position, drug_word in enumerate(drug):
            matched_here = False
            for slot, matches in enumerate(per_word):
                kind = matches.get(drug_word)
                if kind is None:
                    continue
                matched_here = True
                score = (0 if position == 0 or previous_matched else 1, int(kind))
                if score < best[slot]:
                    best[slot] = score
            previous_matched = matched_here
            named = named or matched_here
        unnamed += not named
    by_alias = False
    for alias in alias_words.get(number, ()):
        for alias_word in alias:
            for slot, matches in enumerate(per_word):
                kind = matches.get(alias_word)
                if kind is not None and (1, int(kind)) < best[slot]:
                    best[slot] = (1, int(kind))  # never a start: below the page's own drugs
                    by_alias = True
    worst_position, worst_kind = max(best)
    exact_page = worst_kind == _EXACT and word_counts[number] == query_size and not by_alias
    return (0 if exact_page else 1, worst_position, worst_kind, unnamed, alpha_rank[number]), exact_page


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
