"""The pane's "Lists" view: the user's drug lists, the open list's drugs and its report.

Top to bottom: the list chooser with the lists' menu, the field that adds a drug (with
completion from the library's drug names, similar spellings marked), the list's entries,
and the report (which pages exist for which of its drugs). Every list here is a Qt model;
the panel only lays them out and says what the user asked: :class:`ListControl
<rxcombo.ui.window.list_control.ListControl>` changes the lists and recomputes the report.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rxcombo.ui.sidebar.completion_model import CompletionModel
from rxcombo.ui.sidebar.item_views import ContextMenu, OpenIndex
from rxcombo.ui.sidebar.report_model import ReportModel
from rxcombo.ui.sidebar.wrapping_tree import WrappingTree

ADD_PLACEHOLDER = "Add a drug or product by name…"
REMOVE_TEXT = "Remove from List\tDel"  # the key as a hint: the view's own, not a shortcut


class DrugListsPanel(QWidget):
    list_chosen = Signal(int)  # the row of the chooser
    add_requested = Signal(str)  # the add field's text, as typed or as picked
    remove_requested = Signal(str)  # an entry of the open list
    typed = Signal(str)  # the add field changed by the user: new completions wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names_model = QStringListModel(self)
        self.chooser = QComboBox()
        self.chooser.setObjectName("listChooser")
        self.chooser.setModel(self.names_model)
        self.chooser.setAccessibleName("Drug list")
        self.chooser.activated.connect(self.list_chosen)
        self.menu = QMenu(self)  # filled by the window with its list actions
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("listMenuButton")
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip("New, rename, delete; copy, export or print the report")
        self.menu_button.setAccessibleName("List menu")
        self.menu_button.setMenu(self.menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.chooser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.chooser.customContextMenuRequested.connect(
            lambda pos: self.menu.exec(self.chooser.mapToGlobal(pos))
        )

        self.completion_model = CompletionModel(self)
        self.completer = QCompleter(self.completion_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self._picked)
        self.add_field = QLineEdit()
        self.add_field.setObjectName("addDrugField")
        self.add_field.setPlaceholderText(ADD_PLACEHOLDER)
        self.add_field.setAccessibleName("Add a drug to the list")
        self.add_field.setClearButtonEnabled(True)
        self.add_field.setCompleter(self.completer)
        self.add_field.textEdited.connect(self._on_edited)
        self.add_field.returnPressed.connect(self._add_typed)

        self.entries_model = QStringListModel(self)
        self.entries_view = QListView()
        self.entries_view.setObjectName("listEntriesView")
        self.entries_view.setAccessibleName("Drugs of the list")
        self.entries_view.setModel(self.entries_model)
        self.entries_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entries_view.customContextMenuRequested.connect(self._entries_menu)
        self.entries_view.installEventFilter(self)  # Delete removes the selected entry

        self.report_model = ReportModel(self)
        self.report_view = WrappingTree()
        self.report_view.setObjectName("listReportView")
        self.report_view.setAccessibleName("Report of the list")
        self.report_view.setModel(self.report_model)
        self.report_view.setHeaderHidden(True)
        self.report_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.report_view.setIndentation(12)
        self.report_model.modelReset.connect(self.report_view.expandAll)

        self.report_label = QLabel("Report")
        self.report_label.setObjectName("listReportLabel")
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.entries_view)
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.setSpacing(2)
        report_layout.addWidget(self.report_label)
        report_layout.addWidget(self.report_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("listSplitter")
        self.splitter.addWidget(entries_box)
        self.splitter.addWidget(report_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.add_field)
        layout.addWidget(self.splitter, 1)

    def connect_rows(self, open_index: OpenIndex, context_menu: ContextMenu) -> None:
        """Report rows open and have the page menu as the pane's other rows do."""
        self.report_view.activated.connect(open_index)
        self.report_view.customContextMenuRequested.connect(lambda pos: context_menu(self.report_view, pos))

    # -- what it shows ---------------------------------------------------------------

    def show_lists(self, names: list[str], current: int) -> None:
        self.names_model.setStringList(names)
        self.chooser.setCurrentIndex(current)
        self.add_field.setEnabled(current >= 0)

    def show_entries(self, entries: list[str]) -> None:
        self.entries_model.setStringList(entries)

    def entries(self) -> list[str]:
        return self.entries_model.stringList()

    # -- what the user asks ------------------------------------------------------------

    def _on_edited(self, text: str) -> None:
        self.typed.emit(text)
        if self.completion_model.rowCount():
            self.completer.complete()

    def _picked(self, text: str) -> None:
        # The completer filled the field with the picked name: add it (Enter then finds it empty).
        self.add_requested.emit(text)

    def _add_typed(self) -> None:
        text = self.add_field.text()
        if text.strip():
            self.add_requested.emit(text)

    def remove_current(self) -> None:
        index = self.entries_view.currentIndex()
        if index.isValid():
            self.remove_requested.emit(str(index.data()))

    def _entries_menu(self, position: QPoint) -> None:
        index = self.entries_view.indexAt(position)
        if not index.isValid():
            return
        self.entries_view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(REMOVE_TEXT).triggered.connect(self.remove_current)
        menu.exec(self.entries_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entries_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_current()
                return True
        return super().eventFilter(watched, event)
