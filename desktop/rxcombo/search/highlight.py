"""Which letters of a row the query matched, for the list delegate to draw in bold."""

from __future__ import annotations

import re
import unicodedata

from rxcombo.content.names import fold
from rxcombo.search.query import Query, QueryLike

_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def highlight_spans(text: str, query: QueryLike) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that the query's words matched as word prefixes.

    For a delegate that highlights the matched letters (as Zeal does). Folding can change
    lengths (``ß`` -> ``ss``), so positions are mapped back character by character.
    """
    words = Query.of(query).words
    if not words:
        return []
    if text.isascii():  # nearly every title; each row painted asks (4 us a title, 10 the long way)
        return _ascii_spans(text, words)
    return _spans(text, words)


def _ascii_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """:func:`_spans` where folding is lower-casing: one character stays one character."""
    spans: list[tuple[int, int]] = []
    for found in _ASCII_WORD.finditer(text.lower()):
        word = found.group()
        best = max((len(query_word) for query_word in words if word.startswith(query_word)), default=0)
        if best:
            spans.append((found.start(), found.start() + best))
    return spans


def _spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    # A combining accent (decomposed "é" = "e" + U+0301) folds to nothing and stays inside
    # its word; without this, "De\u0301moxine" read as the words "de" and "moxine".
    folded_chars: list[str] = [
        "" if unicodedata.combining(ch) else (fold(ch) or ch.casefold()) for ch in text
    ]
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position < length:
        if not folded_chars[position][:1].isalnum():
            position += 1
            continue
        end = position
        while end < length and (folded_chars[end][:1].isalnum() or not folded_chars[end]):
            end += 1
        word = "".join(folded_chars[position:end])
        best = 0
        for query_word in words:
            if word.startswith(query_word):
                best = max(best, len(query_word))
        if best:
            consumed, stop = 0, position
            while stop < end and consumed < best:
                consumed += len(folded_chars[stop])
                stop += 1
            while stop < end and not folded_chars[stop]:
                stop += 1  # the accents of the last matched letter
            spans.append((position, stop))
        position = end
    return spans
