"""The user's drug lists ("Me", "Mum"): named lists of entries, kept beside the favorites.

An entry is what the user added: a drug's name or a combination product ("Aceclofenac +
Paracetamol"); the store keeps the text and knows nothing of the library (a list made
with one content folder stays whole with another). Lists are named case-insensitively
("mum" is "Mum"), and an entry is one per list whatever its case or spacing.

Like the favorites (:mod:`.favorites`), every list and every entry is a record stamped
with the time of its last change, and a save merges this window's records with the file's
under the lock, the later record winning: two windows (or the window and ``rxcombo
lists``) adding to one list keep both additions, and a removal is not undone by a window
that still held the entry. Deleting a list takes its entries with it, even one that
another window added before the deletion and saves after it; a change to the list made
elsewhere after the deletion brings the list back with just that change (the choice that
loses nothing the user did last). The file format is :mod:`.lists_file`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

from rxcombo.search.drug_names import entry_key, entry_parts

from . import messages
from .jsonfile import JsonObject
from .lists_file import Content, EntryRecord, ListRecord, list_key, parse_lists, payload
from .store import JsonStore

FORMAT_NAME = "rxcombo-lists"
TOMBSTONE_DAYS = 180
MAX_NAME_LENGTH = 100
MAX_ENTRY_LENGTH = 300
_ONE_TICK = timedelta(microseconds=1)


def _is_text(value: str) -> bool:
    """False for a string holding lone surrogates (undecodable bytes of a command line),
    which the file, always UTF-8, could not hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class DrugList:
    name: str
    entries: tuple[str, ...]  # in the order added


