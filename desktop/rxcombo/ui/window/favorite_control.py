"""Favorites from the window: the page's star and note, a row's menu (note, folder), Ctrl+D,
the favorites view's order.

Kept apart from the window so that favorites can grow without growing ``main_window.py``;
export and import are :mod:`.favorites_io`. Every change is saved through the window's
:class:`~rxcombo.ui.window.save_retry.SaveRetry` (kept in memory and retried when the
disk refuses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rxcombo import APP_NAME
from rxcombo.ui.sidebar.views import View
from rxcombo.userdata import FavoriteSort

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow

MESSAGE_MS = 4000
NO_FOLDER_HINT = "Folder (leave empty for none):"


class FavoriteControl:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        pane = window.search_pane
        pane.favorite_note_requested.connect(self.edit_note)
        pane.favorite_folder_requested.connect(self.move_to_folder)
        pane.favorites_sort.sort_changed.connect(self.set_sort)
        pane.favorites_sort.set_sort(self.sort())
        window.page_view.header.note_requested.connect(self.edit_open_note)

    # -- the list and the open page ----------------------------------------------------

    def sort(self) -> FavoriteSort:
        return FavoriteSort(self.window.settings.favorites_sort)

    def set_sort(self, sort: FavoriteSort) -> None:
        self.window.settings.favorites_sort = sort.value  # saved with the window's state
        self.refresh_list()

    def refresh_list(self) -> None:
        window = self.window
        window.search_pane.set_favorites(window.favorites.items(self.sort()))

    def page_shown(self, page_id: str) -> None:
        """The star, the note and the source of the page just opened."""
        window = self.window
        favorite = window.favorites.get(page_id)
        header = window.page_view.header
        window.page_view.set_favorite(favorite is not None)
        header.set_note(favorite.note if favorite is not None else None)
        library = window.library
        several = library is not None and len(library.sources) > 1
        header.set_source(library.source_of(page_id) if several and library is not None else None)

    def _refresh(self, page_id: str) -> None:
        window = self.window
        if window.current_page_id() == page_id:
            self.page_shown(page_id)
        window.search_pane.refresh_page(page_id)
        self.refresh_list()

    # -- changes -----------------------------------------------------------------------

    def toggle_open_page(self) -> None:
        page_view = self.window.page_view
        document = page_view.document
        if document is not None and page_view.showing_page():  # not the page under a notice
            self.toggle(document.id, document.title)

    def toggle(self, page_id: str, title: str) -> None:
        window = self.window
        source = (window.library.source_of(page_id) if window.library else None) or ""
        favorite = window.favorites.toggle(page_id, title, source)
        window.saving.save_favorites()
        self._refresh(page_id)
        verb = "Added to" if favorite else "Removed from"
        window.statusBar().showMessage(f"{verb} favorites: {title}", MESSAGE_MS)

    def edit_open_note(self) -> None:
        page_id = self.window.current_page_id()
        if page_id is not None:
            self.edit_note(page_id)

    def edit_note(self, page_id: str) -> None:
        """The header's "Note…" and the favorites view's "Edit Note…"."""
        window = self.window
        favorite = window.favorites.get(page_id)
        if favorite is None:
            return
        from PySide6.QtWidgets import QInputDialog, QMessageBox  # dialogs: on first use

        # The title on a line of its own, after plain words: Qt reads a label as HTML only
        # when its first line holds a tag, and a stored title may come from an import file.
        text, ok = QInputDialog.getMultiLineText(
            window,
            f"Note — {APP_NAME}",
            f"Your note on this favorite:\n{self._title(page_id)}",
            favorite.note,
        )
        if not ok:
            return
        try:
            changed = window.favorites.set_note(page_id, text.strip())
        except ValueError as exc:  # too long: the note is not cut silently
            QMessageBox.warning(window, APP_NAME, f"The note was not saved: {exc}")
            return
        if changed:
            window.saving.save_favorites()
            self._refresh(page_id)
            window.statusBar().showMessage(f"Note saved: {favorite.title}", MESSAGE_MS)

    def _title(self, page_id: str) -> str:
        """The page's own title (a stored one only for a page no source holds)."""
        library, favorite = self.window.library, self.window.favorites.get(page_id)
        document = library.get(page_id) if library is not None else None
        return document.title if document is not None else (favorite.title if favorite else page_id)

    def move_to_folder(self, page_id: str) -> None:
        """The favorites view's "Move to Folder…": an existing folder, a new one, or none."""
        window = self.window
        favorite = window.favorites.get(page_id)
        if favorite is None:
            return
        folders = window.favorites.folders()
        choices = [favorite.folder] + [f for f in folders if f != favorite.folder]
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        name, ok = QInputDialog.getItem(
            window,
            f"Move to Folder — {APP_NAME}",
            f"The folder of this favorite:\n{self._title(page_id)}\n\n{NO_FOLDER_HINT}",
            choices,
            0,
            True,
        )
        if not ok:
            return
        try:
            changed = window.favorites.set_folder(page_id, name)
        except ValueError as exc:
            QMessageBox.warning(window, APP_NAME, f"The folder was not changed: {exc}")
            return
        if changed:
            window.saving.save_favorites()
            self._refresh(page_id)
            where = f"folder “{name.strip()}”" if name.strip() else "no folder"
            window.statusBar().showMessage(f"Moved to {where}: {favorite.title}", MESSAGE_MS)

    def show_favorites(self) -> None:
        self.window.search_pane.set_view(View.FAVORITES)
