"""Where a source's pages come from: its facts, computed once when it loads. No Qt.

For each source: its folder, page and drug counts, the newest and oldest page date, the
problems found, and the text of a ``SOURCE.txt``, ``README`` or licence file lying in the
folder. A page's date is its own front matter date (``lastModified``, ``last_modified`` or
``date``) when it has one that reads as a day, else its file's modification time, and the
facts say which of the two the dates come from. These are the content's dates, shown as
such (``wording.content_date``): nothing here says when anybody reviewed anything.

The facts are stored with the cached library (they change only when a file's signature
does), except the about text, which is read again at every load (a small file that no
page signature covers).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rxcombo.content.document import Document
from rxcombo.content.problems import Problem
from rxcombo.support import lazy

# What "dates_from" says: where the dates of a source's pages come from.
FRONT_MATTER = "front matter"
FILE_TIMES = "file times"
BOTH = "front matter and file times"
# The files that say where a folder's pages come from, in the order they are looked for.
ABOUT_FILES = (
    "SOURCE.txt", "SOURCE.md", "SOURCE", "README.txt", "README.md", "README",
    "LICENSE.txt", "LICENSE.md", "LICENSE", "LICENCE.txt", "LICENCE.md", "LICENCE", "COPYING",
)  # fmt: skip
ABOUT_MAX_BYTES = 64 * 1024
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_MAX_DATE_TEXT = 100


@dataclass(frozen=True, slots=True)
class PageDate:
    """A page's own date, from its front matter, as written (``text``) and as a day when
    it reads as one (``day``); ``key`` is the front matter key it comes from."""

    text: str
    key: str
    day: datetime.date | None


@cache
def _content_date() -> Callable[[Mapping[str, Any]], tuple[str, str] | None]:
    """``content.meta.content_date``, imported after a warm start's first paint and by the
    main thread (rxcombo.support.lazy); looked up once, as this runs for every page read."""
    lazy.module("rxcombo.content.meta")
    from rxcombo.content.meta import content_date

    return content_date


def page_date(document: Document) -> PageDate | None:
    """The page's front matter date (``lastModified``, ``last_modified`` or ``date``), read
    as the page header reads it (``content.meta``); the listing keeps these keys."""
    found = _content_date()(document.metadata) if document.metadata else None
    if found is None:
        return None
    text, key = found
    text = text[:_MAX_DATE_TEXT]
    return PageDate(text, key, _day(text))


def _day(text: str) -> datetime.date | None:
    match = _ISO_DAY.match(text)
    if match is None:
        return None
    try:
        return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return None


@dataclass(slots=True)
class DateTally:
    """Newest and oldest page date, counted while a source loads."""

    newest: datetime.date | None = None
    oldest: datetime.date | None = None
    from_front_matter: int = 0
    from_file_times: int = 0

    def add(self, document: Document, mtime_ns: int) -> None:
        own = page_date(document)
        day: datetime.date | None
        if own is not None and own.day is not None:
            day = own.day
            self.from_front_matter += 1
        else:
            day = _file_day(mtime_ns)
            self.from_file_times += 1
        if day is None:
            return
        if self.newest is None or day > self.newest:
            self.newest = day
        if self.oldest is None or day < self.oldest:
            self.oldest = day

    @property
    def dates_from(self) -> str | None:
        if self.from_front_matter and self.from_file_times:
            return BOTH
        if self.from_front_matter:
            return FRONT_MATTER
        return FILE_TIMES if self.from_file_times else None


def _file_day(mtime_ns: int) -> datetime.date | None:
    try:
        return datetime.date.fromtimestamp(mtime_ns / 1e9)  # the user's local day
    except (OverflowError, OSError, ValueError):  # a file dated far outside what the OS can say
        return None


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """What one source holds and where it comes from (Help > About, the Sources dialog,
    ``rxcombo info``). ``about_file`` names the file ``about`` was read from."""

    name: str
    folder: Path
    pages: int = 0
    drugs: int = 0
    newest: datetime.date | None = None
    oldest: datetime.date | None = None
    dates_from: str | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    about: str | None = None
    about_file: str | None = None

    @staticmethod
    def counted(
        name: str, folder: Path, pages: int, drugs: int, dates: DateTally, problems: list[Problem]
    ) -> SourceFacts:
        return SourceFacts(
            name, folder, pages, drugs, dates.newest, dates.oldest, dates.dates_from, tuple(problems)
        )


def read_about(folder: Path) -> tuple[str | None, str | None]:
    """(text, file name) of the first about file in ``folder`` (not its subfolders; the
    name's case does not matter), or (None, None). At most 64 KB is read; bytes that are
    not UTF-8 read as U+FFFD."""
    try:
        with os.scandir(folder) as entries:
            names = {entry.name.casefold(): entry.name for entry in entries if entry.is_file()}
    except OSError:
        return None, None
    for wanted in ABOUT_FILES:
        name = names.get(wanted.casefold())
        if name is None:
            continue
        try:
            with (folder / name).open("rb") as handle:
                raw = handle.read(ABOUT_MAX_BYTES + 1)
        except OSError:
            continue
        text = raw[:ABOUT_MAX_BYTES].decode("utf-8-sig", errors="replace").replace("\x00", "\ufffd")
        if len(raw) > ABOUT_MAX_BYTES:
            text += "\n…"
        return text.replace("\r\n", "\n"), name
    return None, None
