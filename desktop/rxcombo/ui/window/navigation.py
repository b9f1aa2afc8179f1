"""The window's reading commands: Back/Forward and the Go menu, zoom, theme.

Kept beside the main window rather than in it (the window only wires parts together); the
action table names these handlers as ``navigation.<method>``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu

from rxcombo.library import Library
from rxcombo.ui import theme
from rxcombo.ui.page.page_view import PageView
from rxcombo.ui.window.actions import GO_MENU, WindowActions
from rxcombo.ui.window.history import History
from rxcombo.userdata import SettingsStore

ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
RECENT_IN_MENU = 10


class Navigation(QObject):
    def __init__(
        self,
        settings: SettingsStore,
        page_view: PageView,
        open_page: Callable[..., None],
        library: Callable[[], Library | None],
    ) -> None:
        super().__init__(page_view)
        self.settings = settings
        self.page_view = page_view
        self.history = History(settings)
        self._open_page = open_page
        self._library = library
        self.go_menu: QMenu | None = None
        page_view.set_zoom(settings.zoom)
        page_view.zoom_requested.connect(self.zoom_step)
        theme.apply_theme(settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the desktop switched light/dark: follow it live
            app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def _system_scheme_changed(self) -> None:
        if self.settings.theme == "system":
            theme.apply_theme("system")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The mouse's own back and forward buttons, as in a browser, anywhere in the window.
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def attach(self, actions: WindowActions) -> None:
        """Keep Back, Forward and Keep History in step with the history."""
        self.go_menu = actions.menus.get(GO_MENU)
        if self.go_menu is not None:
            self.go_menu.aboutToShow.connect(self.fill_go_menu)

        def update() -> None:
            actions["back"].setEnabled(bool(self.history.back))
            actions["forward"].setEnabled(bool(self.history.forward))
            actions["keep_history"].setChecked(self.history.keep)

        self.history.changed.connect(update)
        update()

    # -- history -----------------------------------------------------------------------

    def leaving(self) -> None:
        """Before another page opens: remember where the reader was on this one."""
        self.history.note_position(*self.page_view.position())

    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, direction: int) -> None:
        self.leaving()
        place = self.history.step(direction)
        if place is not None:
            self._open_page(place.page_id, record=False)
            self.page_view.restore_position(place.tab, place.scroll)

    def clear_history(self) -> None:
        self.history.clear()

    def toggle_keep_history(self) -> None:
        self.history.set_keep(not self.history.keep)

    def fill_go_menu(self) -> None:
        """The recent pages under Back/Forward, rebuilt when the menu opens."""
        menu = self.go_menu
        library = self._library()
        if menu is None:
            return
        for action in menu.actions():
            if action.property("recent"):
                menu.removeAction(action)
        for page_id in self.history.recent()[:RECENT_IN_MENU]:
            document = library.get(page_id) if library is not None else None
            if document is None:
                continue
            action = QAction(document.title, menu)
            action.setProperty("recent", True)
            action.triggered.connect(partial(self._open_page, page_id))
            menu.addAction(action)

    # -- zoom and theme ----------------------------------------------------------------

    def zoom_in(self) -> None:
        self.zoom_step(1)

    def zoom_out(self) -> None:
        self.zoom_step(-1)

    def zoom_reset(self) -> None:
        self._set_zoom(100)

    def zoom_step(self, direction: int) -> None:
        current = self.settings.zoom
        steps = (
            [z for z in ZOOM_STEPS if z > current]
            if direction > 0
            else [z for z in reversed(ZOOM_STEPS) if z < current]
        )
        self._set_zoom(steps[0] if steps else current)

    def _set_zoom(self, percent: int) -> None:
        self.settings.zoom = percent
        self.page_view.set_zoom(percent)

    def theme_system(self) -> None:
        self._set_theme("system")

    def theme_light(self) -> None:
        self._set_theme("light")

    def theme_dark(self) -> None:
        self._set_theme("dark")

    def _set_theme(self, name: str) -> None:
        self.settings.theme = name
        theme.apply_theme(name)
