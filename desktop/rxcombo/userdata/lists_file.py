"""The drug lists file's records, and its layout on disk (read strictly, written plainly).

::

    {"format": "rxcombo-lists", "version": 1,
     "lists": [{"name": "Mum", "created": T, "changed": T, "cleared": T or null,
                "entries": [{"text": "Paracetamol", "added": T}],
                "removed": [{"text": "Ibuprofen", "removed": T}]}],
     "deleted": [{"name": "Old", "created": T, "deleted": T, "cleared": T}]}

Times are ISO 8601 with a UTC offset. "cleared" is the list's last deletion: entries
added before it went with the deleted list, even if a window that still held one saves
it later. A document of another shape is damaged
(:class:`~.store.DamagedContentError`, whose words are in :mod:`.messages`), and the store
sets the file aside rather than lose what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rxcombo.search.drug_names import entry_key

from . import messages
from .jsonfile import JsonObject
from .store import DamagedContentError


def list_key(name: str) -> str:
    """A list's identity: its name, case-insensitive, spaces collapsed."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class ListRecord:
    key: str
    name: str
    present: bool
    stamp: datetime  # the last change: created, renamed, an entry changed, or deleted
    created: datetime  # when the list was made (lists are shown oldest first)
    cleared: datetime | None = None  # the last deletion: older entries went with it

    def holds(self, entry: EntryRecord) -> bool:
        """Whether ``entry`` is in this list (present, and added after any deletion)."""
        return entry.present and (self.cleared is None or entry.stamp > self.cleared)

    def wins_over(self, other: ListRecord) -> bool:
        if self.stamp != other.stamp:
            return self.stamp > other.stamp
        return self.present and not other.present


@dataclass(frozen=True)
class EntryRecord:
    list_key: str
    key: str
    text: str
    present: bool
    stamp: datetime

    def wins_over(self, other: EntryRecord) -> bool:
        if self.stamp != other.stamp:
            return self.stamp > other.stamp
        return self.present and not other.present


Content = tuple[dict[str, ListRecord], dict[tuple[str, str], EntryRecord]]


def payload(lists: dict[str, ListRecord], entries: dict[tuple[str, str], EntryRecord]) -> JsonObject:
    def entries_of(record: ListRecord, present: bool) -> list[EntryRecord]:
        found = [e for e in entries.values() if e.list_key == record.key and e.present is present]
        return sorted(found, key=lambda e: (e.stamp, e.key))

    live, deleted = [], []
    for record in sorted(lists.values(), key=lambda r: (r.created, r.key)):
        cleared = record.cleared.isoformat() if record.cleared is not None else None
        item: JsonObject = {"name": record.name, "created": record.created.isoformat(), "cleared": cleared}
        if not record.present:
            deleted.append({**item, "deleted": record.stamp.isoformat()})
            continue
        held = [e for e in entries_of(record, True) if record.holds(e)]
        item["changed"] = record.stamp.isoformat()
        item["entries"] = [{"text": e.text, "added": e.stamp.isoformat()} for e in held]
        item["removed"] = [
            {"text": e.text, "removed": e.stamp.isoformat()} for e in entries_of(record, False)
        ]
        live.append(item)
    return {"lists": live, "deleted": deleted}


def parse_lists(document: JsonObject) -> Content:
    lists: dict[str, ListRecord] = {}
    entries: dict[tuple[str, str], EntryRecord] = {}
    for group, present, stamp_key in (("lists", True, "changed"), ("deleted", False, "deleted")):
        items = document.get(group, [] if group == "deleted" else None)
        if not isinstance(items, list):
            raise DamagedContentError(messages.group_not_a_list(group))
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise DamagedContentError(messages.entry_not_an_object(group, index))
            name = _text(item, "name", group, index)
            record = ListRecord(
                list_key(name),
                " ".join(name.split()),
                present,
                _time(item, stamp_key, messages.LIST_ENTRY, index),
                _time(item, "created", messages.LIST_ENTRY, index),
                _cleared(item, index),
            )
            if not record.key:
                raise DamagedContentError(messages.entry_without_text(group, index, "name"))
            held = lists.get(record.key)
            if held is None or record.wins_over(held):
                lists[record.key] = record
            if present:
                _parse_entries(item, record.key, entries)
    return lists, entries


def _parse_entries(item: dict[str, Any], owner: str, entries: dict[tuple[str, str], EntryRecord]) -> None:
    for group, is_present, stamp_key in (("entries", True, "added"), ("removed", False, "removed")):
        items = item.get(group, [])
        if not isinstance(items, list):
            raise DamagedContentError(messages.group_not_a_list(group))
        for index, entry in enumerate(items, start=1):
            if not isinstance(entry, dict):
                raise DamagedContentError(messages.entry_not_an_object(group, index))
            text = _text(entry, "text", group, index)
            key = entry_key(text)
            if not key:
                raise DamagedContentError(messages.entry_without_text(group, index, "text"))
            record = EntryRecord(owner, key, text, is_present, _time(entry, stamp_key, group, index))
            held = entries.get((owner, key))
            if held is None or record.wins_over(held):
                entries[(owner, key)] = record


def _cleared(item: dict[str, Any], index: int) -> datetime | None:
    return None if item.get("cleared") is None else _time(item, "cleared", messages.LIST_ENTRY, index)


def _text(item: dict[str, Any], key: str, group: str, index: int) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DamagedContentError(messages.entry_without_text(group, index, key))
    return value


def _time(item: dict[str, Any], key: str, what: str, index: int) -> datetime:
    value = item.get(key)
    if not isinstance(value, str):
        raise DamagedContentError(messages.time_missing(what, index, key))
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        raise DamagedContentError(messages.time_invalid(what, index, key, value)) from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)  # only a hand edit writes a time without offset
    return stamp.astimezone(UTC)
