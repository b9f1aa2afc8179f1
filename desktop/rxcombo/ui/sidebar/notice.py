"""The notice above the list when a search is not a plain answer: no page covers the drugs
asked, a word names no drug, or only similar spellings matched (rxcombo.search.answer).

A banner with a warning mark, outside the list, so it can never be selected, opened or
mistaken for a result; its words come from rxcombo.wording.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from rxcombo import wording
from rxcombo.library import Library
from rxcombo.search import Query
from rxcombo.search.answer import Notice, NoticeKind, Related, notice_for
from rxcombo.ui.icons import icon

ICON_SIZE = 18
SHOW_MENTIONS = "Show the pages that mention it"
# A name that is no drug's may still be in pages' text (brand names are): offered then.
MENTION_KINDS = (NoticeKind.NO_DRUG_NAMED, NoticeKind.NO_MATCH)
MentionCount = Callable[[str], tuple[int, bool]]  # words -> (pages, more than that)


class NoticeBanner(QFrame):
    mentions_requested = Signal()  # "Show the pages that mention it": the full-text results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # its text's height
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
        self.mentions_button = QPushButton(SHOW_MENTIONS)
        self.mentions_button.setObjectName("showMentionsButton")
        self.mentions_button.clicked.connect(self.mentions_requested)
        self.mentions_button.hide()
        column = QVBoxLayout()
        column.addWidget(self.text_label)
        column.addWidget(self.mentions_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.icon_label, 0)
        layout.addLayout(column, 1)
        self.notice: Notice | None = None
        self.hide()

    def show_notice(self, notice: Notice | None) -> None:
        self.notice = notice
        if notice is None:
            self.hide()
            return
        self.text_label.setText(notice.text)
        self.setToolTip(wording.ENTER_SIMILAR_HINT if notice.kind is NoticeKind.SIMILAR_ONLY else "")
        self.mentions_button.setVisible(notice.mentions > 0)
        self.show()


def with_mentions(notice: Notice, query: Query, count: int, more: bool) -> Notice:
    """A name search that found no drug, saying how many pages mention the words: "No drug
    named 'coumadin'. 3 pages mention 'coumadin'." A notice that says more (similar names,
    several words: not a sign of safety) keeps every word and gains the count."""
    if count <= 0 or notice.kind not in MENTION_KINDS:
        return notice
    words = " ".join(query.words)
    if notice.kind is NoticeKind.NO_DRUG_NAMED and notice.text == wording.no_drug_named(list(query.words)):
        text = f"{wording.no_drug_named_but_mentioned(words, count, more)} {wording.GENERIC_NAMES_HINT}"
    else:
        text = f"{notice.text} {wording.pages_mention(words, count, more)}"
    return replace(notice, text=text, mentions=count)


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
        self.count_mentions: MentionCount | None = None  # set once a complete text index is open

    def update(self, library: Library | None, query: Query) -> bool:
        """Recompute; True when the notice or its related pages changed."""
        notice: Notice | None = None
        related: list[Related] = []
        found = True
        if library is not None and not query.blank:
            rows = library.index.search_rows(query)
            notice, related = notice_for(library, query, rows)
            if notice is not None and notice.kind in MENTION_KINDS and self.count_mentions is not None:
                notice = with_mentions(notice, query, *self.count_mentions(" ".join(query.words)))
            # Pages found only through a word inside another drug's name answer nothing asked.
            found = bool(rows) and not (notice is not None and notice.kind is NoticeKind.NO_PAGE_COVERS)
        changed = notice != self.notice or related != self.related
        self.notice, self.related, self.found = notice, related, found
        return changed

    @property
    def similar_only(self) -> bool:
        return self.notice is not None and self.notice.kind is NoticeKind.SIMILAR_ONLY
