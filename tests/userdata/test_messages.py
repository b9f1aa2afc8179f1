"""Every sentence shown about the user's files: what each says, and that none is untested."""

from __future__ import annotations

import errno
import inspect
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rxcombo.userdata import messages, messages_import

PATH = Path("/home/u/.local/share/RxCombo/favorites.json")
MOVED = Path("/home/u/.local/share/RxCombo/favorites.json.damaged-20240506-070809")
IMPORTED = Path("/home/u/favorites.csv")
WHEN = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)

# name -> (the text it gives, words a user must find in it).  Adding a message to
# messages.py without a line here fails test_every_message_is_covered.
CASES: dict[str, tuple[str, list[str]]] = {
    "FAVORITES_LABEL": (messages.FAVORITES_LABEL, ["favorites"]),
    "FAVORITES_INSTEAD": (messages.FAVORITES_INSTEAD, ["an empty favorites list"]),
    "SETTINGS_LABEL": (messages.SETTINGS_LABEL, ["settings"]),
    "SETTINGS_INSTEAD": (messages.SETTINGS_INSTEAD, ["default settings"]),
    "LISTS_LABEL": (messages.LISTS_LABEL, ["drug lists"]),
    "LISTS_INSTEAD": (messages.LISTS_INSTEAD, ["no saved drug lists"]),
    "LIST_ENTRY": (messages.LIST_ENTRY, ["list"]),
    "EMPTY_LIST_NAME": (messages.EMPTY_LIST_NAME, ["needs a name"]),
    "EMPTY_ENTRY": (messages.EMPTY_ENTRY, ["needs a drug's name"]),
    "LIST_NAME_NOT_TEXT": (messages.LIST_NAME_NOT_TEXT, ["must be text", "not UTF-8"]),
    "ENTRY_NOT_TEXT": (messages.ENTRY_NOT_TEXT, ["must be text", "not UTF-8"]),
    "list_name_too_long": (messages.list_name_too_long(120, 100), ["at most 100 characters", "has 120"]),
    "entry_too_long": (messages.entry_too_long(400, 300), ["at most 300 characters", "has 400"]),
    "group_not_a_list": (messages.group_not_a_list("lists"), ['"lists"', "not a list"]),
    "entry_without_text": (
        messages.entry_without_text("entries", 2, "text"),
        ['entry 2 of "entries"', '"text"'],
    ),
    "EMPTY": (messages.EMPTY, ["it is empty"]),
    "UNKNOWN_PROBLEM": (messages.UNKNOWN_PROBLEM, ["unknown problem"]),
    "FAVORITES_NOT_A_LIST": (messages.FAVORITES_NOT_A_LIST, ['"favorites"', "not a list"]),
    "REMOVED_NOT_A_LIST": (messages.REMOVED_NOT_A_LIST, ['"removed"', "not a list"]),
    "SETTINGS_NOT_AN_OBJECT": (messages.SETTINGS_NOT_AN_OBJECT, ['"settings"', "not an object"]),
    "FAVORITE_ENTRY": (messages.FAVORITE_ENTRY, ["favorite"]),
    "REMOVED_ENTRY": (messages.REMOVED_ENTRY, ["removed entry"]),
    "LOCK_BUSY": (messages.LOCK_BUSY, ["another RxCombo window", "saving"]),
    "LOCK_NO_PERMISSION": (messages.LOCK_NO_PERMISSION, ["no permission", "lock file"]),
    "LOCK_FAILED": (messages.LOCK_FAILED, ["could not create the lock file"]),
    "not_text": (messages.not_text(17), ["not text", "offset 17"]),
    "invalid_json_at": (
        messages.invalid_json_at(4, 3, "Expecting ','"),
        ["invalid JSON", "line 4", "column 3", "Expecting ','"],
    ),
    "invalid_json": (messages.invalid_json(RecursionError("too deep")), ["invalid JSON: too deep"]),
    "not_an_object": (messages.not_an_object([1]), ["expected a JSON object", "found a list"]),
    "wrong_format": (
        messages.wrong_format("other", "rxcombo-favorites"),
        ['"format" is "other"', 'expected "rxcombo-favorites"'],
    ),
    "wrong_version": (messages.wrong_version("1"), ['"version" is "1"', "whole number"]),
    "json_kind": (messages.json_kind({}), ["an object"]),
    "entry_not_an_object": (messages.entry_not_an_object("favorites", 2), ['entry 2 of "favorites"']),
    "entry_without_id": (messages.entry_without_id("removed", 3), ['entry 3 of "removed"', '"id"']),
    "title_not_text": (messages.title_not_text(1, "aspirin"), ['favorite 1 ("aspirin")', '"title"']),
    "time_missing": (messages.time_missing("favorite", 5, "added"), ['favorite 5 has no "added" time']),
    "time_invalid": (
        messages.time_invalid("removed entry", 1, "removed", "soon"),
        ['removed entry 1 has an invalid "removed" time', "'soon'"],
    ),
    "os_error_reason": (
        messages.os_error_reason(OSError(errno.ENOSPC, "No space left on device"), PATH),
        ["No space left on device (ENOSPC)"],
    ),
    "damaged_moved_aside": (
        messages.damaged_moved_aside("favorites", PATH, "it is empty", MOVED, "an empty favorites list"),
        [
            f'"{PATH}" is damaged (it is empty)',
            f'kept as "{MOVED}"',
            "continues with an empty favorites list",
        ],
    ),
    "damaged_left_in_place": (
        messages.damaged_left_in_place(
            "settings", PATH, "it is empty", "Permission denied", "default settings"
        ),
        ["could not be moved aside (Permission denied)", "left untouched", "continues with default settings"],
    ),
    "damaged_replaced_on_save": (
        messages.damaged_replaced_on_save("favorites", PATH, "it is empty", MOVED),
        [f'"{PATH}" was damaged (it is empty)', f'kept as "{MOVED}"', "the favorites of this window"],
    ),
    "written_by_newer_version": (
        messages.written_by_newer_version("favorites", PATH, 3, 1),
        ["newer version of RxCombo", "file version 3", "reads up to 1", "will not be saved"],
    ),
    "unreadable": (
        messages.unreadable("favorites", PATH, "Is a directory (EISDIR)", "an empty favorites list"),
        ["could not be read (Is a directory (EISDIR))", "will not write over the file"],
    ),
    "save_failed": (
        messages.save_failed("settings", PATH, "Read-only file system (EROFS)"),
        [f'Could not save settings to "{PATH}"', "Read-only file system", "tried again"],
    ),
    "field_not_text": (messages.field_not_text(2, "aspirin", "note"), ['favorite 2 ("aspirin")', '"note"']),
    "too_long": (messages.too_long("note", 12000, 10000), ["note is 12,000 characters", "limit of 10,000"]),
}


