"""Two pages side by side, sections aligned by title, in the page pane.

Each half has its page's title above it; below, one scroll holds a row per section title
(content.compare.align_sections: Usage beside Usage, sections only one page has after
them), so both halves always scroll together and like sections always sit side by side.
The text is the pages' own, rendered as in their tabs (never loading anything: the browser
refuses every resource as the section tabs do). Esc or the close button goes back to one
page.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from rxcombo import wording
from rxcombo.content import render_markdown
from rxcombo.content.compare import AlignedTabs
from rxcombo.content.shown import Tab, TabKind
from rxcombo.ui.page.section_view import SectionBrowser, disclaimer_box

CLOSE_TIP = "Close the comparison (Esc)"
CELL_PADDING = 6


def comparison_html(rows: list[AlignedTabs], titles: tuple[str, str], palette: QPalette) -> str:
    """One table: a heading row per section title, then the two pages' sections side by side.
    The whole-page tabs are left out: they repeat every section already shown."""
    heading_color = palette.color(QPalette.ColorRole.AlternateBase).name()  # neutral: not a warning
    parts = [f'<table width="100%" cellspacing="0" cellpadding="{CELL_PADDING}">']
    for row in rows:
        if _whole(row.left) or _whole(row.right):
            continue
        parts.append(
            f'<tr><td colspan="2" style="background-color:{heading_color}">'
            f"<h3>{html.escape(row.title)}</h3></td></tr>"
        )
        halves = ((row.left, titles[0]), (row.right, titles[1]))
        cells = [_cell(tab, row.title, title, palette) for tab, title in halves]
        parts.append("<tr>" + "".join(f'<td width="50%" valign="top">{c}</td>' for c in cells) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def _whole(tab: Tab | None) -> bool:
    return tab is not None and tab.kind is TabKind.WHOLE_PAGE


def _cell(tab: Tab | None, row_title: str, page_title: str, palette: QPalette) -> str:
    if tab is None:
        return f"<p><i>{html.escape(page_title)} has no section titled {html.escape(row_title)}.</i></p>"
    body = render_markdown(tab.markdown)
    return disclaimer_box(palette, body) if tab.kind is TabKind.DISCLAIMER else body


class ComparisonBrowser(SectionBrowser):
    """The section browser without the centred reading column: each half is narrow already."""

    def _fit_measure(self) -> None:
        return


class CompareView(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.page_ids: tuple[str, str] | None = None
        self._rows: list[AlignedTabs] = []
        self._titles = ("", "")
        self.left_title = self._title_label("compareLeftTitle")
        self.right_title = self._title_label("compareRightTitle")
        self.close_button = QToolButton()
        self.close_button.setObjectName("compareCloseButton")
        self.close_button.setText("✕")
        self.close_button.setToolTip(CLOSE_TIP)
        self.close_button.setAccessibleName(CLOSE_TIP)
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.closed)
        self.browser = ComparisonBrowser()
        self.browser.setAccessibleName("Both pages, section by section")
        self.footer = QLabel(wording.APP_DISCLAIMER_LINE)  # as under a page: one glance away
        self.footer.setObjectName("compareFooter")
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setForegroundRole(self.footer.palette().ColorRole.PlaceholderText)
        self.browser.installEventFilter(self)  # Esc in the text closes, as anywhere in the view

        # Each title over its half: indented by the text's margins in the browser below.
        margin = int(self.browser.document().documentMargin())
        self.left_title.setIndent(margin + CELL_PADDING + 1)
        self.right_title.setIndent(CELL_PADDING + 7)  # the close button stands over the scroll bar
        titles = QHBoxLayout()
        titles.addWidget(self.left_title, 1)
        titles.addWidget(self.right_title, 1)
        titles.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(titles)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.footer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # from the close button, or the view itself
            self.closed.emit()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _title_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        label.setFont(font)
        return label

    def show_pages(
        self,
        page_ids: tuple[str, str],
        titles: tuple[str, str],
        rows: list[AlignedTabs],
        details: tuple[str, str] = ("", ""),
    ) -> None:
        """``details``: what each page's header says besides its title (a banner the source
        states, the source, the content's date), under its title."""
        self.page_ids, self._titles, self._rows = page_ids, titles, rows
        self.left_title.setText("\n".join(part for part in (titles[0], details[0]) if part))
        self.right_title.setText("\n".join(part for part in (titles[1], details[1]) if part))
        self.browser.set_section_html(comparison_html(rows, titles, self.browser.palette()))
        self.browser.verticalScrollBar().setValue(0)

    def row_titles(self) -> list[str]:
        """The section titles of the rows shown, in order."""
        return [row.title for row in self._rows if not (_whole(row.left) or _whole(row.right))]

    def set_zoom(self, percent: int) -> None:
        self.browser.set_zoom(percent)
