"""Favorites exported to a file: JSON with every field, or CSV for people and spreadsheets.

The JSON export (``{"format": "rxcombo-favorites-export", "version": 1, "favorites":
[...]}``) holds each favorite's id, title, drugs, folder, note, times and source, and
imports back whole. CSV columns are ``title, drugs, folder, note, added`` (``drugs`` is for
people: on import a page's drugs come from its title). A cell a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``) is written behind an apostrophe, which the
import removes again. The standard library's csv and json modules are enough.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rxcombo.content.names import split_drugs
from rxcombo.support.atomic import atomic_write_text

from .favorites_file import Favorite

EXPORT_FORMAT = "rxcombo-favorites-export"
EXPORT_VERSION = 1
CSV_COLUMNS = ("title", "drugs", "folder", "note", "added")
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def export_kind(path: Path) -> str:
    """How ``path`` is exported: CSV for a ``.csv`` file, else JSON."""
    return "csv" if path.suffix.lower() == ".csv" else "json"


def export_text(favorites: Sequence[Favorite], kind: str) -> str:
    return _csv_text(favorites) if kind == "csv" else _json_text(favorites)


def write_export(favorites: Sequence[Favorite], path: Path, kind: str | None = None) -> None:
    """Write the export atomically (a half-written export never replaces an older one)."""
    atomic_write_text(path, export_text(favorites, kind or export_kind(path)))


def favorite_record(favorite: Favorite) -> dict[str, Any]:
    """Everything a favorite holds, as the JSON export (and ``favorites list --json``) say it."""
    return {
        "id": favorite.page_id,
        "title": favorite.title,
        "drugs": split_drugs(favorite.title),
        "folder": favorite.folder,
        "note": favorite.note,
        "added": favorite.added.isoformat(),
        "changed": (favorite.changed or favorite.added).isoformat(),
        "source": favorite.source or None,
    }


def _json_text(favorites: Sequence[Favorite]) -> str:
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": datetime.now(UTC).isoformat(),
        "favorites": [favorite_record(favorite) for favorite in favorites],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv_text(favorites: Sequence[Favorite]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in favorites:
        cells = (f.title, "; ".join(split_drugs(f.title)), f.folder, f.note, f.added.isoformat())
        writer.writerow([_escape(cell) for cell in cells])
    return out.getvalue()


def _escape(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell
