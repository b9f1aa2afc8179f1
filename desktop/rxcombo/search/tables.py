"""The name index's tables, built from a library's pages: each page's drug words, how many
distinct words they are, and which pages each word is found in. Plain Python, no Qt.

Each drug's words are made once and shared by every page naming it, as is each word:
at 100,000 pages that is 12 MB less held, and the index's packed tables
(:mod:`rxcombo.search.packed`) store each once.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rxcombo.content.names import fold, tokens

DrugWords = tuple[tuple[str, ...], ...]  # a page's drugs, each as its words


@dataclass(slots=True)
class DrugTables:
    drug_words: list[DrugWords]  # by page position
    # How many distinct words each page's drugs have: when every query word matched one
    # exactly, equal counts mean equal sets ("exactly the queried drugs"), and an array of
    # counts costs 2 bytes a page where a frozenset per page cost ~240.
    word_counts: array[int]
    postings: dict[str, tuple[int, ...]]  # word -> the pages (positions) holding it, ascending


def drug_tables(pages: Iterable[Sequence[str]], alias_words: Mapping[int, DrugWords]) -> DrugTables:
    """The tables of pages given by their drugs; ``alias_words``: other names a page is
    found by, as words, by page position (counted in the postings only)."""
    words_of: dict[str, tuple[str, ...]] = {}
    shared: dict[str, str] = {}
    tables = DrugTables([], array("H"), {})
    postings: dict[str, list[int]] = {}
    for number, drugs in enumerate(pages):
        page_words: list[tuple[str, ...]] = []
        for drug in drugs:
            words = words_of.get(drug)
            if words is None:
                words = words_of[drug] = tuple([shared.setdefault(w, w) for w in tokens(fold(drug))])
            page_words.append(words)
        tables.drug_words.append(tuple(page_words))
        distinct = frozenset(word for words in page_words for word in words)
        tables.word_counts.append(min(len(distinct), 65535))
        distinct |= {word for alias in alias_words.get(number, ()) for word in alias}
        for word in distinct:
            postings.setdefault(word, []).append(number)
    tables.postings = {word: tuple(numbers) for word, numbers in postings.items()}
    return tables
