"""Comparing the open page with another, side by side, in the page pane; and copying a page's link.

"Compare with Open Page" comes from a row's context menu or the View menu (the row selected
in the pane); the open page stays on the left. The comparison sits in the page pane's stack
in place of the page: Esc, its close button or opening any page goes back to one page. With
"keep history" on, a comparison open at exit comes back at the next start (the other page's
id is kept in the settings like the last page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from rxcombo.content import ContentError
from rxcombo.content.compare import align_sections
from rxcombo.content.shown import ShownPage, shown_page
from rxcombo.links import link_for_page
from rxcombo.ui.page.compare_view import CompareView
from rxcombo.ui.page.header import SOURCE_LABEL
from rxcombo.ui.roles import PAGE_ID_ROLE

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow

MESSAGE_MS = 5000


class CompareControl:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = CompareView()
        window.page_view.stack.addWidget(self.view)
        self.view.closed.connect(self.close)
        self.view.browser.zoom_requested.connect(window.page_view.zoom_requested)  # Ctrl+wheel
        window.page_view.zoom_requested.connect(lambda _step: self.view.set_zoom(window.settings.zoom))
        self.view.set_zoom(window.settings.zoom)

    def is_open(self) -> bool:
        return self.window.page_view.stack.currentWidget() is self.view

    def compare_selected(self) -> None:
        """View > Compare with Open Page: the row selected in the pane beside the open page."""
        index = self.window.search_pane.current_item_view().currentIndex()
        page_id = index.data(PAGE_ID_ROLE) if index.isValid() else None
        if page_id is None:
            self._say("Select a page in the list first: it is compared with the open page.")
            return
        self.compare_with(str(page_id))

    def compare_with(self, page_id: str) -> None:
        window = self.window
        page_view, library = window.page_view, window.library
        left = page_view.document
        if library is None or left is None or not (page_view.showing_page() or self.is_open()):
            self._say("Open a page first: another page is then compared with it.")
            return
        right = library.get(page_id)
        if right is None:
            self._say("That page is not in the open library.")
            return
        if right.id == left.id:
            self._say("That is the open page: choose another page to compare with it.")
            return
        try:
            shown_right = shown_page(right)
        except ContentError as exc:
            self._say(f"{right.title} cannot be shown: {exc}")
            return
        shown_left = page_view.shown or shown_page(left)
        rows = align_sections(shown_left, shown_right)
        self.view.set_zoom(window.settings.zoom)
        details = (self._details(left.id, shown_left), self._details(right.id, shown_right))
        self.view.show_pages((left.id, right.id), (left.title, right.title), rows, details)
        right.release_body()  # only the open page's text stays in memory
        page_view.stack.setCurrentWidget(self.view)
        self.view.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _details(self, page_id: str, shown: ShownPage) -> str:
        """What the page's own header says besides its title, as the single page shows it:
        its banner, its source (when there are several), its header fields (content date)."""
        library = self.window.library
        several = library is not None and len(library.sources) > 1
        source = library.source_of(page_id) if library is not None and several else None
        lines = [shown.banner or "", f"{SOURCE_LABEL}: {source}" if source else ""]
        lines += [f"{field.label}: {field.value}" for field in shown.header]
        return "\n".join(line for line in lines if line)

    def close(self) -> None:
        if self.is_open():
            self.window.page_view.show_page_again()
            self.window.page_view.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_link(self) -> None:
        """Edit > Copy Link: the open page's rxcombo: link."""
        page_id = self.window.current_page_id()
        if page_id is None or not (self.window.page_view.showing_page() or self.is_open()):
            self._say("Open a page first.")
            return
        self.copy_link_for(page_id)

    def copy_link_for(self, page_id: str) -> None:
        link = link_for_page(page_id)
        QGuiApplication.clipboard().setText(link)
        self._say(f"Link copied: {link}")

    def save_state(self) -> None:
        """Kept only with the history: which page is beside the open one."""
        settings = self.window.settings
        open_beside = self.view.page_ids[1] if self.is_open() and self.view.page_ids else None
        settings.compare_page_id = open_beside if settings.keep_history else None

    def restore(self, page_id: str) -> None:
        """The comparison open at exit, beside the last page once it is back."""
        if self.window.page_view.showing_page():
            self.compare_with(page_id)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)
