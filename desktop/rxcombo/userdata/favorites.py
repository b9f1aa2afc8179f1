"""The user's favorite pages, shared safely between several open RxCombo windows.

Each page id has one record: either a favorite (added at a time) or a tombstone (removed
at a time).  Saving merges this window's records with the file's, keeping the later
record per id, so two windows that add different favorites keep both, and a removal in
one window is not undone by the other window still holding the old favorite.  Tombstones
are dropped after :data:`TOMBSTONE_DAYS`.

The store does not know the library: a favorite whose page is missing from the open
content folder is kept, since the page may come back with another content folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from . import messages
from .jsonfile import JsonObject
from .store import DamagedContentError, JsonStore

FORMAT_NAME = "rxcombo-favorites"
TOMBSTONE_DAYS = 180
_ONE_TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class Favorite:
    """A favorite page; ``added`` is timezone-aware UTC."""

    page_id: str
    title: str
    added: datetime


@dataclass(frozen=True)
class _Record:
    page_id: str
    present: bool
    stamp: datetime
    title: str = ""

    def wins_over(self, other: _Record) -> bool:
        if self.stamp != other.stamp:
            return self.stamp > other.stamp
        # Equal times are practically only the same record read back; when they are not,
        # keeping the favorite is the choice that cannot lose anything the user wants.
        return self.present and not other.present


class FavoritesStore(JsonStore[dict[str, _Record]]):
    """Favorites in a JSON file; call :meth:`load` first, :meth:`save` after changes."""

    FORMAT: ClassVar[str] = FORMAT_NAME
    VERSION: ClassVar[int] = 1
    LABEL: ClassVar[str] = messages.FAVORITES_LABEL
    EMPTY_DESCRIPTION: ClassVar[str] = messages.FAVORITES_INSTEAD

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._records: dict[str, _Record] = {}
        self._last_issued: datetime | None = None

    # -- queries --------------------------------------------------------------------
    def items(self) -> list[Favorite]:
        """All favorites, most recently added first."""
        favorites = [Favorite(r.page_id, r.title, r.stamp) for r in self._records.values() if r.present]
        favorites.sort(key=lambda f: (f.added, f.page_id), reverse=True)
        return favorites

    def contains(self, page_id: str) -> bool:
        record = self._records.get(page_id)
        return record is not None and record.present

    def __len__(self) -> int:
        return sum(1 for r in self._records.values() if r.present)

    # -- changes --------------------------------------------------------------------
    def add(self, page_id: str, title: str) -> bool:
        """Make ``page_id`` a favorite; returns False if it already was (title unchanged)."""
        if not page_id:
            raise ValueError("page_id must not be empty")
        if self.contains(page_id):
            return False
        self._records[page_id] = _Record(page_id, True, self._next_stamp(page_id), title)
        self._mark_dirty()
        return True

    def remove(self, page_id: str) -> bool:
        """Stop ``page_id`` being a favorite; returns False if it was not one."""
        if not self.contains(page_id):
            return False
        self._records[page_id] = _Record(page_id, False, self._next_stamp(page_id))
        self._mark_dirty()
        return True

    def toggle(self, page_id: str, title: str) -> bool:
        """Flip the favorite state of ``page_id``; returns the new state."""
        if self.contains(page_id):
            self.remove(page_id)
            return False
        self.add(page_id, title)
        return True

    def _next_stamp(self, page_id: str) -> datetime:
        stamp = datetime.now(UTC)
        # Strictly after this window's previous action, so "newest first" follows the order
        # of the user's clicks even where the clock ticks coarsely (Windows: ~15 ms).
        if self._last_issued is not None and stamp <= self._last_issued:
            stamp = self._last_issued + _ONE_TICK
        previous = self._records.get(page_id)
        # A clock set back (or another machine's clock, via a synced folder) must not make
        # the user's latest action lose the merge against the previous record of that id.
        if previous is not None and stamp <= previous.stamp:
            stamp = previous.stamp + _ONE_TICK
        self._last_issued = stamp
        return stamp

    # -- JsonStore hooks ------------------------------------------------------------
    def _clear(self) -> None:
        self._records = {}

    def _replace_content(self, content: dict[str, _Record]) -> None:
        self._records = dict(content)

    def _merge_content(self, content: dict[str, _Record]) -> None:
        for page_id, theirs in content.items():
            mine = self._records.get(page_id)
            if mine is None or theirs.wins_over(mine):
                self._records[page_id] = theirs

    def _before_write(self) -> None:
        cutoff = datetime.now(UTC) - timedelta(days=TOMBSTONE_DAYS)
        self._records = {k: r for k, r in self._records.items() if r.present or r.stamp >= cutoff}

    def _payload(self) -> JsonObject:
        favorites = [f for f in self._records.values() if f.present]
        favorites.sort(key=lambda r: (r.stamp, r.page_id), reverse=True)
        removed = sorted((r for r in self._records.values() if not r.present), key=lambda r: r.page_id)
        return {
            "favorites": [
                {"id": r.page_id, "title": r.title, "added": r.stamp.isoformat()} for r in favorites
            ],
            "removed": [{"id": r.page_id, "removed": r.stamp.isoformat()} for r in removed],
        }

    def _parse(self, document: JsonObject) -> dict[str, _Record]:
        favorites = document.get("favorites")
        if not isinstance(favorites, list):
            raise DamagedContentError(messages.FAVORITES_NOT_A_LIST)
        removed = document.get("removed", [])
        if not isinstance(removed, list):
            raise DamagedContentError(messages.REMOVED_NOT_A_LIST)
        records: dict[str, _Record] = {}
        for index, entry in enumerate(favorites, start=1):
            page_id = _entry_id(entry, "favorites", index)
            title = entry.get("title", "")
            if not isinstance(title, str):
                raise DamagedContentError(messages.title_not_text(index, page_id))
            stamp = _entry_time(entry, "added", messages.FAVORITE_ENTRY, index)
            _keep_latest(records, _Record(page_id, True, stamp, title))
        for index, entry in enumerate(removed, start=1):
            page_id = _entry_id(entry, "removed", index)
            stamp = _entry_time(entry, "removed", messages.REMOVED_ENTRY, index)
            _keep_latest(records, _Record(page_id, False, stamp))
        return records


def _keep_latest(records: dict[str, _Record], record: _Record) -> None:
    existing = records.get(record.page_id)
    if existing is None or record.wins_over(existing):
        records[record.page_id] = record


def _entry_id(entry: Any, list_name: str, index: int) -> str:
    if not isinstance(entry, dict):
        raise DamagedContentError(messages.entry_not_an_object(list_name, index))
    page_id = entry.get("id")
    if not isinstance(page_id, str) or not page_id:
        raise DamagedContentError(messages.entry_without_id(list_name, index))
    return page_id


def _entry_time(entry: dict[str, Any], key: str, what: str, index: int) -> datetime:
    value = entry.get(key)
    if not isinstance(value, str):
        raise DamagedContentError(messages.time_missing(what, index, key))
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        raise DamagedContentError(messages.time_invalid(what, index, key, value)) from None
    if stamp.tzinfo is None:
        # Only a hand edit produces this; RxCombo always writes UTC with an offset.
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)
