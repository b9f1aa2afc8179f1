"""The window's side of a search notice: the page pane and the title say it too.

When a search finds no page (no page covers the drugs asked, or a word names no drug), the
previously open page must not stay on screen beside it, where its text would read as the
answer; the notice takes its place, and the page comes back when the search changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from rxcombo import wording
from rxcombo.search.answer import Notice, Related
from rxcombo.ui.page.page_view import PageView
from rxcombo.ui.sidebar.search_pane import SearchPane

HINT_MS = 6000


class SearchNoticeShown(QObject):
    def __init__(
        self,
        search_pane: SearchPane,
        page_view: PageView,
        status_bar: QStatusBar,
        set_title: Callable[[str | None], None],
    ) -> None:
        super().__init__(page_view)
        self._page_view = page_view
        self._set_title = set_title
        self._status_bar = status_bar
        search_pane.notice_changed.connect(self._on_notice)
        search_pane.choice_needed.connect(self._on_choice_needed)

    def _on_notice(self, notice: Notice | None, related: list[Related], found: bool) -> None:
        if notice is not None:  # every kind: a look-alike page must not stay beside it either
            self._page_view.show_notice(notice, related)
            self._set_title(notice.text.split(". ", 1)[0])
        elif self._page_view.showing_notice():
            self._page_view.show_page_again()
            document = self._page_view.document
            self._set_title(document.title if document is not None else None)

    def _on_choice_needed(self) -> None:
        self._status_bar.showMessage(wording.ENTER_SIMILAR_HINT, HINT_MS)
