"""What changed in a source's pages since its cache was written (the last start). No Qt.

The cache remembers every page file with its signature (size, modification time, inode),
so comparing it with the files found now says which pages were added, removed or changed
on disk, at no extra cost. A source seen for the first time (or whose cache was cleared,
or written by another version) has nothing to compare with: its changes are *unknown*,
never "everything was added". The cache is shared with the command line, so a change
first seen by ``rxcombo list`` is not reported again by the next window start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rxcombo.content.document import Document
from rxcombo.content.names import slugify
from rxcombo.library.cache import CachedPage
from rxcombo.library.files import Signature


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"  # the file changed on disk (its text may or may not differ)


@dataclass(frozen=True, slots=True)
class PageChange:
    """One page file that changed: ``path`` is relative to its source's folder (with "/"),
    ``title`` and ``page_id`` are the page's now, or, for a removed page, what they were
    in its own source (None for a file that could not be read). A removed page may have
    been listed as ``<id>-<source>`` beside another source's page: :meth:`Changes.lost`
    knows both forms."""

    kind: ChangeKind
    source: str
    path: str
    title: str | None
    page_id: str | None


@dataclass(frozen=True, slots=True)
class Changes:
    """The pages changed since the last start, over every source that was compared;
    ``unknown`` names the sources with nothing to compare with."""

    pages: tuple[PageChange, ...] = ()
    unknown: tuple[str, ...] = field(default_factory=tuple)

    @property
    def known(self) -> bool:
        return not self.unknown

    @property
    def count(self) -> int:
        return len(self.pages)

    def of_kind(self, kind: ChangeKind) -> list[PageChange]:
        return [change for change in self.pages if change.kind is kind]

    @property
    def added(self) -> list[PageChange]:
        return self.of_kind(ChangeKind.ADDED)

    @property
    def removed(self) -> list[PageChange]:
        return self.of_kind(ChangeKind.REMOVED)

    @property
    def changed(self) -> list[PageChange]:
        return self.of_kind(ChangeKind.CHANGED)

    def lost(self, page_id: str, source: str | None = None) -> PageChange | None:
        """The removal that took the page a favorite or list entry points at (its id and
        source as saved), or None. Whether the page is gone is ``Library.find``'s answer;
        this says that it went since the last start, and which file it was."""
        for change in self.removed:
            if change.page_id is None or (source and change.source != source):
                continue
            if page_id in (change.page_id, f"{change.page_id}-{slugify(change.source)}"):
                return change
        return None

    def renamed(self, source: str, ids: Mapping[str, str]) -> Changes:
        """The same changes, with the page ids of ``source`` that ``ids`` maps replaced."""
        pages = tuple(
            replace(change, page_id=ids.get(change.page_id, change.page_id))
            if change.source == source and change.page_id is not None
            else change
            for change in self.pages
        )
        return Changes(pages, self.unknown)

    @staticmethod
    def combine(parts: Iterable[Changes]) -> Changes:
        pages: list[PageChange] = []
        unknown: list[str] = []
        for part in parts:
            pages.extend(part.pages)
            unknown.extend(part.unknown)
        return Changes(tuple(pages), tuple(unknown))


def compare(
    source: str,
    before: Mapping[str, tuple[Signature, CachedPage]],
    now: Mapping[str, tuple[Signature, CachedPage]],
) -> Changes:
    """The changes from ``before`` (the cache) to ``now`` (this load), relative path by path.

    Call it after the library's ids are assigned: the ids reported are the ones now."""
    pages: list[PageChange] = []
    for relative, (signature, found) in now.items():
        previous = before.get(relative)
        if previous is None:
            pages.append(_change(ChangeKind.ADDED, source, relative, found))
        elif previous[0] != signature:
            pages.append(_change(ChangeKind.CHANGED, source, relative, found))
    for relative, (_signature, found) in before.items():
        if relative not in now:
            pages.append(_change(ChangeKind.REMOVED, source, relative, found))
    pages.sort(key=lambda change: (change.path, change.kind))
    return Changes(tuple(pages))


def _change(kind: ChangeKind, source: str, relative: str, found: CachedPage) -> PageChange:
    if isinstance(found, Document):
        return PageChange(kind, source, relative, found.title, found.id)
    return PageChange(kind, source, relative, None, None)
