"""The right pane: the open page's header (title, drug links, star) and its section tabs."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rxcombo.content import Document, SectionKind, render_markdown
from rxcombo.ui.icons import icon
from rxcombo.ui.page.section_view import SectionBrowser

DRUG_LINK_SCHEME = "drug"
EMPTY_TEXT = "Search for a drug on the left, then press Enter to open its page."


MAX_TAB_CHARS = 30
MAX_EAGER_TABS = 30
MAX_EAGER_CHARS = 200_000


def tab_label(title: str) -> str:
    """A tab's text: long titles shortened, ``&`` doubled (a lone one is a mnemonic)."""
    if len(title) > MAX_TAB_CHARS:
        title = title[: MAX_TAB_CHARS - 1].rstrip() + "…"
    return title.replace("&", "&&")


class PageView(QWidget):
    drug_activated = Signal(str)  # a drug name from the header
    favorite_toggled = Signal()
    external_link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title_label.setFont(font)

        self.drugs_label = QLabel()
        self.drugs_label.setObjectName("pageDrugs")
        self.drugs_label.setWordWrap(True)
        self.drugs_label.setTextFormat(Qt.TextFormat.RichText)
        self.drugs_label.setOpenExternalLinks(False)
        self.drugs_label.linkActivated.connect(self._on_drug_link)

        self.star_button = QToolButton()
        self.star_button.setObjectName("starButton")
        self.star_button.setCheckable(True)
        self.star_button.setIconSize(QSize(24, 24))
        self.star_button.setAutoRaise(True)
        self.star_button.clicked.connect(lambda _checked: self.favorite_toggled.emit())

        header_text = QVBoxLayout()
        header_text.setSpacing(2)
        header_text.addWidget(self.title_label)
        header_text.addWidget(self.drugs_label)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addWidget(self.star_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("sectionTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        # Qt elides every tab once they do not all fit ("Ove…", "Gabap…"); scroll instead,
        # and shorten only the long titles (the full title is the tab's tooltip).
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self._pending: dict[int, tuple[str, bool]] = {}
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self._render_next_pending)
        self.tabs.currentChanged.connect(self._render_tab)

        self.placeholder = QLabel(EMPTY_TEXT)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 4)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.placeholder, 1)
        self._show_header(False)
        self.set_favorite(False)

    def _show_header(self, visible: bool) -> None:
        for widget in (self.title_label, self.drugs_label, self.star_button, self.tabs):
            widget.setVisible(visible)
        self.placeholder.setVisible(not visible)

    def show_message(self, text: str) -> None:
        self.document = None
        self.tabs.clear()
        self.placeholder.setText(text)
        self._show_header(False)

    def tab_titles(self) -> list[str]:
        """The full section titles of the tabs, in order."""
        return [self.tabs.tabToolTip(i) for i in range(self.tabs.count())]

    def show_document(self, document: Document) -> None:
        """Render every tab of the page; keep the tab of the same title selected if there is one."""
        previous_title = self.tabs.tabToolTip(self.tabs.currentIndex()) if self.tabs.count() else None
        self.document = document
        self.title_label.setText(document.title)
        links = " + ".join(
            f'<a href="{DRUG_LINK_SCHEME}:{html.escape(name, quote=True)}">{html.escape(name)}</a>'
            for name in document.drugs
        )
        noun = "Drug" if len(document.drugs) == 1 else "Drugs"
        self.drugs_label.setText(f"{noun}: {links}")
        self.drugs_label.setToolTip("Click a drug to list all of its pages")

        # Tabs are reused from page to page: creating a text browser costs more than filling one.
        sections = document.tabs
        titles = [section.title for section in sections]
        selected = titles.index(previous_title) if previous_title in titles else 0
        # A normal page renders every tab now (~10 ms). A huge or hostile one renders the
        # tab in view now and the others one per event-loop turn, so the window never stalls.
        deferred = (
            len(sections) > MAX_EAGER_TABS or sum(len(s.body_markdown) for s in sections) > MAX_EAGER_CHARS
        )
        self._pending.clear()
        self.tabs.setUpdatesEnabled(False)
        try:
            while self.tabs.count() > len(sections):
                widget = self.tabs.widget(self.tabs.count() - 1)
                self.tabs.removeTab(self.tabs.count() - 1)
                if widget is not None:
                    widget.deleteLater()
            for number, section in enumerate(sections):
                if number < self.tabs.count():
                    browser = self.tabs.widget(number)
                    assert isinstance(browser, SectionBrowser)
                else:
                    browser = SectionBrowser()
                    browser.anchorClicked.connect(self.external_link_clicked)
                    self.tabs.addTab(browser, "")
                disclaimer = section.kind is SectionKind.DISCLAIMER
                if deferred and number != selected:
                    browser.setPlainText("")
                    self._pending[number] = (section.body_markdown, disclaimer)
                else:
                    browser.set_section_html(render_markdown(section.body_markdown), disclaimer=disclaimer)
                self.tabs.setTabText(number, tab_label(section.title))
                self.tabs.setTabIcon(number, icon("warning") if disclaimer else QIcon())
                self.tabs.setTabToolTip(number, section.title)
            self.tabs.setCurrentIndex(selected)
        finally:
            self.tabs.setUpdatesEnabled(True)
        if self._pending:
            self._pending_timer.start()
        self._show_header(True)
        if not document.tabs:
            self.placeholder.setText("This page has no text to show.")
            self.placeholder.setVisible(True)

    def _render_tab(self, number: int) -> None:
        job = self._pending.pop(number, None)
        browser = self.tabs.widget(number)
        if job is not None and isinstance(browser, SectionBrowser):
            browser.set_section_html(render_markdown(job[0]), disclaimer=job[1])

    def _render_next_pending(self) -> None:
        if not self._pending:
            self._pending_timer.stop()
            return
        self._render_tab(next(iter(self._pending)))

    def rendering_done(self) -> bool:
        """Every tab of the open page has its text (tabs of huge pages fill in shortly after)."""
        return not self._pending

    def set_favorite(self, favorite: bool) -> None:
        self.star_button.setChecked(favorite)
        self.star_button.setIcon(icon("star" if favorite else "star-outline"))
        tip = "Remove from favorites (Ctrl+D)" if favorite else "Add to favorites (Ctrl+D)"
        self.star_button.setToolTip(tip)
        self.star_button.setAccessibleName(tip)

    def _on_drug_link(self, link: str) -> None:
        if link.startswith(f"{DRUG_LINK_SCHEME}:"):
            self.drug_activated.emit(html.unescape(link[len(DRUG_LINK_SCHEME) + 1 :]))

    def next_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
