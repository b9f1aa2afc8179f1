"""The commands that read a whole library: ``check`` and ``list``; shared command helpers.

``check`` also says how the window splits the pages into tabs, per style of page (headings,
bold lines, labels), and names every heading it shows as a group header, so that a change
to those rules can be measured on a whole library.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rxcombo.content import ContentError, Document
from rxcombo.content.shown import ShownPage, shown_page
from rxcombo.dirs import bundled_content_dir
from rxcombo.library import Library, load_library

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _content_dir(args: argparse.Namespace) -> Path:
    return Path(args.content) if args.content else bundled_content_dir()


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def document_summary(document: Document) -> dict[str, Any]:
    return {"id": document.id, "title": document.title, "drugs": document.drugs}


def _shown_pages(library: Library) -> dict[str, ShownPage]:
    shown: dict[str, ShownPage] = {}
    for document in library.documents:
        try:
            shown[document.id] = shown_page(document)
        except ContentError:
            continue  # read once already; a page that vanished since is left out
    return shown


def _splits(library: Library, shown: dict[str, ShownPage]) -> dict[str, dict[str, int]]:
    """Pages per style of page, and per way the window split them."""
    counts: dict[str, dict[str, int]] = {}
    for document in library.documents:
        if document.id in shown:
            per_style = counts.setdefault(document.structure.value, {})
            split = shown[document.id].split
            per_style[split] = per_style.get(split, 0) + 1
    return dict(sorted(counts.items()))


def _group_headers(library: Library, shown: dict[str, ShownPage]) -> list[tuple[Document, int, str]]:
    return [
        (document, document.body_line_offset + header.line, header.text)
        for document in library.documents
        if document.id in shown
        for header in shown[document.id].group_headers
    ]


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else _content_dir(args)
    library = load_library(root, bodies=True)  # an audit: every page read in full
    shown = _shown_pages(library)
    splits = _splits(library, shown)
    headers = _group_headers(library, shown)
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
                **document_summary(d),
                "sections": [s.title for s in d.tabs],
                "tabs": [tab.title for tab in shown[d.id].tabs] if d.id in shown else [],
                "split": shown[d.id].split if d.id in shown else None,
                "problems": problems_by_path.get(d.path, []),
            }
            for d in sorted(library.documents, key=lambda d: str(d.path))
        ]
        unread = [p.format(root) for p in library.errors]
        groups = [{"path": str(d.path), "line": line, "text": text} for d, line, text in headers]
        emit_json(
            {
                "root": str(root),
                "pages": pages,
                "unreadable": unread,
                "splits": splits,
                "group_headers": groups,
                "totals": totals,
            }
        )
    else:
        for problem in library.problems:
            print(problem.format(root))
        for document, line, text in headers:
            print(f"{_relative(document.path, root)}:{line}: note: {text!r} is shown as a group header")
        for style, per_split in splits.items():
            ways = ", ".join(f"{count} by {split}" for split, count in sorted(per_split.items()))
            print(f"{style}: {sum(per_split.values())} pages: {ways}")
        print(
            f"{totals['pages']} pages, {sections} sections, {drugs} drugs, "
            f"{totals['warnings']} warnings, {totals['errors']} errors"
        )
    return EXIT_PROBLEMS if library.errors else EXIT_OK


def load(args: argparse.Namespace) -> Library:
    library = load_library(_content_dir(args))
    for problem in library.errors:
        print(problem.format(library.root), file=sys.stderr)
    return library


def cmd_list(args: argparse.Namespace) -> int:
    library = load(args)
    if args.json:
        emit_json([document_summary(d) for d in library.documents])
    else:
        for document in library.documents:
            print(f"{document.id}\t{document.title}")
    return EXIT_OK
