"""Typo tolerance: which drug words a query word that matched nothing may have meant.

A similar spelling is a different drug until the user picks it (shared/guides/safety.md),
so what counts as similar is kept tight. Measured over the corpus's 4,040 drug words
(`tests/benchmarks/similar_names.py`): the rule before this one compared a word with the
start of every name, so a five-letter word matched inside long unrelated names ("xanax"
-> "ganaxolone"): 129 of 177 short words found a look-alike three or more letters longer.
Now a word is compared with whole names of about its length (at most 2 letters longer or
shorter), and with the start of longer names only from 7 letters on (a name being typed,
"amitryp" -> amitriptyline; at 6, "ativan" matched "activated"): 0 of 177, and every
swapped-letter typo of the 3,782 names of 5 letters or more is still found. rapidfuzz does
the comparing (maintained, C++-fast, and it batches one word against a whole vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence

from rxcombo.search.query import prefix_range
from rxcombo.support import lazy

MIN_LENGTH = 4  # shorter words are too often a prefix being typed, not a typo
MAX_LENGTH_CHANGE = 2
MIN_PREFIX_TYPO_LENGTH = 7


def cutoff(word: str) -> float:
    # One typo in a short word costs more of its ratio than in a long one.
    return 75.0 if len(word) <= 5 else 80.0


def similar_words(word: str, vocabulary: Sequence[str]) -> list[str]:
    """Words of the sorted ``vocabulary`` that ``word`` may be a typo of (or of the start of)."""
    if len(word) < MIN_LENGTH:
        return []
    # Typos rarely hit the first letter: look among words that share it first (a 26th of
    # the vocabulary), and only then everywhere.
    start, end = prefix_range(vocabulary, word[0])
    for lo, hi in ((start, end), (0, len(vocabulary))):
        found = _similar_in(word, vocabulary[lo:hi])
        if found:
            return found
    return []


def _similar_in(word: str, candidates: Sequence[str]) -> list[str]:
    # Only typos need rapidfuzz; imported on first use (see rxcombo.support.lazy).
    fuzz = lazy.module("rapidfuzz.fuzz")
    process = lazy.module("rapidfuzz.process")
    score = cutoff(word)
    length = len(word)
    found: set[int] = {
        position
        for _, _, position in process.extract(
            word, candidates, scorer=fuzz.ratio, score_cutoff=score, limit=None
        )
        if abs(len(candidates[position]) - length) <= MAX_LENGTH_CHANGE
    }
    if length >= MIN_PREFIX_TYPO_LENGTH:
        starts = [candidate[:length] for candidate in candidates]
        found.update(
            position
            for _, _, position in process.extract(
                word, starts, scorer=fuzz.ratio, score_cutoff=score, limit=None
            )
            if len(candidates[position]) > length
        )
    return [candidates[position] for position in sorted(found)]
