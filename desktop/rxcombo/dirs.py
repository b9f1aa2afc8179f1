"""Every folder RxCombo uses, decided here and nowhere else.

* The bundled pages and resources, in three layouts: a source checkout (``desktop/rxcombo``
  beside the top-level ``data/`` and ``resources/``), an installed wheel (both copied into
  ``rxcombo/_bundled/``) and a PyInstaller bundle (``sys._MEIPASS`` holding both).
* The user's folders, through platformdirs (the maintained library every desktop Python
  app uses for this; it knows XDG, macOS and Windows conventions): favorites and lists are
  data, window state and the accepted disclaimer are settings, the library cache and the
  full-text indexes are cache.
* The single-instance socket's name, derived from the data folder and the user.

Nothing here creates a folder: a user who quits at the disclaimer must find nothing written
on their disk, so folders are made only by the code that writes a file into them.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import platformdirs

from rxcombo import APP_NAME
from rxcombo.support.digests import sha256

FAVORITES_FILE_NAME = "favorites.json"
LISTS_FILE_NAME = "lists.json"
SETTINGS_FILE_NAME = "settings.json"
SERVER_PREFIX = "rxcombo-"
# sockaddr_un.sun_path holds 108 bytes on Linux, 104 on macOS; keep well below both.
_MAX_SOCKET_PATH = 100
_PACKAGE_DIR = Path(__file__).resolve().parent


# -- bundled -------------------------------------------------------------------------------


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    found.append(_PACKAGE_DIR / "_bundled" / name)
    found.append(_PACKAGE_DIR.parent.parent / name)
    return found


def _locate(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"bundled folder {name!r} not found (looked in {tried})")


def bundled_content_dir() -> Path:
    """The folder of pages shipped with the app."""
    return _locate("data")


def resources_dir() -> Path:
    """The folder of icons, the disclaimer text and desktop integration files."""
    return _locate("resources")


# -- the user's ----------------------------------------------------------------------------


def data_dir() -> Path:
    """The per-user folder for favorites and drug lists (may not exist yet)."""
    # appauthor=False: otherwise Windows nests the folder as RxCombo\RxCombo.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user folder for settings (may not exist yet)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The per-user folder for the library cache (safe to delete)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def fulltext_dir(cache: Path | None = None) -> Path:
    """The folder of full-text indexes, one per content folder (safe to delete), under the
    cache folder (or under ``cache``, for tests and benchmarks)."""
    return (cache_dir() if cache is None else cache) / "fulltext"


def favorites_path() -> Path:
    """The favorites file the app uses by default."""
    return data_dir() / FAVORITES_FILE_NAME


def lists_path() -> Path:
    """The drug lists file the app uses by default (beside the favorites)."""
    return data_dir() / LISTS_FILE_NAME


def settings_path() -> Path:
    """The settings file the app uses by default."""
    return config_dir() / SETTINGS_FILE_NAME


# -- the single-instance socket ------------------------------------------------------------


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers without passwd entries); uid still differs
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_key(folder: Path | None = None) -> str:
    """``rxcombo-`` and 16 hex digits of sha256 over the user name and the data folder."""
    folder = data_dir() if folder is None else folder
    digest = sha256(f"{_user_name()}\0{folder}".encode("utf-8", "surrogatepass"))
    return SERVER_PREFIX + digest.hexdigest()[:16]


def server_name(folder: Path | None = None) -> str:
    """What ``QLocalServer.listen`` gets: a full socket path in the user's runtime folder on
    Linux, else the bare key (Qt then uses the temp folder, or a named pipe on Windows)."""
    key = server_key(folder)
    if sys.platform.startswith("linux"):
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and Path(runtime).is_dir():
            path = str(Path(runtime) / key)
            if len(path.encode()) < _MAX_SOCKET_PATH:
                return path
    return key
