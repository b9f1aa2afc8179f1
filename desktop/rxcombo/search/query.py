"""A query typed by the user, parsed and folded once (as Zeal's ``SearchQuery``).

The search field makes one :class:`Query` per keystroke and hands the same value to the
index, the highlighting delegate and the favorites filter: nothing splits the text again.
A query is text, never syntax: every non-word character separates words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rxcombo.content.names import fold

_QUERY_SPLIT = re.compile(r"[\W_]+")  # as names.tokens: letters of any script


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # as typed
    words: tuple[str, ...]  # folded, separators dropped, each once, in typed order

    @classmethod
    def parse(cls, text: str) -> Query:
        """``"Alprazolam + imip, "`` -> words ``("alprazolam", "imip")``."""
        words = (word for word in _QUERY_SPLIT.split(fold(text)) if word)
        return cls(text, tuple(dict.fromkeys(words)))

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
