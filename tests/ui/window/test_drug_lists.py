"""Drug lists in the real window: making a list, adding drugs with completion, the report,
opening its rows, keeping lists across windows, copying and exporting, and ``combos`` links."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from helpers.fake_library import write_fake_library
from helpers.gui import launch, tab_stops, type_text, wait_loaded
from rxcombo import wording
from rxcombo.dirs import lists_path
from rxcombo.links import request_for
from rxcombo.ui.sidebar.report_model import KIND_ROLE
from rxcombo.ui.sidebar.views import View
from rxcombo.ui.window.list_control import FROM_LINK
from rxcombo.ui.window.report_output import CSV_FILTER, MARKDOWN_FILTER

LIST = ["Testazepam", "Fakeprofen", "Mockoxetine", "Placebin", "Fakeprofen + Placebin", "Nonexistium"]


@pytest.fixture
def fake_dir(tmp_path):
    return write_fake_library(tmp_path / "pages")


@pytest.fixture
def lists_window(qtbot, fake_dir):
    launcher = launch(qtbot, fake_dir)
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


def new_list(window, monkeypatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (name, True))
    window.new_list_action.trigger()


def add_typed(qtbot, window, text: str) -> None:
    field = window.search_pane.lists_panel.add_field
    field.setFocus()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def make_list(qtbot, window, monkeypatch, entries=LIST) -> None:
    new_list(window, monkeypatch, "Mum")
    for entry in entries:
        add_typed(qtbot, window, entry)


def rows(model, parent=None) -> list[tuple[str, str, list]]:
    """(kind, text, children) for each row under ``parent`` (the top rows by default)."""
    parent = parent if parent is not None else QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append((index.data(KIND_ROLE), index.data(), rows(model, index)))
    return found


def section(model, heading: str) -> list[str]:
    """The texts of the rows under the heading that starts with ``heading``."""
    for kind, text, children in rows(model):
        if kind == "heading" and text.startswith(heading.rstrip(":")):
            return [child[1] for child in children]
    raise AssertionError(f"no heading {heading!r} in {rows(model)}")


def test_a_new_list_is_shown_and_drugs_are_added_with_completion(qtbot, lists_window, monkeypatch):
    window = lists_window
    new_list(window, monkeypatch, "Mum")
    panel = window.search_pane.lists_panel
    assert window.search_pane.current_view() is View.LISTS
    assert panel.chooser.currentText() == "Mum"
    assert panel.add_field.hasFocus()  # ready for typing
    type_text(panel.add_field, "testaz")
    offered = [panel.completion_model.index(r, 0).data() for r in range(panel.completion_model.rowCount())]
    assert offered[0] == "Testazepam"
    assert "Testazepam + Fakeprofen (combination product)" in offered
    popup = panel.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.entries() == ["Testazepam"]
    assert panel.add_field.text() == ""


def test_a_similar_spelling_is_offered_marked_and_never_put_in_its_place(qtbot, lists_window, monkeypatch):
    window = lists_window
    new_list(window, monkeypatch, "Mum")
    panel = window.search_pane.lists_panel
    type_text(panel.add_field, "Testazepum")
    first = panel.completion_model.index(0, 0)
    assert first.data() == f"Testazepam ({wording.SIMILAR_MARK})"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == wording.SIMILAR_TOOLTIP
    qtbot.keyClick(panel.add_field, Qt.Key.Key_Return)  # Enter adds what was typed
    assert panel.entries() == ["Testazepum"]
    [(_kind, _heading, [unknown])] = [row for row in rows(panel.report_model) if row[0] == "heading"]
    assert unknown[1] == wording.similar_names_heading(["Testazepum"])
    assert unknown[2][0][1] == f"Testazepam ({wording.SIMILAR_MARK})"


def test_the_report_shows_covering_pages_pairs_own_pages_unknown_and_duplicates(
    qtbot, lists_window, monkeypatch
):
    window = lists_window
    make_list(qtbot, window, monkeypatch)
    model = window.search_pane.lists_panel.report_model
    kinds = [kind for kind, _text, _children in rows(model)]
    assert kinds == ["notice", "notice", "heading", "heading", "heading", "heading", "heading"]
    assert rows(model)[0][1] == wording.pairs_without_page(2, 6)
    pages = section(model, wording.REPORT_PAGES_HEADING)
    assert pages[0] == "Testazepam + Fakeprofen + Mockoxetine\ncovers Testazepam, Fakeprofen and Mockoxetine"
    assert len(pages) == 3
    assert section(model, wording.REPORT_PAIRS_HEADING) == [
        "No page covers Testazepam with Placebin. " + wording.NOT_A_SIGN_OF_SAFETY,
        "No page covers Fakeprofen with Placebin. " + wording.NOT_A_SIGN_OF_SAFETY,
    ]
    own = section(model, wording.REPORT_OWN_PAGES_HEADING)
    assert own == ["Testazepam", "Fakeprofen", wording.no_own_page("Mockoxetine", 2), "Placebin"]
    assert section(model, wording.REPORT_UNKNOWN_HEADING) == [wording.no_drug_named(["Nonexistium"])]
    assert section(model, wording.REPORT_DUPLICATES_HEADING) == [
        "Fakeprofen is in 2 entries: Fakeprofen, Fakeprofen + Placebin",
        "Placebin is in 2 entries: Placebin, Fakeprofen + Placebin",
    ]


def test_a_report_row_opens_its_page_with_enter(qtbot, lists_window, monkeypatch):
    window = lists_window
    make_list(qtbot, window, monkeypatch)
    view = window.search_pane.lists_panel.report_view
    model = view.model()
    heading = model.index(2, 0)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0, heading))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.page_view.document.id == "testazepam-fakeprofen-mockoxetine"
    assert window.search_pane.current_view() is View.LISTS  # the report stays beside the page


def test_removing_a_drug_with_delete_updates_the_report(qtbot, lists_window, monkeypatch):
    window = lists_window
    make_list(qtbot, window, monkeypatch, ["Testazepam", "Fakeprofen", "Placebin"])
    panel = window.search_pane.lists_panel
    assert len(section(panel.report_model, wording.REPORT_PAIRS_HEADING)) == 2
    panel.entries_view.setFocus()
    panel.entries_view.setCurrentIndex(panel.entries_model.index(2, 0))
    qtbot.keyClick(panel.entries_view, Qt.Key.Key_Delete)
    assert panel.entries() == ["Testazepam", "Fakeprofen"]
    assert wording.REPORT_PAIRS_HEADING.rstrip(":") not in str(rows(panel.report_model))
    assert window.list_control.store.get("Mum").entries == ("Testazepam", "Fakeprofen")


def test_lists_are_kept_for_the_next_window(qtbot, fake_dir, lists_window, monkeypatch):
    make_list(qtbot, lists_window, monkeypatch, ["testazepam", "Placebin"])
    assert lists_path().exists()
    lists_window.close()
    again = launch(qtbot, fake_dir)
    wait_loaded(qtbot, again.window)
    panel = again.window.search_pane.lists_panel
    assert panel.chooser.currentText() == "Mum"
    assert panel.entries() == ["Testazepam", "Placebin"]  # stored in the library's spelling
    pairs = section(panel.report_model, wording.REPORT_PAIRS_HEADING)
    assert pairs == [wording.no_page_covers(["Testazepam", "Placebin"])]
    again.window.close()


def test_a_damaged_lists_file_is_set_aside_and_said(qtbot, fake_dir):
    lists_path().parent.mkdir(parents=True, exist_ok=True)
    lists_path().write_text("{ not json", encoding="utf-8")
    launcher = launch(qtbot, fake_dir)
    wait_loaded(qtbot, launcher.window)
    # The lists are read when first shown (most sessions never open them): the user is
    # told then, and the damaged file is set aside, not overwritten.
    launcher.window.search_pane.set_view(View.LISTS)
    qtbot.waitUntil(lambda: launcher.window.last_notice is not None)
    assert "drug lists" in launcher.window.last_notice.text()
    [aside] = lists_path().parent.glob("lists.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{ not json"  # kept, never overwritten
    assert launcher.window.search_pane.lists_panel.chooser.count() == 0
    launcher.window.close()


def test_the_report_is_copied_as_text_and_exported(qtbot, lists_window, monkeypatch, tmp_path):
    window = lists_window
    make_list(qtbot, window, monkeypatch)
    window.copy_report_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(wording.REPORT_ENTRIES_HEADING)
    assert wording.no_page_covers(["Testazepam", "Placebin"]) in copied
    assert copied.rstrip().endswith(wording.APP_DISCLAIMER_LINE)

    target = tmp_path / "mum"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), MARKDOWN_FILTER))
    window.export_report_action.trigger()
    markdown = (tmp_path / "mum.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Mum\n")
    assert "| Testazepam + Fakeprofen + Mockoxetine | testazepam-fakeprofen-mockoxetine |" in markdown
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target) + ".csv", CSV_FILTER))
    window.export_report_action.trigger()
    csv_text = (tmp_path / "mum.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("row,id,title,drugs,text\n")
    assert "no-page-pair,,,Testazepam; Placebin," in csv_text


def test_deleting_a_list_asks_first(qtbot, lists_window, monkeypatch):
    window = lists_window
    make_list(qtbot, window, monkeypatch, ["Placebin"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_list_action.trigger()
    assert window.list_control.store.names() == ["Mum"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_list_action.trigger()
    assert window.list_control.store.names() == []
    assert window.search_pane.lists_panel.entries() == []


def test_a_combos_link_shows_its_report_without_saving_a_list(qtbot, lists_window, monkeypatch):
    window = lists_window
    window.open_request(request_for("rxcombo:combos?drugs=testazepam,placebin"))
    panel = window.search_pane.lists_panel
    assert window.search_pane.current_view() is View.LISTS
    assert panel.chooser.currentText() == FROM_LINK
    pairs = section(panel.report_model, wording.REPORT_PAIRS_HEADING)
    assert pairs == [wording.no_page_covers(["Testazepam", "Placebin"])]
    assert window.list_control.store.names() == []
    assert not lists_path().exists()  # a link never writes to the user's files
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("From Dr Fake", True))
    window.rename_list_action.trigger()  # saves it under a name
    assert window.list_control.store.get("From Dr Fake").entries == ("Testazepam", "Placebin")
    assert panel.chooser.currentText() == "From Dr Fake"


def test_typing_a_search_in_the_lists_view_shows_the_pages(qtbot, lists_window):
    window = lists_window
    window.show_lists_action.trigger()
    field = window.search_pane.search_field
    field.setFocus()
    type_text(field, "plac")
    assert window.search_pane.current_view() is View.ALL


def test_a_failed_save_keeps_the_list_and_is_retried(qtbot, lists_window, monkeypatch):
    window = lists_window
    real_replace = os.replace

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    make_list(qtbot, window, monkeypatch, ["Placebin"])
    assert "Drug lists not saved yet" in window.statusBar().currentMessage()
    assert window.saving.timer.isActive()
    assert window.search_pane.lists_panel.entries() == ["Placebin"]  # kept in memory
    monkeypatch.setattr(os, "replace", real_replace)
    window.saving.retry()
    assert not window.saving.timer.isActive()
    assert "Placebin" in lists_path().read_text(encoding="utf-8")


def test_the_lists_panel_made_on_first_use_keeps_its_place_for_the_tab_key(lists_window):
    """Made after the rest of the window, the panel's widgets still come right after the
    pane's own for Tab, before the page's: a keyboard user leaves the pane once."""
    pane = lists_window.search_pane
    pane.set_view(View.LISTS)
    stops = tab_stops(pane.search_field, 60)
    inside = [pane.isAncestorOf(stop) for stop in stops]
    assert any(pane.lists_panel.isAncestorOf(stop) for stop in stops)
    assert inside == sorted(inside, reverse=True)  # the pane's stops, then the others'
