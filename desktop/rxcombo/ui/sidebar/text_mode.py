"""The search field's second mode: the words of every page rather than drug names.

On while the toggle beside the field is checked, or while the text starts with ``?``
(``?drowsiness``). Each keystroke then asks the full-text index (one query, a few
milliseconds: see :mod:`rxcombo.search.fulltext.index`) and the name search rests. The
index is opened and built by the window (:mod:`rxcombo.ui.window.text_search`), which
tells this mode what it has: the index, and how far its build has gone.

Its results panel is made when the mode is first turned on: most starts never search the
text, and made at start the panel cost the first frame its modules and Qt classes (a
combo box, a text-layout delegate: about 8 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from rxcombo import wording

if TYPE_CHECKING:  # the full-text search (and SQLite) is imported after the first paint
    from PySide6.QtWidgets import QAbstractItemView

    from rxcombo.search.fulltext import FullTextIndex, TextHit, TextQuery
    from rxcombo.ui.sidebar.text_results import TextResultsPanel

PREFIX = "?"
LIMIT = 200  # rows listed; the line above them counts every page
COUNT_AT_MOST = 9999
TEXT_PLACEHOLDER = "Search the text of every page…"
NAME_PLACEHOLDER = "Search drugs…"
TOGGLE_TEXT = "Text"
TOGGLE_TIP = "Search the text of every page, not drug names ({keys}, or start with ?)"
DAMAGED = "The text index was damaged; it is being built again."
PROMPT = "Type words to find the pages that mention them (a phrase in quotes, prefixes work: rhabdo)."


@dataclass(frozen=True, slots=True)
class IndexState:
    """What the window knows of the index: ``message`` replaces results (no FTS5, a failed
    build); ``percent`` < 100 while it is built; ``stopped``: the build was cancelled."""

    percent: int = 0
    complete: bool = False
    stopped: bool = False
    message: str | None = None


class TextSearchMode(QObject):
    mode_changed = Signal(bool)
    hit_activated = Signal(object)  # a TextHit to open
    index_damaged = Signal()  # a search found the index damaged: the window builds it again
    searched = Signal(str)  # the status line after each search (the window's status bar)
    retake = Signal()  # the mode was switched: the pane runs its search again (take())

    def __init__(
        self, field: QLineEdit, place_panel: Callable[[QWidget], None], parent: QWidget | None = None
    ) -> None:
        """``place_panel``: puts the results panel where it shows, once it is made."""
        super().__init__(parent)
        self._field = field
        self._place_panel = place_panel
        self._panel_parent = parent
        self._panel: TextResultsPanel | None = None
        self._sticky = False  # the toggle was checked (the prefix turns the mode on by itself)
        self.on = False
        self.index: FullTextIndex | None = None
        self.state = IndexState()
        self._last: tuple[TextQuery, list[TextHit], int, bool, str | None] | None = None  # for _status
        self.button = QToolButton()
        self.button.setObjectName("textModeButton")
        self.button.setCheckable(True)
        self.button.setText(TOGGLE_TEXT)  # words, not the field's own magnifier: a mode, not a search
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAccessibleName("Search page text")
        self.set_shortcut_text("Ctrl+Shift+F")
        self.button.clicked.connect(self.set_sticky)

    @property
    def panel(self) -> TextResultsPanel:
        if self._panel is None:
            from rxcombo.ui.sidebar.text_results import TextResultsPanel  # imported after the first paint

            # Kept before anything runs that may ask for it again: reading the section titles
            # from a damaged index starts its rebuild, which searches again at once.
            panel = self._panel = TextResultsPanel(self._panel_parent)
            panel.hit_activated.connect(self.hit_activated)
            panel.section_changed.connect(self.search)
            self._place_panel(panel)
            self._show_section_titles(panel)
        return self._panel

    def panel_made(self) -> bool:
        return self._panel is not None

    @property
    def view(self) -> QAbstractItemView:
        """The results list (the arrow keys in the field move through it)."""
        return self.panel.view

    def set_shortcut_text(self, keys: str) -> None:
        self.button.setToolTip(TOGGLE_TIP.format(keys=keys))

    # -- the mode ------------------------------------------------------------------------

    def take(self, text: str) -> bool:
        """The field's text changed: True when the full-text search answers it (it has)."""
        on = self._sticky or text.lstrip().startswith(PREFIX)
        if on != self.on:
            self.on = on
            if on:
                _ = self.panel  # made, and put in its place, before the pane shows that place
            self.button.setChecked(on)
            self._field.setPlaceholderText(TEXT_PLACEHOLDER if on else NAME_PLACEHOLDER)
            self.mode_changed.emit(on)
        if on:
            self.search()
        return on

    def set_sticky(self, on: bool) -> None:
        """The toggle, its menu action or its key: the mode stays until turned off. Off
        also takes away a typed ``?``, which would keep it on."""
        self._sticky = on
        text = self._field.text()
        if not on and text.lstrip().startswith(PREFIX):
            self._field.setText(text.lstrip()[len(PREFIX) :].lstrip())  # the pane runs take()
        else:
            self.retake.emit()

    def words(self) -> str:
        """What the field holds, without the prefix."""
        text = self._field.text().strip()
        return text[len(PREFIX) :].strip() if text.startswith(PREFIX) else text

    # -- the index -------------------------------------------------------------------------

    def set_index(self, index: FullTextIndex | None, state: IndexState) -> None:
        """The window opened an index (None: none can be) or its build went on."""
        titles_stale = index is not self.index or state.complete != self.state.complete
        self.index, self.state = index, state
        if titles_stale and index is not None and self.panel_made():  # else the panel, once made
            self._show_section_titles(self.panel)
        if self.on and (titles_stale or not self.panel.model.rowCount()):
            self.search()
        elif self.on and self._last is not None:  # rows kept (and the reader's place): only the line
            self.panel.status_label.setText(self._status(*self._last))
        elif titles_stale and state.complete and self._field.text().strip():
            self.retake.emit()  # a name search's notice may now say how many pages mention it

    def _show_section_titles(self, panel: TextResultsPanel) -> None:
        if self.index is None:
            return
        from rxcombo.search.fulltext import FullTextError  # the index is open: loaded

        try:
            panel.set_section_titles(self.index.section_titles())
        except FullTextError as exc:
            self._trouble(exc)

    # -- searching ---------------------------------------------------------------------------

    def search(self) -> None:
        if not self.on:
            return
        from rxcombo.search.fulltext import TextQuery  # after the first paint: no cost then

        query = TextQuery.parse(self.words())
        section = self.panel.section()
        hits: list[TextHit] = []
        count, more, trouble = 0, False, None
        if self.index is not None and not query.blank and self.state.message is None:
            try:
                hits = self.index.search(query, section, LIMIT)
                count, more = self._count(query, section) if hits else (0, False)
            except Exception as exc:  # FullTextError: said in place of the results
                hits, trouble = [], self._trouble(exc)
        self._last = None if trouble else (query, hits, count, more, section)
        status = trouble or self._status(query, hits, count, more, section)
        self.panel.show_results(hits, status)
        self.searched.emit(wording.pages_mention_in(str(query), count, more, section) if hits else "")

    def _count(self, query: TextQuery, section: str | None) -> tuple[int, bool]:
        assert self.index is not None
        count = self.index.count_pages(query, section, COUNT_AT_MOST)
        return min(count, COUNT_AT_MOST), count > COUNT_AT_MOST

    def _trouble(self, exc: Exception) -> str:
        from rxcombo.search.fulltext import DamagedIndexError, FullTextError

        if isinstance(exc, DamagedIndexError):
            self.index_damaged.emit()
            return DAMAGED
        if isinstance(exc, FullTextError):
            return str(exc)
        raise exc

    def count_mentions(self, words: str) -> tuple[int, bool]:
        """Pages whose text holds ``words`` (for a name search's notice), from a complete
        index only: a count of half the pages would understate. (0, False) otherwise."""
        if self.index is None or not self.state.complete or self.state.message is not None:
            return 0, False
        from rxcombo.search.fulltext import FullTextError, TextQuery

        query = TextQuery.parse(words).whole_words()  # a name's mentions, not longer names'
        try:
            return (0, False) if query.blank else self._count(query, None)
        except FullTextError:
            return 0, False

    def _status(
        self, query: TextQuery, hits: list[TextHit], count: int, more: bool, section: str | None
    ) -> str:
        state = self.state
        if state.message is not None:
            return state.message
        if query.blank:
            return PROMPT
        words = str(query)
        if hits:
            found = wording.pages_mention_in(words, count, more, section)
            if state.complete:
                return found
            building = wording.text_index_stopped if state.stopped else wording.text_index_building
            return f"{found} {building(state.percent)}"
        if not state.complete:
            return wording.not_found_yet(words, state.percent, stopped=state.stopped)
        return wording.no_page_mentions_in(words, len(query.terms), section)

    def open_current(self) -> None:
        self.panel.open_current()
