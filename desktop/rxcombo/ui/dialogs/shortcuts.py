"""Help > Keyboard Shortcuts: every command that has keys, from the one action table."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QTableView, QVBoxLayout, QWidget

from rxcombo import APP_NAME
from rxcombo.ui.window.actions import shortcut_rows


def shortcuts_model(parent: QWidget | None = None) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(["Command", "Keys"])
    for command, keys in shortcut_rows():
        model.appendRow([QStandardItem(command), QStandardItem(keys)])
    return model


def show_shortcuts(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(f"Keyboard Shortcuts — {APP_NAME}")
    view = QTableView()
    view.setObjectName("shortcutsTable")
    view.setAccessibleName("Keyboard shortcuts")
    view.setModel(shortcuts_model(dialog))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.resizeColumnsToContents()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(460, 520)
    dialog.open()
    return dialog
