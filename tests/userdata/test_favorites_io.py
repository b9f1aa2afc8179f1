"""Favorites exported as JSON and CSV and imported back: merged, reported, and hostile files
refused whole with the file, the line where known and what is wrong."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rxcombo.userdata import FavoritesStore, ImportFileError, Outcome, read_import, write_export
from rxcombo.userdata.favorites_export import CSV_COLUMNS, EXPORT_FORMAT, export_text
from rxcombo.userdata.favorites_read import MAX_IMPORT_BYTES

from .favorites_helpers import loaded

T0 = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def filled(path: Path) -> FavoritesStore:
    store = loaded(path)
    store.add("testazepam", "Testazepam", source="Bundled pages")
    store.add("testazepam-fakeprofen", "Testazepam + Fakeprofen")
    store.set_note("testazepam", "=cmd|' /C calc'!A0 is not run")
    store.set_folder("testazepam-fakeprofen", "Evening")
    store.add("mockacillin", "Mockacillin")
    assert store.save()
    return store


def import_into(store: FavoritesStore, file: Path, **kwargs):  # type: ignore[no-untyped-def]
    return store.merge_import(read_import(file, store.items(), **kwargs))


# ---------------------------------------------------------------------------- export


def test_json_export_holds_every_field(tmp_path: Path, fav_path: Path) -> None:
    store = filled(fav_path)
    out = tmp_path / "out.json"
    write_export(store.items(), out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == EXPORT_FORMAT and doc["version"] == 1
    combo = next(f for f in doc["favorites"] if f["id"] == "testazepam-fakeprofen")
    assert set(combo) == {"id", "title", "drugs", "folder", "note", "added", "changed", "source"}
    assert combo["drugs"] == ["Testazepam", "Fakeprofen"] and combo["folder"] == "Evening"
    assert combo["source"] is None
    assert next(f for f in doc["favorites"] if f["id"] == "testazepam")["source"] == "Bundled pages"


def test_csv_export_has_the_columns_and_defuses_formulas(tmp_path: Path, fav_path: Path) -> None:
    store = filled(fav_path)
    out = tmp_path / "out.csv"
    write_export(store.items(), out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS == ("title", "drugs", "folder", "note", "added")
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Testazepam + Fakeprofen"][1:3] == ["Testazepam; Fakeprofen", "Evening"]
    assert by_title["Testazepam"][3] == "'=cmd|' /C calc'!A0 is not run"


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_an_export_imported_into_an_empty_store_gives_the_same_favorites(
    tmp_path: Path, fav_path: Path, kind: str
) -> None:
    store = filled(fav_path)
    out = tmp_path / f"out.{kind}"
    write_export(store.items(), out)
    other = loaded(tmp_path / "other" / "favorites.json")
    report = import_into(other, out)
    assert len(report.added) == 3 and report.updated == [] and report.skipped == []
    assert other.save()
    again = loaded(tmp_path / "other" / "favorites.json")
    fields = [(f.page_id, f.title, f.note, f.folder, f.added) for f in again.items()]
    assert fields == [(f.page_id, f.title, f.note, f.folder, f.added) for f in store.items()]
    if kind == "json":
        assert [f.source for f in again.items()] == [f.source for f in store.items()]


# ---------------------------------------------------------------------------- merge


def test_import_adds_updates_only_when_newer_and_removes_nothing(tmp_path: Path, fav_path: Path) -> None:
    store = filled(fav_path)
    mine = store.get("testazepam")
    assert mine is not None and mine.changed is not None
    newer = (mine.changed + timedelta(minutes=5)).isoformat()
    older = (mine.changed - timedelta(days=5)).isoformat()
    combo_changed = store.get("testazepam-fakeprofen").changed  # type: ignore[union-attr]
    file = tmp_path / "in.json"
    entries = [
        {"id": "testazepam", "title": "Testazepam", "note": "newer note", "added": older, "changed": newer},
        {"id": "testazepam-fakeprofen", "title": "Testazepam + Fakeprofen", "folder": "Old", "added": older},
        {"id": "mockacillin", "title": "Mockacillin", "added": older},  # the same as mine
        {"id": "shamoxetine", "title": "Shamoxetine", "note": "new one", "added": older},
    ]
    file.write_text(
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "favorites": entries}), encoding="utf-8"
    )
    report = import_into(store, file)
    assert [(e.outcome, e.page_id) for e in report.entries] == [
        (Outcome.UPDATED, "testazepam"),
        (Outcome.SKIPPED, "testazepam-fakeprofen"),
        (Outcome.SKIPPED, "mockacillin"),
        (Outcome.ADDED, "shamoxetine"),
    ]
    assert report.updated[0].detail == "note"
    assert "yours changed later" in report.skipped[0].detail and "folder" in report.skipped[0].detail
    assert report.skipped[1].detail == "already the same here"
    assert report.summary() == "1 added, 1 updated, 2 skipped"
    assert store.get("testazepam").note == "newer note"  # type: ignore[union-attr]
    assert store.get("testazepam").source == "Bundled pages"  # the file did not say: kept  # type: ignore[union-attr]
    assert store.get("testazepam-fakeprofen").folder == "Evening"  # type: ignore[union-attr]
    assert store.get("testazepam-fakeprofen").changed == combo_changed  # type: ignore[union-attr]
    assert len(store) == 4
    assert store.save()
    assert len(loaded(fav_path)) == 4


def test_a_favorite_removed_here_later_stays_removed(tmp_path: Path, fav_path: Path) -> None:
    store = filled(fav_path)
    file = tmp_path / "in.json"
    write_export(store.items(), file)
    store.remove("mockacillin")
    report = import_into(store, file)
    skipped = [e for e in report.skipped if e.page_id == "mockacillin"]
    assert skipped and "you removed it here" in skipped[0].detail
    assert not store.contains("mockacillin")


def test_an_entry_twice_in_the_file_uses_the_later(tmp_path: Path, fav_path: Path) -> None:
    store = loaded(fav_path)
    file = tmp_path / "in.json"
    entries = [
        {"id": "a", "title": "A", "note": "late", "added": "2024-02-01T00:00:00Z"},
        {"id": "a", "title": "A", "note": "early", "added": "2024-01-01T00:00:00Z"},
    ]
    file.write_text(
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "favorites": entries}), encoding="utf-8"
    )
    report = import_into(store, file)
    assert [e.outcome for e in report.entries] == [Outcome.ADDED, Outcome.SKIPPED]
    assert store.get("a").note == "late"  # type: ignore[union-attr]


def test_a_csv_without_dates_adds_new_favorites_and_cannot_update(tmp_path: Path, fav_path: Path) -> None:
    store = filled(fav_path)
    file = tmp_path / "hand.csv"
    file.write_text(
        "Title,Note\nMockacillin,changed by hand\nPlacebonol + Testazepam,new\n", encoding="utf-8"
    )
    report = import_into(store, file)
    assert [(e.outcome, e.page_id, e.line) for e in report.entries] == [
        (Outcome.SKIPPED, "mockacillin", 2),
        (Outcome.ADDED, "placebonol-testazepam", 3),
    ]
    assert report.skipped[0].detail == "the file gives no date, so it cannot be newer than yours"


def test_a_csv_title_goes_to_the_page_the_library_gives(tmp_path: Path, fav_path: Path) -> None:
    store = loaded(fav_path)
    file = tmp_path / "in.csv"
    file.write_text("title\nTestazepam\nFakeprofen\n", encoding="utf-8")
    resolve = {"Testazepam": ("testazepam-second-pages", "Second pages")}.get
    entries = read_import(file, store.items(), resolve)
    assert [(e.page_id, e.source) for e in entries] == [
        ("testazepam-second-pages", "Second pages"),
        ("fakeprofen", ""),
    ]


def test_the_favorites_file_itself_can_be_imported(tmp_path: Path, fav_path: Path) -> None:
    filled(fav_path)
    other = loaded(tmp_path / "other" / "favorites.json")
    assert len(import_into(other, fav_path).added) == 3


# ---------------------------------------------------------------------------- hostile files

NOW = datetime.now(UTC).isoformat()
ENTRY = {"id": "a", "title": "A", "added": NOW}


def export_doc(*entries: object, **top: object) -> str:
    return json.dumps({"format": EXPORT_FORMAT, "version": 1, "favorites": list(entries), **top})


HOSTILE: dict[str, tuple[str, bytes | str, int | None, str]] = {
    # name: (file name, content, line expected, words expected)
    "empty": ("a.json", "", None, "it is empty"),
    "binary": ("a.csv", b"title\nA\x00B\n", 2, "NUL byte"),
    "not utf-8": ("a.csv", b"title\nTestazepam\nCaf\xe9\n", 3, "not text"),
    "bad json": (
        "a.json",
        '{"format": "rxcombo-favorites-export",\n "version": 1,\n "favorites": [}',
        3,
        "invalid JSON",
    ),
    "deep json": ("a.json", "[" * 100_000 + "]" * 100_000, None, "invalid JSON"),
    "a list": ("a.json", "[1, 2]", None, "expected a JSON object"),
    "other format": ("a.json", json.dumps({"format": "x" * 10_000, "version": 1}), None, '"format" is "xxx'),
    "newer": ("a.json", export_doc(version=2), None, "newer version of RxCombo"),
    "bad version": ("a.json", export_doc(version=[1] * 10_000), None, '"version" is a list'),
    "no list": (
        "a.json",
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "favorites": {}}),
        None,
        "not a list",
    ),
    "entry a number": ("a.json", export_doc(5), None, 'entry 1 of "favorites" is not an object'),
    "no id": ("a.json", export_doc({"title": "A"}), None, '"id"'),
    "title a list": ("a.json", export_doc({**ENTRY, "title": ["x"] * 1000}), None, '"title" is a list'),
    "huge note": ("a.json", export_doc({**ENTRY, "note": "n" * 20_000}), None, '"note" is 20,000 characters'),
    "control in title": ("a.json", export_doc({**ENTRY, "title": "A\x1b[31m"}), None, "control character"),
    "bad time": ("a.json", export_doc({**ENTRY, "added": "yesterday"}), None, '"added" is "yesterday"'),
    "time a number": ("a.json", export_doc({**ENTRY, "changed": 12}), None, '"changed" is 12'),
    "future": ("a.json", export_doc({**ENTRY, "added": "9999-01-01T00:00:00Z"}), None, "in the future"),
    "unknown column": ("a.csv", "title,colour\nA,red\n", 1, 'column "colour"'),
    "no title column": ("a.csv", "note,added\nx,\n", 1, 'no "title" column'),
    "repeated column": ("a.csv", "title,title\nA,B\n", 1, 'column "title" is unknown or repeated'),
    "row too long": ("a.csv", "title,note\nA,b\nC,d,e,f\n", 3, "4 cells"),
    "no title": ("a.csv", "title,note\nA,x\n,just a note\n", 3, "this row has no title"),
    "bad csv time": ("a.csv", "title,added\nA,2024-13-45\n", 2, '"added" is "2024-13-45"'),
    "huge cell": ("a.csv", "title,note\nA," + "x" * 200_000 + "\n", 2, "not readable as CSV"),
    "control in folder": ("a.csv", 'title,folder\nA,"a\nb"\n', 2, "control character"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_whole_and_changes_nothing(
    tmp_path: Path, fav_path: Path, name: str
) -> None:
    file_name, content, line, words = HOSTILE[name]
    store = filled(fav_path)
    before = fav_path.read_bytes()
    file = tmp_path / file_name
    if isinstance(content, str):
        file.write_text(content, encoding="utf-8")
    else:
        file.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        read_import(file, store.items())
    message = str(caught.value)
    assert message.startswith(f"{file}:{line}: " if line is not None else f"{file}: "), message
    assert words in message and message.endswith("Nothing was imported."), message
    assert len(message) < 400, message  # never the hostile content itself
    assert caught.value.line == line
    assert not store.dirty and fav_path.read_bytes() == before


def test_a_good_entry_before_a_bad_one_is_not_imported_either(tmp_path: Path, fav_path: Path) -> None:
    store = loaded(fav_path)
    file = tmp_path / "in.csv"
    file.write_text("title,added\nGoodazepam,\nBadazepam,never\n", encoding="utf-8")
    with pytest.raises(ImportFileError):
        read_import(file, store.items())
    assert len(store) == 0


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    file = tmp_path / "huge.csv"
    with file.open("wb") as handle:
        handle.write(b"title\n")
        handle.truncate(MAX_IMPORT_BYTES + 10)
    with pytest.raises(ImportFileError, match="over 16 MB"):
        read_import(file)


def test_a_missing_file_says_why(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="No such file"):
        read_import(tmp_path / "nowhere.csv")


def test_export_text_of_nothing(fav_path: Path) -> None:
    assert export_text([], "csv") == "title,drugs,folder,note,added\r\n"
    assert json.loads(export_text([], "json"))["favorites"] == []
