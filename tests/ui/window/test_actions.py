"""The window's action table: the menus and their shortcuts, every declared key bound exactly once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from rxcombo.ui.sidebar.views import View
from rxcombo.ui.window.actions import ACTIONS
from rxcombo.ui.window.main_window import MainWindow


def key_text(key) -> str:
    return QKeySequence(key).toString()


def menu_items(window) -> dict[str, list[tuple[str, str]]]:
    """Menu title -> (item text, shortcut) in order; a separator is ("", "")."""
    return {
        top.text(): [(action.text(), action.shortcut().toString()) for action in top.menu().actions()]
        for top in window.menuBar().actions()
    }


def test_menus_have_the_usual_shortcuts(window):
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.toggle_favorite_action.shortcut().toString() == "Ctrl+D"
    assert window.add_folder_action.shortcut().toString() == "Ctrl+O"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Go", "F&avorites", "&Lists", "&Help"]


def test_menus_list_every_command_with_its_keys(window):
    items = menu_items(window)
    assert items["&File"] == [
        ("&Add Content Folder…", "Ctrl+O"),
        ("&Sources…", ""),
        ("What &Changed Since Last Start…", ""),
        ("&Export as PDF…", "Ctrl+Shift+E"),
        ("&Print…", "Ctrl+P"),
        ("", ""),
        ("&Quit", "Ctrl+Q"),
    ]
    assert items["&Edit"] == [
        ("Copy Page as &Markdown", "Ctrl+Shift+C"),
        ("Copy &Section as Text", ""),
        ("&Find in Page…", "Ctrl+F"),
        ("Find &Next", "F3"),
        ("Find &Previous", "Shift+F3"),
        ("Copy &Link to Page", ""),
        ("", ""),
        ("Search Page &Text", "Ctrl+Shift+F"),
        ("&Index Page Text", ""),
        ("St&op Indexing Page Text", ""),
    ]
    assert items["&View"][:4] == [
        ("Show &Sidebar", "F9"),
        ("Zoom &In", "Ctrl++"),
        ("Zoom &Out", "Ctrl+-"),
        ("&Normal Size", "Ctrl+0"),
    ]
    assert items["&Go"][:2] == [("&Back", "Alt+Left"), ("&Forward", "Alt+Right")]
    assert items["F&avorites"] == [
        ("&Toggle Favorite", "Ctrl+D"),
        ("&Show Favorites", "Ctrl+Shift+D"),
        ("", ""),
        ("&Export Favorites…", ""),
        ("&Import Favorites…", ""),
    ]
    assert items["&Lists"] == [
        ("&Show Drug Lists", "Ctrl+Shift+L"),
        ("&New List…", ""),
        ("&Rename or Save List…", ""),
        ("&Delete List…", ""),
        ("", ""),
        ("&Copy Report as Text", ""),
        ("&Export Report…", ""),
        ("&Print Report…", ""),
    ]
    assert items["&Help"] == [("&Disclaimer", ""), ("&Keyboard Shortcuts", "F1"), ("&About RxCombo", "")]
    assert not window.toggle_favorite_action.isEnabled()  # until a page is open
    assert window.quit_action.menuRole() == QAction.MenuRole.QuitRole
    assert window.about_action.menuRole() == QAction.MenuRole.AboutRole


def test_every_declared_shortcut_is_bound_once(window):
    """Each key of the table is in a menu or a window shortcut, and no key is bound twice."""
    in_menus = [
        seq.toString()
        for top in window.menuBar().actions()
        for action in top.menu().actions()
        for seq in action.shortcuts()
    ]
    window_shortcuts = [shortcut.key().toString() for shortcut in window.findChildren(QShortcut)]
    other_actions = [
        seq.toString()
        for action in window.findChildren(QAction)
        if action not in window.window_actions.menu_actions.values()
        for seq in action.shortcuts()
    ]
    bound = in_menus + window_shortcuts + other_actions
    declared = [key_text(key) for spec in ACTIONS for key in spec.keys]
    assert Counter(bound) == Counter(declared)
    assert len(set(bound)) == len(bound), sorted(key for key, n in Counter(bound).items() if n > 1)
    for spec in ACTIONS:
        if spec.menu is not None:
            action = window.window_actions[spec.name]
            assert getattr(window, f"{spec.name}_action") is action
            assert [key_text(key) for key in spec.keys] == [seq.toString() for seq in action.shortcuts()]
            assert action.text() in [text for text, _key in menu_items(window)[spec.menu]]


def test_every_handler_is_a_method_of_the_window_or_one_of_its_parts(window):
    names = [spec.name for spec in ACTIONS]
    assert len(set(names)) == len(names)
    for spec in ACTIONS:
        owner: object = window
        *parts, method = spec.handler.split(".")
        for part in parts:
            owner = getattr(owner, part)
        assert callable(getattr(owner, method, None)), spec.handler
        if not parts:
            assert callable(getattr(MainWindow, method, None)), spec.handler


def test_window_shortcuts_reach_their_handlers(window, qtbot):
    window.open_page("alprazolam-imipramine")
    tabs = window.page_view.tabs
    tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(
        window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert tabs.currentIndex() == 0
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.search_pane.current_view() is View.FAVORITES
    window.show_favorites_action.trigger()
    assert window.search_pane.current_view() is View.FAVORITES


def test_the_toolbar_holds_the_reading_commands(window):
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert [a.text() for a in toolbar.actions()] == [
        "&Back",
        "&Forward",
        "Zoom &Out",
        "Zoom &In",
        "&Find in Page…",
        "&Export as PDF…",
    ]
    assert all(
        a is window.window_actions[a.objectName() or name]
        for a, name in zip(
            toolbar.actions(), ("back", "forward", "zoom_out", "zoom_in", "find", "export_pdf"), strict=True
        )
    )
