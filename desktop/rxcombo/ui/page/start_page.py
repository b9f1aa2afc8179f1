"""What the page pane shows when no page is open: how to search (with an example taken
from the library's own titles), recent pages, favorites, the main keys, and the app's
one-line disclaimer. Never an empty pane."""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote, unquote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from rxcombo import wording

SEARCH_SCHEME = "rxcombo-search"
PAGE_SCHEME = "rxcombo-page"
KEYS = (
    ("Ctrl+L", "search"),
    ("Enter", "open the first match"),
    ("Alt+Left / Alt+Right", "back and forward"),
    ("Ctrl+F", "find in the page"),
    ("Ctrl+D", "favorite"),
    ("F1", "every shortcut"),
)


def _links(scheme: str, rows: Sequence[tuple[str, str]]) -> str:
    items = "".join(
        f'<li><a href="{scheme}:{quote(target)}">{html.escape(label)}</a></li>' for target, label in rows
    )
    return f"<ul>{items}</ul>"


def start_html(
    example: str | None, recent: Sequence[tuple[str, str]], favorites: Sequence[tuple[str, str]]
) -> str:
    parts = ["<h2>Look up a drug or a combination</h2>"]
    parts.append(
        "<p>Type drug names in the search field on the left: each word must match a drug of the "
        "page, so two names find the page about taking them together.</p>"
    )
    if example:
        parts.append(
            f'<p>For example: <a href="{SEARCH_SCHEME}:{quote(example)}">{html.escape(example)}</a></p>'
        )
    if recent:
        parts.append("<h3>Recent pages</h3>" + _links(PAGE_SCHEME, recent))
    if favorites:
        parts.append("<h3>Favorites</h3>" + _links(PAGE_SCHEME, favorites))
    keys = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in KEYS
    )
    parts.append(f"<h3>Keys</h3><table>{keys}</table>")
    parts.append(f"<p><i>{html.escape(wording.APP_DISCLAIMER_LINE)}</i></p>")
    return "".join(parts)


class StartPage(QTextBrowser):
    search_requested = Signal(str)
    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAccessibleName("Start page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(24)
        self.anchorClicked.connect(self._on_link)
        self._html = ""

    def show_start(
        self, example: str | None, recent: Sequence[tuple[str, str]], favorites: Sequence[tuple[str, str]]
    ) -> None:
        html = start_html(example, recent, favorites)
        if html != self._html:  # the same again (the library after its preview): not re-laid out
            self._html = html
            self.setHtml(html)

    def loadResource(self, type: int, name: QUrl | str) -> None:
        return None  # nothing is fetched for this page either

    def _on_link(self, url: QUrl) -> None:
        target = unquote(url.path())
        if url.scheme() == SEARCH_SCHEME:
            self.search_requested.emit(target)
        elif url.scheme() == PAGE_SCHEME:
            self.page_requested.emit(target)
