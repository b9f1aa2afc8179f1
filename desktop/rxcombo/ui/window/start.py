"""What the start page offers, taken from the open library (or its preview) and the user's own pages."""

from __future__ import annotations

from collections.abc import Callable

from rxcombo.library import Library, ListPreview
from rxcombo.library.preview import example_search
from rxcombo.ui.window.history import History
from rxcombo.userdata import FavoritesStore

StartContent = tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]

SHOWN = 8


def start_content(
    example: str | None, title_of: Callable[[str], str | None], history: History, favorites: FavoritesStore
) -> StartContent:
    """The library's example two-drug search (see rxcombo.library.preview.example_search),
    and the recent pages and the favorites that the library has (``title_of``: a page's
    title there, or None)."""
    recent = [(i, title) for i in history.recent()[:SHOWN] if (title := title_of(i)) is not None]
    kept = [(f.page_id, f.title) for f in favorites.items() if title_of(f.page_id) is not None]
    return example, recent, kept[:SHOWN]


def library_start(library: Library, history: History, favorites: FavoritesStore) -> StartContent:
    def title_of(page_id: str) -> str | None:
        document = library.get(page_id)
        return document.title if document is not None else None

    return start_content(example_search(library.documents), title_of, history, favorites)


def preview_start(preview: ListPreview, history: History, favorites: FavoritesStore) -> StartContent:
    """The same as :func:`library_start` gives for the preview's library."""
    return start_content(preview.example, preview.title_of, history, favorites)
