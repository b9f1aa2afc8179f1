"""The real app with timing marks, for when the app has no ``RXCOMBO_BENCH_MARKS`` hook yet.

    python tests/benchmarks/app_probe.py --content DIR

Runs ``rxcombo.entry.main`` (what ``python -m rxcombo`` runs) in this process after putting
a subclass of ``MainWindow`` in ``rxcombo.app.startup`` that only adds marks on stderr; nothing
else changes. Marks, as ``rxcombo-mark <name> <s since process start> <monotonic s>``:

* ``window-shown``: ``MainWindow.show()`` returned;
* ``progress-shown``: ``load_content()`` returned with the progress bar visible;
* ``list-ready``: ``library_loaded`` was emitted (library loaded, list filled);
* ``first-paint``: the current list's first paint after ``list-ready`` has been handled.

(The app's own marks differ for a warm start painted from its cache's preview: there
``list-ready`` and ``first-paint`` come before the library, and ``library-ready`` after.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench_common import mark
from PySide6.QtCore import QEvent, QObject, QTimer

import rxcombo.app.startup as app_module
from rxcombo.entry import main


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, lambda: mark("first-paint"))
        return False


class ProbedMainWindow(app_module.MainWindow):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bench_paint = _FirstPaint()
        self._bench_ready = False
        self.library_loaded.connect(self._bench_loaded)

    def show(self) -> None:
        super().show()
        mark("window-shown")

    def load_content(self, root: Path) -> None:
        super().load_content(root)
        if not self.progress.isHidden():
            mark("progress-shown")

    def _bench_loaded(self) -> None:
        if self._bench_ready:
            return
        self._bench_ready = True
        mark("list-ready")
        pane = self.search_pane
        view = pane.current_item_view() if hasattr(pane, "current_item_view") else pane.all_view
        targets = [view.viewport()]
        if hasattr(pane, "empty_label"):
            targets.append(pane.empty_label)  # an empty library shows this instead
        for widget in targets:
            widget.installEventFilter(self._bench_paint)
            widget.update()


app_module.MainWindow = ProbedMainWindow

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
