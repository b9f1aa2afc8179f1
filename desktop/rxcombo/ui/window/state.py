"""What the window remembers between runs: its geometry, the splitter, the list's view, the last page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from rxcombo.library import Library
from rxcombo.ui.page.page_view import PageView
from rxcombo.ui.sidebar.search_pane import SearchPane
from rxcombo.ui.sidebar.views import VIEW_NAMES, View
from rxcombo.userdata import SettingsStore

DEFAULT_SIZE = (1100, 720)


def restore_layout(
    window: QMainWindow, splitter: QSplitter, pane: SearchPane, settings: SettingsStore
) -> None:
    geometry = settings.window_geometry
    if geometry:
        window.restoreGeometry(QByteArray(geometry))
    else:
        window.resize(*DEFAULT_SIZE)
    splitter_state = settings.splitter_state
    if splitter_state:
        splitter.restoreState(QByteArray(splitter_state))
    names = {name: view for view, name in VIEW_NAMES.items()}
    pane.set_view(names.get(settings.list_view, View.ALL))
    if settings.keep_history and settings.last_query:
        pane.set_query(settings.last_query)


def save_layout(
    window: QMainWindow,
    splitter: QSplitter,
    pane: SearchPane,
    settings: SettingsStore,
    page_id: str | None,
    tab: str | None = None,
) -> None:
    """Store the layout and the session (open page, its tab, the search), and write the file.

    With "keep history" off, nothing of what was read is written: no page, tab or search."""
    settings.window_geometry = bytes(window.saveGeometry().data())
    settings.splitter_state = bytes(splitter.saveState().data())
    settings.list_view = VIEW_NAMES[pane.current_view()]
    if settings.keep_history:
        if page_id:
            settings.last_page_id = page_id
        settings.last_tab = tab
        settings.last_query = pane.search_field.text() or None
    else:
        settings.last_page_id = settings.last_tab = settings.last_query = None
    settings.save()


class PageToReopen:
    """The page open at the last exit, reopened once the first library is on screen.

    Only once the list is painted: searching can start while the page's tabs render. Opening
    it before the first frame instead (one frame, not two) was measured on the corpus: the
    first read and render import python-frontmatter, PyYAML and Markdown (55 ms) and the
    window mapped 120 ms later; its last pixel change came 60 ms later than with the page
    following the list (tests/benchmarks/run.py, 3 warm starts).
    """

    def __init__(self, page_id: str | None, tab: str | None = None) -> None:
        self._tab = tab  # the tab it was on
        self._pending = page_id  # until the first library arrives
        self._ready: str | None = None  # in that library; waits for the first paint

    def library_shown(self, library: Library) -> None:
        if self._pending and library.get(self._pending):
            self._ready = self._pending
        self._pending = None

    def cancel(self) -> None:
        self._pending = self._ready = None

    def reopen(self, page_view: PageView, open_page: Callable[[str], None]) -> None:
        page_id, self._ready = self._ready, None
        if page_id and page_view.document is None:  # nothing else opened meanwhile
            open_page(page_id)
            page_view.restore_position(self._tab, 0)
