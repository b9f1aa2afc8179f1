"""A query typed by the user, parsed and folded once (as Zeal's ``SearchQuery``).

The search field makes one :class:`Query` per keystroke and hands the same value to the
index, the highlighting delegate and the favorites filter: nothing splits the text again.
A query is text, never syntax: every non-word character separates words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rxcombo.content.names import fold

_QUERY_SPLIT = re.compile(r"[\W_]+")  # as names.tokens: letters of any script
# Words that join drug names in a question ("gabapentin with amitriptyline"): they name no
# drug, and read as one they would put a drug nobody typed into the answer.
CONNECTORS = frozenset({"and", "with", "plus", "or", "vs", "versus"})


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # as typed
    words: tuple[str, ...]  # folded, separators dropped, each once, in typed order

    @classmethod
    def parse(cls, text: str) -> Query:
        """``"Alprazolam + imip, "`` -> words ``("alprazolam", "imip")``."""
        words = [word for word in _QUERY_SPLIT.split(fold(text)) if word]
        kept = [word for word in words if word not in CONNECTORS] or words  # "with" alone stays
        return cls(text, tuple(dict.fromkeys(kept)))

    @classmethod
    def of(cls, value: QueryLike) -> Query:
        return value if isinstance(value, Query) else cls.parse(value)

    @property
    def blank(self) -> bool:
        return not self.words

    def __str__(self) -> str:
        return self.text.strip()


QueryLike = Query | str


def query_words(query: str) -> list[str]:
    """The folded words of ``query``, each once."""
    return list(Query.parse(query).words)


def prefix_range(words: Sequence[str], prefix: str) -> tuple[int, int]:
    """``(start, end)`` of the entries of the sorted ``words`` that start with ``prefix``."""
    start = bisect.bisect_left(words, prefix)
    return start, bisect.bisect_left(words, prefix + "\U0010ffff", lo=start)
