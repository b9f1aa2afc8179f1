"""Opening a full-text result: its page, on the tab of the section the words were found in,
with the words highlighted by the find bar (F3 goes on to the next).

A page's tabs are not its sections one for one (groups, a shared disclaimer tab, a
combined-use tab: :mod:`rxcombo.content.shown`), so the section's tab is the one titled
like it, else the first whose text holds the word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rxcombo.content import fold
from rxcombo.content.shown import GROUP_JOIN, ShownPage, TabKind
from rxcombo.ui.page.page_view import PageView

if TYPE_CHECKING:  # the full-text search (and SQLite) is imported after the first paint
    from rxcombo.search.fulltext import TextHit


def word_to_find(hit: TextHit) -> str:
    """The words as the section writes them (first match of the snippet), else as typed."""
    snippet = hit.snippet
    if snippet.spans:
        start, end = snippet.spans[0]
        return snippet.text[start:end]
    return " ".join(hit.query.terms[0].words) if hit.query.terms else ""


def tab_of_section(shown: ShownPage, section: str, word: str) -> int | None:
    """The tab that shows the section titled ``section``, else the first holding ``word``."""
    wanted = fold(section)
    tabs = [(number, tab) for number, tab in enumerate(shown.tabs) if tab.kind is not TabKind.WHOLE_PAGE]
    for number, tab in tabs:
        if wanted and wanted in (fold(part) for part in tab.full_title.split(GROUP_JOIN)):
            return number
    folded = fold(word)
    if folded:
        for number, tab in tabs:
            if folded in fold(tab.markdown):
                return number
    return None


def show_hit(page_view: PageView, hit: TextHit) -> None:
    """The page is open: turn to the hit's section and highlight its words."""
    shown = page_view.shown
    document = page_view.document
    if shown is None or document is None or document.id != hit.page_id:
        return  # the page could not be opened (the window said why)
    word = word_to_find(hit)
    number = tab_of_section(shown, hit.section, word)
    if number is not None:
        page_view.restore_position(shown.tabs[number].title, 0)
    if word:
        page_view.find_bar.find_text(word)
