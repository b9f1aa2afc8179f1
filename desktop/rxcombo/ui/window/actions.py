"""Every action and window shortcut of the main window, declared in one table, and the menus built from it.

As Picard's ``mainwindow/actions.py``: one place says what each command is called, which
keys reach it, where it shows and what it calls, so that a key cannot be bound twice
without a test seeing it, and the window only says what each handler does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from rxcombo.ui.icons import icon

Key = str | QKeySequence.StandardKey

FILE_MENU = "&File"
EDIT_MENU = "&Edit"
VIEW_MENU = "&View"
GO_MENU = "&Go"
FAVORITES_MENU = "F&avorites"
LISTS_MENU = "&Lists"
HELP_MENU = "&Help"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command. With a ``menu`` it is a QAction there, kept as the window's
    ``<name>_action``; without one, each key is a window-wide QShortcut."""

    name: str
    text: str
    handler: str  # the window's method it calls, or "part.method" for one of its parts
    menu: str | None = None
    keys: tuple[Key, ...] = ()
    icon: str | None = None
    enabled: bool = True
    role: QAction.MenuRole | None = None  # None keeps Qt's default (text heuristics on macOS)
    separator_before: bool = False
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "add_folder",
        "&Add Content Folder…",
        "content_folders.choose",
        FILE_MENU,
        (QKeySequence.StandardKey.Open,),
        icon="folder-open",
    ),
    ActionSpec("sources", "&Sources…", "content_folders.edit", FILE_MENU),
    ActionSpec("what_changed", "What &Changed Since Last Start…", "content_folders.show_changes", FILE_MENU),
    ActionSpec("export_pdf", "&Export as PDF…", "output.export_pdf", FILE_MENU, ("Ctrl+Shift+E",)),
    ActionSpec("print", "&Print…", "output.print_page", FILE_MENU, (QKeySequence.StandardKey.Print,)),
    ActionSpec(
        "quit",
        "&Quit",
        "close",
        FILE_MENU,
        ("Ctrl+Q",),
        role=QAction.MenuRole.QuitRole,
        separator_before=True,
    ),
    ActionSpec(
        "copy_markdown", "Copy Page as &Markdown", "output.copy_markdown", EDIT_MENU, ("Ctrl+Shift+C",)
    ),
    ActionSpec("copy_section", "Copy &Section as Text", "output.copy_section", EDIT_MENU),
    ActionSpec(
        "find",
        "&Find in Page…",
        "page_view.find_bar.open",
        EDIT_MENU,
        (QKeySequence.StandardKey.Find,),
        icon="search",
    ),
    ActionSpec("find_next", "Find &Next", "page_view.find_bar.next", EDIT_MENU, ("F3",)),
    ActionSpec("find_previous", "Find &Previous", "page_view.find_bar.previous", EDIT_MENU, ("Shift+F3",)),
    ActionSpec("copy_link", "Copy &Link to Page", "compare_control.copy_link", EDIT_MENU),
    ActionSpec(
        "text_search",
        "Search Page &Text",
        "text_search.toggle_mode",
        EDIT_MENU,
        ("Ctrl+Shift+F",),
        separator_before=True,
        checkable=True,
    ),
    ActionSpec("index_text", "&Index Page Text", "text_search.start_build", EDIT_MENU),
    ActionSpec("stop_index_text", "St&op Indexing Page Text", "text_search.cancel", EDIT_MENU, enabled=False),
    ActionSpec("toggle_sidebar", "Show &Sidebar", "toggle_sidebar", VIEW_MENU, ("F9",), checkable=True),
    ActionSpec(
        "zoom_in", "Zoom &In", "navigation.zoom_in", VIEW_MENU, (QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
    ),
    ActionSpec(
        "zoom_out", "Zoom &Out", "navigation.zoom_out", VIEW_MENU, (QKeySequence.StandardKey.ZoomOut,)
    ),
    ActionSpec("zoom_reset", "&Normal Size", "navigation.zoom_reset", VIEW_MENU, ("Ctrl+0",)),
    ActionSpec(
        "compare",
        "Co&mpare Selected Row with Open Page",
        "compare_control.compare_selected",
        VIEW_MENU,
        ("Ctrl+Shift+M",),
        separator_before=True,
    ),
    ActionSpec("close_compare", "&Close Comparison", "compare_control.close", VIEW_MENU),
    ActionSpec(
        "theme_system",
        "Theme: Follow the &System",
        "navigation.theme_system",
        VIEW_MENU,
        separator_before=True,
    ),
    ActionSpec("theme_light", "Theme: &Light", "navigation.theme_light", VIEW_MENU),
    ActionSpec("theme_dark", "Theme: &Dark", "navigation.theme_dark", VIEW_MENU),
    ActionSpec("back", "&Back", "navigation.go_back", GO_MENU, ("Alt+Left",), icon="back"),
    ActionSpec("forward", "&Forward", "navigation.go_forward", GO_MENU, ("Alt+Right",), icon="forward"),
    ActionSpec("clear_history", "&Clear History", "navigation.clear_history", GO_MENU, separator_before=True),
    ActionSpec("keep_history", "&Keep History", "navigation.toggle_keep_history", GO_MENU, checkable=True),
    ActionSpec(
        "toggle_favorite",
        "&Toggle Favorite",
        "toggle_favorite",
        FAVORITES_MENU,
        ("Ctrl+D",),
        icon="star",
        enabled=False,  # until a page is open
    ),
    ActionSpec(
        "show_favorites",
        "&Show Favorites",
        "favorite_control.show_favorites",
        FAVORITES_MENU,
        ("Ctrl+Shift+D",),
    ),
    ActionSpec(
        "export_favorites",
        "&Export Favorites…",
        "favorites_files.export",
        FAVORITES_MENU,
        separator_before=True,
    ),
    ActionSpec("import_favorites", "&Import Favorites…", "favorites_files.import_", FAVORITES_MENU),
    ActionSpec("show_lists", "&Show Drug Lists", "list_control.show_lists", LISTS_MENU, ("Ctrl+Shift+L",)),
    ActionSpec("new_list", "&New List…", "list_control.new_list", LISTS_MENU),
    ActionSpec("rename_list", "&Rename or Save List…", "list_control.rename_list", LISTS_MENU),
    ActionSpec("delete_list", "&Delete List…", "list_control.delete_list", LISTS_MENU),
    ActionSpec(
        "copy_report", "&Copy Report as Text", "list_control.output.copy", LISTS_MENU, separator_before=True
    ),
    ActionSpec("export_report", "&Export Report…", "list_control.output.export", LISTS_MENU),
    ActionSpec("print_report", "&Print Report…", "list_control.output.print", LISTS_MENU),
    ActionSpec("disclaimer", "&Disclaimer", "dialogs.show_disclaimer", HELP_MENU, icon="warning"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "dialogs.show_shortcuts", HELP_MENU, ("F1",)),
    ActionSpec("about", "&About RxCombo", "dialogs.show_about", HELP_MENU, role=QAction.MenuRole.AboutRole),
    ActionSpec("focus_search", "Search", "focus_search", keys=("Ctrl+L",)),
    # Browsers' keys for tabs. Ctrl+Shift+Tab arrives as Ctrl+Backtab on some platforms.
    ActionSpec("next_tab", "Next Tab", "next_tab", keys=("Ctrl+Tab", "Ctrl+PgDown")),
    ActionSpec(
        "previous_tab",
        "Previous Tab",
        "previous_tab",
        keys=("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"),
    ),
)


