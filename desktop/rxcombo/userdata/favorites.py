"""The user's favorite pages, with a note and a folder each, shared safely between windows.

Each page id has one record (:mod:`.favorites_file`): a favorite, or a tombstone saying
when it was removed. Saving merges this window's records with the file's, keeping the
record changed last per id, so two windows that add different favorites keep both, and a
removal in one window is not undone by the other window still holding the old favorite.
Tombstones are dropped after :data:`TOMBSTONE_DAYS`. An import (:mod:`.favorites_import`)
merges the same way: new favorites are added, existing ones updated only where the
import is newer, and nothing is removed.

The store does not know the library: a favorite whose page is missing from the enabled
sources is kept (its source may come back), and ``source`` says where it was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rxcombo.content.names import clean_title, fold

from . import messages
from .favorites_file import FORMAT_NAME, MAX_FOLDER, MAX_NOTE, VERSION, Favorite, Record, parse, payload
from .jsonfile import JsonObject
from .store import JsonStore

if TYPE_CHECKING:  # imported by an import of favorites only: most starts have none
    from .favorites_import import ImportReport, Incoming

__all__ = ["Favorite", "FavoriteSort", "FavoritesStore", "folder_name"]

TOMBSTONE_DAYS = 180
_ONE_TICK = timedelta(microseconds=1)


class FavoriteSort(StrEnum):
    ADDED = "added"  # newest first
    NAME = "name"  # A-Z by title
    FOLDER = "folder"  # folders A-Z (no folder last), then A-Z by title


class FavoritesStore(JsonStore[dict[str, Record]]):
    """Favorites in a JSON file; call :meth:`load` first, :meth:`save` after changes."""

    FORMAT: ClassVar[str] = FORMAT_NAME
    VERSION: ClassVar[int] = VERSION
    LABEL: ClassVar[str] = messages.FAVORITES_LABEL
    EMPTY_DESCRIPTION: ClassVar[str] = messages.FAVORITES_INSTEAD

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._records: dict[str, Record] = {}
        self._last_issued: datetime | None = None

    # -- queries --------------------------------------------------------------------
    def items(self, sort: FavoriteSort = FavoriteSort.ADDED) -> list[Favorite]:
        """All favorites, most recently added first, or by name or folder."""
        favorites = [_favorite(r) for r in self._records.values() if r.present]
        favorites.sort(key=lambda f: (f.added, f.page_id), reverse=True)
        if sort is FavoriteSort.NAME:
            favorites.sort(key=lambda f: (fold(f.title), f.title, f.page_id))
        elif sort is FavoriteSort.FOLDER:
            favorites.sort(key=lambda f: (not f.folder, fold(f.folder), fold(f.title), f.page_id))
        return favorites

    def get(self, page_id: str) -> Favorite | None:
        record = self._records.get(page_id)
        return _favorite(record) if record is not None and record.present else None

    def contains(self, page_id: str) -> bool:
        record = self._records.get(page_id)
        return record is not None and record.present

    def folders(self) -> list[str]:
        """The folders favorites are in, A-Z (a folder exists while it holds a favorite)."""
        return sorted({r.folder for r in self._records.values() if r.present and r.folder}, key=fold)

    def __len__(self) -> int:
        return sum(1 for r in self._records.values() if r.present)

    # -- changes --------------------------------------------------------------------
    def add(self, page_id: str, title: str, source: str = "") -> bool:
        """Make ``page_id`` a favorite; returns False if it already was (nothing changed)."""
        if not page_id:
            raise ValueError("page_id must not be empty")
        if self.contains(page_id):
            return False
        stamp = self._next_stamp(page_id)
        self._records[page_id] = Record(page_id, True, stamp, title, stamp, source=source)
        self._mark_dirty()
        return True

    def remove(self, page_id: str) -> bool:
        """Stop ``page_id`` being a favorite; returns False if it was not one."""
        if not self.contains(page_id):
            return False
        self._records[page_id] = Record(page_id, False, self._next_stamp(page_id))
        self._mark_dirty()
        return True

    def toggle(self, page_id: str, title: str, source: str = "") -> bool:
        """Flip the favorite state of ``page_id``; returns the new state."""
        if self.contains(page_id):
            self.remove(page_id)
            return False
        self.add(page_id, title, source)
        return True

    def set_note(self, page_id: str, note: str) -> bool:
        """Replace the favorite's note; False if it is no favorite or the note is the same.
        Raises ValueError for a note over :data:`MAX_NOTE` characters."""
        if len(note) > MAX_NOTE:
            raise ValueError(messages.too_long("note", len(note), MAX_NOTE))
        return self._edit(page_id, note=note)

    def set_folder(self, page_id: str, folder: str) -> bool:
        """Put the favorite in ``folder`` (one line; "" takes it out of any folder)."""
        return self._edit(page_id, folder=folder_name(folder))

    def rename_folder(self, old: str, new: str) -> int:
        """Move every favorite of folder ``old`` into ``new``; returns how many moved."""
        new = folder_name(new)
        moved = [r.page_id for r in self._records.values() if r.present and r.folder == old]
        return sum(self._edit(page_id, folder=new) for page_id in moved)

    def rename_source(self, old: str, new: str) -> int:
        """A source was renamed: its favorites follow it. Returns how many changed."""
        held = [r.page_id for r in self._records.values() if r.present and r.source == old]
        return sum(self._edit(page_id, source=new) for page_id in held)

    def merge_import(self, entries: Sequence[Incoming]) -> ImportReport:
        """Merge imported favorites (:mod:`.favorites_read` reads them from a file): new ones
        added, existing ones updated only where the import is newer, nothing removed. Save
        afterwards, as after any change: the save merges with other windows as usual."""
        from .favorites_import import merge_imported

        report, changed = merge_imported(self._records, entries)
        if changed:
            self._mark_dirty()
        return report

    def _edit(
        self, page_id: str, *, note: str | None = None, folder: str | None = None, source: str | None = None
    ) -> bool:
        record = self._records.get(page_id)
        if record is None or not record.present:
            return False
        edited = replace(
            record,
            note=record.note if note is None else note,
            folder=record.folder if folder is None else folder,
            source=record.source if source is None else source,
        )
        if edited == record:
            return False
        self._records[page_id] = replace(edited, stamp=self._next_stamp(page_id))
        self._mark_dirty()
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

    def _replace_content(self, content: dict[str, Record]) -> None:
        self._records = dict(content)

    def _merge_content(self, content: dict[str, Record]) -> None:
        for page_id, theirs in content.items():
            mine = self._records.get(page_id)
            if mine is None or theirs.wins_over(mine):
                self._records[page_id] = theirs

    def _before_write(self) -> None:
        cutoff = datetime.now(UTC) - timedelta(days=TOMBSTONE_DAYS)
        self._records = {k: r for k, r in self._records.items() if r.present or r.stamp >= cutoff}

    def _payload(self) -> JsonObject:
        return payload(self._records)

    def _parse(self, document: JsonObject) -> dict[str, Record]:
        return parse(document)


def folder_name(text: str) -> str:
    """A folder's name as kept: one line, single spaces. Raises ValueError when too long."""
    name = clean_title(text)
    if len(name) > MAX_FOLDER:
        raise ValueError(messages.too_long("folder", len(name), MAX_FOLDER))
    return name


def _favorite(record: Record) -> Favorite:
    added = record.added or record.stamp
    return Favorite(
        record.page_id, record.title, added, record.note, record.folder, record.source, record.stamp
    )
