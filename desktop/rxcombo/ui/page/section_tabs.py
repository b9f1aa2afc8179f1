"""The row of section tabs: scrolling rather than eliding, and a menu of every section.

Qt elides every tab once they do not all fit ("Ove…", "Gabap…"); the row scrolls instead,
only long titles are shortened (the full title is the tooltip), and at the end of the row a
menu lists every section, so at 800x600 none hides behind the scroll arrows.

Each tab is a :class:`SectionBrowser`, reused from page to page. Making one costs more
than filling it (~1.5 ms), and the first page opened made all of its own, so the window
has some made ahead, once its list is painted (:meth:`SectionTabs.prepare`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QWidget

from rxcombo.ui.page.section_view import SectionBrowser

MAX_TAB_CHARS = 30
PREPARED_TABS = 8  # a one-drug page's sections and its whole-page tab


def tab_label(title: str) -> str:
    """A tab's text: long titles shortened, ``&`` doubled (a lone one is a mnemonic)."""
    if len(title) > MAX_TAB_CHARS:
        title = title[: MAX_TAB_CHARS - 1].rstrip() + "…"
    return title.replace("&", "&&")


class SectionTabs(QTabWidget):
    def __init__(self, make_browser: Callable[[], SectionBrowser], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_browser = make_browser
        self._spare: list[SectionBrowser] = []  # made ahead, not yet a tab
        self.setObjectName("sectionTabs")
        self.setAccessibleName("Page sections")
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.sections_button = QToolButton()
        self.sections_button.setObjectName("sectionsMenuButton")
        self.sections_button.setText("☰")
        self.sections_button.setAccessibleName("All sections")
        self.sections_button.setToolTip("All sections of this page")
        self.sections_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sections_menu = QMenu(self.sections_button)
        self.sections_menu.aboutToShow.connect(self.fill_sections_menu)
        self.sections_button.setMenu(self.sections_menu)
        self.setCornerWidget(self.sections_button, Qt.Corner.TopRightCorner)

    def fill_sections_menu(self) -> None:
        self.sections_menu.clear()
        for number in range(self.count()):
            action = self.sections_menu.addAction(self.tabToolTip(number))
            action.triggered.connect(lambda _checked=False, n=number: self.setCurrentIndex(n))

    def add_browser(self) -> SectionBrowser:
        """A new last tab (its label still empty), with a browser made ahead if one is left."""
        browser = self._spare.pop() if self._spare else self._make_browser()
        self.addTab(browser, "")
        return browser

    def spare_count(self) -> int:
        return len(self._spare)

    def remove_last(self) -> None:
        """Take the last tab away, keeping its browser for a later page (up to
        :data:`PREPARED_TABS` are kept; any more are deleted)."""
        browser = self.widget(self.count() - 1)
        self.removeTab(self.count() - 1)
        if isinstance(browser, SectionBrowser) and len(self._spare) < PREPARED_TABS:
            browser.hide()
            self._spare.append(browser)
        elif browser is not None:
            browser.deleteLater()

    def remove_all(self) -> None:
        while self.count():
            self.remove_last()

    def prepare(self) -> None:
        """Make browsers ahead, up to :data:`PREPARED_TABS` tabs and spares together."""
        while self.count() + len(self._spare) < PREPARED_TABS:
            browser = self._make_browser()
            browser.setParent(self)  # closed with the window, as the tabs are
            browser.hide()
            self._spare.append(browser)
