"""The settings RxCombo keeps, as a table of options, and the :class:`Option` they are made of.

A new setting is one line in :class:`SettingOptions`: its key in the file, its default and
its kind.  The settings store inherits the table, so ``settings.<name>`` reads and writes
the setting with its Python type.  A value of the wrong type in the file (a hand edit, an
older or newer RxCombo) reads as the default and is left in the file until this window
sets that setting; keys no option names are kept for the version that wrote them.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, overload

T = TypeVar("T")
D = TypeVar("D")

# What json.dumps() accepts; settings stay small and flat, so no nesting is described.
JsonValue = str | int | float | bool | None | list[Any] | dict[str, Any]


@dataclass(frozen=True)
class Kind(Generic[T]):
    """How values of one Python type are kept in the JSON file."""

    name: str
    # Returns None when the stored value is not of this kind: the option then reads as
    # its default instead of raising deep in the UI.
    decode: Callable[[object], T | None]
    encode: Callable[[T], JsonValue]


def _decode_text(raw: object) -> str | None:
    return raw if isinstance(raw, str) else None


def _encode_text(value: str) -> JsonValue:
    return value


def _decode_bytes(raw: object) -> bytes | None:
    if not isinstance(raw, str):
        return None
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return None


def _encode_bytes(value: bytes) -> JsonValue:
    return base64.b64encode(value).decode("ascii")


@dataclass(frozen=True)
class SavedSource:
    """A content source as the settings file keeps it (``userdata.sources`` makes it a
    library ``Source``); ``folder`` None is the bundled pages."""

    name: str
    folder: str | None
    enabled: bool = True


MAX_SOURCE_NAME = 100


def _decode_sources(raw: object) -> list[SavedSource] | None:
    if not isinstance(raw, list):
        return None
    found: list[SavedSource] = []
    for entry in raw:
        source = _decode_source(entry)
        bundled_again = source is not None and source.folder is None and any(s.folder is None for s in found)
        if source is not None and not bundled_again and all(s.name != source.name for s in found):
            found.append(source)
    return found or None


def _decode_source(entry: object) -> SavedSource | None:
    if not isinstance(entry, dict):
        return None
    name, folder = entry.get("name"), entry.get("folder")
    enabled, bundled = entry.get("enabled", True), entry.get("bundled", False)
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_SOURCE_NAME:
        return None
    if not isinstance(enabled, bool) or not isinstance(bundled, bool):
        return None
    if bundled:
        return SavedSource(name, None, enabled)
    return SavedSource(name, folder, enabled) if isinstance(folder, str) and folder else None


def _encode_sources(value: list[SavedSource]) -> JsonValue:
    return [
        {"name": s.name, "bundled": True, "enabled": s.enabled}
        if s.folder is None
        else {"name": s.name, "folder": s.folder, "enabled": s.enabled}
        for s in value
    ]


def _decode_int(raw: object) -> int | None:
    # bool is an int in Python; a stored true/false is not a number.
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _decode_bool(raw: object) -> bool | None:
    return raw if isinstance(raw, bool) else None


def _decode_text_list(raw: object) -> list[str] | None:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        return None
    return list(raw)


def _same(value: Any) -> JsonValue:
    return value  # type: ignore[no-any-return]


TEXT: Kind[str] = Kind("text", _decode_text, _encode_text)
INT: Kind[int] = Kind("int", _decode_int, _same)
BOOL: Kind[bool] = Kind("bool", _decode_bool, _same)
TEXT_LIST: Kind[list[str]] = Kind("text-list", _decode_text_list, list)
# JSON has no bytes: Qt's saved geometry and splitter state are stored as base64 text.
BYTES: Kind[bytes] = Kind("bytes", _decode_bytes, _encode_bytes)
SOURCES: Kind[list[SavedSource]] = Kind("sources", _decode_sources, _encode_sources)


class KeyValues(Protocol):
    """What an option reads and writes through: the settings store's raw JSON values."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class Option(Generic[T, D]):
    """One setting: a typed attribute over the raw value stored under ``key``.

    Reads give the decoded value, or ``default`` when the key is absent, of the wrong
    kind or refused by ``valid``.  Assigning ``None`` removes the key from the file.
    """

    def __init__(
        self, key: str, default: D, kind: Kind[T], *, valid: Callable[[T], bool] | None = None
    ) -> None:
        self.key = key
        self.default = default
        self.kind = kind
        self.valid = valid

    def read(self, values: KeyValues) -> T | D:
        value = self.kind.decode(values.get(self.key))
        if value is None or (self.valid is not None and not self.valid(value)):
            return self.default
        return value

    def write(self, values: KeyValues, value: T | None) -> None:
        values.set(self.key, None if value is None else self.kind.encode(value))

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Option[T, D]: ...

    @overload
    def __get__(self, obj: KeyValues, owner: type[Any]) -> T | D: ...

    def __get__(self, obj: KeyValues | None, owner: type[Any]) -> Option[T, D] | T | D:
        return self if obj is None else self.read(obj)

    def __set__(self, obj: KeyValues, value: T | None) -> None:
        self.write(obj, value)

    def __repr__(self) -> str:
        return f"Option({self.key!r}, {self.default!r}, {self.kind.name})"


def _non_empty(text: str) -> bool:
    return bool(text)


def _zoom_range(percent: int) -> bool:
    return 50 <= percent <= 300


def _theme_name(name: str) -> bool:
    return name in ("system", "light", "dark")


def _favorites_sort(name: str) -> bool:
    return name in ("added", "name", "folder")  # userdata.favorites.FavoriteSort


class SettingOptions:
    """The table of settings; :class:`~.settings.SettingsStore` gives them values.

    The key is what the file says: never rename one, or users lose that setting.
    """

    content_dir = Option("content_dir", None, TEXT)  # before sources: read once into them
    sources = Option("sources", None, SOURCES)  # in the user's order; see userdata.sources
    # What QWidget.saveGeometry() returned (convert the QByteArray with bytes()).
    window_geometry = Option("window_geometry", None, BYTES)
    splitter_state = Option("splitter_state", None, BYTES)
    last_page_id = Option("last_page_id", None, TEXT)
    # An empty name is not a view; it reads as the default like any other unknown value.
    list_view = Option("list_view", "all", TEXT, valid=_non_empty)
    disclaimer_sha256 = Option("disclaimer_sha256", None, TEXT)
    # Reading comfort: the session comes back as it was left.
    last_tab = Option("last_tab", None, TEXT)
    last_query = Option("last_query", None, TEXT)
    zoom = Option("zoom", 100, INT, valid=_zoom_range)  # percent of the normal text size
    theme = Option("theme", "system", TEXT, valid=_theme_name)
    # Health look-ups are private: with keep_history off, nothing opened is written to disk.
    keep_history = Option("keep_history", True, BOOL)
    history: Option[list[str], list[str]] = Option("history", [], TEXT_LIST)  # page ids, newest first
    compare_page_id = Option("compare_page_id", None, TEXT)  # the page beside the last one, at exit
    favorites_sort = Option("favorites_sort", "added", TEXT, valid=_favorites_sort)  # the view's order

    @classmethod
    def options(cls) -> list[Option[Any, Any]]:
        """Every option of the table (also when asked of a store that inherits it)."""
        found: dict[str, Option[Any, Any]] = {}
        for klass in reversed(cls.__mro__):
            found.update({v.key: v for v in vars(klass).values() if isinstance(v, Option)})
        return list(found.values())
