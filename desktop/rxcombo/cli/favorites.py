"""``rxcombo favorites list|export FILE|import FILE``: the user's favorites, as in the window.

``list`` shows each favorite with its folder, source and note, marking those no enabled
source holds. ``export`` writes JSON (every field) or CSV (``title, drugs, folder, note,
added``), by the file's extension or ``--format``; ``-`` is standard output. ``import``
merges a JSON or CSV file exactly as the window does (new favorites added, existing ones
updated only where the file is newer, nothing removed), saves under the lock shared with
open windows, and reports each entry. A file it cannot import changes nothing and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rxcombo import dirs
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, emit_json, load
from rxcombo.library import Library
from rxcombo.userdata import FavoriteSort, FavoritesStore, ImportFileError, ImportReport, Outcome, read_import
from rxcombo.userdata.favorites_export import export_kind, export_text, favorite_record, write_export
from rxcombo.userdata.favorites_file import Favorite
from rxcombo.userdata.sources import favorite_mark, favorite_page, title_resolver


def _store() -> FavoritesStore | None:
    store = FavoritesStore(dirs.favorites_path())
    report = store.load()
    if report.message:
        print(f"rxcombo: {report.message}", file=sys.stderr)
    return None if report.unreadable else store


def _source(library: Library, favorite: Favorite) -> str | None:
    if favorite.source:
        return favorite.source
    page = favorite_page(library, favorite)
    return library.source_of(page.id) if page is not None else None


def _list(args: argparse.Namespace) -> int:
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    library = load(args)
    favorites = store.items(FavoriteSort(args.sort))
    if args.json:
        keys = ("id", "title", "drugs", "folder", "note", "added")
        listed = [
            {**{key: favorite_record(f)[key] for key in keys}, "source": _source(library, f)}
            for f in favorites
        ]
        emit_json({"favorites": listed})
        return EXIT_OK
    for favorite in favorites:
        mark = favorite_mark(library, favorite)
        columns = [favorite.page_id, favorite.title, favorite.folder, _source(library, favorite) or ""]
        print("\t".join(columns) + (f"\t({mark})" if mark else ""))
        for line in favorite.note.splitlines():
            print(f"    {line}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    favorites = store.items(FavoriteSort(args.sort))
    if args.file == "-":
        sys.stdout.write(export_text(favorites, args.format or "json"))
        return EXIT_OK
    target = Path(args.file).expanduser()
    if target.resolve() == store.path.resolve():
        print(f"rxcombo: {target} is the favorites file itself; export to another file", file=sys.stderr)
        return EXIT_USAGE
    try:
        write_export(favorites, target, args.format or export_kind(target))
    except OSError as exc:
        print(f"rxcombo: could not write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{len(favorites)} favorites exported to {target}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    if store.read_only:
        return EXIT_PROBLEMS  # a newer RxCombo's file: the load report said so
    try:
        entries = read_import(Path(args.file).expanduser(), store.items(), title_resolver(load(args)))
    except ImportFileError as exc:
        print(f"rxcombo: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    report = store.merge_import(entries)
    saved = store.save()
    _print_report(args, report, saved)
    if not saved:
        print(f"rxcombo: {store.last_error}", file=sys.stderr)
    return EXIT_OK if saved else EXIT_PROBLEMS


_DETAIL_KEY = {Outcome.ADDED: None, Outcome.UPDATED: "fields", Outcome.SKIPPED: "reason"}


def _print_report(args: argparse.Namespace, report: ImportReport, saved: bool) -> None:
    if args.json:

        def listed(outcome: Outcome) -> list[dict[str, Any]]:
            key = _DETAIL_KEY[outcome]
            return [
                {"id": e.page_id, "title": e.title, "line": e.line, **({key: e.detail} if key else {})}
                for e in report.of(outcome)
            ]

        emit_json({"file": args.file, **{o.value: listed(o) for o in Outcome}, "saved": saved})
        return
    print(f"{args.file}: {report.summary()}")
    for e in report.entries:
        detail = f" ({e.detail})" if e.outcome is Outcome.UPDATED else f": {e.detail}" if e.detail else ""
        print(f"{e.outcome}\t{e.page_id}\t{e.title}{detail}")


ACTIONS = {"list": _list, "export": _export, "import": _import}


def cmd_favorites(args: argparse.Namespace) -> int:
    return ACTIONS[args.action](args)
