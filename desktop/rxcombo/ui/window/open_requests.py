"""Requests from outside the window (``rxcombo open``, an ``rxcombo:`` link) carried out.

The request was parsed as untrusted text before it got here (rxcombo.links); what it does is
decided by ``links.plan_open``, as for the command line: a page, a search (whose notice says
what is missing), never a look-alike's page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStatusBar

from rxcombo.library import Library

if TYPE_CHECKING:  # imported when a request comes: most starts have none
    from rxcombo.links import OpenRequest

MESSAGE_MS = 8000


class OpenRequests:
    def __init__(
        self,
        library: Callable[[], Library | None],
        open_page: Callable[[str], None],
        search_for: Callable[[str], None],
        status_bar: QStatusBar,
        show_combos: Callable[[tuple[str, ...]], None],
    ) -> None:
        self._library = library
        self._open_page = open_page
        self._search_for = search_for
        self._status = status_bar
        self._show_combos = show_combos
        self.pending: OpenRequest | None = None  # until a library is on screen

    def request(self, request: OpenRequest) -> None:
        library = self._library()
        if library is None:
            self.pending = request  # carried out when the library arrives (see library_shown)
            return
        from rxcombo.links import plan_open

        plan = plan_open(library, request)
        if plan.drugs:
            self._show_combos(plan.drugs)  # their report, as a list of its own (not saved)
        if plan.query:
            self._search_for(plan.query)
        if plan.page_id:
            self._open_page(plan.page_id)
        if plan.notice:
            self._status.showMessage(plan.notice, MESSAGE_MS)

    def library_shown(self) -> bool:
        """Carry out a request that came before the library; True if one did."""
        request, self.pending = self.pending, None
        if request is None:
            return False
        self.request(request)
        return True
