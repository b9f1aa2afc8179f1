"""Merging imported favorites into the store's records, and the report of what happened.

The rule, the same for the window and ``rxcombo favorites import``: a favorite that is
new here is added; one that exists is updated only where the import's entry changed
later than ours; nothing is ever removed. A favorite removed here after the import's
entry was made stays removed. Every entry of the file ends up in the report, as added,
updated or skipped, with what changed or why it was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

from . import messages_import
from .favorites_file import Record


@dataclass(frozen=True)
class Incoming:
    """One favorite read from an import file; ``line`` is where it is in the file (CSV)
    or its entry's number (JSON). Without a date it cannot be newer than ours."""

    page_id: str
    title: str
    added: datetime | None = None
    changed: datetime | None = None
    note: str = ""
    folder: str = ""
    source: str = ""  # "" when the file does not say: ours is kept
    line: int | None = None

    @property
    def stamp(self) -> datetime | None:
        return self.changed or self.added


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ImportedEntry:
    outcome: Outcome
    page_id: str
    title: str
    detail: str = ""  # what was updated, or why it was skipped
    line: int | None = None


@dataclass(frozen=True)
class ImportReport:
    entries: tuple[ImportedEntry, ...] = ()

    def of(self, outcome: Outcome) -> list[ImportedEntry]:
        return [entry for entry in self.entries if entry.outcome is outcome]

    @property
    def added(self) -> list[ImportedEntry]:
        return self.of(Outcome.ADDED)

    @property
    def updated(self) -> list[ImportedEntry]:
        return self.of(Outcome.UPDATED)

    @property
    def skipped(self) -> list[ImportedEntry]:
        return self.of(Outcome.SKIPPED)

    def summary(self) -> str:
        return messages_import.summary(len(self.added), len(self.updated), len(self.skipped))


_FIELDS = ("title", "note", "folder", "source")


def merge_imported(records: dict[str, Record], entries: Sequence[Incoming]) -> tuple[ImportReport, bool]:
    """Apply ``entries`` to ``records`` (in place); returns the report and whether anything
    changed."""
    report: list[ImportedEntry] = []
    newest: dict[str, Incoming] = {}
    for entry in entries:
        kept = newest.get(entry.page_id)
        if kept is None or _later(entry, kept):
            if kept is not None:
                report.append(_skipped(kept, messages_import.LISTED_TWICE))
            newest[entry.page_id] = entry
        else:
            report.append(_skipped(entry, messages_import.LISTED_TWICE))
    now = datetime.now(UTC)
    changed = False
    for entry in newest.values():
        outcome = _merge_one(records, entry, now)
        changed = changed or outcome.outcome is not Outcome.SKIPPED
        report.append(outcome)
    report.sort(key=lambda e: (e.line is None, e.line or 0, e.page_id))
    return ImportReport(tuple(report)), changed


def _later(entry: Incoming, other: Incoming) -> bool:
    mine, theirs = entry.stamp, other.stamp
    return mine is not None and (theirs is None or mine > theirs)


def _skipped(entry: Incoming, why: str) -> ImportedEntry:
    return ImportedEntry(Outcome.SKIPPED, entry.page_id, entry.title, why, entry.line)


def _merge_one(records: dict[str, Record], entry: Incoming, now: datetime) -> ImportedEntry:
    mine = records.get(entry.page_id)
    stamp = entry.stamp
    if mine is None or not mine.present:
        if mine is not None and (stamp is None or stamp <= mine.stamp):
            return _skipped(entry, messages_import.removed_here(mine.stamp))
        when = stamp or now
        records[entry.page_id] = Record(
            entry.page_id,
            True,
            when,
            entry.title,
            entry.added or when,
            entry.note,
            entry.folder,
            entry.source,
        )
        return ImportedEntry(Outcome.ADDED, entry.page_id, entry.title, line=entry.line)
    theirs = replace(
        mine, title=entry.title, note=entry.note, folder=entry.folder, source=entry.source or mine.source
    )
    differing = [name for name in _FIELDS if getattr(theirs, name) != getattr(mine, name)]
    if not differing:
        return _skipped(entry, messages_import.SAME)
    if stamp is None:
        return _skipped(entry, messages_import.NO_DATE)
    if stamp <= mine.stamp:
        return _skipped(entry, messages_import.yours_newer(mine.stamp, differing))
    added = min(mine.added or mine.stamp, entry.added or mine.stamp)
    records[entry.page_id] = replace(theirs, stamp=stamp, added=added)
    return ImportedEntry(Outcome.UPDATED, entry.page_id, entry.title, ", ".join(differing), entry.line)