# The same for the sentences about importing favorites (messages_import.py).
IMPORT_CASES: dict[str, tuple[str, list[str]]] = {
    "BINARY": (messages_import.BINARY, ["NUL byte", "not a text file"]),
    "SAME": (messages_import.SAME, ["already the same"]),
    "NO_DATE": (messages_import.NO_DATE, ["no date", "cannot be newer"]),
    "LISTED_TWICE": (messages_import.LISTED_TWICE, ["listed twice", "changed last was used"]),
    "ROW": (messages_import.ROW, ["this row"]),
    "NO_TITLE": (messages_import.NO_TITLE, ["no title"]),
    "shown_value": (messages_import.shown_value("x" * 500), ['"xxxx', "…"]),
    "refused": (
        messages_import.refused(IMPORTED, 7, "this row has no title"),
        [f"{IMPORTED}:7: cannot import favorites: this row has no title.", "Nothing was imported."],
    ),
    "too_large": (messages_import.too_large(16 * 1024 * 1024), ["over 16 MB"]),
    "too_many": (messages_import.too_many(100_000), ["more than 100,000 favorites"]),
    "wrong_format": (
        messages_import.wrong_format("x", "rxcombo-favorites-export", "rxcombo-favorites"),
        ['"format" is "x"', '"rxcombo-favorites-export" or "rxcombo-favorites"'],
    ),
    "bad_version": (messages_import.bad_version([1]), ['"version" is a list', "whole number"]),
    "newer": (messages_import.newer(3, 1), ["newer version of RxCombo", "version 3", "up to 1"]),
    "entry": (messages_import.entry(4), ["favorite 4"]),
    "value_not_text": (
        messages_import.value_not_text("favorite 4", "note", 5),
        ['favorite 4: "note" is 5', "text"],
    ),
    "value_too_long": (
        messages_import.value_too_long("this row", "folder", 500, 100),
        ['this row: "folder" is 500 characters long', "limit of 100"],
    ),
    "control_character": (
        messages_import.control_character("favorite 1", "title"),
        ['favorite 1: "title" holds a control character'],
    ),
    "bad_time": (
        messages_import.bad_time("this row", "added", "soon"),
        ['this row: "added" is "soon"', "not a date and time"],
    ),
    "future_time": (
        messages_import.future_time("favorite 2", "changed", "9999-01-01"),
        ['"changed" is "9999-01-01"', "in the future"],
    ),
    "bad_column": (
        messages_import.bad_column("colour", ("title", "note")),
        ['column "colour" is unknown or repeated', "title, note"],
    ),
    "no_title_column": (messages_import.no_title_column(("title", "note")), ['no "title" column']),
    "row_too_long": (messages_import.row_too_long(7, 5), ["7 cells", "5 columns"]),
    "csv_error": (
        messages_import.csv_error(ValueError("field larger")),
        ["not readable as CSV", "larger"],
    ),
    "removed_here": (
        messages_import.removed_here(WHEN),
        ["you removed it here on 2024-05-0", "after"],
    ),
    "yours_newer": (
        messages_import.yours_newer(WHEN, ["note", "folder"]),
        ["yours changed later (2024-05-0", "note, folder left as you have it"],
    ),
    "summary": (messages_import.summary(3, 1, 2), ["3 added, 1 updated, 2 skipped"]),
}


