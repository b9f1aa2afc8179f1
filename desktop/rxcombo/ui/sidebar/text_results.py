"""The pane's full-text mode, below the search field: a section filter, one line saying
what was searched and what was found, and the list of pages that mention the words.

The line always names the words and, when it is set, the section: an empty list never
stands alone, so "nothing listed" cannot read as an answer (shared/guides/safety.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from rxcombo.ui.sidebar.item_views import make_list_view
from rxcombo.ui.sidebar.text_delegate import TextHitDelegate, row_height
from rxcombo.ui.sidebar.text_hits import TextHitsModel

if TYPE_CHECKING:  # the full-text search (and SQLite) is imported after the first paint
    from rxcombo.search.fulltext import SectionTitle, TextHit

ALL_SECTIONS = "All sections"
MIN_PAGES = 2  # pages a section title needs to be listed
MAX_ALL_TITLES = 40  # ... unless the library has no more titles than this


class TextResultsPanel(QWidget):
    hit_activated = Signal(object)  # the TextHit picked (click, double-click, Enter)
    section_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textResults")
        self.section_box = QComboBox()
        self.section_box.setObjectName("sectionFilter")
        self.section_box.setAccessibleName("Only sections titled")
        self.section_box.setToolTip("Search only in sections with this title")
        self.section_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section_box.setMinimumContentsLength(12)
        self.section_box.setMaxVisibleItems(20)
        self.section_box.addItem(ALL_SECTIONS, None)
        self.section_box.currentIndexChanged.connect(lambda _i: self.section_changed.emit())

        self.status_label = QLabel()
        self.status_label.setObjectName("textStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # typed words are text, never markup

        self.model = TextHitsModel(self)
        self.view = make_list_view("textResultsView")
        self.view.setAccessibleName("Pages that mention the words")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TextHitDelegate(self.view))
        self.view.verticalHeader().setDefaultSectionSize(row_height(self.view.fontMetrics()))
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        # As the name list: a row opens on click or Enter (double-click is two clicks).
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.section_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.view, 1)

    def section(self) -> str | None:
        """The section title results are limited to; None: every section."""
        value = self.section_box.currentData()
        return value if isinstance(value, str) else None

    def set_section(self, title: str | None) -> None:
        found = self.section_box.findData(title) if title is not None else 0
        self.section_box.setCurrentIndex(max(0, found))

    def set_section_titles(self, titles: Sequence[SectionTitle]) -> None:
        """The titles of the library's sections, most pages first; the choice is kept
        (a title that is no longer listed leaves every section searched)."""
        chosen = self.section()
        self.section_box.blockSignals(True)
        try:
            self.section_box.clear()
            self.section_box.addItem(ALL_SECTIONS, None)
            # A title only one page has filters nothing (most of the corpus's 766 are): all
            # of them only while they are few.
            common = [item for item in titles if item.pages >= MIN_PAGES]
            for item in titles if len(titles) <= MAX_ALL_TITLES else common:
                pages = "1 page" if item.pages == 1 else f"{item.pages:,} pages"
                self.section_box.addItem(f"{item.title} ({pages})", item.title)
            self.set_section(chosen)
        finally:
            self.section_box.blockSignals(False)
        if self.section() != chosen:
            self.section_changed.emit()  # that title is gone: every section is searched now

    def show_results(self, hits: Sequence[TextHit], status: str) -> None:
        self.model.set_hits(hits)
        self.status_label.setText(status)
        self.view.setVisible(bool(hits))

    def open_current(self) -> None:
        """Enter in the search field: the selected row, else the first."""
        index = self.view.currentIndex()
        if not index.isValid():
            if self.model.rowCount() == 0:
                return
            index = self.model.index(0, 0)
            self.view.setCurrentIndex(index)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is not None:
            self.hit_activated.emit(hit)
