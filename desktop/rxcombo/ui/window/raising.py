"""Bringing the window forward when a second launch asks for it (the IPC is in app/)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def bring_to_front(widget: QWidget) -> None:
    """Un-minimize (keeping a maximized window maximized), raise and activate ``widget``."""
    state = widget.windowState()
    if state & Qt.WindowState.WindowMinimized:
        widget.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()
