"""The floors for start-up time and memory: the least a PySide6 window of RxCombo's shape does.

    python tests/benchmarks/bare_window.py --prepared TITLES_TXT PAGE_HTML
    python tests/benchmarks/bare_window.py CONTENT_DIR [--page FILE]

A QMainWindow with a QListView over a QStringListModel of the titles beside a QTabWidget
holding one QTextBrowser with one rendered page. No search, no cache, no threads.

* ``--prepared`` (the floor the app is measured against, as ../shared/peer-bench's): the
  titles come from one prepared text file, one per line, and the page is HTML rendered
  beforehand. Whatever the app does beyond this is its own cost.
* a content folder (a reference, "reads every file"): each page's front matter is read
  for its title and one page is rendered with Python-Markdown, as a program without a
  cache would have to on every start.

Prints the same timing marks as the app's ``RXCOMBO_BENCH_MARKS=1`` hook:
``window-shown``, ``list-ready`` and ``first-paint`` (the list's first paint).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench_common import front_matter_title, mark, page_files
from PySide6.QtCore import QEvent, QObject, QStringListModel, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTabWidget, QTextBrowser


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
    import markdown  # here: the prepared floor renders nothing and must not pay its import

    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            text = text[text.find("\n", end + 1) + 1 :]
    return markdown.markdown(text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path, nargs="?")
    parser.add_argument("--page", type=Path, help="page file to show (default: the first title)")
    parser.add_argument("--prepared", type=Path, nargs=2, metavar=("TITLES_TXT", "PAGE_HTML"))
    args = parser.parse_args()
    if (args.content is None) == (args.prepared is None):
        parser.error("give a content folder or --prepared TITLES_TXT PAGE_HTML")

    app = QApplication(sys.argv[:1])
    app.setApplicationName("RxCombo bare window")
    if args.prepared is not None:
        titles = args.prepared[0].read_text(encoding="utf-8").splitlines()
        html = args.prepared[1].read_text(encoding="utf-8")
    else:
        pages = [(front_matter_title(path), path) for path in page_files(args.content)]
        pages.sort(key=lambda item: (item[0].casefold(), item[0]))
        titles = [title for title, _ in pages]
        shown = args.page or (pages[0][1] if pages else None)
        html = page_html(shown) if shown is not None else ""

    window = QMainWindow()
    window.setWindowTitle("RxCombo bare window")
    model = QStringListModel(titles)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    tabs = QTabWidget()
    browser = QTextBrowser()
    browser.setHtml(html)
    tabs.addTab(browser, titles[0] if titles else "")
    splitter = QSplitter()
    splitter.addWidget(view)
    splitter.addWidget(tabs)
    splitter.setSizes([300, 800])
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
