"""Importing heavy modules late, and only ever on the main thread.

ftfy, markdown and nh3 cost 20-150 ms each to import and most starts never
need them, so they are imported on first use. But once PySide6 is loaded, its import hook
runs for every new module, and a first import on a worker thread while the Qt event loop
is busy has aborted the process. So a worker never imports: it waits until the main
thread has (the window calls :func:`preload` right after starting the loader).
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from types import ModuleType

_ready: dict[str, threading.Event] = {}
_done: dict[str, ModuleType] = {}  # fully imported: later calls return at once (a cold
# start asks for the front-matter parser once per page)
_guard = threading.Lock()
_requester: Callable[[str], None] | None = None
WORKER_WAIT_SECONDS = 30.0


def set_requester(requester: Callable[[str], None] | None) -> None:
    """How a worker asks the main thread to import a module (the GUI posts a signal)."""
    global _requester
    _requester = requester


def _event(name: str) -> threading.Event:
    with _guard:
        event = _ready.get(name)
        if event is None:
            event = _ready[name] = threading.Event()
        return event


def module(name: str) -> ModuleType:
    """``name``, imported now if on the main thread, else once the main thread has."""
    done = _done.get(name)
    if done is not None:
        return done
    present = sys.modules.get(name)
    if present is not None and not getattr(getattr(present, "__spec__", None), "_initializing", False):
        _done[name] = present  # imported already (by a plain import): nothing to wait for
        return present
    event = _event(name)
    if not event.is_set() and threading.current_thread() is not threading.main_thread():
        requester = _requester
        if requester is not None:
            requester(name)
            event.wait(WORKER_WAIT_SECONDS)
        # Without a GUI there is no requester, and importing here is safe: Qt is not running.
    loaded = importlib.import_module(name)
    _done[name] = loaded
    event.set()
    return loaded


def preload(*names: str) -> None:
    """Import these on the calling (main) thread and release any worker waiting for them."""
    for name in names:
        module(name)
