"""The page pane's parts made when first needed.

Most starts open one page and never search in it, and a notice shows only when a search
found no page. Made at start, the find bar and the notice panel cost the first frame their
modules and Qt classes (about 4 ms of it); each is a ``cached_property`` instead, made by
the first command, search or test that asks for it (as the window's own parts are: see
``rxcombo.ui.window.window_parts``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from rxcombo.ui.page.find_bar import FindBar
    from rxcombo.ui.page.notice_panel import NoticePanel
    from rxcombo.ui.page.page_view import PageView


class PagePartsMadeOnFirstUse:
    """Mixed into :class:`~rxcombo.ui.page.page_view.PageView`."""

    def _view(self) -> PageView:
        return cast("PageView", self)

    @cached_property
    def find_bar(self) -> FindBar:
        from rxcombo.ui.page.find_bar import FindBar

        view = self._view()
        bar = FindBar(view.tabs, view._skip_in_find, view.render_all)
        view._page_layout.insertWidget(view._page_layout.indexOf(view.footer), bar)  # above the footer
        return bar

    @cached_property
    def notice_panel(self) -> NoticePanel:
        from rxcombo.ui.page.notice_panel import NoticePanel

        view = self._view()
        panel = NoticePanel()
        panel.page_activated.connect(view.page_activated)
        if view._notice_hints is not None:
            panel.model.set_hints(view._notice_hints)
        view.stack.addWidget(panel)
        return panel

    def set_notice_hints(self, hint_of: Callable[[str], str | None]) -> None:
        """How a notice's related pages tell equal titles apart (the library's hints)."""
        self._view()._notice_hints = hint_of
        if "notice_panel" in self.__dict__:
            self.notice_panel.model.set_hints(hint_of)

    def find_bar_made(self) -> bool:
        return "find_bar" in self.__dict__

    def notice_panel_made(self) -> bool:
        return "notice_panel" in self.__dict__