# As GoldenDict's: the reading commands one click away (each also in a menu, with its keys).
TOOLBAR = ("back", "forward", "zoom_out", "zoom_in", "find", "export_pdf")


@dataclass
class WindowActions:
    """What :func:`build_actions` made: the menu actions by name, and the window shortcuts."""

    menu_actions: dict[str, QAction] = field(default_factory=dict)
    shortcuts: list[QShortcut] = field(default_factory=list)
    menus: dict[str, QMenu] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QAction:
        return self.menu_actions[name]


def build_actions(window: QMainWindow, specs: tuple[ActionSpec, ...] = ACTIONS) -> WindowActions:
    """Make every action once, connect it to its handler and put it in its menu.

    Menus appear in the menu bar in the order the table first names them.
    """
    built = WindowActions()
    menus: dict[str, QMenu] = {}
    for spec in specs:
        handler = _handler(window, spec.handler)
        if spec.menu is None:
            for key in spec.keys:
                shortcut = QShortcut(QKeySequence(key), window)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(handler)
                built.shortcuts.append(shortcut)
            continue
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(icon(spec.icon), spec.text, window) if spec.icon else QAction(spec.text, window)
        if spec.keys:
            action.setShortcuts([QKeySequence(key) for key in spec.keys])
        if spec.role is not None:
            action.setMenuRole(spec.role)
        action.setCheckable(spec.checkable)
        action.triggered.connect(handler)
        action.setEnabled(spec.enabled)
        menu.addAction(action)
        built.menu_actions[spec.name] = action
    built.menus = menus
    toolbar = window.addToolBar("Navigation")
    toolbar.setObjectName("mainToolBar")
    toolbar.setMovable(False)
    for name in TOOLBAR:
        if name in built.menu_actions:
            toolbar.addAction(built.menu_actions[name])
    return built


def resolve(window: QMainWindow, path: str) -> Callable[..., object]:
    """The callable that ``path`` ("part.method") names on the window."""
    handler: Any = window
    for part in path.split("."):
        handler = getattr(handler, part)
    return cast("Callable[..., object]", handler)


def _handler(window: QMainWindow, path: str) -> Callable[..., object]:
    """A part made on first use (a ``cached_property``, such as the page output and its PDF
    writer) is looked up when its command runs, so that building the menus does not make
    it; every other handler now, so that a typo fails at start-up, not on a key press (a
    test resolves the lazy ones)."""
    owner: Any = window
    *parts, method = path.split(".")
    for part in parts:
        if isinstance(getattr(type(owner), part, None), cached_property):
            return lambda *_args: resolve(window, path)()
        owner = getattr(owner, part)
    return cast("Callable[..., object]", getattr(owner, method))


def shortcut_rows(specs: tuple[ActionSpec, ...] = ACTIONS) -> list[tuple[str, str]]:
    """(command, keys) for every action that has keys: the Help > Keyboard Shortcuts list."""
    rows = []
    for spec in specs:
        if spec.keys:
            keys = ", ".join(
                QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in spec.keys
            )
            rows.append((spec.text.replace("&", "").rstrip("…"), keys))
    return rows
