"""The page view in the real window: every seed's tabs, repaired text, tab keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.gui import SEED_TABS


def test_every_seed_opens_with_expected_tabs_and_marked_disclaimer(window, qtbot):
    for document in window.library.documents:
        window.open_page(document.id)
        assert window.page_view.tab_titles() == SEED_TABS[document.title]
        tabs = window.page_view.tabs
        for number, title in enumerate(window.page_view.tab_titles()):
            marked = not tabs.tabIcon(number).isNull()
            assert marked == (title in {"Disclaimer", "Note"} or title.startswith("Combined Use")), title
            tabs.setCurrentIndex(number)  # the whole-page tab renders when opened
            text = tabs.widget(number).toPlainText()
            assert text.strip(), title
            assert "**" not in text


def test_mojibake_is_shown_repaired(window, qtbot):
    window.open_page("amitriptyline-ketamine")
    qtbot.waitUntil(window.page_view.rendering_done)  # tabs out of view fill in after the paint
    tabs = window.page_view.tabs
    amitriptyline = tabs.widget(window.page_view.tab_titles().index("Amitriptyline")).toPlainText()
    assert "It’s particularly important" in amitriptyline
    assert "â€" not in amitriptyline


def test_tab_navigation_and_same_tab_kept_across_pages(window, qtbot):
    window.open_page("alprazolam-imipramine")
    tabs = window.page_view.tabs
    # A combination page opens on its combined use, under a short tab title.
    assert tabs.tabText(tabs.currentIndex()) == "Combined use"
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Whole page"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # wraps around
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Alprazolam"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # wraps around
    assert tabs.currentIndex() == tabs.count() - 1
    # A tab the reader chose ("Overview", on every seed) is kept when another page opens...
    tabs.setCurrentIndex(0)
    window.open_page("amitriptyline-ketamine")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Overview"
    window.page_view.tabs.setCurrentIndex(window.page_view.tab_titles().index("Disclaimer"))
    # ...except that a combination page still opens on its combined use.
    window.open_page("gabapentin-amitriptyline")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Combined use"
    window.open_page("amitriptyline-ketamine")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Disclaimer"
