"""The commands that read a whole library: ``check`` and ``list``; shared command helpers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rxcombo.content import Document
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


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else _content_dir(args)
    library = load_library(root, bodies=True)  # an audit: every page read in full
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
                "problems": problems_by_path.get(d.path, []),
            }
            for d in sorted(library.documents, key=lambda d: str(d.path))
        ]
        unread = [p.format(root) for p in library.errors]
        emit_json({"root": str(root), "pages": pages, "unreadable": unread, "totals": totals})
    else:
        for problem in library.problems:
            print(problem.format(root))
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
