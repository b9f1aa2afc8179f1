"""The search field as made for the pane: its clear button, turned on after the first frame,
must change nothing an empty field shows (the warm start's first frame is the later one)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from rxcombo.ui.sidebar.pane_layout import make_search_field, show_clear_button


@pytest.mark.parametrize("width", [120, 300])
def test_an_empty_field_looks_the_same_with_its_clear_button_on(qtbot, width: int) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    field = make_search_field("Search drugs…")
    field.setParent(holder)
    field.setFixedWidth(width)
    elsewhere = QPushButton("Elsewhere", holder)  # the focus: a blinking caret is no difference
    elsewhere.move(0, 40)
    holder.show()
    qtbot.waitExposed(holder)
    elsewhere.setFocus()
    QApplication.processEvents()
    before = field.grab().toImage()
    assert not field.isClearButtonEnabled()

    show_clear_button(field)
    QApplication.processEvents()
    assert field.isClearButtonEnabled()
    assert field.grab().toImage() == before  # the same pixels: no room taken, nothing drawn


def test_the_first_text_turns_the_clear_button_on(qtbot) -> None:
    field = make_search_field("Search drugs…")
    qtbot.addWidget(field)
    field.setText("testazepam")
    assert field.isClearButtonEnabled()


def test_a_widget_swapped_in_late_keeps_the_placeholders_tab_stop(qtbot) -> None:
    """Made after the rest of its window, a swapped-in list comes where its placeholder was
    for the Tab key, before what follows the stack, with its own stop."""
    from PySide6.QtWidgets import QLineEdit, QListView, QStackedWidget, QVBoxLayout

    from helpers.gui import tab_stops
    from rxcombo.ui.sidebar.pane_layout import swap_in

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field, stack = QLineEdit(), QStackedWidget()
    stack.addWidget(QWidget())  # the placeholder, made with the window as a pane's is
    after = QLineEdit()
    for widget in (field, stack, after):
        layout.addWidget(widget)
    window.show()
    listed = QListView()  # made now: Qt puts it last in the window's focus chain
    swap_in(stack, 0, listed)
    stack.setCurrentWidget(listed)
    assert tab_stops(field, 2) == [listed, after]
