"""The context menu of a page row: open it, add it to or remove it from the favorites,
compare it with the open page, copy its link, and, in the favorites view, edit its note or
move it to a folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from rxcombo.ui.icons import icon
from rxcombo.ui.roles import FAVORITE_KEY_ROLE, FAVORITE_ROLE, MISSING_ROLE, PAGE_ID_ROLE

FavoriteItem = tuple[str, Callable[[str], None]]  # menu text, what it does with the saved page id

COMPARE_TEXT = "Compare with Open Page"
COPY_LINK_TEXT = "Copy Link"


def show_page_menu(
    parent: QWidget,
    view: QAbstractItemView,
    position: QPoint,
    open_page: Callable[[str], None],
    toggle_favorite: Callable[[str, str], None],
    favorite_items: Sequence[FavoriteItem] = (),
    *,
    compare: Callable[[str], None] | None = None,
    copy_link: Callable[[str], None] | None = None,
) -> None:
    """Runs the menu for the row at ``position``; drug rows and empty space have none."""
    index = view.indexAt(position)
    page_id = index.data(PAGE_ID_ROLE) if index.isValid() else None
    if page_id is None:
        return
    title = str(index.data(Qt.ItemDataRole.DisplayRole)).split("\n", 1)[0]  # a report row: its title
    menu = QMenu(parent)
    open_action = QAction("Open", menu)
    open_action.setEnabled(not index.data(MISSING_ROLE))
    open_action.triggered.connect(lambda: open_page(str(page_id)))
    favorite = bool(index.data(FAVORITE_ROLE))
    star = QAction(
        icon("star" if not favorite else "star-outline"),
        "Remove from Favorites" if favorite else "Add to Favorites",
        menu,
    )
    # Shown as a hint only: the window's Toggle Favorite action owns Ctrl+D.
    star.setShortcut(QKeySequence("Ctrl+D"))
    star.triggered.connect(lambda: toggle_favorite(str(page_id), title))
    menu.addAction(open_action)
    menu.addAction(star)
    if compare is not None:
        compare_action = QAction(COMPARE_TEXT, menu)
        compare_action.setEnabled(not index.data(MISSING_ROLE))
        compare_action.triggered.connect(lambda: compare(str(page_id)))
        menu.addAction(compare_action)
    if copy_link is not None:
        menu.addAction(COPY_LINK_TEXT).triggered.connect(lambda: copy_link(str(page_id)))
    key = index.data(FAVORITE_KEY_ROLE)
    if key is not None and favorite_items:
        menu.addSeparator()
        for text, handler in favorite_items:
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, handler=handler: handler(str(key)))
            menu.addAction(action)
    menu.exec(view.viewport().mapToGlobal(position))