def public_messages(module=messages) -> set[str]:  # type: ignore[no-untyped-def]
    """Every sentence, phrase and sentence-maker that a messages module offers."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (isinstance(value, str) or (inspect.isfunction(value) and value.__module__ == module.__name__))
    }


def test_every_message_is_covered():
    assert set(CASES) == public_messages()
    assert set(IMPORT_CASES) == public_messages(messages_import)


@pytest.mark.parametrize("name", sorted(CASES) + [f"import:{name}" for name in sorted(IMPORT_CASES)])
def test_message_says_what_the_user_needs(name):
    text, words = IMPORT_CASES[name[len("import:") :]] if name.startswith("import:") else CASES[name]
    assert text.strip() == text
    assert "None" not in text
    for word in words:
        assert word in text


def test_full_messages_are_sentences_that_name_the_file():
    for name in (
        "damaged_moved_aside",
        "damaged_left_in_place",
        "damaged_replaced_on_save",
        "written_by_newer_version",
        "unreadable",
        "save_failed",
    ):
        text = CASES[name][0]
        assert text[0].isupper(), name
        assert text.endswith("."), name
        assert f'"{PATH}"' in text, name


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ([], "a list"),
        ("x", "a string"),
        (True, "true/false"),
        (3, "a number"),
        (2.5, "a number"),
        (None, "null"),
    ],
)
def test_json_kind_names_each_json_type(value, kind):
    assert messages.json_kind(value) == kind


def test_os_error_reason_names_another_file_involved():
    exc = FileExistsError(errno.EEXIST, "File exists", "/home/u/blocker")
    assert messages.os_error_reason(exc, PATH) == "File exists (EEXIST): /home/u/blocker"
    # The file itself is already named by the sentence around the reason.
    same = PermissionError(errno.EACCES, "Permission denied", str(PATH))
    assert messages.os_error_reason(same, PATH) == "Permission denied (EACCES)"


def test_os_error_reason_can_leave_out_the_code():
    exc = OSError(errno.EAGAIN, messages.LOCK_BUSY, str(PATH) + ".lock")
    reason = messages.os_error_reason(exc, PATH, with_code=False)
    assert reason == f"{messages.LOCK_BUSY}: {PATH}.lock"
    assert "EAGAIN" not in reason


def test_os_error_reason_without_strerror_still_says_something():
    assert messages.os_error_reason(OSError(), PATH) == "OSError"
    assert messages.os_error_reason(OSError("plain words"), PATH) == "plain words"
