"""Helpers of the favorites and store tests: a clean load, ids in order, writing a file by hand."""

from __future__ import annotations

import json
from pathlib import Path

from rxcombo.userdata import FavoritesStore


def loaded(path: Path) -> FavoritesStore:
    store = FavoritesStore(path)
    report = store.load()
    assert report.message is None, report.message
    return store


def ids(store: FavoritesStore) -> list[str]:
    return [f.page_id for f in store.items()]


def write_doc(path: Path, favorites: list[dict], removed: list[dict] | None = None, **extra):
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": "rxcombo-favorites", "version": 1, "favorites": favorites, **extra}
    if removed is not None:
        doc["removed"] = removed
    path.write_text(json.dumps(doc), encoding="utf-8")


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))
