"""What one page puts into the index, and taking it out again.

A page is a row of ``pages`` (its file, signature, id, title and compressed plain text);
per section, a row of ``sections`` and of the FTS5 table (rowid ``page << 16 | slot``);
a count in ``section_titles`` per section title; and its words in ``terms``, the
vocabulary a typed prefix is expanded from (:mod:`.index`).

The FTS5 table is contentless, so taking a page out means handing FTS5 the very values it
was given: :func:`fts_values` makes them again from the stored text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from rxcombo.content.names import fold
from rxcombo.search.fulltext import store
from rxcombo.search.fulltext.plain import fold_text

_TERM = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class PageRows:
    """A page read and made plain, ready to be written."""

    key: str
    signature: str
    id: str
    title: str
    sections: list[tuple[int, str, str]]  # (position in document.sections, title, plain text)
    readable: bool = True


def fts_values(title: str, section_title: str, plain: str) -> tuple[str, str, str]:
    """The (title, section, body) columns of one section's FTS5 row. The section column
    ends with the title's filter token (:func:`store.section_token`)."""
    section = f"{fold_text(section_title)} {store.section_token(section_title)}"
    return fold_text(title), section, fold_text(plain)


def store_page(connection: sqlite3.Connection, page: PageRows, vocabulary: set[str] | None) -> None:
    """Write the page, replacing what its file held before. ``vocabulary``: the terms
    already stored, to which its new words are added (None: refilled after the build)."""
    row = connection.execute("SELECT page, signature, title FROM pages WHERE key = ?", (page.key,)).fetchone()
    if row is not None:
        if row[1] == page.signature and row[2] == page.title:
            rename_page(connection, page.key, page.id)
            return  # another process indexed this very file meanwhile
        delete_page(connection, row[0])
    cursor = connection.execute(
        "INSERT INTO pages (page, key, signature, id, title, text) VALUES (?, ?, ?, ?, ?, ?)",
        (
            None if row is None else row[0],
            page.key,
            page.signature,
            page.id,
            page.title,
            store.pack_texts([plain for _, _, plain in page.sections]),
        ),
    )
    base = int(cursor.lastrowid or 0) << store.SECTION_BITS
    connection.executemany(
        "INSERT INTO sections (rowid, position, title) VALUES (?, ?, ?)",
        [(base | slot, position, title) for slot, (position, title, _) in enumerate(page.sections)],
    )
    values = [fts_values(page.title, title, plain) for _, title, plain in page.sections]
    connection.executemany(
        "INSERT INTO fts (rowid, title, section, body) VALUES (?, ?, ?, ?)",
        [(base | slot, *columns) for slot, columns in enumerate(values)],
    )
    _count_titles(connection, {(fold(title), title) for _, title, _ in page.sections}, +1)
    if vocabulary is not None and values:
        text = " ".join(
            [
                values[0][0],
                *(
                    fold_text(title) + " " + body
                    for (_, title, _), (_, _, body) in zip(page.sections, values, strict=True)
                ),
            ]
        )
        words = set(_TERM.findall(text)) - vocabulary
        vocabulary.update(words)
        connection.executemany("INSERT OR IGNORE INTO terms VALUES (?, 1)", [(word,) for word in words])


def delete_page(connection: sqlite3.Connection, page: int) -> None:
    """Take a page out. Its words stay in ``terms``: a word no page has matches nothing."""
    title, blob = connection.execute("SELECT title, text FROM pages WHERE page = ?", (page,)).fetchone()
    texts = store.unpack_texts(blob)
    base = page << store.SECTION_BITS
    bounds = (base, base + store.MAX_SECTIONS)
    rows = connection.execute(
        "SELECT rowid, title FROM sections WHERE rowid >= ? AND rowid < ? ORDER BY rowid", bounds
    ).fetchall()
    if any(rowid - base >= len(texts) for rowid, _ in rows):
        raise store.DamagedIndexError("a page's stored text does not match its sections")
    connection.executemany(
        "INSERT INTO fts (fts, rowid, title, section, body) VALUES ('delete', ?, ?, ?, ?)",
        [(rowid, *fts_values(title, section, texts[rowid - base])) for rowid, section in rows],
    )
    _count_titles(connection, {(fold(section), section) for _, section in rows}, -1)
    connection.execute("DELETE FROM sections WHERE rowid >= ? AND rowid < ?", bounds)
    connection.execute("DELETE FROM pages WHERE page = ?", (page,))


def remove_key(connection: sqlite3.Connection, key: str) -> None:
    row = connection.execute("SELECT page FROM pages WHERE key = ?", (key,)).fetchone()
    if row is not None:
        delete_page(connection, row[0])


def rename_page(connection: sqlite3.Connection, key: str, page_id: str) -> None:
    connection.execute("UPDATE pages SET id = ? WHERE key = ?", (page_id, key))


def _count_titles(connection: sqlite3.Connection, titles: set[tuple[str, str]], step: int) -> None:
    connection.executemany(
        "INSERT INTO section_titles (key, title, pages) VALUES (?, ?, ?) "
        "ON CONFLICT (key, title) DO UPDATE SET pages = pages + excluded.pages",
        [(key, title, step) for key, title in titles],
    )
    if step < 0:
        connection.execute("DELETE FROM section_titles WHERE pages <= 0")


def vocabulary(connection: sqlite3.Connection) -> set[str]:
    return {term for (term,) in connection.execute("SELECT term FROM terms")}


def refill_terms(connection: sqlite3.Connection) -> None:
    """Every term of the index with the number of sections holding it, read from FTS5
    itself: after a large build this takes seconds where adding each page's words as it is
    written takes minutes. (Words added page by page later count 1: the counts are
    estimates, used to choose what to rank by.)"""
    connection.execute("DELETE FROM terms")
    connection.execute("INSERT INTO terms SELECT term, doc FROM vocab")


def merge(connection: sqlite3.Connection, interrupted: Callable[[], bool], steps: int) -> bool:
    """Merge the index into one segment after a large build: a query then looks each word
    up once instead of once per segment (a prefix of 1,400 words at 100,000 pages: 80 ->
    23 ms). About 10 s at 100,000 pages, looking at ``interrupted`` every ``steps`` SQLite
    steps; cancelled, it leaves the index as it was and says False."""
    connection.set_progress_handler(interrupted, steps)
    try:
        connection.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    except sqlite3.OperationalError:
        if not interrupted():
            raise
        return False
    finally:
        connection.set_progress_handler(None, 0)
    return True
