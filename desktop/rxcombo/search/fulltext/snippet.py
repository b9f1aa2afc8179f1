"""Where a query's words are in a text, and the stretch of a section a result row shows.

Positions are found by folding the text as the index does (:mod:`.plain`) and mapping
them back to the original characters, so ``Fólico`` is highlighted whole for ``folico``.
ASCII text keeps its positions when folded; other text is folded a character at a time
with a map back. Only the first :data:`MAX_SCANNED` characters of a section are looked
at: enough for any real section, and bounded for a hostile one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rxcombo.search.fulltext.plain import fold_chars
from rxcombo.search.fulltext.text_query import Term, TextQuery, TextQueryLike

SNIPPET_CHARS = 180
LEAD_CHARS = 50  # shown before the first match of the window
MAX_SCANNED = 200_000
ELLIPSIS = "…"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_WORD_CHAR = r"[^\W_]"


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # [start, end) of each match in ``text``


@lru_cache(maxsize=64)
def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    parts = []
    for number, term in enumerate(terms):
        words = r"[\W_]+".join(re.escape(word) for word in term.words)
        end = f"{_WORD_CHAR}*" if term.prefix else f"(?!{_WORD_CHAR})"
        parts.append(f"(?P<t{number}>(?<!{_WORD_CHAR}){words}{end})")
    return re.compile("|".join(parts)) if parts else None


def _folded(text: str) -> tuple[str, list[int] | None]:
    """(folded text, original position of each folded character; None when equal)."""
    if text.isascii():
        return text.lower(), None
    pieces: list[str] = []
    where: list[int] = []
    position = 0
    for match in _NON_ASCII.finditer(text):
        pieces.append(text[position : match.start()].lower())
        where.extend(range(position, match.start()))
        for offset, char in enumerate(match.group(), match.start()):
            folded = fold_chars(char)
            pieces.append(folded)
            where.extend([offset] * len(folded))
        position = match.end()
    pieces.append(text[position:].lower())
    where.extend(range(position, len(text)))
    return "".join(pieces), where


def matches(text: str, query: TextQueryLike) -> list[tuple[int, int, int]]:
    """(start, end, term number) of each match of the query's terms in ``text``, in order."""
    pattern = _pattern(TextQuery.of(query).terms)
    if pattern is None or not text:
        return []
    scanned = text[:MAX_SCANNED]
    folded, where = _folded(scanned)
    found: list[tuple[int, int, int]] = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        if where is not None:
            start, end = where[start], where[end - 1] + 1
            while end < len(scanned) and not fold_chars(scanned[end]):
                end += 1  # the accents of the last matched letter
        found.append((start, end, int((match.lastgroup or "t0")[1:])))
    return found


def highlight(text: str, query: TextQueryLike) -> list[tuple[int, int]]:
    """[start, end) of every match in ``text`` (a title or section title, say)."""
    return [(start, end) for start, end, _ in matches(text, query)]


def make_snippet(text: str, query: TextQueryLike, width: int = SNIPPET_CHARS) -> Snippet:
    """The stretch of ``text`` with the most different terms of the query (the first such),
    cut at spaces, with ``…`` where text was left out."""
    found = matches(text, query)
    if not found:
        return Snippet(_cut(text, 0, width)[0], ())
    best_start, best_score = found[0][0], 0
    for anchor, (start, _end, _term) in enumerate(found):
        terms = {term for begin, end, term in found[anchor:] if end <= start + width - LEAD_CHARS}
        if len(terms) > best_score:
            best_start, best_score = start, len(terms)
    window_start = max(0, best_start - LEAD_CHARS)
    if window_start > 0:
        space = text.find(" ", window_start, best_start)
        window_start = space + 1 if space >= 0 else window_start
    shown, window_end = _cut(text, window_start, width)
    shift = len(ELLIPSIS) if window_start > 0 else 0
    prefix = ELLIPSIS if window_start > 0 else ""
    spans = tuple(
        (start - window_start + shift, min(end, window_end) - window_start + shift)
        for start, end, _ in found
        if start >= window_start and start < window_end
    )
    return Snippet(prefix + shown, spans)


def _cut(text: str, start: int, width: int) -> tuple[str, int]:
    """(text from ``start``, at most ``width`` characters ending at a space, with ``…`` if
    cut; where it ends in ``text``)."""
    end = start + width
    if end >= len(text):
        return text[start:], len(text)
    space = text.rfind(" ", start + width // 2, end)
    end = space if space > start else end
    return text[start:end].rstrip() + ELLIPSIS, end
