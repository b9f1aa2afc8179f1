"""``rxcombo search`` and ``rxcombo show``: the same answers the window gives, as text or JSON.

Exit codes: 0 when every word of the query named a drug and a page was found; 1 when the
answer is a notice (no page covers the drugs, a word names no drug, only similar names),
so that a script never takes "nothing found" for an answer. Every page in the answer says
which source it comes from (``"source"``, the source's name).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from rxcombo import wording
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, document_summary, emit_json, load, source_column
from rxcombo.content import ContentError, Document, render_markdown
from rxcombo.content.page_text import page_markdown
from rxcombo.content.shown import ShownPage, TabKind, shown_page
from rxcombo.library import Library
from rxcombo.search.answer import Answer, NoticeKind, answer

SHOW_CANDIDATES = 20


def _answer_json(library: Library, found: Answer) -> dict[str, Any]:
    results = []
    for hit in found.hits:
        document = library.documents[hit.index]
        results.append({**document_summary(document, library), "match": Answer.match_of(hit).value})
    related = []
    for row in [] if found.similar_only else found.related:  # similar rows are the results
        page = library.get(row.id)
        drugs = page.drugs if page is not None else []
        source = library.source_of(row.id)
        related.append(
            {"id": row.id, "title": row.title, "drugs": drugs, "covers": list(row.covers), "source": source}
        )
    return {
        "query": found.query.text,
        "results": results,
        "notice": found.notice.text if found.notice else None,
        "related": related,
    }


def _print_answer(library: Library, found: Answer) -> None:
    if found.notice is not None:
        print(found.notice.text)
    similar = found.notice is not None and found.notice.kind is NoticeKind.SIMILAR_ONLY
    for hit in found.hits:
        mark = f"\t({wording.SIMILAR_MARK})" if similar else ""
        print(f"{hit.id}\t{hit.title}{source_column(library, hit.id)}{mark}")
    if found.related and not similar:
        print()
        for row in found.related:
            print(f"{row.id}\t{row.title}{source_column(library, row.id)}\t({wording.covers(row.covers)})")


def cmd_search(args: argparse.Namespace) -> int:
    if args.text:
        from rxcombo.cli.text_search import cmd_text_search  # sqlite3 only when asked

        return cmd_text_search(args)
    library = load(args)
    found = answer(library, " ".join(args.query), limit=args.limit)
    if args.json:
        emit_json(_answer_json(library, found))
    else:
        _print_answer(library, found)
    return EXIT_PROBLEMS if found.notice is not None else EXIT_OK


def _by_path(library: Library, text: str) -> Document | None:
    path = Path(text).expanduser()
    if not path.is_file():
        return None
    resolved = path.resolve()
    return next((d for d in library.documents if d.path.resolve() == resolved), None)


def cmd_export(args: argparse.Namespace) -> int:
    """The page ``show`` would print, as a PDF (Qt draws it, offscreen) or Markdown file."""
    library = load(args)
    document = library.get(" ".join(args.query)) or _by_path(library, " ".join(args.query))
    if document is None:
        found = answer(library, " ".join(args.query))
        if found.notice is not None or not found.hits or not found.hits[0].exact_page:
            _print_answer(library, found) if found.notice else print(
                wording.several_pages_match(found.query.text)
            )
            return EXIT_PROBLEMS
        document = library.documents[found.hits[0].index]
    if args.markdown is not None:
        args.markdown.write_text(page_markdown(document), encoding="utf-8")
        return EXIT_OK
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # drawing a PDF needs no display
    from PySide6.QtGui import QGuiApplication

    from rxcombo.ui.page.export import write_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])
    sheets = write_pdf(args.pdf, document, library.source_of(document.id) or library.root.name)
    print(f"{args.pdf}: {document.title}, {sheets} page{'s' if sheets != 1 else ''}")
    return EXIT_OK


def shown_json(document: Document, shown: ShownPage, library: Library) -> dict[str, Any]:
    """Exactly what the window shows, in order: the tabs, the header fields, banner and footer;
    ``source`` is the name of the page's source, ``path`` its file."""
    meta = shown.meta
    product = meta.product
    return {
        **document_summary(document, library),
        "path": str(document.path),
        "repairs": [{"line": r.line, "before": r.before, "after": r.after} for r in document.repairs],
        "banner": shown.banner,
        "header": [{"label": f.label, "value": f.value, "line": f.line} for f in shown.header],
        "open_tab": shown.open_tab,
        "tabs": [
            {
                "title": tab.title,
                "full_title": tab.full_title,
                "kind": tab.kind.value,
                "markdown": tab.markdown,
                "html": render_markdown(tab.markdown),
            }
            for tab in shown.tabs
        ],
        "footer": shown.footer,
        "meta": {
            "date": meta.date,
            "banned": meta.banned,
            "description": meta.description,
            "ingredients": [{"name": i.name, "strength": i.strength} for i in meta.ingredients],
            "product": None
            if product is None
            else {
                "brand": product.brand,
                "company": product.company,
                "strength": product.strength,
                "pack": product.pack,
                "mrp": product.price,
                "generic": product.generic,
            },
        },
        "split": shown.split,
    }


def cmd_show(args: argparse.Namespace) -> int:
    library = load(args)
    query = " ".join(args.query)
    document = library.get(query) or _by_path(library, query)
    if document is None:
        found = answer(library, query, limit=None)
        if found.notice is not None or not found.hits:
            # A notice, or similar names only: never a look-alike's page in place of the drug asked.
            if args.json:
                emit_json(_answer_json(library, found))
            else:
                _print_answer(library, found)
            return EXIT_PROBLEMS
        best = found.hits[0]
        if not best.exact_page and len(found.hits) > 1:
            # "soma" starts many names: list them rather than show one the user did not name.
            print(wording.several_pages_match(query))
            for hit in found.hits[:SHOW_CANDIDATES]:
                print(f"{hit.id}\t{hit.title}")
            return EXIT_PROBLEMS
        document = library.documents[best.index]
    try:
        shown = shown_page(document)
    except ContentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.json:
        emit_json(shown_json(document, shown, library))
        return EXIT_OK
    print(document.title)
    print("=" * len(document.title))
    if len(library.sources) > 1:
        print(f"Source: {library.source_of(document.id)}")
    if shown.banner:
        print(shown.banner)
    for header_field in shown.header:
        print(f"{header_field.label}: {header_field.value}")
    for tab in shown.tabs:
        if tab.kind is TabKind.WHOLE_PAGE:
            continue  # the text mode is already the whole page
        print()
        if tab.title == tab.full_title and tab.kind is not TabKind.COMBINED:
            print(f"## {tab.full_title}\n")  # otherwise the full title heads the tab's text
        print(tab.markdown)
    if shown.footer:
        print()
        print(shown.footer)
    return EXIT_OK
