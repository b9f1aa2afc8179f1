"""The right pane: the open page (header, one tab per section, a footer line), or a notice
in its place when a search found no page (see notice_panel), or a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rxcombo.content import Document, render_markdown
from rxcombo.content.tab_kinds import TabKind
from rxcombo.search.answer import Notice, Related
from rxcombo.ui.icons import icon
from rxcombo.ui.page.header import PageHeader
from rxcombo.ui.page.page_parts import PagePartsMadeOnFirstUse
from rxcombo.ui.page.section_tabs import SectionTabs, tab_label
from rxcombo.ui.page.section_view import SectionBrowser
from rxcombo.ui.page.start_page import StartPage

if TYPE_CHECKING:  # what a page shows is worked out when one is opened (imported after the first paint)
    from rxcombo.content.shown import ShownPage

EMPTY_TEXT = "Search for a drug on the left, then press Enter to open its page."
TAB_ICONS = {TabKind.DISCLAIMER: "warning", TabKind.COMBINED: "combined"}


class PageView(QWidget, PagePartsMadeOnFirstUse):
    drug_activated = Signal(str)  # a drug name from the header
    favorite_toggled = Signal()
    external_link_clicked = Signal(QUrl)
    page_activated = Signal(str)  # a related page picked in a notice or on the start page
    search_requested = Signal(str)  # the start page's example search
    zoom_requested = Signal(int)  # Ctrl+wheel over the text: +1 or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.shown: ShownPage | None = None
        self.zoom = 100
        self.header = PageHeader()
        self.header.drug_activated.connect(self.drug_activated)
        self.header.favorite_toggled.connect(self.favorite_toggled)
        # The header's widgets, as tests and the window know them.
        self.title_label = self.header.title_label
        self.drugs_label = self.header.drugs_label
        self.star_button = self.header.star_button

        self.tabs = SectionTabs(self._new_browser)
        self._pending: dict[int, tuple[str, bool]] = {}
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self._render_next_pending)
        self.tabs.currentChanged.connect(self._render_tab)
        self._user_tab: str | None = None  # a tab the reader chose, kept from page to page
        self._filling = False  # tab changes made while filling are not the reader's choice
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.footer = QLabel()
        self.footer.setObjectName("pageFooter")
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setForegroundRole(self.footer.palette().ColorRole.PlaceholderText)

        page = QWidget()
        self._page_layout = page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.header)
        page_layout.addWidget(self.tabs, 1)
        page_layout.addWidget(self.footer)  # the find bar goes above it when first opened

        self.placeholder = QLabel(EMPTY_TEXT)
        self.placeholder.setObjectName("pagePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._notice_hints: Callable[[str], str | None] | None = None
        self.start_page = StartPage()
        self.start_page.page_requested.connect(self.page_activated)
        self.start_page.search_requested.connect(self.search_requested)

        self.stack = QStackedWidget()
        for widget in (self.start_page, self.placeholder, page):
            self.stack.addWidget(widget)
        self._page = page
        self._page_prepared = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 4)
        layout.addWidget(self.stack)

    # -- what the pane shows -----------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.document = None
        self.shown = None
        self.tabs.remove_all()
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def show_notice(self, notice: Notice, related: list[Related]) -> None:
        """The notice in place of the page: its text is never left beside another search's answer."""
        self.notice_panel.show_notice(notice, related)
        self.stack.setCurrentWidget(self.notice_panel)

    def show_start(
        self, example: str | None, recent: list[tuple[str, str]], favorites: list[tuple[str, str]]
    ) -> None:
        """The start page, when no page is open (see start_page)."""
        self.start_page.show_start(example, recent, favorites)
        if self.document is None:
            self.stack.setCurrentWidget(self.start_page)

    def show_page_again(self) -> None:
        """Back from a notice to the page it covered (or the start page)."""
        has_tabs = self.document is not None and self.tabs.count() > 0
        self.stack.setCurrentWidget(self._page if has_tabs else self.start_page)

    def prepare(self) -> None:
        """Lay the page out while the start page is on screen, so the first page opened
        does not pay for it (showing and sizing its widgets the first time took 4-8 ms of
        the first Enter): shown and hidden again in one turn of the event loop, never
        painted. Once: the window asks after every library it shows."""
        current = self.stack.currentWidget()
        if self._page_prepared or current is None or current is self._page or not self.isVisible():
            return
        focus = self.window().focusWidget()  # what the stack would move, active window or not
        if focus is not None and current.isAncestorOf(focus):
            return
        self._page_prepared = True
        self.stack.setCurrentWidget(self._page)
        self.stack.setCurrentWidget(current)

    def showing_notice(self) -> bool:
        return self.notice_panel_made() and self.stack.currentWidget() is self.notice_panel

    def showing_page(self) -> bool:
        return self.stack.currentWidget() is self._page

    def tab_titles(self) -> list[str]:
        """The full section titles of the tabs, in order."""
        return [self.tabs.tabToolTip(i) for i in range(self.tabs.count())]

    def show_document(self, document: Document) -> None:
        """Render the page's tabs and open the one a reader would want (raises ContentError)."""
        from rxcombo.content.shown import shown_page

        shown = shown_page(document)
        self.document = document
        self.shown = shown
        self.header.show_page(document, shown)
        self.footer.setText(shown.footer or "")
        self.footer.setVisible(bool(shown.footer))
        tabs = shown.tabs
        labels = [tab.title for tab in tabs]
        # The page's own opening tab (its combined use), unless the reader chose a tab that
        # this page has too.
        combined = bool(tabs) and tabs[shown.open_tab].kind is TabKind.COMBINED
        keep = self._user_tab in labels and not combined  # a combination page opens on its combined use
        selected = labels.index(self._user_tab) if keep and self._user_tab else shown.open_tab
        # The tab in view is rendered now, the others one per event-loop turn after the page
        # is painted (Markdown costs ~3 ms a section: rendering all of them first doubled
        # the time from Enter to the page); the whole-page tab when it is opened.
        self._pending.clear()
        self.tabs.setUpdatesEnabled(False)
        self._filling = True
        try:
            self._fill_tabs(shown, selected)
            self.tabs.setCurrentIndex(selected)
        finally:
            self._filling = False
            self.tabs.setUpdatesEnabled(True)
        if self._pending:
            self._pending_timer.start()
        if self.find_bar_made() and self.find_bar.isVisible():
            self.find_bar.search(self.find_bar.field.text())  # the same words, in this page
        if tabs:
            self.stack.setCurrentWidget(self._page)
        else:
            self.placeholder.setText("This page has no text to show.")
            self.stack.setCurrentWidget(self.placeholder)

    def _fill_tabs(self, shown: ShownPage, selected: int) -> None:
        # Tabs are reused from page to page: creating a text browser costs more than filling one.
        tabs = shown.tabs
        while self.tabs.count() > len(tabs):
            self.tabs.remove_last()
        for number, tab in enumerate(tabs):
            if number < self.tabs.count():
                browser = self.tabs.widget(number)
                assert isinstance(browser, SectionBrowser)
            else:
                browser = self.tabs.add_browser()
                browser.set_zoom(self.zoom)  # made ahead, perhaps before a zoom change
            disclaimer = tab.kind is TabKind.DISCLAIMER
            if number != selected:
                browser.setPlainText("")
                self._pending[number] = (tab.markdown, disclaimer)
            else:
                browser.set_section_html(render_markdown(tab.markdown), disclaimer=disclaimer)
            self.tabs.setTabText(number, tab_label(tab.title))
            name = TAB_ICONS.get(tab.kind)
            self.tabs.setTabIcon(number, icon(name) if name else QIcon())
            self.tabs.setTabToolTip(number, tab.full_title)

    def _new_browser(self) -> SectionBrowser:
        browser = SectionBrowser()
        browser.anchorClicked.connect(self.external_link_clicked)
        browser.zoom_requested.connect(self.zoom_requested)
        return browser

    def _skip_in_find(self, number: int) -> bool:
        """The whole-page tab repeats the others' matches: counted only while it is open."""
        whole = self.shown is not None and self.shown.tabs[number].kind is TabKind.WHOLE_PAGE
        return whole and number != self.tabs.currentIndex()

    def _on_tab_changed(self, number: int) -> None:
        if not self._filling and self.shown is not None and 0 <= number < len(self.shown.tabs):
            self._user_tab = self.shown.tabs[number].title

    def _render_tab(self, number: int) -> None:
        job = self._pending.pop(number, None)
        browser = self.tabs.widget(number)
        if job is not None and isinstance(browser, SectionBrowser):
            browser.set_section_html(render_markdown(job[0]), disclaimer=job[1])

    def _render_next_pending(self) -> None:
        pending = [
            number
            for number in self._pending
            if self.shown is None or self.shown.tabs[number].kind is not TabKind.WHOLE_PAGE
        ]
        if not pending:
            self._pending_timer.stop()  # the whole-page tab waits until it is opened
            return
        self._render_tab(pending[0])

    def render_all(self) -> None:
        """Render every tab still waiting now (the find bar searches them all); the
        whole-page tab waits until it is opened: it repeats the others."""
        for number in [n for n in self._pending if not self._skip_in_find(n)]:
            self._render_tab(number)

    def rendering_done(self) -> bool:
        """Every tab of the open page has its text (tabs of huge pages fill in shortly after;
        the whole-page tab when it is opened)."""
        return all(
            self.shown is not None and self.shown.tabs[n].kind is TabKind.WHOLE_PAGE for n in self._pending
        )

    def set_zoom(self, percent: int) -> None:
        """The text size of every tab at once."""
        self.zoom = percent
        for number in range(self.tabs.count()):
            browser = self.tabs.widget(number)
            if isinstance(browser, SectionBrowser):
                browser.set_zoom(percent)

    def position(self) -> tuple[str | None, int]:
        """The open tab's title and how far it is scrolled, for history and the session."""
        number = self.tabs.currentIndex()
        if self.shown is None or not 0 <= number < len(self.shown.tabs):
            return None, 0
        browser = self.tabs.widget(number)
        scroll = browser.verticalScrollBar().value() if isinstance(browser, SectionBrowser) else 0
        return self.shown.tabs[number].title, scroll

    def restore_position(self, tab: str | None, scroll: int) -> None:
        if self.shown is None or tab is None:
            return
        titles = [t.title for t in self.shown.tabs]
        if tab in titles:
            self._filling = True  # not the reader's choice: history put it back
            try:
                self.tabs.setCurrentIndex(titles.index(tab))
            finally:
                self._filling = False
            browser = self.tabs.currentWidget()
            if isinstance(browser, SectionBrowser):
                browser.verticalScrollBar().setValue(scroll)

    def set_favorite(self, favorite: bool) -> None:
        self.header.set_favorite(favorite)

    def next_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
