"""The main window's parts made on first use rather than at start.

Most sessions are one look-up: they never print, export, import favorites, open the drug
lists or compare two pages. Each of those parts imports its own modules and Qt classes
(the PDF writer, file dialogs, the lists' models and completer, the comparison view), and
PySide6 builds every enum type of a Qt class the first time the class is named: made at
start, the lists and the comparison cost a warm start 12 ms of its 364 ms to the first
paint (offscreen, medians of 9). So each is a ``cached_property``: the first menu command, key, signal or
test that asks for it makes it (``actions.py`` looks such handlers up when they run), and
the window connects here what must reach them before they exist.
"""

from __future__ import annotations

from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from rxcombo.ui.window.compare_control import CompareControl
    from rxcombo.ui.window.favorites_io import FavoritesFiles
    from rxcombo.ui.window.list_control import ListControl
    from rxcombo.ui.window.main_window import MainWindow
    from rxcombo.ui.window.page_output import PageOutput
    from rxcombo.userdata import SettingsStore


class PartsMadeOnFirstUse:
    """Mixed into :class:`~rxcombo.ui.window.main_window.MainWindow`."""

    def _window(self) -> MainWindow:
        return cast("MainWindow", self)

    @cached_property
    def output(self) -> PageOutput:
        from rxcombo.ui.window.page_output import PageOutput

        window = self._window()
        return PageOutput(window, window.page_view, window.statusBar(), window._source_name)

    @cached_property
    def favorites_files(self) -> FavoritesFiles:
        from rxcombo.ui.window.favorites_io import FavoritesFiles

        return FavoritesFiles(self._window())

    @cached_property
    def list_control(self) -> ListControl:
        from rxcombo.ui.window.list_control import ListControl

        return ListControl(self._window())

    @cached_property
    def compare_control(self) -> CompareControl:
        from rxcombo.ui.window.compare_control import CompareControl

        return CompareControl(self._window())

    def connect_parts_made_later(self, settings: SettingsStore) -> None:
        """What reaches the lists and the comparison before they exist makes them."""
        pane = self._window().search_pane
        pane.lists_needed.connect(lambda: self.list_control)
        pane.compare_requested.connect(lambda page: self.compare_control.compare_with(page))
        pane.link_copy_requested.connect(lambda page: self.compare_control.copy_link_for(page))
        if settings.keep_history and settings.compare_page_id:  # open at exit: after the last page
            restore = partial(lambda page: self.compare_control.restore(page), settings.compare_page_id)
            # Once: first_painted comes again with every library loaded later (a folder
            # added, a source edited), when the user may have closed that comparison.
            self._window().loading.first_painted.connect(restore, Qt.ConnectionType.SingleShotConnection)

    def save_parts_state(self) -> None:
        """At exit: what the parts that were made have to keep."""
        made = vars(self)
        if "compare_control" in made:
            self.compare_control.save_state()
        else:
            self._window().settings.compare_page_id = None  # no comparison was open
        if "list_control" in made:
            self.list_control.save_now()
