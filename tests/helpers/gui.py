"""Helpers for driving the real window in tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from rxcombo.app.startup import Launcher
from rxcombo.ui.window.main_window import MainWindow

# The tabs each bundled seed page shows, in order.
SEED_TABS = {
    "Alprazolam + Imipramine": [
        "Overview",
        "Alprazolam",
        "Imipramine",
        "Combined Use of Alprazolam and Imipramine",
        "Whole page",
    ],
    "Amitriptyline + Ketamine": ["Overview", "Amitriptyline", "Ketamine", "Disclaimer", "Whole page"],
    "Gabapentin + Amitriptyline": [
        "Overview",
        "Gabapentin",
        "Amitriptyline",
        "Combined Use of Gabapentin and Amitriptyline",
        "Disclaimer",  # the closing Note shares the disclaimer's tab
        "Whole page",
    ],
}


def launch(qtbot, content: Path | list[Path] | None, *, accept: bool = True) -> Launcher:
    """Start like the app does; accept the disclaimer with Enter if it shows."""
    launcher = Launcher(content)
    launcher.launch()
    if launcher.dialog is not None:
        qtbot.addWidget(launcher.dialog)
        if accept:
            qtbot.waitExposed(launcher.dialog)
            qtbot.keyClick(launcher.dialog, Qt.Key.Key_Return)
    if launcher.window is not None:
        qtbot.addWidget(launcher.window)
    return launcher


def wait_loaded(qtbot, window: MainWindow, timeout: int = 60_000) -> None:
    if window.library is None:
        with qtbot.waitSignal(window.library_loaded, timeout=timeout):
            pass


def wait_idle(qtbot, window: MainWindow, timeout: int = 60_000) -> None:
    """Until the loading threads are done: the library's cache is written (what the next
    start compares with)."""
    wait_loaded(qtbot, window, timeout)
    qtbot.waitUntil(lambda: not window.loading.busy(), timeout=timeout)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user, one key event per character (works for non-ASCII too)."""
    for char in text:
        press = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, press)
        release = QKeyEvent(
            QKeyEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
        )
        QApplication.sendEvent(widget, release)


def visible_titles(model) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def tree_children(model, parent: QModelIndex) -> list[str]:
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def tab_stops(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab reaches from ``start``, in order (what a keyboard user walks through)."""
    stops: list[QWidget] = []
    widget: QWidget | None = start
    while len(stops) < count and widget is not None:
        widget = widget.nextInFocusChain()
        if widget is None or widget is start:
            break
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
    return stops
