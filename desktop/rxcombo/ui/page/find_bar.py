"""Find in page: every match in every tab highlighted, "3 of 12", and counts per tab.

Enter / Shift+Enter (and F3 / Shift+F3 from anywhere in the window) walk the matches
across tabs in page order; Esc closes the bar and clears the highlights. What is typed is
searched as plain text (QTextDocument.find), case-insensitively, in the
rendered text, never as a pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTabWidget, QTextEdit, QToolButton, QWidget

from rxcombo.ui.page.section_view import SectionBrowser
from rxcombo.ui.theme import page_colors

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

MAX_MATCHES = 5000  # a one-letter search in a huge page would otherwise walk forever


class FindBar(QWidget):
    def __init__(
        self,
        tabs: QTabWidget,
        skip_tab: Callable[[int], bool],
        render_all: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._tabs = tabs
        self._skip_tab = skip_tab  # the whole-page tab repeats every other tab's matches
        self._render_all = render_all  # tabs not yet rendered (they fill in after the paint)
        self.matches: list[tuple[int, QTextCursor]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in page")
        self.field.setAccessibleName("Find in page")
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.per_tab_label = QLabel()
        self.per_tab_label.setObjectName("findPerTab")
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Close find bar")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.field, 2)
        layout.addWidget(self.count_label)
        layout.addWidget(self.per_tab_label, 3)
        layout.addWidget(close)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search(self.field.text())

    def find_text(self, text: str) -> None:
        """Show the bar with ``text`` found and highlighted from the open tab on, the focus
        left where it is (a full-text result was opened from the search field)."""
        self.show()
        self.field.blockSignals(True)
        try:
            self.field.setText(text)
        finally:
            self.field.blockSignals(False)
        self.search(text)

    def close_bar(self) -> None:
        self.hide()
        self._highlight([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
        return super().eventFilter(watched, event)

    def search(self, text: str) -> None:
        """Find every match of ``text`` in every tab (the page may have changed: re-run)."""
        self.matches = []
        if text:
            from PySide6.QtGui import QTextCursor, QTextDocument  # (as below) on the first search

            self._render_all()
            for number in range(self._tabs.count()):
                browser = self._tabs.widget(number)
                if self._skip_tab(number) or not isinstance(browser, SectionBrowser):
                    continue
                cursor = QTextCursor(browser.document())
                while len(self.matches) < MAX_MATCHES:
                    cursor = browser.document().find(text, cursor, QTextDocument.FindFlag(0))
                    if cursor.isNull():
                        break
                    self.matches.append((number, QTextCursor(cursor)))
        self.current = -1
        self._highlight(self.matches)
        self._show_counts()
        if self.matches:
            self._go(self._first_from_current_tab())

    def _first_from_current_tab(self) -> int:
        here = self._tabs.currentIndex()
        return next((i for i, (tab, _) in enumerate(self.matches) if tab >= here), 0)

    def next(self) -> None:
        if not self.isVisible():
            self.open()
            return
        if self.matches:
            self._go((self.current + 1) % len(self.matches))

    def previous(self) -> None:
        if not self.isVisible():
            self.open()
            return
        if self.matches:
            self._go((self.current - 1) % len(self.matches))

    def _go(self, position: int) -> None:
        self.current = position
        tab, cursor = self.matches[position]
        self._tabs.setCurrentIndex(tab)
        browser = self._tabs.widget(tab)
        if isinstance(browser, SectionBrowser):
            browser.setTextCursor(cursor)
            browser.ensureCursorVisible()
        self._show_counts()

    def _show_counts(self) -> None:
        text = self.field.text()
        if not text:
            self.count_label.setText("")
            self.per_tab_label.setText("")
            return
        total = len(self.matches)
        self.count_label.setText(f"{self.current + 1} of {total}" if total else "No matches")
        per_tab: dict[int, int] = {}
        for tab, _cursor in self.matches:
            per_tab[tab] = per_tab.get(tab, 0) + 1
        here = self._tabs.currentIndex()
        others = [f"{self._tabs.tabToolTip(tab)}: {n}" for tab, n in per_tab.items() if tab != here]
        self.per_tab_label.setText("   ".join(others))

    def _highlight(self, matches: list[tuple[int, QTextCursor]]) -> None:
        by_tab: dict[int, list[QTextEdit.ExtraSelection]] = {}
        colour = page_colors(self._tabs.palette())["find"]
        if matches:  # imported with the first match: a start touches no class it does not paint with
            from PySide6.QtGui import QTextCharFormat
        for tab, cursor in matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            char_format = QTextCharFormat()
            char_format.setBackground(colour)
            selection.format = char_format
            by_tab.setdefault(tab, []).append(selection)
        for number in range(self._tabs.count()):
            browser = self._tabs.widget(number)
            if isinstance(browser, SectionBrowser):
                browser.setExtraSelections(by_tab.get(number, []))
