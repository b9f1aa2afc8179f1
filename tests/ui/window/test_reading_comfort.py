"""Reading comfort in the real window: history, find in page, zoom, themes, the session."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpers.gui import launch, type_text, wait_loaded
from rxcombo.dirs import settings_path
from rxcombo.ui import theme
from rxcombo.ui.dialogs.shortcuts import shortcuts_model
from rxcombo.ui.page.section_view import SectionBrowser

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def title_of(window) -> str:
    return window.page_view.document.title


def test_back_and_forward_walk_the_pages_opened_with_their_tab(window, qtbot):
    window.open_page("alprazolam-imipramine")
    window.page_view.tabs.setCurrentIndex(1)  # the reader moves to "Alprazolam"
    window.open_page("amitriptyline-ketamine")
    window.open_page("gabapentin-amitriptyline")
    assert not window.forward_action.isEnabled() and window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert title_of(window) == "Amitriptyline + Ketamine"
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert title_of(window) == "Alprazolam + Imipramine"
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Alprazolam"
    assert not window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert title_of(window) == "Amitriptyline + Ketamine"
    assert window.windowTitle() == "Amitriptyline + Ketamine — RxCombo"
    window.navigation.fill_go_menu()
    recent = [a.text() for a in window.navigation.go_menu.actions() if a.property("recent")]
    assert recent == ["Gabapentin + Amitriptyline", "Amitriptyline + Ketamine", "Alprazolam + Imipramine"]


def test_mouse_back_and_forward_buttons_work_anywhere_in_the_window(window, qtbot):
    window.open_page("amitriptyline-ketamine")
    window.open_page("gabapentin-amitriptyline")
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    # Over the drug list, as a real press arrives: through the window, not to one widget.
    inside = window.search_pane.mapTo(window, window.search_pane.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier, inside)
    assert title_of(window) == "Amitriptyline + Ketamine"
    QTest.mouseClick(handle, Qt.MouseButton.ForwardButton, Qt.KeyboardModifier.NoModifier, inside)
    assert title_of(window) == "Gabapentin + Amitriptyline"
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside)
    assert title_of(window) == "Gabapentin + Amitriptyline"  # other buttons go to the widget


def test_history_kept_across_restart_unless_turned_off(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, first.window)
    first.window.open_page("amitriptyline-ketamine")
    first.window.close()
    assert json.loads(settings_path().read_text())["settings"]["history"] == ["amitriptyline-ketamine"]

    second = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, second.window)
    assert second.window.navigation.history.recent() == ["amitriptyline-ketamine"]
    second.window.keep_history_action.trigger()  # "Keep History" off
    second.window.open_page("gabapentin-amitriptyline")
    type_text(second.window.search_pane.search_field, "gaba")
    second.window.close()
    saved = json.loads(settings_path().read_text())["settings"]
    # Nothing of what was read reaches the disk: no history, page, tab or search.
    assert saved["keep_history"] is False
    for key in ("history", "last_page_id", "last_tab", "last_query"):
        assert key not in saved, key


def test_find_in_page_counts_walks_and_closes(window, qtbot):
    window.open_page("alprazolam-imipramine")
    window.page_view.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    bar = window.page_view.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    type_text(bar.field, "imipramine")
    total = len(bar.matches)
    assert total > 3
    assert bar.count_label.text() == f"1 of {total}"
    assert "Imipramine:" in bar.per_tab_label.text()  # matches in other tabs, per tab
    assert "Whole page" not in bar.per_tab_label.text()  # it repeats the others: not counted
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"1 of {total}"
    window.find_previous_action.trigger()  # Shift+F3
    assert bar.count_label.text() == f"{total} of {total}"
    tab, cursor = bar.matches[bar.current]
    assert window.page_view.tabs.currentIndex() == tab
    assert cursor.selectedText().casefold() == "imipramine"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(
        not window.page_view.tabs.widget(i).extraSelections() for i in range(window.page_view.tabs.count())
    )


def test_zoom_reaches_every_tab_and_survives_restart(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, first.window)
    first.window.open_page("alprazolam-imipramine")
    tabs = first.window.page_view.tabs
    before = tabs.widget(0).font().pointSizeF()
    first.window.zoom_in_action.trigger()
    first.window.zoom_in_action.trigger()
    assert first.window.settings.zoom == 125
    sizes = {tabs.widget(i).font().pointSizeF() for i in range(tabs.count())}
    assert len(sizes) == 1 and sizes.pop() == pytest.approx(before * 1.25)
    first.window.close()
    second = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, second.window)
    qtbot.waitUntil(lambda: second.window.page_view.document is not None, timeout=5000)
    assert second.window.page_view.zoom == 125
    assert second.window.page_view.tabs.widget(0).font().pointSizeF() == pytest.approx(before * 1.25)
    second.window.zoom_reset_action.trigger()
    assert second.window.page_view.tabs.widget(0).font().pointSizeF() == pytest.approx(before)
    second.window.close()


def test_session_brings_back_the_tab_and_the_search(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, first.window)
    first.window.open_page("gabapentin-amitriptyline")
    first.window.page_view.tabs.setCurrentIndex(first.window.page_view.tab_titles().index("Disclaimer"))
    type_text(first.window.search_pane.search_field, "amitrip")
    first.window.close()
    second = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, second.window)
    qtbot.waitUntil(lambda: second.window.page_view.document is not None, timeout=5000)
    tabs = second.window.page_view.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Disclaimer"
    assert second.window.search_pane.search_field.text() == "amitrip"
    second.window.close()


@pytest.mark.parametrize("dark", [False, True])
def test_page_colours_meet_wcag_aa_in_both_themes(qapp, dark):
    palette = theme.dark_palette() if dark else QApplication.style().standardPalette()
    colours = theme.page_colors(palette)
    for name in ("text", "link", "heading"):
        assert theme.contrast(colours[name], colours["base"]) >= 4.5, name
    assert theme.contrast(colours["text"], colours["box"]) >= 4.5  # the disclaimer box
    assert theme.contrast(colours["text"], colours["find"]) >= 4.5  # the find highlight
    assert theme.contrast(theme.dim_text(palette), palette.color(QPalette.ColorRole.Base)) >= 4.5


def test_dark_theme_reaches_the_rendered_page(window, qtbot):
    window.open_page("amitriptyline-ketamine")
    disclaimer = window.page_view.tabs.widget(window.page_view.tab_titles().index("Disclaimer"))
    assert isinstance(disclaimer, SectionBrowser)
    window.theme_dark_action.trigger()
    try:
        dark = theme.page_colors(theme.dark_palette())
        # The palette reaches widgets through posted events: the page re-renders on arrival.
        qtbot.waitUntil(
            lambda: dark["text"].name() in disclaimer.document().defaultStyleSheet(), timeout=3000
        )
        assert dark["box"].name() in disclaimer.toHtml().lower()
        assert window.settings.theme == "dark"
    finally:
        window.theme_light_action.trigger()
    light = theme.page_colors(QApplication.style().standardPalette())
    qtbot.waitUntil(lambda: light["box"].name() in disclaimer.toHtml().lower(), timeout=3000)


def test_keyboard_shortcuts_list_comes_from_the_action_table(qapp):
    model = shortcuts_model()
    rows = {model.item(r, 0).text(): model.item(r, 1).text() for r in range(model.rowCount())}
    assert rows["Find in Page"] == "Ctrl+F"
    assert rows["Back"] == "Alt+Left"
    assert rows["Toggle Favorite"] == "Ctrl+D"


def accessible_names(window) -> set[str]:
    """Every name in the window's accessibility tree, as a screen reader walks it."""
    from PySide6.QtGui import QAccessible

    names: set[str] = set()
    pending = [QAccessible.queryAccessibleInterface(window)]
    while pending:
        node = pending.pop()
        if node is None or not node.isValid():
            continue
        names.add(node.text(QAccessible.Text.Name))
        pending.extend(node.child(i) for i in range(node.childCount()))
    return names


