"""The settings store: small per-user settings kept in one JSON file.

Which settings exist, with their types and defaults, is the table in
:mod:`rxcombo.userdata.options`; this store keeps their raw JSON values and follows the
shared file policy of :mod:`rxcombo.userdata.store`.  On save, keys this window changed
overwrite the file's values and every other key keeps the file's value, so two windows
changing different settings do not undo each other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from . import messages
from .jsonfile import JsonObject
from .options import SettingOptions
from .store import DamagedContentError, JsonStore

FORMAT_NAME = "rxcombo-settings"


class SettingsStore(SettingOptions, JsonStore[dict[str, Any]]):
    """Key/value settings; values are JSON values, ``None`` removes a key.

    The typed attributes (``content_dir``, ``window_geometry``...) come from the table
    in :class:`~.options.SettingOptions`; :meth:`get` and :meth:`set` are the raw values.
    """

    FORMAT: ClassVar[str] = FORMAT_NAME
    VERSION: ClassVar[int] = 1
    LABEL: ClassVar[str] = messages.SETTINGS_LABEL
    EMPTY_DESCRIPTION: ClassVar[str] = messages.SETTINGS_INSTEAD

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._values: dict[str, Any] = {}
        self._changed_keys: set[str] = set()

    # -- raw access -----------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Set ``key`` (``None`` removes it); raises TypeError for non-JSON values."""
        if value is None:
            if key not in self._values:
                return
            del self._values[key]
        else:
            # Fail here, where the bug is, rather than in a later save.
            json.dumps(value)
            if self._values.get(key) == value:
                return
            self._values[key] = value
        self._changed_keys.add(key)
        self._mark_dirty()

    def keys(self) -> list[str]:
        return sorted(self._values)

    # -- JsonStore hooks ------------------------------------------------------------
    def _clear(self) -> None:
        self._values = {}
        self._changed_keys = set()

    def _replace_content(self, content: dict[str, Any]) -> None:
        self._values = dict(content)
        self._changed_keys = set()

    def _merge_content(self, content: dict[str, Any]) -> None:
        merged = dict(content)
        for key in self._changed_keys:
            if key in self._values:
                merged[key] = self._values[key]
            else:
                merged.pop(key, None)
        self._values = merged

    def save(self) -> bool:
        saved = super().save()
        if saved:
            # Once on disk, a key is no longer "ours": a later change by another window
            # must win over the value this window merely read back.
            self._changed_keys = set()
        return saved

    def _payload(self) -> JsonObject:
        return {"settings": dict(sorted(self._values.items()))}

    def _parse(self, document: JsonObject) -> dict[str, Any]:
        values = document.get("settings")
        if not isinstance(values, dict):
            raise DamagedContentError(messages.SETTINGS_NOT_AN_OBJECT)
        return dict(values)
