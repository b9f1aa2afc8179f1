"""Answering the costliest queries ahead of the user: one and two letters."""

from __future__ import annotations


def warm_up_queries(vocabulary: list[str]) -> list[str]:
    """Every one- and two-letter start of a drug word, most common first."""
    firsts = dict.fromkeys(word[:1] for word in vocabulary)
    counts: dict[str, int] = {}
    for word in vocabulary:
        if len(word) >= 2:
            counts[word[:2]] = counts.get(word[:2], 0) + 1
    pairs = sorted(counts, key=lambda pair: -counts[pair])
    return [*firsts, *pairs]