def test_screen_readers_find_each_part_by_name(window, qtbot):
    window.open_page("alprazolam-imipramine")
    window.page_view.find_bar.open()
    names = accessible_names(window)
    for expected in ("Search drugs", "All pages", "Page sections", "Find in page", "Drugs of this page"):
        assert expected in names, expected
    assert any(name.startswith(("Add to favorites", "Remove from favorites")) for name in names)


def test_small_window_keeps_every_section_reachable_and_f9_hides_the_sidebar(window, qtbot):
    window.resize(800, 600)
    window.open_page("gabapentin-amitriptyline")
    tabs = window.page_view.tabs
    tabs.fill_sections_menu()
    assert [a.text() for a in tabs.sections_menu.actions()] == window.page_view.tab_titles()
    tabs.sections_menu.actions()[-2].trigger()  # the Disclaimer, past the scroll arrows at this width
    assert tabs.tabToolTip(tabs.currentIndex()) == "Disclaimer"
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.search_pane.isVisible() and not window.toggle_sidebar_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.search_pane.isVisible() and window.search_pane.search_field.hasFocus()


def test_start_page_teaches_and_its_example_searches(window, qtbot):
    start = window.page_view.start_page
    assert window.page_view.stack.currentWidget() is start
    text = start.toPlainText()
    assert "Look up a drug or a combination" in text and "This text is AI-generated" in text
    example = next(d for d in window.library.documents if len(d.drugs) == 2)
    assert " ".join(example.drugs) in text  # an example from the library's own titles
    from PySide6.QtCore import QUrl

    start.anchorClicked.emit(QUrl("rxcombo-search:" + " ".join(example.drugs)))
    assert window.search_pane.search_field.text() == " ".join(example.drugs)
