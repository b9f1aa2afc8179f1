"""Favorites read from an import file (JSON or CSV), checked whole before anything changes.

An import file is untrusted: it may be huge, binary, malformed, wrongly typed or built to
hurt. It is read whole and checked whole; the first thing wrong refuses the file with its
name, its line where known, and what is wrong (:class:`ImportFileError`), and nothing is
imported. Limits: 16 MB, 100,000 entries, the store's own limits on titles, notes and
folders, no control characters but a note's line breaks and tabs, no time more than a
day ahead. Values from the file are never repeated at length in a message.

JSON: an export (:mod:`.favorites_export`) or a favorites file itself (its removals are
not imported: an import never removes). CSV: the export's columns, in any order, with
``title`` required; a row has no page id, so it goes to the favorite with that title, else
the page the library gives for the title (``resolve``), else the title's slug. What the
favorites become is the merge's (:mod:`.favorites_import`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rxcombo.content.names import fold, slugify

from . import messages, messages_import
from .favorites_export import CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION, unescape
from .favorites_file import FORMAT_NAME, MAX_FOLDER, MAX_NOTE, MAX_TITLE, VERSION, Favorite, parse_time
from .favorites_import import Incoming

MAX_IMPORT_BYTES = 16 * 1024 * 1024
MAX_IMPORT_ENTRIES = 100_000
MAX_ID = 400
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NOTE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TitleResolver = Callable[[str], tuple[str, str] | None]  # title -> (page id, source name)


class ImportFileError(ValueError):
    """The file cannot be imported; ``str()`` is the whole message for the user."""

    def __init__(self, path: Path, problem: str, line: int | None = None) -> None:
        super().__init__(messages_import.refused(path, line, problem))
        self.path, self.problem, self.line = path, problem, line


def read_import(
    path: Path, existing: Sequence[Favorite] = (), resolve: TitleResolver | None = None
) -> list[Incoming]:
    """The favorites in ``path`` (JSON or CSV); raises :class:`ImportFileError`."""
    raw = _read_limited(path)
    if b"\x00" in raw:
        raise ImportFileError(path, messages_import.BINARY, raw.count(b"\n", 0, raw.index(b"\x00")) + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            path, messages.not_text(exc.start), raw.count(b"\n", 0, exc.start) + 1
        ) from None
    if not text.strip():
        raise ImportFileError(path, messages.EMPTY)
    is_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and text.lstrip()[:1] in "{[")
    return _from_json(path, text) if is_json else _from_csv(path, text, existing, resolve)


def _read_limited(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ImportFileError(path, messages.os_error_reason(exc, path)) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportFileError(path, messages_import.too_large(MAX_IMPORT_BYTES))
    return raw


def _from_json(path: Path, text: str) -> list[Incoming]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            path, messages.invalid_json_at(exc.lineno, exc.colno, exc.msg), exc.lineno
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(path, messages.invalid_json(exc)) from None
    if not isinstance(document, dict):
        raise ImportFileError(path, messages.not_an_object(document))
    found, version = document.get("format"), document.get("version")
    supported = {EXPORT_FORMAT: EXPORT_VERSION, FORMAT_NAME: VERSION}
    if found not in supported:
        raise ImportFileError(path, messages_import.wrong_format(found, EXPORT_FORMAT, FORMAT_NAME))
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFileError(path, messages_import.bad_version(version))
    if version > supported[found]:
        raise ImportFileError(path, messages_import.newer(version, supported[found]))
    entries = document.get("favorites")
    if not isinstance(entries, list):
        raise ImportFileError(path, messages.FAVORITES_NOT_A_LIST)
    _check_count(path, len(entries))
    return [_json_entry(path, entry, index) for index, entry in enumerate(entries, start=1)]


def _json_entry(path: Path, entry: Any, index: int) -> Incoming:
    where = messages_import.entry(index)
    if not isinstance(entry, dict):
        raise ImportFileError(path, messages.entry_not_an_object("favorites", index))
    fields = {
        key: _checked(path, where, key, entry.get(key), None) for key in ("id", "title", "note", "folder")
    }
    source = _checked(path, where, "source", entry.get("source") or "", None)
    if not fields["id"]:
        raise ImportFileError(path, messages.entry_without_id("favorites", index))
    title = fields["title"] or fields["id"]
    added, changed = (_time(path, where, key, entry.get(key), None) for key in ("added", "changed"))
    return Incoming(fields["id"], title, added, changed, fields["note"], fields["folder"], source, index)


def _from_csv(
    path: Path, text: str, existing: Sequence[Favorite], resolve: TitleResolver | None
) -> list[Incoming]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
        for name in header:
            if name not in CSV_COLUMNS or header.count(name) > 1:
                raise ImportFileError(path, messages_import.bad_column(name, CSV_COLUMNS), 1)
        if "title" not in header:
            raise ImportFileError(path, messages_import.no_title_column(CSV_COLUMNS), 1)
        ids = _ids_by_title(existing)
        entries: list[Incoming] = []
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                entries.append(_csv_row(path, line, header, row, ids, resolve))
                _check_count(path, len(entries))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(path, messages_import.csv_error(exc), reader.line_num) from None
    return entries


def _csv_row(
    path: Path,
    line: int,
    header: list[str],
    row: list[str],
    ids: dict[str, tuple[str, str]],
    resolve: TitleResolver | None,
) -> Incoming:
    if len(row) > len(header):
        raise ImportFileError(path, messages_import.row_too_long(len(row), len(header)), line)
    cells = {name: unescape(cell) for name, cell in zip(header, row, strict=False)}
    where = messages_import.ROW
    title = _checked(path, where, "title", cells.get("title", "").strip(), line)
    if not title:
        raise ImportFileError(path, messages_import.NO_TITLE, line)
    note = _checked(path, where, "note", cells.get("note", ""), line)
    folder = _checked(path, where, "folder", cells.get("folder", "").strip(), line)
    added = _time(path, where, "added", cells.get("added", "").strip() or None, line)
    page_id, source = ids.get(fold(title)) or (resolve(title) if resolve else None) or (slugify(title), "")
    return Incoming(page_id, title, added, None, note, folder, source, line)


def _ids_by_title(existing: Sequence[Favorite]) -> dict[str, tuple[str, str]]:
    found: dict[str, list[Favorite]] = {}
    for favorite in existing:
        found.setdefault(fold(favorite.title), []).append(favorite)
    return {key: (group[0].page_id, group[0].source) for key, group in found.items() if len(group) == 1}


_LIMITS = {"id": MAX_ID, "title": MAX_TITLE, "note": MAX_NOTE, "folder": MAX_FOLDER, "source": MAX_TITLE}


def _checked(path: Path, where: str, key: str, value: Any, line: int | None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFileError(path, messages_import.value_not_text(where, key, value), line)
    if len(value) > _LIMITS[key]:
        raise ImportFileError(
            path, messages_import.value_too_long(where, key, len(value), _LIMITS[key]), line
        )
    if (_NOTE_CONTROL if key == "note" else _CONTROL).search(value):
        raise ImportFileError(path, messages_import.control_character(where, key), line)
    return value


def _time(path: Path, where: str, key: str, value: Any, line: int | None) -> datetime | None:
    if value is None:
        return None
    stamp = parse_time(value) if isinstance(value, str) and len(value) <= 64 else None
    if stamp is None:
        raise ImportFileError(path, messages_import.bad_time(where, key, value), line)
    if stamp > datetime.now(UTC) + timedelta(days=1):
        raise ImportFileError(path, messages_import.future_time(where, key, value), line)
    return stamp


def _check_count(path: Path, count: int) -> None:
    if count > MAX_IMPORT_ENTRIES:
        raise ImportFileError(path, messages_import.too_many(MAX_IMPORT_ENTRIES))
