"""The index file: one SQLite database per content folder, checked before it is trusted.

SQLite's FTS5 does the indexing, matching and bm25 ranking in C, from the standard
library's ``sqlite3``: no dependency to add, one file, incremental updates in
transactions, and readers that do not wait for a writer (WAL). Some Pythons are built
against an SQLite without FTS5; :func:`fts5_missing` says so in words.

The FTS5 table is contentless: it keeps the index, not a copy of the text. Each page's
plain text is kept once, zlib-compressed, for snippets (and to remove a page's words
again, which a contentless table needs). A file is used only when it carries this
format's application id and version, and the meta rows say it was written for this
folder by this version of RxCombo, of SQLite and of the Unicode tables (the folding and
the tokenizer depend on both). Anything else, or a file SQLite cannot read, is deleted
and built again: it only ever costs time. A kill mid-write is undone by SQLite's journal.
"""

from __future__ import annotations

import contextlib
import sqlite3
import unicodedata
import zlib
from collections.abc import Sequence
from pathlib import Path

from rxcombo import __version__
from rxcombo.content.names import fold
from rxcombo.support.digests import sha1

FORMAT = 1
APPLICATION_ID = 0x52784654  # "RxFT"
BUSY_TIMEOUT_S = 10.0
# bm25 weights of the columns: a word in the page title counts most, then in the section title.
WEIGHTS = (8.0, 4.0, 1.0)
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pages (
    page INTEGER PRIMARY KEY,   -- a section's rowid is page << 16 | its slot
    key TEXT NOT NULL UNIQUE,   -- the file, relative to the content folder
    signature TEXT NOT NULL,    -- size, modification time, inode: changed means read again
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    text BLOB NOT NULL          -- zlib: the sections' plain text, separated by U+001E
);
CREATE TABLE sections (
    rowid INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,  -- in the page's sections, for opening the page there
    title TEXT NOT NULL
);
CREATE TABLE section_titles (
    key TEXT NOT NULL, title TEXT NOT NULL, pages INTEGER NOT NULL, PRIMARY KEY (key, title)
) WITHOUT ROWID;
CREATE TABLE terms (term TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;  -- rows: an estimate
CREATE VIRTUAL TABLE fts USING fts5 (
    title, section, body,
    content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
CREATE VIRTUAL TABLE vocab USING fts5vocab (fts, 'row')
"""
PAGE_SIZE = 8192
SECTION_BITS = 16
MAX_SECTIONS = 1 << SECTION_BITS
SEPARATOR = "\x1e"  # plain text never holds control characters
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


class FullTextError(RuntimeError):
    """The full-text index cannot be used: no FTS5, or a file that cannot be read."""


class DamagedIndexError(FullTextError):
    """The file holds what SQLite or zlib cannot read: build it again (``rebuild=True``)."""


def pack_texts(texts: Sequence[str]) -> bytes:
    return zlib.compress(SEPARATOR.join(texts).encode(), 6)


def unpack_texts(blob: object) -> list[str]:
    """The plain texts of a page's sections, as :func:`pack_texts` stored them."""
    try:
        if not isinstance(blob, bytes):
            raise TypeError(f"a {type(blob).__name__}, not bytes")
        return zlib.decompress(blob).decode().split(SEPARATOR)
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise DamagedIndexError(f"a page's stored text cannot be read ({exc})") from exc


def fts5_missing() -> str | None:
    """Why full-text search cannot work with this Python, or None when it can."""
    try:
        with contextlib.closing(sqlite3.connect(":memory:")) as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5 (text)")
    except sqlite3.Error as exc:
        return (
            f"Full-text search needs SQLite's FTS5 module, and the SQLite {sqlite3.sqlite_version} "
            f"this Python uses lacks it ({exc}). Searching by drug name still works."
        )
    return None


def header(root: str) -> dict[str, str]:
    return {
        "format": str(FORMAT),
        "rxcombo": __version__,
        "sqlite": sqlite3.sqlite_version,
        "unicode": unicodedata.unidata_version,
        "root": root,
    }


def connect(path: Path) -> sqlite3.Connection:
    """A connection of the calling thread (autocommit: transactions are explicit)."""
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe from corruption
    return connection


def is_current(connection: sqlite3.Connection, root: str) -> bool:
    """This folder's index in this format (a read that fails means no)."""
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            return False
        expected = header(root)
        marks = ", ".join("?" * len(expected))
        stored = dict(
            connection.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", tuple(expected))
        )
    except sqlite3.Error:
        return False
    return stored == expected


def section_token(title: str) -> str:
    """The word that marks a section title in the index, for the section filter: one exact
    term instead of a phrase. It starts with a private-use character, which a typed query
    never holds (only letters and digits reach the index), so no search can type it."""
    digest = sha1(fold(title).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"\ue000{digest}"


def state(connection: sqlite3.Connection, key: str) -> str | None:
    """A state row of ``meta``: "complete", "terms", "counted"."""
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_state(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """The file is damaged (rather than busy, read-only or full)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def open_for_writing(path: Path, root: str) -> tuple[sqlite3.Connection, bool]:
    """(connection, started again?): the index of ``root``, created when missing and
    recreated when damaged, foreign or of another version. Raises FullTextError (no FTS5)
    and OSError (the folder cannot be written)."""
    reason = fts5_missing()
    if reason is not None:
        raise FullTextError(reason)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    connection = connect(path)
    if existed and is_current(connection, root):
        with contextlib.suppress(sqlite3.Error):  # already WAL unless a reader holds it
            connection.execute("PRAGMA journal_mode = WAL")
        return connection, False
    connection.close()
    remove_files(path)
    connection = connect(path)
    try:
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a page's text fits 3 to a page
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        for statement in SCHEMA.split(";"):  # one by one: executescript would commit
            if statement.strip():
                connection.execute(statement)
        state = [("complete", "0"), ("terms", "complete"), ("counted", "0")]
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [*header(root).items(), *state])
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {FORMAT}")
        connection.execute("COMMIT")
    except BaseException:
        connection.close()
        raise
    return connection, existed


def open_for_reading(path: Path, root: str) -> sqlite3.Connection | None:
    """A connection to a usable index of ``root``, or None (none yet, or not to be trusted:
    the next build replaces it)."""
    if not path.is_file() or fts5_missing() is not None:
        return None
    try:
        connection = connect(path)
    except sqlite3.Error:
        return None
    if not is_current(connection, root):
        connection.close()
        return None
    connection.execute("PRAGMA query_only = 1")
    return connection
