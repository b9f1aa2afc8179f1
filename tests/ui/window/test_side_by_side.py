"""Two pages side by side in the real window, and Copy Link."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from helpers.fake_library import write_fake_library
from helpers.gui import launch, wait_loaded
from rxcombo import wording
from rxcombo.ui.sidebar.page_menu import COMPARE_TEXT, COPY_LINK_TEXT
from rxcombo.ui.sidebar.views import View


@pytest.fixture
def fake_dir(tmp_path):
    return write_fake_library(tmp_path / "pages")


@pytest.fixture
def window(qtbot, fake_dir):
    launcher = launch(qtbot, fake_dir)
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


def choose_in_row_menu(monkeypatch, window, title: str, item: str) -> None:
    """Right-click the row ``title`` of All pages and pick ``item`` in its menu."""
    pane = window.search_pane
    pane.set_view(View.ALL)
    view = pane.all_view
    model = view.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == title]
    picked = []

    class PickingMenu(QMenu):
        def exec(self, *_args):
            [action] = [a for a in self.actions() if a.text() == item]
            picked.append(action.text())
            action.trigger()

    monkeypatch.setattr("rxcombo.ui.sidebar.page_menu.QMenu", PickingMenu)
    position = view.visualRect(model.index(row, 0)).center()
    view.customContextMenuRequested.emit(position)
    assert picked == [item]


def test_compare_from_a_rows_menu_aligns_sections_by_title(monkeypatch, window):
    window.open_page("testazepam")
    choose_in_row_menu(monkeypatch, window, "Fakeprofen", COMPARE_TEXT)
    compare = window.compare_control.view
    assert window.page_view.stack.currentWidget() is compare
    assert (compare.left_title.text(), compare.right_title.text()) == ("Testazepam", "Fakeprofen")
    # Usage beside Usage although Fakeprofen has it second; sections of one page only after.
    assert compare.row_titles() == ["Usage", "Side Effects", "Storage", "Warnings"]
    text = compare.browser.toPlainText()
    usage = text.index("Usage")
    assert text.index("Calms fake nerves.") > usage and text.index("Eases fake pain.") > usage
    assert text.index("Eases fake pain.") < text.index("Side Effects")  # on the Usage row
    assert "Fakeprofen has no section titled Storage." in text
    assert "Testazepam has no section titled Warnings." in text
    assert compare.footer.text() == wording.APP_DISCLAIMER_LINE


def test_each_half_says_what_its_page_header_says(qtbot, tmp_path):
    # A flag the source states (the banned banner) and the content's date stay in view when
    # the page is compared: the comparison hides the page's own header.
    folder = write_fake_library(tmp_path / "pages")
    (folder / "banned.md").write_text(
        "---\ntitle: Bannedazepam\nis_banned: true\nlastModified: 2024-03-05\n---\n"
        "# Bannedazepam\n\n### Usage\nFake text.\n",
        encoding="utf-8",
    )
    launcher = launch(qtbot, folder)
    window = launcher.window
    wait_loaded(qtbot, window)
    window.open_page("bannedazepam")
    assert window.page_view.header.banner.isVisibleTo(window)
    window.compare_control.compare_with("fakeprofen")
    left = window.compare_control.view.left_title.text()
    assert left.startswith("Bannedazepam\n")
    assert wording.BANNED_BANNER in left and "2024-03-05" in left
    assert window.compare_control.view.right_title.text() == "Fakeprofen"
    window.export_pdf_action.trigger()  # one page at a time: the comparison says how
    assert window.statusBar().currentMessage() == "Close the comparison (Esc) to print or export one page."
    window.close()


def test_escape_and_the_close_button_go_back_to_one_page(qtbot, monkeypatch, window):
    window.open_page("testazepam")
    window.compare_control.compare_with("fakeprofen")
    compare = window.compare_control.view
    assert compare.browser.hasFocus() or not window.isActiveWindow()
    qtbot.keyClick(compare.browser, Qt.Key.Key_Escape)
    assert window.page_view.showing_page()
    assert window.page_view.document.id == "testazepam"
    window.compare_control.compare_with("fakeprofen")
    qtbot.mouseClick(compare.close_button, Qt.MouseButton.LeftButton)
    assert window.page_view.showing_page()


def test_the_menu_action_compares_the_selected_row_by_keyboard(qtbot, window):
    window.open_page("placebin")
    pane = window.search_pane
    pane.set_view(View.ALL)
    model = pane.all_view.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "Testazepam"]
    pane.all_view.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(
        window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    compare = window.compare_control.view
    assert window.page_view.stack.currentWidget() is compare
    assert compare.page_ids == ("placebin", "testazepam")


def test_comparing_a_page_with_itself_or_without_an_open_page_says_why(window):
    window.compare_control.compare_with("fakeprofen")
    assert "Open a page first" in window.statusBar().currentMessage()
    window.open_page("fakeprofen")
    window.compare_control.compare_with("fakeprofen")
    assert not window.compare_control.is_open()
    assert "open page" in window.statusBar().currentMessage()


def test_an_open_comparison_comes_back_at_the_next_start(qtbot, fake_dir, window):
    window.open_page("testazepam")
    window.compare_control.compare_with("fakeprofen")
    window.close()
    again = launch(qtbot, fake_dir)
    wait_loaded(qtbot, again.window)
    qtbot.waitUntil(again.window.compare_control.is_open)
    assert again.window.compare_control.view.page_ids == ("testazepam", "fakeprofen")
    # Closed by the user, it stays closed when a library is loaded again (a folder added).
    again.window.compare_control.close()
    with qtbot.waitSignal(again.window.loading.first_painted, timeout=10_000):
        again.window.load_content(fake_dir)
    qtbot.wait(50)
    assert not again.window.compare_control.is_open()
    again.window.close()


def test_copy_link_puts_the_pages_link_on_the_clipboard(monkeypatch, window):
    window.copy_link_action.trigger()
    assert "Open a page first" in window.statusBar().currentMessage()
    window.open_page("testazepam-fakeprofen")
    window.copy_link_action.trigger()
    assert QGuiApplication.clipboard().text() == "rxcombo:page/testazepam-fakeprofen"
    choose_in_row_menu(monkeypatch, window, "Placebin", COPY_LINK_TEXT)
    assert QGuiApplication.clipboard().text() == "rxcombo:page/placebin"
