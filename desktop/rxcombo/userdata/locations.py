"""Where RxCombo keeps the user's own files.

Favorites are data (``platformdirs.user_data_dir``), window state and the accepted
disclaimer are settings (``platformdirs.user_config_dir``).  Nothing here creates a
folder: a user who quits at the disclaimer must find nothing written on their disk, so
folders are only made by the code that actually writes a file into them.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "RxCombo"
FAVORITES_FILE_NAME = "favorites.json"
SETTINGS_FILE_NAME = "settings.json"


def data_dir() -> Path:
    """The per-user folder for favorites (may not exist yet)."""
    # appauthor=False: otherwise Windows nests the folder as RxCombo\RxCombo.
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user folder for settings (may not exist yet)."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def favorites_path() -> Path:
    """The favorites file the app uses by default."""
    return data_dir() / FAVORITES_FILE_NAME


def settings_path() -> Path:
    """The settings file the app uses by default."""
    return config_dir() / SETTINGS_FILE_NAME
