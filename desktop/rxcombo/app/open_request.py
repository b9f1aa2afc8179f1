"""Opening something in the window from outside: ``rxcombo open``, ``rxcombo:`` links, the clipboard.

The launch that is asked (``rxcombo open alprazolam``, or the desktop's ``rxcombo
rxcombo:page/…``) turns its text into an :class:`~rxcombo.links.OpenRequest` first, so a
malformed link is refused before anything starts. It then hands the request to the running
window over the single-instance channel, one JSON line::

    {"cmd": "activate", "open": "<rxcombo: link or looked-up text>", "content": "/abs/dir"?}

or, when no window runs, starts one that opens it. The running instance reads the line
again here (:func:`request_from_message`: it is untrusted, like any link), and gives the
request to ``MainWindow.open_request(request)`` (:func:`deliver`); a window without that
method logs the request instead. What the window then shows is
:func:`rxcombo.links.plan_open`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QClipboard, QGuiApplication

from rxcombo.links import LinkError, OpenRequest, request_for

OPEN_KEY = "open"
log = logging.getLogger("rxcombo.open")


def message_fields(request: OpenRequest | None) -> dict[str, Any]:
    """What an activation message adds for ``request`` (nothing without one)."""
    return {OPEN_KEY: request.message_text()} if request is not None else {}


def request_from_message(message: dict[str, Any]) -> OpenRequest | None:
    """The request an activation message carries; None without one, or for one that is not
    a valid link or text (logged: the sender may be any process of this user)."""
    value = message.get(OPEN_KEY)
    if value is None:
        return None
    if not isinstance(value, str):
        log.warning("rxcombo: ignored an open request that is not text")
        return None
    try:
        return request_for(value)
    except LinkError as exc:
        log.warning("rxcombo: ignored an open request: %s", exc)
        return None


def deliver(window: object, request: OpenRequest) -> bool:
    """Call ``window.open_request(request)``; False (and a log line) if it has no such method."""
    handler = getattr(window, "open_request", None)
    if not callable(handler):
        log.warning("rxcombo: this window cannot open requests yet; asked to open %s", request.message_text())
        return False
    handler(request)
    return True


def clipboard_text(selection_first: bool = False) -> str:
    """The clipboard's text, or the primary selection's (X11) when the clipboard holds none;
    ``selection_first`` tries the selection first. Needs a QGuiApplication."""
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.insert(0 if selection_first else 1, QClipboard.Mode.Selection)
    for mode in modes:
        text = clipboard.text(mode)
        if text.strip():
            return text
    return ""
