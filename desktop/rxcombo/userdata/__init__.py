"""The user's own files: favorites, drug lists, settings and the accepted disclaimer.

Nothing is written until a store's ``save()`` runs with unsaved changes; until then not
even the folders exist.  Damaged files are moved aside rather than overwritten, files
from newer versions are left alone, and failed saves keep everything in memory for a
later retry.  The policy is :mod:`.store`, the file mechanics :mod:`.jsonfile`, the
settings table :mod:`.options` and every sentence shown about these files :mod:`.messages`.
"""

from __future__ import annotations

from .damaged import set_aside
from .disclaimer import disclaimer_hash, is_accepted, record_acceptance
from .favorites import Favorite, FavoritesStore
from .jsonfile import FileLockError, JsonFile
from .lists import DrugList, ListsStore
from .settings import SettingsStore
from .store import JsonStore, LoadReport

__all__ = [
    "DrugList",
    "Favorite",
    "FavoritesStore",
    "FileLockError",
    "JsonFile",
    "JsonStore",
    "ListsStore",
    "LoadReport",
    "SettingsStore",
    "disclaimer_hash",
    "is_accepted",
    "record_acceptance",
    "set_aside",
]
