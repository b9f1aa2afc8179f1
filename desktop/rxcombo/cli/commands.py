"""The commands that read a whole library: ``check`` and ``list``; shared command helpers.

Every command reads the same sources: the folders given with ``--content DIR`` (repeated),
else the user's saved sources (the bundled pages and the folders added in the window),
read from the settings file without changing it.

``check`` also says how the window splits the pages into tabs, per style of page (headings,
bold lines, labels), and names every heading it shows as a group header, so that a change
to those rules can be measured on a whole library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rxcombo import dirs
from rxcombo.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from rxcombo.content import ContentError, Document, Problem, Severity
from rxcombo.content.shown import ShownPage, shown_page
from rxcombo.library import Library, Source, load_sources

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE"]
NO_SOURCE = "rxcombo: no content source is enabled (see 'rxcombo sources')"


def content_sources(args: argparse.Namespace, folders: Sequence[Path] | None = None) -> list[Source]:
    """The sources a command reads: ``folders`` or ``--content``, else the saved ones."""
    # Imported here: the commands that take no sources start without user-data code.
    from rxcombo.userdata import SettingsStore
    from rxcombo.userdata.sources import command_line_sources, saved_sources

    settings = SettingsStore(dirs.settings_path())
    report = settings.load()
    if report.message:
        print(f"rxcombo: {report.message}", file=sys.stderr)
    saved = saved_sources(settings)
    folders = folders or args.content
    return command_line_sources(folders, saved) if folders else saved


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def document_summary(document: Document, library: Library | None = None) -> dict[str, Any]:
    summary = {"id": document.id, "title": document.title, "drugs": document.drugs}
    return summary if library is None else {**summary, "source": library.source_of(document.id)}


def source_column(library: Library, page_id: str) -> str:
    """A tab and the page's source, when the library has several sources."""
    return f"\t{library.source_of(page_id)}" if len(library.sources) > 1 else ""


def format_problem(library: Library, problem: Problem) -> str:
    """``path:line: severity: message``, the path relative to its source's folder; a
    problem of a whole source (missing, unreadable, empty) names the source."""
    folder = library.folder_of(problem.path)
    if problem.path == folder:
        names = [facts.name for facts in library.sources if facts.folder == folder]
        return f"{problem.format()} (source {names[0]!r})" if names else problem.format()
    return problem.format(folder)


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
    library = load_sources(content_sources(args, [args.dir] if args.dir else None), bodies=True)
    root = library.root
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
            problems_by_path.setdefault(problem.path, []).append(format_problem(library, problem))
        pages = [
            {
                "path": str(d.path),
                **document_summary(d, library),
                "sections": [s.title for s in d.tabs],
                "tabs": [tab.title for tab in shown[d.id].tabs] if d.id in shown else [],
                "split": shown[d.id].split if d.id in shown else None,
                "problems": problems_by_path.get(d.path, []),
            }
            for d in sorted(library.documents, key=lambda d: str(d.path))
        ]
        unread = [format_problem(library, p) for p in library.errors]
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
            print(format_problem(library, problem))
        for document, line, text in headers:
            where = _relative(document.path, library.folder_of(document.path))
            print(f"{where}:{line}: note: {text!r} is shown as a group header")
        for style, per_split in splits.items():
            ways = ", ".join(f"{count} by {split}" for split, count in sorted(per_split.items()))
            print(f"{style}: {sum(per_split.values())} pages: {ways}")
        print(
            f"{totals['pages']} pages, {sections} sections, {drugs} drugs, "
            f"{totals['warnings']} warnings, {totals['errors']} errors"
        )
    return EXIT_PROBLEMS if library.errors else EXIT_OK


def load(args: argparse.Namespace) -> Library:
    """The library of the command's sources; unreadable pages and every problem of a whole
    source (missing, unreadable, empty) are told on stderr."""
    library = load_sources(content_sources(args))
    if not library.sources:
        print(NO_SOURCE, file=sys.stderr)
    folders = {facts.folder for facts in library.sources}
    for problem in library.problems:
        if problem.severity is Severity.ERROR or problem.path in folders:
            print(format_problem(library, problem), file=sys.stderr)
    return library


def cmd_list(args: argparse.Namespace) -> int:
    library = load(args)
    if args.json:
        emit_json([document_summary(d, library) for d in library.documents])
    else:
        for document in library.documents:
            print(f"{document.id}\t{document.title}{source_column(library, document.id)}")
    return EXIT_OK
