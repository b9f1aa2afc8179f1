"""The floor for start-up time and memory: the least a PySide6 window showing a library does.

    python tests/benchmarks/bare_window.py CONTENT_DIR [--page FILE]

A QMainWindow with a QListView over a QStringListModel of every page title (read with plain
file reads of each page's front matter, sorted) beside one QTextBrowser showing one page
rendered with Python-Markdown. No search, no cache, no threads. Prints the same timing
marks as the app's ``RXCOMBO_BENCH_MARKS=1`` hook: ``window-shown``, ``list-ready`` and
``first-paint`` (the list's first paint, once the event loop runs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import markdown
from bench_common import front_matter_title, mark, page_files
from PySide6.QtCore import QEvent, QObject, QStringListModel, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTextBrowser


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, lambda: mark("first-paint"))
        return False


def page_html(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            text = text[text.find("\n", end + 1) + 1 :]
    return markdown.markdown(text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("--page", type=Path, help="page file to show (default: the first title)")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    app.setApplicationName("RxCombo bare window")
    pages = [(front_matter_title(path), path) for path in page_files(args.content)]
    pages.sort(key=lambda item: (item[0].casefold(), item[0]))

    window = QMainWindow()
    window.setWindowTitle("RxCombo bare window")
    model = QStringListModel([title for title, _ in pages])
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    browser = QTextBrowser()
    shown = args.page or (pages[0][1] if pages else None)
    if shown is not None:
        browser.setHtml(page_html(shown))
    splitter = QSplitter()
    splitter.addWidget(view)
    splitter.addWidget(browser)
    splitter.setSizes([300, 700])
    window.setCentralWidget(splitter)
    window.resize(1100, 720)

    first_paint = _FirstPaint()
    view.viewport().installEventFilter(first_paint)
    window.show()
    mark("window-shown")
    mark("list-ready")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
