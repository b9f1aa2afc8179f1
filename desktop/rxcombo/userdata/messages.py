"""Every sentence RxCombo shows the user about their favorites and settings files.

Kept in one module so the wording can be reviewed (and one day translated) in one place
(with :mod:`.messages_import`, the sentences about importing favorites from a file),
apart from the code that decides when to show it.  The full messages are built from a
file's label, what RxCombo continues with instead, and a *problem*: a short phrase that
says what is wrong with the file, which fits in "is damaged (...)".
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

# -- what each file is called, and what the user gets instead of a damaged one ------------
FAVORITES_LABEL = "favorites"
FAVORITES_INSTEAD = "an empty favorites list"
SETTINGS_LABEL = "settings"
SETTINGS_INSTEAD = "default settings"
LISTS_LABEL = "drug lists"
LISTS_INSTEAD = "no saved drug lists"

# -- problems: what is wrong with a file's content ------------------------------------------
EMPTY = "it is empty"
UNKNOWN_PROBLEM = "unknown problem"
FAVORITES_NOT_A_LIST = '"favorites" is missing or not a list'
REMOVED_NOT_A_LIST = '"removed" is not a list'
SETTINGS_NOT_AN_OBJECT = '"settings" is missing or not an object'
# The two kinds of entry in the favorites file, as named in the problems below.
FAVORITE_ENTRY = "favorite"
REMOVED_ENTRY = "removed entry"
LIST_ENTRY = "list"

# -- what a drug list refuses to hold ---------------------------------------------------------
EMPTY_LIST_NAME = "A list needs a name."
EMPTY_ENTRY = "An entry needs a drug's name."
LIST_NAME_NOT_TEXT = "A list's name must be text: this one holds bytes that are not UTF-8."
ENTRY_NOT_TEXT = "An entry must be text: this one holds bytes that are not UTF-8."


def list_name_too_long(length: int, limit: int) -> str:
    return f"A list's name is at most {limit} characters (this one has {length})."


def entry_too_long(length: int, limit: int) -> str:
    return f"An entry is at most {limit} characters (this one has {length})."


def group_not_a_list(group: str) -> str:
    return f'"{group}" is missing or not a list'


def entry_without_text(group: str, index: int, key: str) -> str:
    return f'entry {index} of "{group}" has no valid "{key}"'


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
