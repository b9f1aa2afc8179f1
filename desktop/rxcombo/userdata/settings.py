"""Small per-user settings (window layout, content folder, accepted disclaimer).

Same file policy as favorites (see :mod:`rxcombo.userdata.store`).  On save, keys this
window changed overwrite the file's values and every other key keeps the file's value,
so two windows changing different settings do not undo each other.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any, ClassVar

from . import messages
from .jsonfile import JsonObject
from .store import DamagedContentError, JsonStore

FORMAT_NAME = "rxcombo-settings"

KEY_CONTENT_DIR = "content_dir"
KEY_WINDOW_GEOMETRY = "window_geometry"
KEY_SPLITTER_STATE = "splitter_state"
KEY_LAST_PAGE_ID = "last_page_id"
KEY_LIST_VIEW = "list_view"
KEY_DISCLAIMER_SHA256 = "disclaimer_sha256"
DEFAULT_LIST_VIEW = "all"


class SettingsStore(JsonStore[dict[str, Any]]):
    """Key/value settings; values are JSON values, ``None`` removes a key."""

    FORMAT: ClassVar[str] = FORMAT_NAME
    VERSION: ClassVar[int] = 1
    LABEL: ClassVar[str] = messages.SETTINGS_LABEL
    EMPTY_DESCRIPTION: ClassVar[str] = messages.SETTINGS_INSTEAD

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._values: dict[str, Any] = {}
        self._changed_keys: set[str] = set()

    # -- generic access -------------------------------------------------------------
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

    # -- typed accessors; a value of the wrong type reads as unset ------------------
    def _get_str(self, key: str) -> str | None:
        value = self._values.get(key)
        return value if isinstance(value, str) else None

    def _get_bytes(self, key: str) -> bytes | None:
        value = self._values.get(key)
        if not isinstance(value, str):
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None

    def _set_bytes(self, key: str, value: bytes | None) -> None:
        self.set(key, None if value is None else base64.b64encode(value).decode("ascii"))

    @property
    def content_dir(self) -> str | None:
        return self._get_str(KEY_CONTENT_DIR)

    @content_dir.setter
    def content_dir(self, value: str | None) -> None:
        self.set(KEY_CONTENT_DIR, value)

    @property
    def window_geometry(self) -> bytes | None:
        """What ``QWidget.saveGeometry()`` returned (convert the QByteArray with bytes())."""
        return self._get_bytes(KEY_WINDOW_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: bytes | None) -> None:
        self._set_bytes(KEY_WINDOW_GEOMETRY, value)

    @property
    def splitter_state(self) -> bytes | None:
        return self._get_bytes(KEY_SPLITTER_STATE)

    @splitter_state.setter
    def splitter_state(self, value: bytes | None) -> None:
        self._set_bytes(KEY_SPLITTER_STATE, value)

    @property
    def last_page_id(self) -> str | None:
        return self._get_str(KEY_LAST_PAGE_ID)

    @last_page_id.setter
    def last_page_id(self, value: str | None) -> None:
        self.set(KEY_LAST_PAGE_ID, value)

    @property
    def list_view(self) -> str:
        return self._get_str(KEY_LIST_VIEW) or DEFAULT_LIST_VIEW

    @list_view.setter
    def list_view(self, value: str) -> None:
        self.set(KEY_LIST_VIEW, value)

    @property
    def disclaimer_sha256(self) -> str | None:
        return self._get_str(KEY_DISCLAIMER_SHA256)

    @disclaimer_sha256.setter
    def disclaimer_sha256(self, value: str | None) -> None:
        self.set(KEY_DISCLAIMER_SHA256, value)

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
