"""The notice above the list when a search is not a plain answer: no page covers the drugs
asked, a word names no drug, or only similar spellings matched (rxcombo.search.answer).

A banner with a warning mark, outside the list, so it can never be selected, opened or
mistaken for a result; its words come from rxcombo.wording.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from rxcombo import wording
from rxcombo.library import Library
from rxcombo.search import Query
from rxcombo.search.answer import Notice, NoticeKind, Related, notice_for
from rxcombo.ui.icons import icon

ICON_SIZE = 18


class NoticeBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Palette roles, not fixed colours: readable in light and dark themes alike.
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon("warning").pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel()
        self.text_label.setObjectName("searchNoticeText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # typed words are text, never markup
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.icon_label, 0)
        layout.addWidget(self.text_label, 1)
        self.notice: Notice | None = None
        self.hide()

    def show_notice(self, notice: Notice | None) -> None:
        self.notice = notice
        if notice is None:
            self.hide()
            return
        self.text_label.setText(notice.text)
        self.setToolTip(wording.ENTER_SIMILAR_HINT if notice.kind is NoticeKind.SIMILAR_ONLY else "")
        self.show()


def related_rows(
    related: Sequence[Related], row_of: Callable[[str], int | None]
) -> tuple[list[int], dict[int, str]]:
    """Source rows of the related pages, in order, each with what it covers of the asked drugs."""
    rows: list[int] = []
    notes: dict[int, str] = {}
    for item in related:
        row = row_of(item.id)
        if row is not None:
            rows.append(row)
            notes[row] = wording.covers(item.covers)
    return rows, notes


class NoticeState:
    """The notice that goes with the current query, recomputed on each keystroke (cheap when
    pages were found: see notice_for)."""

    def __init__(self) -> None:
        self.notice: Notice | None = None
        self.related: list[Related] = []
        self.found = True

    def update(self, library: Library | None, query: Query) -> bool:
        """Recompute; True when the notice or its related pages changed."""
        notice: Notice | None = None
        related: list[Related] = []
        found = True
        if library is not None and not query.blank:
            rows = library.index.search_rows(query)
            notice, related = notice_for(library, query, rows)
            # Pages found only through a word inside another drug's name answer nothing asked.
            found = bool(rows) and not (notice is not None and notice.kind is NoticeKind.NO_PAGE_COVERS)
        changed = notice != self.notice or related != self.related
        self.notice, self.related, self.found = notice, related, found
        return changed

    @property
    def similar_only(self) -> bool:
        return self.notice is not None and self.notice.kind is NoticeKind.SIMILAR_ONLY
