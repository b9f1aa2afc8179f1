"""The ``rxcombo`` command: the window by default, and ``check``/``list``/``show``/``search``.

argparse from the standard library is enough for four subcommands; no extra dependency.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rxcombo import APP_NAME, __version__
from rxcombo.content import Document, Library, render_markdown
from rxcombo.display import missing_display_message
from rxcombo.paths import bundled_content_dir
from rxcombo.search import SearchIndex

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rxcombo",
        description=f"{APP_NAME}: offline reference for drugs and drug combinations. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="read pages from DIR instead of the bundled ones",
    )
    parser.add_argument(
        "--new-instance", action="store_true", help="open a new window even if one is running"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="read every page and report problems")
    check.add_argument("dir", nargs="?", type=Path, help="folder to check (default: the content)")
    check.add_argument("--json", action="store_true", help="machine-readable report")

    listing = commands.add_parser("list", help="list the pages")
    listing.add_argument("--json", action="store_true")

    show = commands.add_parser("show", help="print the best-matching page's sections")
    show.add_argument("query", nargs="+", help="drug names, e.g. 'gabapentin amitriptyline'")
    show.add_argument("--json", action="store_true")

    search = commands.add_parser("search", help="search pages by drug name")
    search.add_argument("query", nargs="*", help="drug names (empty: every page)")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=None, metavar="N")
    return parser


def _content_dir(args: argparse.Namespace) -> Path:
    return Path(args.content) if args.content else bundled_content_dir()


def _emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _document_summary(document: Document) -> dict[str, Any]:
    return {"id": document.id, "title": document.title, "drugs": document.drugs}


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else _content_dir(args)
    library = Library.load(root)
    sections = sum(len(d.tabs) for d in library.documents)
    drugs = len(library.drugs)
    totals = {
        "files": library.files_seen,
        "pages": len(library.documents),
        "sections": sections,
        "drugs": drugs,
        "warnings": len(library.warnings),
        "errors": len(library.errors),
    }
    if args.json:
        problems_by_path: dict[Path, list[str]] = {}
        for problem in library.problems:
            problems_by_path.setdefault(problem.path, []).append(problem.format(root))
        pages = [
            {
                "path": str(d.path),
                **_document_summary(d),
                "sections": [s.title for s in d.tabs],
                "problems": problems_by_path.get(d.path, []),
            }
            for d in sorted(library.documents, key=lambda d: str(d.path))
        ]
        unread = [p.format(root) for p in library.errors]
        _emit_json({"root": str(root), "pages": pages, "unreadable": unread, "totals": totals})
    else:
        for problem in library.problems:
            print(problem.format(root))
        print(
            f"{totals['pages']} pages, {sections} sections, {drugs} drugs, "
            f"{totals['warnings']} warnings, {totals['errors']} errors"
        )
    return EXIT_PROBLEMS if library.errors else EXIT_OK


def _load(args: argparse.Namespace) -> Library:
    library = Library.load(_content_dir(args))
    for problem in library.errors:
        print(problem.format(library.root), file=sys.stderr)
    return library


def cmd_list(args: argparse.Namespace) -> int:
    library = _load(args)
    if args.json:
        _emit_json([_document_summary(d) for d in library.documents])
    else:
        for document in library.documents:
            print(f"{document.id}\t{document.title}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    library = _load(args)
    query = " ".join(args.query)
    hits = SearchIndex(library.documents).search(query, limit=args.limit)
    if args.json:
        _emit_json([_document_summary(library.documents[h.index]) for h in hits])
    elif not hits:
        print(f"No page matches {query!r}", file=sys.stderr)
        return EXIT_PROBLEMS
    else:
        for hit in hits:
            print(f"{hit.id}\t{hit.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    library = _load(args)
    query = " ".join(args.query)
    document = library.get(query)
    if document is None:
        hits = SearchIndex(library.documents).search(query, limit=1)
        if not hits:
            print(f"No page matches {query!r}", file=sys.stderr)
            return EXIT_PROBLEMS
        document = library.documents[hits[0].index]
    if args.json:
        _emit_json(
            {
                **_document_summary(document),
                "source": str(document.path),
                "repairs": [{"line": r.line, "before": r.before, "after": r.after} for r in document.repairs],
                "sections": [
                    {
                        "title": s.title,
                        "kind": s.kind.value,
                        "markdown": s.body_markdown,
                        "html": render_markdown(s.body_markdown),
                    }
                    for s in document.tabs
                ],
            }
        )
    else:
        print(document.title)
        print("=" * len(document.title))
        for section in document.tabs:
            print()
            print(f"## {section.title}")
            print()
            print(section.body_markdown)
    return EXIT_OK


COMMANDS = {"check": cmd_check, "list": cmd_list, "show": cmd_show, "search": cmd_search}


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    if args.command is None:
        no_display = missing_display_message(os.environ, sys.platform)
        if no_display is not None:  # Qt's own abort would blame a missing xcb library
            print(no_display, file=sys.stderr)
            return EXIT_PROBLEMS
        from rxcombo.app import run_gui  # Qt is imported only when the window is wanted

        return run_gui(content=args.content, new_instance=args.new_instance)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        # `rxcombo list | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def main_gui() -> int:
    return main()
