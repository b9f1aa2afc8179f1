"""How the search pane is laid out: the field with its mode toggle on top, and below it
either the name search's part (view tabs, notice, list) or the text search's panel."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from rxcombo.ui.icons import icon


def make_search_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName("searchField")
    field.setPlaceholderText(placeholder)
    field.setAccessibleName("Search drugs")
    field.setAccessibleDescription("Type drug names; Enter opens the first page found")
    field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    # The clear button's icon is looked up in the icon theme: 5 to 8 ms under X11 before
    # the first frame, where an empty field shows no button anyway. The first text typed
    # or restored turns it on, or the window does just after its first paint.
    field.textChanged.connect(partial(show_clear_button, field), Qt.ConnectionType.SingleShotConnection)
    return field


def show_clear_button(field: QLineEdit, _text: str = "") -> None:
    """Turn the field's clear button on (``_text``: as ``textChanged`` calls it)."""
    if not field.isClearButtonEnabled():
        field.setClearButtonEnabled(True)


def make_view_bar(labels: Sequence[str]) -> QTabBar:
    """The tabs above the list: one per view, sharing the pane's width."""
    bar = QTabBar()
    bar.setObjectName("viewBar")
    bar.setExpanding(True)
    bar.setDocumentMode(True)
    for label in labels:
        bar.addTab(label)
    return bar


def lay_out_pane(
    pane: QWidget,
    field: QLineEdit,
    toggle: QWidget,
    names: Sequence[tuple[QWidget, int]],
) -> QStackedWidget:
    """Lay ``pane`` out; ``names`` are the name search's widgets with their stretch. The
    stack returned shows the name part (0) or the text panel (1), whose place is kept by
    a placeholder until the panel is made (:func:`swap_in`)."""
    name_part = QWidget()
    name_layout = QVBoxLayout(name_part)
    name_layout.setContentsMargins(0, 0, 0, 0)
    name_layout.setSpacing(6)
    for widget, stretch in names:
        name_layout.addWidget(widget, stretch)
    # Takes the room when nothing stretching is shown (a notice over no list), so that the
    # notice keeps its own height at the top instead of spreading down the pane.
    name_layout.addStretch(0)
    modes = QStackedWidget()
    modes.addWidget(name_part)
    modes.addWidget(QWidget())
    field_row = QHBoxLayout()
    field_row.setSpacing(2)
    field_row.addWidget(field, 1)
    field_row.addWidget(toggle)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(8, 8, 0, 4)
    layout.setSpacing(6)
    layout.addLayout(field_row)
    layout.addWidget(modes, 1)
    return modes


def swap_in(stack: QStackedWidget, index: int, widget: QWidget) -> None:
    """Put ``widget`` at ``index`` of ``stack``, in place of the placeholder kept there,
    and in the placeholder's place in the focus chain (made late, it would come last: Tab
    would reach the page before it)."""
    placeholder = stack.widget(index)
    stack.insertWidget(index, widget)
    if placeholder is None:
        return
    # setTabOrder() moves one widget, and only one that takes focus (Qt ignores the others):
    # so the widget and each of its children that takes focus, one after the other.
    chain = [widget] if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else []
    later = widget.nextInFocusChain()
    while later is not None and widget.isAncestorOf(later):
        if later.focusPolicy() != Qt.FocusPolicy.NoFocus:
            chain.append(later)
        later = later.nextInFocusChain()
    before = placeholder.previousInFocusChain()
    while before is not None and before is not placeholder and before.focusPolicy() == Qt.FocusPolicy.NoFocus:
        before = before.previousInFocusChain()
    if before is not None:
        for first, second in zip([before, *chain], chain, strict=False):
            QWidget.setTabOrder(first, second)
    stack.removeWidget(placeholder)
    placeholder.deleteLater()
