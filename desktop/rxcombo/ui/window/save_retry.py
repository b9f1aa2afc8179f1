"""Saving favorites (and the other user files) from the window, and retrying every 30 s the saves that failed.

A read-only or full data folder must not lose a star or a drug list: the stores keep their
state in memory and stay dirty, and this keeps trying until every watched store is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from rxcombo.userdata import FavoritesStore, JsonStore, SettingsStore

SAVE_RETRY_MS = 30_000


class SaveRetry(QObject):
    def __init__(
        self,
        favorites: FavoritesStore,
        settings: SettingsStore,
        status: QStatusBar,
        notify: Callable[[str], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._favorites = favorites
        self._settings = settings
        self._status = status
        self._notify = notify  # shows what the stores want the user to know (a file set aside)
        self.timer = QTimer(self)
        self.timer.setInterval(SAVE_RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self._others: list[JsonStore[Any]] = []  # saved by save_store (drug lists)

    def watch(self, store: JsonStore[Any]) -> None:
        """Retry ``store`` too when its save fails."""
        self._others.append(store)

    def save_store(self, store: JsonStore[Any]) -> None:
        if not store.save():
            self._status.showMessage(
                f"{store.LABEL.capitalize()} not saved yet ({store.last_error}); kept in memory, retrying.",
                10_000,
            )
            self.timer.start()
        notices = store.take_notices()
        if notices:
            self._notify("\n\n".join(notices))

    def save_favorites(self) -> None:
        if not self._favorites.save():
            self._status.showMessage(
                f"Favorites not saved yet ({self._favorites.last_error}); kept in memory, retrying.",
                10_000,
            )
            self.timer.start()
        notices = self._favorites.take_notices() + self._settings.take_notices()
        if notices:
            self._notify("\n\n".join(notices))

    def save_settings(self) -> None:
        """Settings the user changed on purpose (the sources): saved now, else retried."""
        if not self._settings.save():
            self._status.showMessage(
                f"Settings not saved yet ({self._settings.last_error}); kept in memory, retrying.", 10_000
            )
            self.timer.start()
        notices = self._settings.take_notices()
        if notices:
            self._notify("\n\n".join(notices))

    def retry(self) -> None:
        done = True
        for store in (self._favorites, self._settings, *self._others):
            if store.dirty and not store.save():
                done = False
        if done:
            self.timer.stop()
            self._status.showMessage("Favorites, lists and settings saved.", 4000)
