"""What the start page offers, taken from the open library and the user's own pages."""

from __future__ import annotations

from rxcombo.library import Library
from rxcombo.ui.window.history import History
from rxcombo.userdata import FavoritesStore

SHOWN = 8


def start_content(
    library: Library, history: History, favorites: FavoritesStore
) -> tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """An example two-drug search from the library's own titles (never an invented name),
    the recent pages and the favorites that this library has."""
    example = next((" ".join(d.drugs) for d in library.documents if len(d.drugs) == 2), None)
    recent = [(i, d.title) for i in history.recent()[:SHOWN] if (d := library.get(i)) is not None]
    kept = [(f.page_id, f.title) for f in favorites.items() if library.get(f.page_id) is not None]
    return example, recent, kept[:SHOWN]
