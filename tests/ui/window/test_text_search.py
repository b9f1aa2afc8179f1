"""The window's full-text search: a result opens on its section with the words found by
the find bar; the index is built behind the window, waits while the user types, can be
stopped and finished later, and is never left running when the window closes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.fulltext import write_page
from helpers.gui import launch, type_text, visible_titles, wait_loaded
from rxcombo import wording
from rxcombo.ui.page.section_view import SectionBrowser
from rxcombo.ui.window import text_search

EXTRA_PAGES = 150  # enough that a build has work to show progress for


def test_a_result_opens_on_its_section_with_the_words_highlighted(text_window, qtbot):
    pane = text_window.search_pane
    page_view = text_window.page_view
    type_text(pane.search_field, "?rhabdomyolysis")
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert page_view.document.title == "Testazepam"
    tabs = page_view.tabs
    assert tabs.tabToolTip(tabs.currentIndex()) == "Side Effects"  # not the page's first tab
    assert tabs.currentIndex() != 0
    find_bar = page_view.find_bar
    assert find_bar.isVisible() and find_bar.field.text() == "rhabdomyolysis"
    assert find_bar.count_label.text() == "1 of 1"
    browser = tabs.currentWidget()
    assert isinstance(browser, SectionBrowser)
    marked = [selection.cursor.selectedText() for selection in browser.extraSelections()]
    assert marked == ["rhabdomyolysis"]


def test_a_click_opens_the_row_clicked(text_window, qtbot):
    pane = text_window.search_pane
    type_text(pane.search_field, "?pretend drowsiness")
    view = pane.text_mode.view
    assert view.model().rowCount() == 1
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page_view = text_window.page_view
    assert page_view.document.title == "Mockarin"
    assert page_view.tabs.tabToolTip(page_view.tabs.currentIndex()) == "Precautions"
    assert page_view.find_bar.field.text() == "Pretend"  # as the page writes it


def many_pages(root, count: int = EXTRA_PAGES):
    for number in range(count):
        write_page(root, f"Fakezolam {number}", {"Usage": f"Made-up text number {number} for the index."})
    return root


def test_the_build_waits_while_typing_can_be_stopped_and_finished_later(qtbot, text_pages, monkeypatch):
    monkeypatch.setattr(text_search, "BUILD_DELAY_MS", 0)
    monkeypatch.setattr(text_search, "PAUSE_AFTER_KEY_S", 3600.0)  # a keystroke holds the build
    launcher = launch(qtbot, many_pages(text_pages))
    window = launcher.window
    wait_loaded(qtbot, window)
    pane = window.search_pane
    control = window.text_search
    type_text(pane.search_field, "fakarin")
    qtbot.waitUntil(lambda: control.progress_box.isVisible(), timeout=30_000)
    # The build is under way and waiting: the window answers the name search meanwhile.
    assert visible_titles(pane.results)[0] == "Fakarin"
    assert window.window_actions["stop_index_text"].isEnabled()
    # Until the index is done, nothing found is not "no page mentions".
    pane.search_field.setText("?fakarin")
    assert pane.text_mode.panel.status_label.text() == wording.not_found_yet("fakarin", 0)
    qtbot.mouseClick(control.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not control.running(), timeout=30_000)
    assert not control.progress_box.isVisible()
    assert not window.window_actions["stop_index_text"].isEnabled()
    assert pane.text_mode.state.stopped and not pane.text_mode.state.complete
    assert pane.text_mode.panel.status_label.text() == wording.not_found_yet("fakarin", 0, stopped=True)
    # Edit > Index Page Text finishes it; the results come.
    monkeypatch.setattr(text_search, "PAUSE_AFTER_KEY_S", 0.0)
    type_text(pane.search_field, " ")
    window.window_actions["index_text"].trigger()
    qtbot.waitUntil(lambda: pane.text_mode.state.complete, timeout=60_000)
    assert pane.text_mode.panel.status_label.text() == "3 pages mention 'fakarin'."
    assert pane.text_mode.panel.model.rowCount() == 3
    window.close()


def test_the_build_leaves_the_first_moments_alone_unless_the_text_search_is_used(
    qtbot, text_pages, monkeypatch
):
    monkeypatch.setattr(text_search, "BUILD_DELAY_MS", 60_000)
    launcher = launch(qtbot, text_pages)
    window = launcher.window
    wait_loaded(qtbot, window)
    pane = window.search_pane
    qtbot.wait(300)
    assert not window.text_search.running()
    assert not window.text_search.progress_box.isVisible()
    pane.search_field.setText("?fakarin")  # wanted now: built at once
    qtbot.waitUntil(lambda: pane.text_mode.state.complete, timeout=60_000)
    assert pane.text_mode.panel.status_label.text() == "3 pages mention 'fakarin'."
    window.close()


def test_closing_the_window_ends_a_build_that_waits(qtbot, text_pages, monkeypatch):
    monkeypatch.setattr(text_search, "BUILD_DELAY_MS", 0)
    monkeypatch.setattr(text_search, "PAUSE_AFTER_KEY_S", 3600.0)
    launcher = launch(qtbot, many_pages(text_pages))
    window = launcher.window
    wait_loaded(qtbot, window)
    type_text(window.search_pane.search_field, "f")
    qtbot.waitUntil(lambda: window.text_search.progress_box.isVisible(), timeout=30_000)
    assert window.text_search.running()
    window.close()
    assert not window.text_search.running()


def test_a_damaged_index_is_said_so_and_built_again(text_window, qtbot):
    from helpers.fulltext import damage_table
    from rxcombo.library.fulltext import text_index_path
    from rxcombo.ui.sidebar.text_mode import DAMAGED

    pane = text_window.search_pane
    damage_table(text_index_path(text_window.library.root), "sections")
    pane.search_field.setText("?rhabdomyolysis")
    assert pane.text_mode.panel.status_label.text() == DAMAGED
    qtbot.waitUntil(lambda: pane.text_mode.state.complete, timeout=60_000)
    assert pane.text_mode.panel.status_label.text() == "1 page mentions 'rhabdomyolysis'."
    assert [hit.title for hit in pane.text_mode.panel.model.hits()] == ["Testazepam"]


def test_a_damaged_index_found_as_the_results_panel_is_made(text_window, qtbot):
    """Making the panel reads the section titles; on a damaged index that starts the
    rebuild, which searches again at once: one panel still, in its place, answering."""
    from PySide6.QtWidgets import QApplication

    from helpers.fulltext import damage_table
    from rxcombo.library.fulltext import text_index_path
    from rxcombo.ui.sidebar.text_results import TextResultsPanel

    pane = text_window.search_pane
    assert not pane.text_mode.panel_made()
    damage_table(text_index_path(text_window.library.root), "section_titles")
    pane.search_field.setText("?rhabdomyolysis")
    QApplication.processEvents()  # a panel dropped meanwhile would be deleted now
    assert pane.modes.currentWidget() is pane.text_mode.panel
    assert len(pane.findChildren(TextResultsPanel)) == 1
    qtbot.waitUntil(lambda: pane.text_mode.state.complete, timeout=60_000)
    assert pane.text_mode.panel.status_label.text() == "1 page mentions 'rhabdomyolysis'."
