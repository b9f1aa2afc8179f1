"""The favorites view's sort order: a small combo above the list, shown with that view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from rxcombo.userdata import FavoriteSort

SORT_LABELS = {FavoriteSort.ADDED: "Date added", FavoriteSort.NAME: "Name", FavoriteSort.FOLDER: "Folder"}


class FavoritesSortBox(QWidget):
    sort_changed = Signal(object)  # a FavoriteSort chosen by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("favoritesSort")
        self.combo.setAccessibleName("Sort favorites by")
        for sort, label in SORT_LABELS.items():
            self.combo.addItem(label, sort.value)
        caption = QLabel("Sort &by:")
        caption.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(lambda row: self.sort_changed.emit(self.sort()))
        self.hide()  # until the favorites view is shown

    def sort(self) -> FavoriteSort:
        return FavoriteSort(self.combo.currentData())

    def set_sort(self, sort: FavoriteSort) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(sort.value)))
