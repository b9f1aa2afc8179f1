"""Every sentence RxCombo shows the user about their favorites and settings files.

Kept in one module so the wording can be reviewed (and one day translated) in one place,
apart from the code that decides when to show it.  The full messages are built from a
file's label, what RxCombo continues with instead, and a *problem*: a short phrase that
says what is wrong with the file, which fits in "is damaged (...)".
"""

from __future__ import annotations

import errno
import json
from datetime import datetime
from pathlib import Path

# -- what each file is called, and what the user gets instead of a damaged one ------------
FAVORITES_LABEL = "favorites"
FAVORITES_INSTEAD = "an empty favorites list"
SETTINGS_LABEL = "settings"
SETTINGS_INSTEAD = "default settings"

# -- problems: what is wrong with a file's content ------------------------------------------
EMPTY = "it is empty"
UNKNOWN_PROBLEM = "unknown problem"
FAVORITES_NOT_A_LIST = '"favorites" is missing or not a list'
REMOVED_NOT_A_LIST = '"removed" is not a list'
SETTINGS_NOT_AN_OBJECT = '"settings" is missing or not an object'
# The two kinds of entry in the favorites file, as named in the problems below.
FAVORITE_ENTRY = "favorite"
REMOVED_ENTRY = "removed entry"


def not_text(offset: int) -> str:
    return f"it is not text (undecodable byte at offset {offset})"


def invalid_json_at(line: int, column: int, reason: str) -> str:
    return f"invalid JSON at line {line}, column {column}: {reason}"


def invalid_json(reason: object) -> str:
    return f"invalid JSON: {reason}"


def not_an_object(found: object) -> str:
    return f"expected a JSON object at the top, found {json_kind(found)}"


def wrong_format(found: object, expected: str) -> str:
    return f'"format" is {json.dumps(found)}, expected "{expected}"'


def wrong_version(found: object) -> str:
    return f'"version" is {json.dumps(found)}, expected a whole number'


def json_kind(value: object) -> str:
    """What a JSON value is, in words: "a list", "a number"..."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "an object"


def entry_not_an_object(list_name: str, index: int) -> str:
    return f'entry {index} of "{list_name}" is not an object'


def entry_without_id(list_name: str, index: int) -> str:
    return f'entry {index} of "{list_name}" has no valid "id"'


def title_not_text(index: int, page_id: str) -> str:
    return f'favorite {index} ("{page_id}") has a non-text "title"'


def field_not_text(index: int, page_id: str, key: str) -> str:
    return f'favorite {index} ("{page_id}") has a non-text "{key}"'


def too_long(what: str, length: int, limit: int) -> str:
    return f"the {what} is {length:,} characters long, over the limit of {limit:,}"


def time_missing(entry: str, index: int, key: str) -> str:
    return f'{entry} {index} has no "{key}" time'


def time_invalid(entry: str, index: int, key: str, value: str) -> str:
    return f'{entry} {index} has an invalid "{key}" time: {value!r}'


# -- why a file could not be read or written -------------------------------------------------
LOCK_BUSY = "another RxCombo window is saving it right now"
LOCK_NO_PERMISSION = "no permission to create the lock file"
LOCK_FAILED = "could not create the lock file"


def os_error_reason(exc: OSError, path: Path, *, with_code: bool = True) -> str:
    """A short reason for ``exc``, naming the file involved when it is not ``path``.

    ``with_code`` adds the errno name (ENOSPC...), which support can search for; the lock
    errors leave it out because their codes are RxCombo's own choice, not the system's.
    """
    reason = exc.strerror or str(exc) or type(exc).__name__
    code = errno.errorcode.get(exc.errno) if isinstance(exc.errno, int) else None
    if code and with_code:
        reason = f"{reason} ({code})"
    if exc.filename and Path(str(exc.filename)) != path:
        reason = f"{reason}: {exc.filename}"
    return reason


# -- the messages themselves -------------------------------------------------------------------


def damaged_moved_aside(label: str, path: Path, problem: str, moved: Path, instead: str) -> str:
    """At load: the damaged file was renamed and RxCombo starts afresh."""
    return (
        f'Your {label} file "{path}" is damaged ({problem}). It was '
        f'kept as "{moved}" and RxCombo continues with {instead}.'
    )


def damaged_left_in_place(label: str, path: Path, problem: str, reason: str, instead: str) -> str:
    """At load: the damaged file could not even be renamed, so it is not written either."""
    return (
        f'Your {label} file "{path}" is damaged ({problem}) and '
        f"could not be moved aside ({reason}). It was "
        f"left untouched and will not be written over; RxCombo continues with "
        f"{instead}."
    )


def damaged_replaced_on_save(label: str, path: Path, problem: str, moved: Path) -> str:
    """At save: the file was damaged after it was loaded; this window's copy replaced it."""
    return (
        f'Your {label} file "{path}" was damaged '
        f'({problem}). It was kept as "{moved}" and replaced with '
        f"the {label} of this window."
    )


