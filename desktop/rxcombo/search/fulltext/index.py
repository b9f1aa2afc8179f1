"""Asking the full-text index: pages with their best section and a snippet, section titles.

Made for a list model that asks on every keystroke (see :mod:`.reader` for connections):
one FTS5 query, two small look-ups for the rows returned, snippets only for those rows.

* Every term must be in one section: its text, its title or the page's title.
* Each page appears once, on its best section. Sections are ranked by bm25 with a word in
  the page title weighted 8, in the section title 4, in the text 1 (:data:`store.WEIGHTS`).
  Up to :data:`RANKED_MAX` matching sections are ranked; beyond that (a word on most pages)
  ranking them all would take longer than a keystroke, and would mean little: those pages
  come in the library's order (about A-Z), with ``score`` None.
* A typed prefix is expanded to the words it starts, from the index's own vocabulary
  (``terms``): FTS5 reads the words one after the other and stops at the rows needed, where
  its own prefix query merges every such word's rows first (90 ms for ``pretend`` at
  100,000 pages). Prefixes of more than :data:`MAX_EXPANSION` words, or while the
  vocabulary is being rebuilt, are left to FTS5 (three-letter ones have their own index).
* A section filter is one more term: the section title's token (:func:`store.section_token`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rxcombo.content.names import fold
from rxcombo.search.fulltext import store
from rxcombo.search.fulltext.reader import Reader
from rxcombo.search.fulltext.snippet import Snippet, make_snippet
from rxcombo.search.fulltext.text_query import Term, TextQuery, TextQueryLike

DEFAULT_LIMIT = 50
RANKED_MAX = 4000  # sections ranked by bm25 at most: about 1 µs each
MAX_EXPANSION = 256  # words a prefix is expanded to at most
_RANK = "bm25(fts, {}, {}, {})".format(*store.WEIGHTS)
_PAGES = "SELECT page, key, id, title, text FROM pages WHERE page IN"
_SECTIONS = "SELECT rowid, position, title FROM sections WHERE rowid IN"
_EXPAND = "SELECT term FROM terms WHERE term >= ? AND term < ? LIMIT ?"


@dataclass(frozen=True, slots=True)
class TextHit:
    page_id: str
    title: str  # the page's
    section: str  # the title of the section the words were found in
    section_index: int  # its position in the page's ``document.sections``
    snippet: Snippet
    key: str  # the page's file, relative to the content folder
    score: float | None  # bm25 of the section, lower is better; None when not ranked


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
        match = self._match(parsed, section)
        if match is None or (limit is not None and limit <= 0):
            return []
        probe = self._reader.fetch(
            f"SELECT rowid, {_RANK} FROM fts WHERE fts MATCH ? LIMIT {RANKED_MAX + 1}", (match,)
        )
        rows: Iterator[tuple[Any, ...]]
        if len(probe) <= RANKED_MAX:
            rows = iter(sorted(probe, key=lambda row: (row[1], row[0])))
        else:
            rows = self._reader.rows("SELECT rowid, NULL FROM fts WHERE fts MATCH ? ORDER BY rowid", (match,))
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
        match = self._match(TextQuery.of(query), section)
        if match is None:
            return 0
        pages = f"SELECT DISTINCT rowid >> {store.SECTION_BITS} FROM fts WHERE fts MATCH ?"
        limit = "" if at_most is None else f" LIMIT {max(0, at_most) + 1}"
        sql = f"SELECT count(*) FROM ({pages}{limit})"
        rows = self._reader.fetch(sql, (match,))
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

    def _match(self, query: TextQuery, section: str | None) -> str | None:
        """The MATCH expression; None when nothing can match (or there is no index)."""
        if query.blank or self._reader.connection() is None:
            return None
        expansions: dict[Term, list[str]] = {}
        if self._reader.state("terms") == "complete":
            for term in query.terms:
                if not term.prefix or len(term.words) != 1:
                    continue
                word = term.words[0]
                found = [
                    row[0]
                    for row in self._reader.fetch(_EXPAND, (word, word + "\U0010ffff", MAX_EXPANSION + 1))
                ]
                if not found:
                    return None  # no word of the library starts so
                if len(found) <= MAX_EXPANSION:
                    expansions[term] = found
        expression = query.match_expression(expansions)
        if section is not None:
            expression = f'{{section}} : "{store.section_token(section)}" AND ({expression})'
        return expression

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
            texts = store.unpack_texts(page_row[4])
            slot = rowid & (store.MAX_SECTIONS - 1)
            text = texts[slot] if slot < len(texts) else ""
            hits.append(
                TextHit(
                    page_row[2],
                    page_row[3],
                    section_row[2],
                    section_row[1],
                    make_snippet(text, query),
                    page_row[1],
                    score,
                )
            )
        return hits
