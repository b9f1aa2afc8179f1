"""The status bar's own widgets and wording: page counts on the left, loading progress on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from rxcombo import wording
from rxcombo.ui.sidebar.search_pane import SearchPane
from rxcombo.ui.sidebar.views import View


def add_status_widgets(bar: QStatusBar) -> tuple[QLabel, QProgressBar]:
    """The count label and the progress bar (hidden until a folder loads)."""
    count_label = QLabel()
    progress = QProgressBar()
    progress.setMaximumWidth(220)
    progress.setTextVisible(True)
    progress.hide()
    bar.addWidget(count_label, 1)
    bar.addPermanentWidget(progress)
    # A message takes the count's place. Qt hides the count for it only if the count is on
    # screen at that moment: a message said before the window showed (a start that found
    # changed pages) was drawn over the count for its ten seconds.
    bar.messageChanged.connect(lambda message: count_label.setVisible(not message))
    return count_label, progress


def say_unreadable(bar: QStatusBar, errors: int) -> None:
    """How many pages could not be read, for ten seconds (none: nothing said)."""
    if errors:
        bar.showMessage(f"{errors} page(s) could not be read; run 'rxcombo check' for details", 10_000)


def count_text(pane: SearchPane, drugs: int | None, shown: int, total: int) -> str:
    """What the pane's current view lists; ``drugs``: the library's (None: none shown yet)."""
    if drugs is None:
        return ""
    return count_words(
        pane.current_view(), shown, total, drugs, str(pane.query()), related=pane.shows_related()
    )


def count_words(view: View, shown: int, total: int, drugs: int, typed: str, *, related: bool = False) -> str:
    """``typed`` is the search text, stripped: any text at all counts as a search;
    ``related``: the list shows related pages, not matches."""
    if related:
        return wording.related_count(shown)
    if view is View.FAVORITES:
        return f"{shown} favorite{'s' if shown != 1 else ''}" + (" match" if typed else "")
    if typed:
        return f"{shown} of {total} pages match"
    return f"{total} page{'s' if total != 1 else ''}, {drugs} drug{'s' if drugs != 1 else ''}"