def written_by_newer_version(label: str, path: Path, version: int | None, supported: int) -> str:
    """The file is read (if possible) but never written: it belongs to a newer RxCombo."""
    return (
        f'Your {label} file "{path}" was written by a newer version of '
        f"RxCombo (file version {version}, this version reads up to {supported}). "
        f"It is left unchanged, and changes to {label} made in this version "
        f"will not be saved."
    )


def unreadable(label: str, path: Path, reason: str, instead: str) -> str:
    """At load: the file exists but the system would not let RxCombo read it."""
    return (
        f'Your {label} file "{path}" could not be read '
        f"({reason}). RxCombo continues with "
        f"{instead} and will not write over the file."
    )


def save_failed(label: str, path: Path, reason: str) -> str:
    """A save failed; nothing is lost and the next save tries again."""
    return (
        f'Could not save {label} to "{path}": '
        f"{reason}. Your changes are kept while "
        f"RxCombo stays open and saving will be tried again."
    )


# -- importing favorites from a file -----------------------------------------------------------
IMPORT_BINARY = "it holds a NUL byte: binary data, not a text file"
IMPORT_SAME = "already the same here"
IMPORT_NO_DATE = "the file gives no date, so it cannot be newer than yours"
IMPORT_LISTED_TWICE = "listed twice in the file; the entry changed last was used"
IMPORT_ROW = "this row"
IMPORT_NO_TITLE = "this row has no title"
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


def import_refused(path: Path, line: int | None, problem: str) -> str:
    """The whole file was refused: nothing changed."""
    where = f"{path}:{line}" if line is not None else f"{path}"
    return f"{where}: cannot import favorites: {problem}. Nothing was imported."


def import_too_large(limit: int) -> str:
    return f"the file is over {limit // (1024 * 1024)} MB, more than any favorites list"


def import_too_many(limit: int) -> str:
    return f"the file holds more than {limit:,} favorites"


def import_wrong_format(found: object, *expected: str) -> str:
    names = " or ".join(f'"{name}"' for name in expected)
    return f'"format" is {shown_value(found)}, expected {names} (an RxCombo favorites export)'


def import_bad_version(found: object) -> str:
    return f'"version" is {shown_value(found)}, expected a whole number'


def import_newer(version: int, supported: int) -> str:
    return (
        f"it was written by a newer version of RxCombo "
        f"(version {version}, this version reads up to {supported})"
    )


def import_entry(index: int) -> str:
    return f"favorite {index}"


def import_not_text(where: str, key: str, value: object) -> str:
    return (
        f'{where}: "{key}" is {shown_value(value) if not isinstance(value, str) else "text"}, expected text'
    )


def import_too_long(where: str, key: str, length: int, limit: int) -> str:
    return f'{where}: "{key}" is {length:,} characters long, over the limit of {limit:,}'


def import_control_character(where: str, key: str) -> str:
    return f'{where}: "{key}" holds a control character'


def import_bad_time(where: str, key: str, value: object) -> str:
    return f'{where}: "{key}" is {shown_value(value)}, not a date and time (like 2024-01-31T12:00:00+00:00)'


def import_future_time(where: str, key: str, value: object) -> str:
    return f'{where}: "{key}" is {shown_value(value)}, in the future'


def import_bad_column(name: str, expected: tuple[str, ...]) -> str:
    return f"column {shown_value(name)} is unknown or repeated (the columns are {', '.join(expected)})"


def import_no_title_column(expected: tuple[str, ...]) -> str:
    return f'the first line names no "title" column (the columns are {", ".join(expected)})'


def import_row_too_long(cells: int, columns: int) -> str:
    return f"this row has {cells} cells, the first line names {columns} columns"


def import_csv_error(exc: Exception) -> str:
    return f"not readable as CSV ({exc})"


def import_removed_here(when: datetime) -> str:
    return f"you removed it here on {_day(when)}, after the file's entry"


def import_yours_newer(when: datetime, fields: list[str]) -> str:
    return f"yours changed later ({_day(when)}); the file's {', '.join(fields)} left as you have it"


def import_summary(added: int, updated: int, skipped: int) -> str:
    return f"{added} added, {updated} updated, {skipped} skipped"


def _day(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
