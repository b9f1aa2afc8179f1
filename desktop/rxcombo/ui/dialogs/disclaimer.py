"""The disclaimer dialog: accepted once at first launch, shown again from Help at any time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rxcombo import APP_NAME
from rxcombo.content import render_markdown
from rxcombo.ui.icons import app_icon

DISCLAIMER_TITLE = f"Disclaimer — {APP_NAME}"


class DisclaimerDialog(QDialog):
    """Accept ("I understand", the default: Enter) or quit (Esc, closing the window)."""

    def __init__(self, text: str, *, first_launch: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(DISCLAIMER_TITLE)
        self.setWindowIcon(app_icon())
        self.setModal(True)
        self.resize(560, 460)

        heading = QLabel("Before you use RxCombo" if first_launch else "Disclaimer")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        self.text_view = QTextBrowser()
        self.text_view.setObjectName("disclaimerText")
        self.text_view.setOpenLinks(False)
        self.text_view.setHtml(render_markdown(text))

        buttons = QDialogButtonBox()
        if first_launch:
            self.accept_button = QPushButton("I understand")
            self.quit_button: QPushButton | None = QPushButton("Quit")
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.accept_button = QPushButton("Close")
            self.quit_button = None
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.accept_button.setAutoDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(buttons)
        self.accept_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The text view would take Enter for itself; Enter always means "I understand".
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()
