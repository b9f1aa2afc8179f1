"""Back and forward through the pages opened, and the recent pages kept across restarts.

Each step remembers the page, its tab and how far it was scrolled, as a browser does. The
recent pages are written to the settings only while "keep history" is on: health look-ups
are private, and with it off nothing of what was opened reaches the disk (the session's
last page, tab and search are not written either: see state.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from rxcombo.userdata import SettingsStore

MAX_RECENT = 50


@dataclass(frozen=True, slots=True)
class Place:
    page_id: str
    tab: str | None = None
    scroll: int = 0


class History(QObject):
    changed = Signal()

    def __init__(self, settings: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.back: list[Place] = []
        self.forward: list[Place] = []
        self.current: Place | None = None
        self._recent: list[str] = list(settings.history) if settings.keep_history else []

    @property
    def keep(self) -> bool:
        return self._settings.keep_history

    def set_keep(self, keep: bool) -> None:
        self._settings.keep_history = keep
        self._settings.history = list(self._recent) if keep else None
        self.changed.emit()

    def recent(self) -> list[str]:
        """Page ids, most recent first."""
        return list(self._recent)

    def visit(self, page_id: str) -> None:
        """A page was opened by the user (not by Back or Forward)."""
        if self.current is not None and self.current.page_id == page_id:
            return
        if self.current is not None:
            self.back.append(self.current)
        self.forward.clear()
        self.current = Place(page_id)
        self._recent = [page_id, *(p for p in self._recent if p != page_id)][:MAX_RECENT]
        if self.keep:
            self._settings.history = list(self._recent)
        self.changed.emit()

    def note_position(self, tab: str | None, scroll: int) -> None:
        """Where the reader is on the current page, remembered when they leave it."""
        if self.current is not None:
            self.current = replace(self.current, tab=tab, scroll=scroll)

    def step(self, direction: int) -> Place | None:
        """-1 back, +1 forward: the place to show, or None at the end."""
        source, target = (self.back, self.forward) if direction < 0 else (self.forward, self.back)
        if not source or self.current is None:
            return None
        target.append(self.current)
        self.current = source.pop()
        self.changed.emit()
        return self.current

    def clear(self) -> None:
        self.back.clear()
        self.forward.clear()
        self._recent = []
        self._settings.history = None
        self.changed.emit()
