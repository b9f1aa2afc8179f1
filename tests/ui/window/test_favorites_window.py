"""Favorites grown up, in the real window: a note from the page header and from the
Favorites view, folders, the view's order (remembered), the search reading notes, export
to JSON and CSV, and an import that merges and reports, or refuses a hostile file whole."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from helpers.gui import launch, visible_titles, wait_loaded
from rxcombo.dirs import favorites_path
from rxcombo.ui.dialogs.import_report import ImportReportDialog
from rxcombo.ui.roles import NOTE_ROLE, PAGE_ID_ROLE
from rxcombo.ui.sidebar.views import View
from rxcombo.userdata import FavoriteSort

ALPRAZOLAM = "alprazolam-imipramine"
GABAPENTIN = "gabapentin-amitriptyline"
KETAMINE = "amitriptyline-ketamine"


def star(window, *page_ids: str) -> None:
    for page_id in page_ids:
        window.open_page(page_id)
        window.toggle_favorite()


def answer_note(monkeypatch, text: str) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getMultiLineText", lambda *args: (text, True))


def answer_folder(monkeypatch, name: str) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", lambda *args: (name, True))


def stored() -> dict[str, dict]:
    return {entry["id"]: entry for entry in json.loads(favorites_path().read_text("utf-8"))["favorites"]}


def test_a_note_written_from_the_page_header_is_saved_and_shown(window, qtbot, monkeypatch):
    window.open_page(ALPRAZOLAM)
    header = window.page_view.header
    assert not header.note_button.isVisibleTo(window)  # no favorite, no note
    window.toggle_favorite()
    assert header.note_button.isVisibleTo(window)
    answer_note(monkeypatch, "Asked the pharmacist on Monday.\nSecond line.")
    qtbot.mouseClick(header.note_button, Qt.MouseButton.LeftButton)
    assert window.favorites.get(ALPRAZOLAM).note == "Asked the pharmacist on Monday.\nSecond line."
    assert header.note_label.text().startswith("Note: Asked the pharmacist on Monday.")
    assert stored()[ALPRAZOLAM]["note"] == "Asked the pharmacist on Monday.\nSecond line."
    window.search_pane.set_view(View.FAVORITES)
    row = window.search_pane.favorites_filter.index(0, 0)
    assert row.data(NOTE_ROLE) == "Asked the pharmacist on Monday."


def test_the_favorites_menu_edits_notes_and_moves_to_folders(window, qtbot, monkeypatch):
    star(window, ALPRAZOLAM, GABAPENTIN)
    pane = window.search_pane
    pane.set_view(View.FAVORITES)
    view = pane.favorites_view
    shown: list[list[str]] = []
    picks: list[str] = []

    class PickingMenu(QMenu):  # the user picks the last of ``picks`` from the menu shown
        def exec(self, *_args) -> None:
            actions = [action for action in self.actions() if action.text()]
            shown.append([action.text() for action in actions])
            next(action for action in actions if action.text() == picks[-1]).trigger()

    monkeypatch.setattr("rxcombo.ui.sidebar.page_menu.QMenu", PickingMenu)
    answer_note(monkeypatch, "Night only")
    answer_folder(monkeypatch, "Sleep")
    first_row = view.visualRect(pane.favorites_filter.index(0, 0)).center()
    for item in ("Edit &Note…", "&Move to Folder…"):
        picks.append(item)
        pane._context_menu(view, first_row)
    assert shown[0] == [
        "Open", "Remove from Favorites", "Compare with Open Page", "Copy Link", "Edit &Note…", "&Move to Folder…"
    ]  # fmt: skip
    favorite = window.favorites.get(GABAPENTIN)  # the newest first
    assert (favorite.note, favorite.folder) == ("Night only", "Sleep")
    assert stored()[GABAPENTIN]["folder"] == "Sleep"
    assert pane.favorites_filter.index(0, 0).data(NOTE_ROLE) == "Sleep · Night only"
    # The other views' menus have no such items.
    pane.set_view(View.ALL)
    picks.append("Open")
    assert pane.results.index(0, 0).data() == "Alprazolam + Imipramine"
    pane._context_menu(pane.all_view, pane.all_view.visualRect(pane.results.index(0, 0)).center())
    assert shown[-1] == [
        "Open",
        "Remove from Favorites",
        "Compare with Open Page",
        "Copy Link",
    ]  # no note, no folder


def test_sort_by_name_or_folder_is_remembered(qtbot, seeds_dir, monkeypatch):
    launcher = launch(qtbot, seeds_dir)
    window = launcher.window
    wait_loaded(qtbot, window)
    star(window, GABAPENTIN, KETAMINE, ALPRAZOLAM)
    answer_folder(monkeypatch, "Pain")
    window.favorite_control.move_to_folder(GABAPENTIN)
    pane = window.search_pane
    pane.set_view(View.FAVORITES)
    assert pane.favorites_sort.isVisibleTo(window)
    titles = lambda: visible_titles(pane.favorites_filter)  # noqa: E731
    assert titles() == ["Alprazolam + Imipramine", "Amitriptyline + Ketamine", "Gabapentin + Amitriptyline"]
    combo = pane.favorites_sort.combo
    combo.setCurrentIndex(combo.findText("Folder"))
    combo.activated.emit(combo.currentIndex())
    assert titles() == ["Gabapentin + Amitriptyline", "Alprazolam + Imipramine", "Amitriptyline + Ketamine"]
    combo.setCurrentIndex(combo.findText("Name"))
    combo.activated.emit(combo.currentIndex())
    assert titles() == ["Alprazolam + Imipramine", "Amitriptyline + Ketamine", "Gabapentin + Amitriptyline"]
    window.close()

    again = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, again.window)
    assert again.window.search_pane.favorites_sort.sort() is FavoriteSort.NAME
    assert visible_titles(again.window.search_pane.favorites_filter)[0] == "Alprazolam + Imipramine"
    again.window.close()


def test_the_search_field_finds_favorites_by_their_note_and_folder(window, monkeypatch):
    star(window, ALPRAZOLAM, GABAPENTIN)
    answer_note(monkeypatch, "Bring to the clinic")
    window.favorite_control.edit_note(ALPRAZOLAM)
    answer_folder(monkeypatch, "Grandmother")
    window.favorite_control.move_to_folder(GABAPENTIN)
    pane = window.search_pane
    pane.set_view(View.FAVORITES)
    pane.set_query("clinic")
    assert visible_titles(pane.favorites_filter) == ["Alprazolam + Imipramine"]
    pane.set_query("grandm")
    assert visible_titles(pane.favorites_filter) == ["Gabapentin + Amitriptyline"]
    pane.set_query("")
    assert len(visible_titles(pane.favorites_filter)) == 2


def test_export_to_json_and_csv_holds_notes_and_folders(window, tmp_path, monkeypatch):
    star(window, ALPRAZOLAM)
    answer_note(monkeypatch, "=cmd|' /C calc'!A0")  # a note a spreadsheet would run
    window.favorite_control.edit_note(ALPRAZOLAM)
    answer_folder(monkeypatch, "Mine")
    window.favorite_control.move_to_folder(ALPRAZOLAM)
    window.favorites_files.export_to(tmp_path / "out.json")
    exported = json.loads((tmp_path / "out.json").read_text("utf-8"))["favorites"][0]
    assert (exported["id"], exported["folder"], exported["note"]) == (
        ALPRAZOLAM,
        "Mine",
        "=cmd|' /C calc'!A0",
    )
    monkeypatch.setattr(
        "rxcombo.ui.window.favorites_io.QFileDialog.getSaveFileName",
        lambda *args: (str(tmp_path / "out.csv"), "CSV (*.csv)"),
    )
    window.export_favorites_action.trigger()
    lines = (tmp_path / "out.csv").read_text("utf-8").splitlines()
    assert lines[0] == "title,drugs,folder,note,added"
    assert lines[1].startswith("Alprazolam + Imipramine,Alprazolam; Imipramine,Mine,'=cmd")
    assert "exported to" in window.statusBar().currentMessage()


def test_import_merges_and_reports_what_was_added_updated_skipped(window, tmp_path, monkeypatch):
    star(window, ALPRAZOLAM, GABAPENTIN)
    window.favorites_files.export_to(tmp_path / "mine.json")
    document = json.loads((tmp_path / "mine.json").read_text("utf-8"))
    entries = {entry["id"]: entry for entry in document["favorites"]}
    # Changed later on another computer: updated here.
    entries[ALPRAZOLAM].update(
        note="From the other computer", changed=(datetime.now(UTC) + timedelta(hours=1)).isoformat()
    )
    # Changed, but before ours was: ours is kept.
    entries[GABAPENTIN].update(note="An old note", changed="2000-01-01T00:00:00+00:00")
    # Another drug's name on this page's id (a mistaken or hostile file): the page's own
    # title is what the list shows, and the file's text is never read as markup.
    document["favorites"].append(
        {
            "id": KETAMINE,
            "title": "Mockolol <b>x</b>",
            "note": "<img src=x>",
            "added": entries[GABAPENTIN]["added"],
        }
    )
    (tmp_path / "theirs.json").write_text(json.dumps(document), "utf-8")
    monkeypatch.setattr(
        "rxcombo.ui.window.favorites_io.QFileDialog.getOpenFileName",
        lambda *args: (str(tmp_path / "theirs.json"), ""),
    )
    window.import_favorites_action.trigger()
    dialog = window.favorites_files.last_report
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.summary.text() == "theirs.json: 1 added, 1 updated, 1 skipped."
    model = dialog.model
    rows = {model.index(r, 1).data(): (model.index(r, 0).data(), model.index(r, 2).data()) for r in range(3)}
    assert rows["Mockolol <b>x</b>"] == ("Added", "")
    assert rows["Alprazolam + Imipramine"] == ("Updated", "changed: note")
    assert rows["Gabapentin + Amitriptyline"][0] == "Skipped"
    assert window.favorites.get(ALPRAZOLAM).note == "From the other computer"
    assert window.favorites.get(GABAPENTIN).note == ""  # ours was newer
    assert window.favorites.contains(KETAMINE) and KETAMINE in stored()
    window.search_pane.set_view(View.FAVORITES)
    favorites = window.search_pane.favorites_filter
    row = next(
        favorites.index(r, 0)
        for r in range(favorites.rowCount())
        if favorites.index(r, 0).data(PAGE_ID_ROLE) == KETAMINE
    )
    assert row.data() == "Amitriptyline + Ketamine"
    tip = row.data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img src=x&gt;" in tip
    assert window.page_view.star_button.isChecked() is window.favorites.contains(window.current_page_id())
    dialog.close()


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "rxcombo-favorites-export", "favorites": [',  # cut short
        b"\x00\x01binary\x00",
        b'{"favorites": [{"id": 5, "title": ["<b>x</b>"]}]}',  # wrong types
        b'{"favorites": [{"id": "a", "title": "' + b"<img src=x>" * 50 + b'"}, 7]}',
    ],
    ids=["truncated", "binary", "wrong-types", "markup-and-junk"],
)
def test_a_hostile_import_changes_nothing_and_says_why(window, tmp_path, content):
    star(window, ALPRAZOLAM)
    before = favorites_path().read_bytes()
    hostile = tmp_path / "hostile.json"
    hostile.write_bytes(content)
    window.favorites_files.import_from(hostile)
    box = window.favorites_files.last_message
    assert box is not None and box.isVisible()
    assert (
        box.text().endswith("Nothing was imported.")
        and "hostile.json" in box.text()
        and "cannot import favorites" in box.text()
    )
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert len(box.text()) < 600
    assert window.favorites_files.last_report is None
    assert favorites_path().read_bytes() == before
    assert [f.page_id for f in window.favorites.items()] == [ALPRAZOLAM]
    box.close()


def test_a_title_from_a_file_is_plain_text_in_the_note_and_folder_questions(window, monkeypatch):
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtWidgets import QInputDialog

    window.favorites.toggle("ghostazepam", "<img src=x> Ghostazepam")  # a page no source holds
    labels: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda _w, _t, label, _n: labels.append(label) or ("", False)
    )
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _w, _t, label, *_a: labels.append(label) or ("", False)
    )
    window.favorite_control.edit_note("ghostazepam")
    window.favorite_control.move_to_folder("ghostazepam")
    assert len(labels) == 2
    for label in labels:
        assert "<img src=x> Ghostazepam" in label  # shown as written
        assert not GuiQt.mightBeRichText(label)  # so Qt shows it as text, not markup
