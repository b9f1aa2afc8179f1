"""Every sentence RxCombo shows about importing favorites from a file.

The companion of :mod:`.messages` (which holds the words about the user's own files), kept
apart so each stays short. A value read from an untrusted file is never repeated at
length: :func:`shown_value` quotes and cuts it, or names its kind.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from .messages import json_kind

BINARY = "it holds a NUL byte: binary data, not a text file"
SAME = "already the same here"
NO_DATE = "the file gives no date, so it cannot be newer than yours"
LISTED_TWICE = "listed twice in the file; the entry changed last was used"
ROW = "this row"
NO_TITLE = "this row has no title"
_SHOWN_CHARACTERS = 60


def shown_value(value: object) -> str:
    """A value from an untrusted file, short enough for a message: text quoted and cut,
    anything else named by its kind."""
    if isinstance(value, str):
        cut = value if len(value) <= _SHOWN_CHARACTERS else value[:_SHOWN_CHARACTERS] + "…"
        return json.dumps(cut, ensure_ascii=False)
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)[:_SHOWN_CHARACTERS]
    return json_kind(value)


def refused(path: Path, line: int | None, problem: str) -> str:
    """The whole file was refused: nothing changed."""
    where = f"{path}:{line}" if line is not None else f"{path}"
    return f"{where}: cannot import favorites: {problem}. Nothing was imported."


def too_large(limit: int) -> str:
    return f"the file is over {limit // (1024 * 1024)} MB, more than any favorites list"


def too_many(limit: int) -> str:
    return f"the file holds more than {limit:,} favorites"


def wrong_format(found: object, *expected: str) -> str:
    names = " or ".join(f'"{name}"' for name in expected)
    return f'"format" is {shown_value(found)}, expected {names} (an RxCombo favorites export)'


def bad_version(found: object) -> str:
    return f'"version" is {shown_value(found)}, expected a whole number'


def newer(version: int, supported: int) -> str:
    return (
        f"it was written by a newer version of RxCombo "
        f"(version {version}, this version reads up to {supported})"
    )


def entry(index: int) -> str:
    return f"favorite {index}"


def value_not_text(where: str, key: str, value: object) -> str:
    return (
        f'{where}: "{key}" is {shown_value(value) if not isinstance(value, str) else "text"}, expected text'
    )


def value_too_long(where: str, key: str, length: int, limit: int) -> str:
    return f'{where}: "{key}" is {length:,} characters long, over the limit of {limit:,}'


def control_character(where: str, key: str) -> str:
    return f'{where}: "{key}" holds a control character'


def bad_time(where: str, key: str, value: object) -> str:
    return f'{where}: "{key}" is {shown_value(value)}, not a date and time (like 2024-01-31T12:00:00+00:00)'


def future_time(where: str, key: str, value: object) -> str:
    return f'{where}: "{key}" is {shown_value(value)}, in the future'


def bad_column(name: str, expected: tuple[str, ...]) -> str:
    return f"column {shown_value(name)} is unknown or repeated (the columns are {', '.join(expected)})"


def no_title_column(expected: tuple[str, ...]) -> str:
    return f'the first line names no "title" column (the columns are {", ".join(expected)})'


def row_too_long(cells: int, columns: int) -> str:
    return f"this row has {cells} cells, the first line names {columns} columns"


def csv_error(exc: Exception) -> str:
    return f"not readable as CSV ({exc})"


def removed_here(when: datetime) -> str:
    return f"you removed it here on {_day(when)}, after the file's entry"


def yours_newer(when: datetime, fields: list[str]) -> str:
    return f"yours changed later ({_day(when)}); the file's {', '.join(fields)} left as you have it"


def summary(added: int, updated: int, skipped: int) -> str:
    return f"{added} added, {updated} updated, {skipped} skipped"


def _day(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
