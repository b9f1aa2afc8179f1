"""Asking the full-text index: pages with their best section and a snippet, section titles.

Made for a list model that asks on every keystroke (see :mod:`.reader` for connections):
one FTS5 query, two small look-ups for the rows returned, snippets only for those rows.

* Every term must be in one section: its text, its title or the page's title.
* Each page appears once, on its best section. Sections are ranked by bm25 with a word in
  the page title weighted 8, in the section title 4, in the text 1 (:data:`store.WEIGHTS`).
* What ranking costs decides what is ranked. FTS5's bm25 reads every section holding a
  term to weigh it (45 ms for a word in most of 100,000 pages), so only terms found in at
  most :data:`RANKED_TERM_MAX` sections count in the ranking; the others are too common
  to tell pages apart (bm25 gives a word in half the sections no weight at all). A prefix
  counts only while it starts at most :data:`RANKED_EXPANSION_MAX` words (bm25 weighs
  each of them on each section: a half-typed word starting 50 costs 30 ms). And only
  answers of at most :data:`RANKED_MAX` sections are ranked. Otherwise the pages come in
  the library's order (about A-Z), ``score`` None: a keystroke stays a keystroke.
* A typed prefix is expanded to the words it starts, from the index's own vocabulary
  (``terms``, with how many sections hold each word): FTS5 then reads the words' sections
  in order and stops when it has enough, where its own prefix query first merges every
  such word's sections. Prefixes of more than :data:`MAX_EXPANSION` words, or while the
  vocabulary is rebuilt, are left to FTS5 (three-letter ones have their own index). A word
  not in the vocabulary answers nothing at once.
* A section filter is one more term: the section title's token (:func:`store.section_token`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rxcombo.content.names import fold
from rxcombo.search.fulltext import store
from rxcombo.search.fulltext.reader import Reader
from rxcombo.search.fulltext.snippet import Snippet, make_snippet
from rxcombo.search.fulltext.text_query import TextQuery, TextQueryLike

DEFAULT_LIMIT = 50
RANKED_MAX = 3000  # sections ranked by bm25 at most: 1-3 µs each
RANKED_TERM_MAX = 5000  # sections holding a term that still counts in the ranking
MAX_EXPANSION = 2000  # words a prefix is expanded to at most
RANKED_EXPANSION_MAX = 8  # words of an expanded prefix that still counts in the ranking
_RANK = "bm25(fts, {}, {}, {})".format(*store.WEIGHTS)
_PAGES = "SELECT page, key, id, title, text FROM pages WHERE page IN"
_SECTIONS = "SELECT rowid, position, title FROM sections WHERE rowid IN"
_EXPAND = "SELECT term, rows FROM terms WHERE term >= ? AND term < ? LIMIT ?"
_ROWS = "SELECT term, rows FROM terms WHERE term IN"


@dataclass(frozen=True)
class TextHit:
    """One page found. Its snippet is made when first asked for (a list shows a few rows
    of many); the stored text it is made from came with the hit."""

    page_id: str
    title: str  # the page's
    section: str  # the title of the section the words were found in
    section_index: int  # its position in the page's ``document.sections``
    key: str  # the page's file, relative to the content folder
    score: float | None  # bm25 of the section, lower is better; None when not ranked
    query: TextQuery = field(repr=False, compare=False)
    stored: bytes = field(repr=False, compare=False)  # the page's stored text
    slot: int = field(repr=False, compare=False)  # the section's among them

    @cached_property
    def snippet(self) -> Snippet:
        """The stretch of the section with the most terms, and where they are in it."""
        texts = store.unpack_texts(self.stored)
        return make_snippet(texts[self.slot] if self.slot < len(texts) else "", self.query)


@dataclass(frozen=True, slots=True)
class SectionTitle:
    title: str  # the most common spelling
    pages: int  # pages with a section of this title


class FullTextIndex:
    """The index of one content folder, as :func:`.build.update_index` writes it."""

    def __init__(self, path: Path, root: str) -> None:
        self.path = Path(path)
        self.root = root
        self._reader = Reader(self.path, root)

    def close(self) -> None:
        """Close the calling thread's connection (opened again when next needed)."""
        self._reader.close()

    @property
    def available(self) -> bool:
        """An index exists for this folder (it may be incomplete: see :attr:`complete`)."""
        return self._reader.connection() is not None

    @property
    def complete(self) -> bool:
        """The last build indexed every page of the library."""
        return self._reader.state("complete") == "1"

    def page_count(self) -> int:
        rows = self._reader.fetch("SELECT count(*) FROM pages")
        return int(rows[0][0]) if rows else 0

    def search(
        self, query: TextQueryLike, section: str | None = None, limit: int | None = DEFAULT_LIMIT
    ) -> list[TextHit]:
        """The pages holding every term of ``query`` in one section, best first, each on its
        best section; only sections titled ``section`` (folded) when given; at most ``limit``
        pages (None: all)."""
        parsed = TextQuery.of(query)
        plan = self._plan(parsed, section)
        if plan is None or (limit is not None and limit <= 0):
            return []
        match, rank = plan
        probe = self._reader.fetch(
            f"SELECT rowid, NULL FROM fts WHERE fts MATCH ? LIMIT {RANKED_MAX + 1}", (match,)
        )
        rows: Iterator[tuple[Any, ...]] = iter(probe)
        if len(probe) > RANKED_MAX:  # in library order: the rows read so far, then the rest
            rest = "SELECT rowid, NULL FROM fts WHERE fts MATCH ? AND rowid > ? ORDER BY rowid"
            rows = itertools.chain(probe, self._reader.rows(rest, (match, probe[-1][0])))
        elif rank is not None:
            ranked = f"SELECT rowid, {_RANK} AS score FROM fts WHERE fts MATCH ? ORDER BY score, rowid"
            rows = self._reader.rows(ranked, (rank,))
            if rank != match:  # ranked by fewer terms than a section must hold
                found = {rowid for rowid, _ in probe}
                rows = (row for row in rows if row[0] in found)
        best: dict[int, tuple[int, float | None]] = {}
        for rowid, score in rows:
            best.setdefault(rowid >> store.SECTION_BITS, (rowid, score))
            if limit is not None and len(best) >= limit:
                break
        return self._hits(parsed, best)

    def count_pages(
        self, query: TextQueryLike, section: str | None = None, at_most: int | None = None
    ) -> int:
        """How many pages ``search`` finds without a limit. Counting stops past ``at_most``:
        the answer is then ``at_most + 1``, "more than"."""
        plan = self._plan(TextQuery.of(query), section)
        if plan is None:
            return 0
        pages = f"SELECT DISTINCT rowid >> {store.SECTION_BITS} FROM fts WHERE fts MATCH ?"
        limit = "" if at_most is None else f" LIMIT {max(0, at_most) + 1}"
        rows = self._reader.fetch(f"SELECT count(*) FROM ({pages}{limit})", (plan[0],))
        return int(rows[0][0]) if rows else 0

    def section_titles(self) -> list[SectionTitle]:
        """Every section title of the library, most pages first, then A-Z (for a filter)."""
        spellings: dict[str, dict[str, int]] = {}
        for key, title, pages in self._reader.fetch("SELECT key, title, pages FROM section_titles"):
            spellings.setdefault(key, {})[title] = pages
        found = [
            SectionTitle(max(sorted(counts), key=lambda title: counts[title]), sum(counts.values()))
            for counts in spellings.values()
        ]
        found.sort(key=lambda item: (-item.pages, fold(item.title), item.title))
        return found

    def _plan(self, query: TextQuery, section: str | None) -> tuple[str, str | None] | None:
        """(MATCH expression, expression to rank by or None); None when nothing can match
        (or there is no index)."""
        if query.blank or self._reader.connection() is None:
            return None
        known = self._reader.state("terms") == "complete"
        words = {word for term in query.terms for word in term.words} if known else set()
        counts = {term: rows for term, rows in self._reader.fetch_in(_ROWS, list(words))} if words else {}
        parts: list[str] = []
        ranked: list[str] = []
        for term in query.terms:
            expression, rows = term.expression(), None
            if known:
                whole = term.words[:-1] if term.prefix else term.words
                if any(word not in counts for word in whole):
                    return None  # a word no page holds
                rows = min((counts[word] for word in whole), default=None)
                if term.prefix:
                    last = term.words[-1]
                    found = self._reader.fetch(_EXPAND, (last, last + "\U0010ffff", MAX_EXPANSION + 1))
                    if not found:
                        return None  # no word starts so
                    if len(term.words) == 1 and len(found) <= MAX_EXPANSION:
                        expression = term.expression([word for word, _ in found])
                        # bm25 weighs each word of the expansion on each row: a few only.
                        rows = (
                            sum(count for _, count in found) if len(found) <= RANKED_EXPANSION_MAX else None
                        )
            parts.append(expression)
            if not known or (rows is not None and rows <= RANKED_TERM_MAX):
                ranked.append(expression)  # (not known: ranked by every term, slower)
        if section is not None:
            token = f'{{section}} : "{store.section_token(section)}"'
            parts.insert(0, token)
            if ranked:  # the same weight on every row: ranks nothing, but narrows what is ranked
                ranked.insert(0, token)
        return " AND ".join(parts), " AND ".join(ranked) or None

    def _hits(self, query: TextQuery, best: dict[int, tuple[int, float | None]]) -> list[TextHit]:
        if not best:
            return []
        pages = {row[0]: row for row in self._reader.fetch_in(_PAGES, list(best))}
        rowids: list[object] = [rowid for rowid, _ in best.values()]
        sections = {row[0]: row for row in self._reader.fetch_in(_SECTIONS, rowids)}
        hits: list[TextHit] = []
        for page, (rowid, score) in best.items():
            page_row, section_row = pages.get(page), sections.get(rowid)
            if page_row is None or section_row is None:
                continue  # a build took it out between the two reads
            slot = rowid & (store.MAX_SECTIONS - 1)
            page_id, key, title, stored = page_row[2], page_row[1], page_row[3], page_row[4]
            hit = TextHit(page_id, title, section_row[2], section_row[1], key, score, query, stored, slot)
            hits.append(hit)
        return hits
