"""Python's cyclic garbage collector paused while the window starts.

A start creates some 120,000 container objects (modules, classes, the cached library)
that live as long as the window, and almost none of them is garbage. Each automatic
collection during the start walks them all again: on the 6,447-page corpus, a warm start
to its first paint took 455 ms with them and 427 ms without (offscreen, medians of 7). So
the start runs without them, and when the window has painted, :func:`resume` first
moves everything alive into the permanent generation (``gc.freeze``, the same use as
Instagram's pre-fork servers) and then re-enables collection: later collections, while
the user types, no longer walk the whole library either.

Reference counting still frees what is not in a cycle, so memory barely grows meanwhile;
a timer resumes collection anyway if the window never paints (a disclaimer left open).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collections until :func:`resume` (no-op if they are already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(*, freeze: bool = True) -> None:
    """Collect automatically again (once; idempotent); ``freeze``: first move what the start
    created out of later collections' way (the window's start: it lives as long as the
    window; not a command's, whose objects are soon garbage)."""
    global _paused
    if _paused:
        _paused = False
        if freeze:
            gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
