"""The page pane's answer when no page covers what was searched: the notice, and the pages
that do exist for the drugs asked, each saying which of them it covers.

It takes the place of the previously open page, so that the text of another page can
never be read as the answer to this search (shared/guides/safety.md, rule 2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from rxcombo import wording
from rxcombo.search.answer import Notice, Related
from rxcombo.ui.icons import icon
from rxcombo.ui.roles import NOTE_ROLE, PAGE_ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class RelatedModel(QAbstractListModel):
    """The related pages: title, and what the page covers of the asked drugs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Related] = []
        self._hint_of: Callable[[str], str | None] = lambda _page_id: None

    def set_hints(self, hint_of: Callable[[str], str | None]) -> None:
        """Where a page comes from, for titles two pages share (Library.hint)."""
        self._hint_of = hint_of

    def set_related(self, related: Sequence[Related]) -> None:
        self.beginResetModel()
        self._rows = list(related)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            note = wording.covers(row.covers) if row.covers else wording.SIMILAR_MARK
            hint = self._hint_of(row.id)
            return f"{row.title} — {note}" + (f" · {hint}" if hint else "")
        if role == PAGE_ID_ROLE:
            return row.id
        if role == NOTE_ROLE:
            return wording.covers(row.covers)
        return None


class NoticePanel(QWidget):
    page_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticePanel")
        mark = QLabel()
        mark.setPixmap(icon("warning").pixmap(32, 32))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel()
        self.text_label.setObjectName("noticeText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = self.text_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text_label.setFont(font)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(mark, 0)
        top.addWidget(self.text_label, 1)
        self.related_label = QLabel()
        self.related_label.setObjectName("relatedHeading")
        self.model = RelatedModel(self)
        self.related_view = QListView()
        self.related_view.setObjectName("relatedPages")
        self.related_view.setModel(self.model)
        self.related_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.related_view.setUniformItemSizes(True)
        self.related_view.setSpacing(3)
        self.related_view.setFont(self.text_label.font())
        self.related_view.activated.connect(self._open)
        self.related_view.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.related_label)
        layout.addWidget(self.related_view, 1)
        layout.addStretch(0)  # with no related pages the notice stays at the top

    def show_notice(self, notice: Notice, related: Sequence[Related]) -> None:
        self.text_label.setText(notice.text)
        self.model.set_related(related)
        self.related_label.setText(wording.RELATED_HEADING if related else "")
        self.related_label.setVisible(bool(related))
        self.related_view.setVisible(bool(related))

    def text(self) -> str:
        return self.text_label.text()

    def _open(self, index: QModelIndex) -> None:
        page_id = index.data(PAGE_ID_ROLE)
        if page_id is not None:
            self.page_activated.emit(str(page_id))
