"""Every sentence shown about the user's files: what each says, and that none is untested."""

from __future__ import annotations

import errno
import inspect
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rxcombo.userdata import messages

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
    # -- importing
    "IMPORT_BINARY": (messages.IMPORT_BINARY, ["NUL byte", "not a text file"]),
    "IMPORT_SAME": (messages.IMPORT_SAME, ["already the same"]),
    "IMPORT_NO_DATE": (messages.IMPORT_NO_DATE, ["no date", "cannot be newer"]),
    "IMPORT_LISTED_TWICE": (messages.IMPORT_LISTED_TWICE, ["listed twice", "changed last was used"]),
    "IMPORT_ROW": (messages.IMPORT_ROW, ["this row"]),
    "IMPORT_NO_TITLE": (messages.IMPORT_NO_TITLE, ["no title"]),
    "shown_value": (messages.shown_value("x" * 500), ['"xxxx', "…"]),
    "import_refused": (
        messages.import_refused(IMPORTED, 7, "this row has no title"),
        [f"{IMPORTED}:7: cannot import favorites: this row has no title.", "Nothing was imported."],
    ),
    "import_too_large": (messages.import_too_large(16 * 1024 * 1024), ["over 16 MB"]),
    "import_too_many": (messages.import_too_many(100_000), ["more than 100,000 favorites"]),
    "import_wrong_format": (
        messages.import_wrong_format("x", "rxcombo-favorites-export", "rxcombo-favorites"),
        ['"format" is "x"', '"rxcombo-favorites-export" or "rxcombo-favorites"'],
    ),
    "import_bad_version": (messages.import_bad_version([1]), ['"version" is a list', "whole number"]),
    "import_newer": (messages.import_newer(3, 1), ["newer version of RxCombo", "version 3", "up to 1"]),
    "import_entry": (messages.import_entry(4), ["favorite 4"]),
    "import_not_text": (
        messages.import_not_text("favorite 4", "note", 5),
        ['favorite 4: "note" is 5', "text"],
    ),
    "import_too_long": (
        messages.import_too_long("this row", "folder", 500, 100),
        ['this row: "folder" is 500 characters long', "limit of 100"],
    ),
    "import_control_character": (
        messages.import_control_character("favorite 1", "title"),
        ['favorite 1: "title" holds a control character'],
    ),
    "import_bad_time": (
        messages.import_bad_time("this row", "added", "soon"),
        ['this row: "added" is "soon"', "not a date and time"],
    ),
    "import_future_time": (
        messages.import_future_time("favorite 2", "changed", "9999-01-01"),
        ['"changed" is "9999-01-01"', "in the future"],
    ),
    "import_bad_column": (
        messages.import_bad_column("colour", ("title", "note")),
        ['column "colour" is unknown or repeated', "title, note"],
    ),
    "import_no_title_column": (messages.import_no_title_column(("title", "note")), ['no "title" column']),
    "import_row_too_long": (messages.import_row_too_long(7, 5), ["7 cells", "5 columns"]),
    "import_csv_error": (
        messages.import_csv_error(ValueError("field larger")),
        ["not readable as CSV", "larger"],
    ),
    "import_removed_here": (
        messages.import_removed_here(WHEN),
        ["you removed it here on 2024-05-0", "after"],
    ),
    "import_yours_newer": (
        messages.import_yours_newer(WHEN, ["note", "folder"]),
        ["yours changed later (2024-05-0", "note, folder left as you have it"],
    ),
    "import_summary": (messages.import_summary(3, 1, 2), ["3 added, 1 updated, 2 skipped"]),
}


def public_messages() -> set[str]:
    """Every sentence, phrase and sentence-maker that messages.py offers."""
    return {
        name
        for name, value in vars(messages).items()
        if not name.startswith("_")
        and (isinstance(value, str) or (inspect.isfunction(value) and value.__module__ == messages.__name__))
    }


def test_every_message_is_covered():
    assert set(CASES) == public_messages()


@pytest.mark.parametrize("name", sorted(CASES))
def test_message_says_what_the_user_needs(name):
    text, words = CASES[name]
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
