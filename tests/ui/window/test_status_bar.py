"""The status bar's left side: the page count, or a message in its place, never both."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from rxcombo.ui.window.status_bar import add_status_widgets


def test_a_message_said_before_the_window_shows_takes_the_counts_place(qtbot) -> None:
    # A start that found changed pages says so as the window comes up; Qt hides the count
    # for a message only if it is on screen then, and the two were drawn over each other.
    window = QMainWindow()
    qtbot.addWidget(window)
    count, _progress = add_status_widgets(window.statusBar())
    count.setText("9 of 6447 pages match")
    window.statusBar().showMessage("3 pages changed since last start", 200)
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().currentMessage() and not count.isVisible()
    qtbot.waitUntil(lambda: not window.statusBar().currentMessage())
    assert count.isVisible() and count.text() == "9 of 6447 pages match"


def test_a_message_said_while_the_window_shows_takes_the_counts_place_too(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    count, _progress = add_status_widgets(window.statusBar())
    window.show()
    qtbot.waitExposed(window)
    assert count.isVisible()
    window.statusBar().showMessage("2 page(s) could not be read", 200)
    assert not count.isVisible()
    qtbot.waitUntil(count.isVisible)