class ListsStore(JsonStore[Content]):
    """Drug lists in a JSON file; call :meth:`load` first, :meth:`save` after changes."""

    FORMAT: ClassVar[str] = FORMAT_NAME
    VERSION: ClassVar[int] = 1
    LABEL: ClassVar[str] = messages.LISTS_LABEL
    EMPTY_DESCRIPTION: ClassVar[str] = messages.LISTS_INSTEAD

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._lists: dict[str, ListRecord] = {}
        self._entries: dict[tuple[str, str], EntryRecord] = {}
        self._last_issued: datetime | None = None

    # -- queries --------------------------------------------------------------------
    def lists(self) -> list[DrugList]:
        """Every list, the oldest first, with its entries in the order added."""
        found = [r for r in self._lists.values() if r.present]
        found.sort(key=lambda r: (r.created, r.key))
        return [DrugList(r.name, tuple(self._entry_texts(r))) for r in found]

    def names(self) -> list[str]:
        return [drug_list.name for drug_list in self.lists()]

    def get(self, name: str) -> DrugList | None:
        record = self._lists.get(list_key(name))
        if record is None or not record.present:
            return None
        return DrugList(record.name, tuple(self._entry_texts(record)))

    def _entry_texts(self, record: ListRecord) -> list[str]:
        entries = [e for (owner, _key), e in self._entries.items() if owner == record.key and record.holds(e)]
        entries.sort(key=lambda e: (e.stamp, e.key))
        return [e.text for e in entries]

    # -- changes --------------------------------------------------------------------
    def create(self, name: str) -> bool:
        """Make an empty list; False if a list of that name exists."""
        key, cleaned = self._checked_name(name)
        if self.get(key) is not None:
            return False
        previous = self._lists.get(key)
        stamp = self._next_stamp(previous)
        cleared = previous.cleared if previous is not None else None
        self._lists[key] = ListRecord(key, cleaned, True, stamp, stamp, cleared)
        self._mark_dirty()
        return True

    def add(self, name: str, entry: str) -> bool:
        """Add an entry (making the list if needed); False if the list already holds it."""
        key, cleaned = self._checked_name(name)
        text = " + ".join(entry_parts(entry))
        if not text:
            raise ValueError(messages.EMPTY_ENTRY)
        if not _is_text(text):
            raise ValueError(messages.ENTRY_NOT_TEXT)
        if len(text) > MAX_ENTRY_LENGTH:
            raise ValueError(messages.entry_too_long(len(text), MAX_ENTRY_LENGTH))
        self.create(cleaned)
        record = self._lists[key]
        entry_id = (key, entry_key(text))
        current = self._entries.get(entry_id)
        if current is not None and record.holds(current):
            return False
        self._entries[entry_id] = EntryRecord(key, entry_id[1], text, True, self._next_stamp(current))
        self._touch(record)
        return True

    def remove(self, name: str, entry: str) -> bool:
        """Remove an entry; False if the list does not hold it."""
        record = self._lists.get(list_key(name))
        if record is None or not record.present:
            return False
        entry_id = (record.key, entry_key(entry))
        current = self._entries.get(entry_id)
        if current is None or not record.holds(current):
            return False
        self._entries[entry_id] = replace(current, present=False, stamp=self._next_stamp(current))
        self._touch(record)
        return True

    def delete(self, name: str) -> bool:
        """Delete a list and its entries; False if there is no such list."""
        record = self._lists.get(list_key(name))
        if record is None or not record.present:
            return False
        stamp = self._next_stamp(record)
        self._lists[record.key] = replace(record, present=False, stamp=stamp, cleared=stamp)
        self._mark_dirty()
        return True

    def rename(self, old: str, new: str) -> bool:
        """Give a list another name (its entries move along); False if ``old`` does not
        exist or another list is called ``new``."""
        source = self.get(old)
        key, cleaned = self._checked_name(new)
        if source is None:
            return False
        if key == list_key(old):  # only the spelling changes
            record = self._lists[key]
            self._lists[key] = replace(record, name=cleaned, stamp=self._next_stamp(record))
            self._mark_dirty()
            return True
        if self.get(key) is not None:
            return False
        self.create(cleaned)
        for entry in source.entries:
            self.add(cleaned, entry)
        return self.delete(old)

    def _touch(self, record: ListRecord) -> None:
        self._lists[record.key] = replace(record, present=True, stamp=self._next_stamp(record))
        self._mark_dirty()

    @staticmethod
    def _checked_name(name: str) -> tuple[str, str]:
        cleaned = " ".join(name.split())
        if not cleaned:
            raise ValueError(messages.EMPTY_LIST_NAME)
        if not _is_text(cleaned):
            raise ValueError(messages.LIST_NAME_NOT_TEXT)
        if len(cleaned) > MAX_NAME_LENGTH:
            raise ValueError(messages.list_name_too_long(len(cleaned), MAX_NAME_LENGTH))
        return list_key(cleaned), cleaned

    def _next_stamp(self, previous: ListRecord | EntryRecord | None) -> datetime:
        """Strictly after this store's last change and the record's own (as favorites)."""
        stamp = datetime.now(UTC)
        if self._last_issued is not None and stamp <= self._last_issued:
            stamp = self._last_issued + _ONE_TICK
        if previous is not None and stamp <= previous.stamp:
            stamp = previous.stamp + _ONE_TICK
        self._last_issued = stamp
        return stamp

    # -- JsonStore hooks ------------------------------------------------------------
    def _clear(self) -> None:
        self._lists, self._entries = {}, {}

    def _replace_content(self, content: Content) -> None:
        self._lists, self._entries = dict(content[0]), dict(content[1])

    def _merge_content(self, content: Content) -> None:
        theirs_lists, theirs_entries = content
        for key, theirs in theirs_lists.items():
            mine = self._lists.get(key)
            if mine is None:
                self._lists[key] = theirs
                continue
            winner = theirs if theirs.wins_over(mine) else mine
            deletions = [c for c in (mine.cleared, theirs.cleared) if c is not None]
            self._lists[key] = replace(winner, cleared=max(deletions, default=None))
        for entry_id, theirs_entry in theirs_entries.items():
            mine_entry = self._entries.get(entry_id)
            if mine_entry is None or theirs_entry.wins_over(mine_entry):
                self._entries[entry_id] = theirs_entry

    def _before_write(self) -> None:
        cutoff = datetime.now(UTC) - timedelta(days=TOMBSTONE_DAYS)
        self._lists = {k: r for k, r in self._lists.items() if r.present or r.stamp >= cutoff}
        kept: dict[tuple[str, str], EntryRecord] = {}
        for entry_id, entry in self._entries.items():
            owner = self._lists.get(entry_id[0])
            if owner is None or (owner.cleared is not None and entry.stamp <= owner.cleared):
                continue  # went with a deletion of its list
            if entry.present or entry.stamp >= cutoff:
                kept[entry_id] = entry
        self._entries = kept

    def _payload(self) -> JsonObject:
        return payload(self._lists, self._entries)

    def _parse(self, document: JsonObject) -> Content:
        return parse_lists(document)
