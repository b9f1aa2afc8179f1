"""Typo tolerance: which drug words a query word that matched nothing may have meant.

A similar spelling is a different drug until the user picks it (shared/guides/safety.md),
so what counts as similar is kept tight. Measured over the corpus's 4,040 drug words
(`tests/benchmarks/similar_names.py`): the rule before this one compared a word with the
start of every name, so a five-letter word matched inside long unrelated names ("xanax"
-> "ganaxolone"): 129 of 177 short words found a look-alike three or more letters longer.
Now a word is compared with whole names of about its length (at most 2 letters longer or
shorter), and with the start of longer names only from 7 letters on (a name being typed,
"amitryp" -> amitriptyline; at 6, "ativan" matched "activated"): 0 of 177, and every
swapped-letter typo of the 3,782 names of 5 letters or more is still found.

The measure is the Indel ratio (what rapidfuzz calls ``fuzz.ratio``): twice the longest
common subsequence over the two lengths. It is computed here, bit-parallel (Hyyrö 2004: the
word's letters as bit masks, one pass over each candidate), rather than with rapidfuzz:
candidates are first narrowed to words of about the word's length, so a few hundred
comparisons of short words remain, a few milliseconds in Python; and dropping rapidfuzz
took 6 MiB from the installed app and a 48 ms import from the first typo of a session.
"""

from __future__ import annotations

from collections.abc import Sequence

from rxcombo.search.query import prefix_range

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
    score = cutoff(word)
    length = len(word)
    masks = _letter_masks(word)
    # Only letters the word has can be common: deleting them (str.translate, in C) leaves
    # what cannot match, which rejects most names before the comparison proper.
    others = str.maketrans("", "", word)
    slack = (1 - score / 100) * 2 * (length + MAX_LENGTH_CHANGE)  # the most any match leaves
    prefixes = length >= MIN_PREFIX_TYPO_LENGTH  # the start of a longer name: one being typed
    return [
        candidate
        for candidate in candidates
        if (
            abs(len(candidate) - length) <= MAX_LENGTH_CHANGE
            and len(candidate.translate(others)) <= slack
            and _ratio_reaches(masks, length, candidate, score)
        )
        or (
            prefixes
            and len(candidate) > length
            and len(candidate[:length].translate(others)) <= slack
            and _ratio_reaches(masks, length, candidate[:length], score)
        )
    ]


def indel_ratio_reaches(word: str, other: str, score: float) -> bool:
    """Whether the Indel ratio of two words (rapidfuzz's ``fuzz.ratio``) is ``score`` or more."""
    return bool(word) and _ratio_reaches(_letter_masks(word), len(word), other, score)


def _letter_masks(word: str) -> dict[str, int]:
    """For each letter of ``word``, the bits of the positions it is at."""
    masks: dict[str, int] = {}
    for position, letter in enumerate(word):
        masks[letter] = masks.get(letter, 0) | 1 << position
    return masks


def _ratio_reaches(masks: dict[str, int], length: int, other: str, score: float) -> bool:
    """Whether the Indel ratio of the word (``masks``, ``length``) and ``other`` is at least
    ``score`` (0-100): 200 x LCS >= score x (both lengths)."""
    needed = score * (length + len(other))  # what 200 x LCS must reach
    full = (1 << length) - 1
    row = full  # a bit still set: that position of the word is not yet in the subsequence
    for letter in other:
        matches = masks.get(letter)
        if matches:
            taken = row & matches
            row = ((row + taken) | (row - taken)) & full
    return 200 * (length - row.bit_count()) >= needed
