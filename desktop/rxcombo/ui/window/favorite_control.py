"""Adding and removing favorites from the window: the page's star, a row's menu, Ctrl+D.

Kept apart from the window so that favorites can grow (notes, folders, import) without
growing ``main_window.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rxcombo.ui.sidebar.views import View

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow


class FavoriteControl:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def toggle_open_page(self) -> None:
        page_view = self.window.page_view
        document = page_view.document
        if document is not None and page_view.showing_page():  # not the page under a notice
            self.toggle(document.id, document.title)

    def toggle(self, page_id: str, title: str) -> None:
        window = self.window
        favorite = window.favorites.toggle(page_id, title)
        window.saving.save_favorites()
        if window.current_page_id() == page_id:
            window.page_view.set_favorite(favorite)
        window.search_pane.refresh_page(page_id)
        window.search_pane.set_favorites(window.favorites.items())
        verb = "Added to" if favorite else "Removed from"
        window.statusBar().showMessage(f"{verb} favorites: {title}", 4000)

    def show_favorites(self) -> None:
        self.window.search_pane.set_view(View.FAVORITES)
