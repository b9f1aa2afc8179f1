"""The user's own files: favorites (with notes and folders, exported and imported), drug
lists, settings (among them the content sources) and the accepted disclaimer.

Nothing is written until a store's ``save()`` runs with unsaved changes; until then not
even the folders exist.  Damaged files are moved aside rather than overwritten, files
from newer versions are left alone, and failed saves keep everything in memory for a
later retry.  The policy is :mod:`.store`, the file mechanics :mod:`.jsonfile`, the
settings table :mod:`.options` and every sentence shown about these files :mod:`.messages`
(:mod:`.messages_import` for importing favorites).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rxcombo.support.lazy_names import exports

if TYPE_CHECKING:
    from .damaged import set_aside
    from .disclaimer import disclaimer_hash, is_accepted, record_acceptance
    from .favorites import Favorite, FavoriteSort, FavoritesStore
    from .favorites_export import write_export
    from .favorites_import import ImportReport, Incoming, Outcome
    from .favorites_read import ImportFileError, read_import
    from .jsonfile import FileLockError, JsonFile
    from .lists import DrugList, ListsStore
    from .settings import SettingsStore
    from .store import JsonStore, LoadReport

# name -> the module that defines it: each is imported on first use (PEP 562), so the
# window's start, which needs the settings and favorites stores, does not also import
# the lists (and their drug-name search), the import and export of favorites.
_WHERE = {
    "DrugList": "lists",
    "Favorite": "favorites",
    "FavoriteSort": "favorites",
    "FavoritesStore": "favorites",
    "FileLockError": "jsonfile",
    "ImportFileError": "favorites_read",
    "ImportReport": "favorites_import",
    "Incoming": "favorites_import",
    "JsonFile": "jsonfile",
    "JsonStore": "store",
    "ListsStore": "lists",
    "LoadReport": "store",
    "Outcome": "favorites_import",
    "SettingsStore": "settings",
    "disclaimer_hash": "disclaimer",
    "is_accepted": "disclaimer",
    "read_import": "favorites_read",
    "record_acceptance": "disclaimer",
    "set_aside": "damaged",
    "write_export": "favorites_export",
}


if not TYPE_CHECKING:  # mypy sees the names imported above, and no catch-all __getattr__
    __getattr__, __dir__ = exports(__name__, _WHERE, globals())

__all__ = [
    "DrugList",
    "Favorite",
    "FavoriteSort",
    "FavoritesStore",
    "FileLockError",
    "ImportFileError",
    "ImportReport",
    "Incoming",
    "JsonFile",
    "JsonStore",
    "ListsStore",
    "LoadReport",
    "Outcome",
    "SettingsStore",
    "disclaimer_hash",
    "is_accepted",
    "read_import",
    "record_acceptance",
    "set_aside",
    "write_export",
]
