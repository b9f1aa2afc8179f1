"""Links that leave the app: only web and mail links, and only once the user has said yes."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from rxcombo import APP_NAME

# A page is untrusted text: file:, javascript: and the like are never handed to the desktop.
EXTERNAL_SCHEMES = ("http", "https", "mailto")


def confirm_external_link(parent: QWidget, url: QUrl) -> bool:
    answer = QMessageBox.question(
        parent,
        f"Open link — {APP_NAME}",
        f"This link leads outside RxCombo and will open in your web browser:\n\n{url.toString()}\n\nOpen it?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


def open_external_link(parent: QWidget, url: QUrl) -> None:
    """Open ``url`` in the user's browser or mail program if its scheme is allowed and they confirm."""
    if url.scheme() not in EXTERNAL_SCHEMES:
        return
    if confirm_external_link(parent, url):
        QDesktopServices.openUrl(url)
