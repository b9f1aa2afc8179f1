"""Reading an index file: one SQLite connection per thread, checked before it is used.

A connection is opened on a thread's first query and kept. Before each query two cheap
checks run: the file's inode (a rebuild replaces the file: the connection is reopened) and
SQLite's ``data_version`` (another connection wrote: the header and the state rows are read
again, so a file rewritten for another folder or version is dropped, never trusted). An
error SQLite reports as damage becomes :class:`DamagedIndexError`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rxcombo.search.fulltext import store
from rxcombo.search.fulltext.store import DamagedIndexError, FullTextError


@dataclass(slots=True)
class _Held:
    connection: sqlite3.Connection | None
    identity: tuple[int, ...] | None  # inode, modification time, size of the file
    version: int = -1  # SQLite's data_version when the state below was read
    state: dict[str, str] = field(default_factory=dict)  # meta: "complete", "terms"


class Reader:
    def __init__(self, path: Path, root: str) -> None:
        self.path = path
        self.root = root
        self._local = threading.local()

    def state(self, key: str) -> str | None:
        """A state row of the index ("complete", "terms") as of the last check."""
        held = self._held()
        return None if held is None else held.state.get(key)

    def connection(self) -> sqlite3.Connection | None:
        held = self._held()
        return None if held is None else held.connection

    def _held(self) -> _Held | None:
        try:
            stat = self.path.stat()
            identity: tuple[int, ...] | None = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except OSError:
            identity = None
        held: _Held | None = getattr(self._local, "held", None)
        if held is not None and held.connection is not None and identity is not None:
            if held.identity is not None and held.identity[0] == identity[0] and self._check(held):
                return held
        elif held is not None and held.identity == identity:
            return None  # still the same unusable file (or none): not opened again
        self.close()
        connection = store.open_for_reading(self.path, self.root) if identity is not None else None
        held = _Held(connection, identity)
        self._local.held = held
        if connection is not None and not self._check(held):
            self.close()
            self._local.held = _Held(None, identity)
            return None
        return held if connection is not None else None

    def _check(self, held: _Held) -> bool:
        """Still this folder's index in this format (read again only after a write)."""
        assert held.connection is not None
        try:
            version = int(held.connection.execute("PRAGMA data_version").fetchone()[0])
            if version == held.version:
                return True
            if held.version >= 0 and not store.is_current(held.connection, self.root):
                return False
            held.state = dict(held.connection.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            return False
        held.version = version
        return True

    def close(self) -> None:
        """Close this thread's connection (it is opened again when next needed)."""
        held: _Held | None = getattr(self._local, "held", None)
        if held is not None and held.connection is not None:
            held.connection.close()
        self._local.held = None

    def rows(self, sql: str, parameters: tuple[object, ...]) -> Iterator[tuple[Any, ...]]:
        """The rows one by one, for a caller that may stop early."""
        connection = self.connection()
        if connection is None:
            return
        try:
            yield from connection.execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc

    def fetch(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        connection = self.connection()
        if connection is None:
            return []
        try:
            return connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc

    def _error(self, error: sqlite3.DatabaseError) -> FullTextError:
        kind = DamagedIndexError if store.is_damage(error) else FullTextError
        return kind(f"the full-text index {self.path} cannot be read: {error}")

    def fetch_in(self, sql: str, values: list[object]) -> list[tuple[Any, ...]]:
        """``sql`` ending in ``IN``, with the values (a few dozen rows shown)."""
        marks = ", ".join("?" * len(values))
        return self.fetch(f"{sql} ({marks})", tuple(values))
