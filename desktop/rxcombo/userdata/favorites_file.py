"""The favorites file's records: what one favorite (or removal) holds, read and written.

Version 2 of the file adds, per favorite, a note, a folder, the name of the source its page
comes from and the time of its last change; version 1 files (id, title, added) still read,
with no note or folder. Each page id has one record: a favorite, or a tombstone saying when
it was removed. When two copies of a record meet (two windows, or an import), the one
changed last wins, whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import messages
from .jsonfile import JsonObject
from .store import DamagedContentError

FORMAT_NAME = "rxcombo-favorites"
VERSION = 2
# Longer values are refused where they come in (the window's editor, an import file).
MAX_NOTE = 10_000
MAX_FOLDER = 100
MAX_TITLE = 300


@dataclass(frozen=True)
class Favorite:
    """A favorite page; times are timezone-aware UTC, ``folder`` "" is no folder."""

    page_id: str
    title: str
    added: datetime
    note: str = ""
    folder: str = ""
    source: str = ""  # the name of the source its page came from ("" when not known)
    changed: datetime | None = None  # the last change (None: when added)


@dataclass(frozen=True)
class Record:
    page_id: str
    present: bool
    stamp: datetime  # the last change: added, edited or removed
    title: str = ""
    added: datetime | None = None  # when it became a favorite (None on a tombstone)
    note: str = ""
    folder: str = ""
    source: str = ""  # the name of the source its page came from ("" when not known)

    def wins_over(self, other: Record) -> bool:
        if self.stamp != other.stamp:
            return self.stamp > other.stamp
        # Equal times are practically only the same record read back; when they are not,
        # keeping the favorite is the choice that cannot lose anything the user wants.
        return self.present and not other.present


def keep_latest(records: dict[str, Record], record: Record) -> None:
    existing = records.get(record.page_id)
    if existing is None or record.wins_over(existing):
        records[record.page_id] = record


def payload(records: dict[str, Record]) -> JsonObject:
    favorites = sorted(
        (r for r in records.values() if r.present), key=lambda r: (r.stamp, r.page_id), reverse=True
    )
    removed = sorted((r for r in records.values() if not r.present), key=lambda r: r.page_id)
    return {
        "favorites": [
            {
                "id": r.page_id,
                "title": r.title,
                "added": (r.added or r.stamp).isoformat(),
                "changed": r.stamp.isoformat(),
                "source": r.source,
                "folder": r.folder,
                "note": r.note,
            }
            for r in favorites
        ],
        "removed": [{"id": r.page_id, "removed": r.stamp.isoformat()} for r in removed],
    }


def parse(document: JsonObject) -> dict[str, Record]:
    favorites = document.get("favorites")
    if not isinstance(favorites, list):
        raise DamagedContentError(messages.FAVORITES_NOT_A_LIST)
    removed = document.get("removed", [])
    if not isinstance(removed, list):
        raise DamagedContentError(messages.REMOVED_NOT_A_LIST)
    records: dict[str, Record] = {}
    for index, entry in enumerate(favorites, start=1):
        page_id = entry_id(entry, "favorites", index)
        title = entry.get("title", "")
        if not isinstance(title, str):
            raise DamagedContentError(messages.title_not_text(index, page_id))
        added = entry_time(entry, "added", messages.FAVORITE_ENTRY, index)
        changed = (
            entry_time(entry, "changed", messages.FAVORITE_ENTRY, index) if "changed" in entry else added
        )
        texts = {key: _text(entry, key, index, page_id) for key in ("note", "folder", "source")}
        keep_latest(records, Record(page_id, True, max(changed, added), title, added, **texts))
    for index, entry in enumerate(removed, start=1):
        page_id = entry_id(entry, "removed", index)
        stamp = entry_time(entry, "removed", messages.REMOVED_ENTRY, index)
        keep_latest(records, Record(page_id, False, stamp))
    return records


def _text(entry: dict[str, Any], key: str, index: int, page_id: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise DamagedContentError(messages.field_not_text(index, page_id, key))
    return value


def entry_id(entry: Any, list_name: str, index: int) -> str:
    if not isinstance(entry, dict):
        raise DamagedContentError(messages.entry_not_an_object(list_name, index))
    page_id = entry.get("id")
    if not isinstance(page_id, str) or not page_id:
        raise DamagedContentError(messages.entry_without_id(list_name, index))
    return page_id


def entry_time(entry: dict[str, Any], key: str, what: str, index: int) -> datetime:
    value = entry.get(key)
    if not isinstance(value, str):
        raise DamagedContentError(messages.time_missing(what, index, key))
    stamp = parse_time(value)
    if stamp is None:
        raise DamagedContentError(messages.time_invalid(what, index, key, value))
    return stamp


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 time (or day) as UTC; one without an offset is read as UTC (only a hand
    edit writes one: RxCombo always writes UTC with its offset)."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    try:
        return stamp.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 with a positive offset, and the like
        return None
