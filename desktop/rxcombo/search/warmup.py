"""Answering the costliest queries ahead of the user: the one-letter ones, and the two-letter
ones that list many pages.

Ranking costs about 8 microseconds a listed page: on the corpus's 6,447 pages a one-letter
query takes up to 13 ms, a two-letter one up to 5 ms, and most two-letter ones under 0.2 ms.
Warming every two-letter start cost as much again as the one-letter ones (120 ms of CPU at
every start); those under ``WARM_FROM_PAGES`` answer in about 2 ms when typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rxcombo.search.index import SearchIndex

WARM_FROM_PAGES = 250


def warm_up_queries(index: SearchIndex) -> list[str]:
    """Every one-letter start of a drug word, then the two-letter starts listing at least
    ``WARM_FROM_PAGES`` pages (by the index's quick upper bound), the most pages first."""
    vocabulary = index.vocabulary
    firsts = dict.fromkeys(word[:1] for word in vocabulary)
    pages = {
        pair: index.prefix_pages(pair) for pair in dict.fromkeys(w[:2] for w in vocabulary if len(w) >= 2)
    }
    heavy = sorted(
        (pair for pair, count in pages.items() if count >= WARM_FROM_PAGES), key=lambda p: -pages[p]
    )
    return [*firsts, *heavy]
