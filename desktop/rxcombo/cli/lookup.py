"""``rxcombo search`` and ``rxcombo show``: the same answers the window gives, as text or JSON.

Exit codes: 0 when every word of the query named a drug and a page was found; 1 when the
answer is a notice (no page covers the drugs, a word names no drug, only similar names),
so that a script never takes "nothing found" for an answer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rxcombo import wording
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, document_summary, emit_json, load
from rxcombo.content import ContentError, Document, render_markdown
from rxcombo.content.shown import shown_page
from rxcombo.library import Library
from rxcombo.search.answer import Answer, NoticeKind, answer


def _answer_json(library: Library, found: Answer) -> dict[str, Any]:
    results = []
    for hit in found.hits:
        document = library.documents[hit.index]
        results.append({**document_summary(document), "match": Answer.match_of(hit).value})
    related = []
    for row in found.related:
        page = library.get(row.id)
        drugs = page.drugs if page is not None else []
        related.append({"id": row.id, "title": row.title, "drugs": drugs, "covers": list(row.covers)})
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
        mark = "\t(similar name)" if similar else ""
        print(f"{hit.id}\t{hit.title}{mark}")
    if found.related:
        print()
        for row in found.related:
            print(f"{row.id}\t{row.title}\t({wording.covers(row.covers)})")


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
        document = library.documents[found.hits[0].index]
    try:
        shown = shown_page(document)
    except ContentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.json:
        emit_json(
            {
                **document_summary(document),
                "source": str(document.path),
                "repairs": [{"line": r.line, "before": r.before, "after": r.after} for r in document.repairs],
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
            }
        )
        return EXIT_OK
    print(document.title)
    print("=" * len(document.title))
    for header_field in shown.header:
        print(f"{header_field.label}: {header_field.value}")
    for tab in shown.tabs:
        if tab.kind.value == "whole-page":
            continue  # the text mode is already the whole page
        print()
        print(f"## {tab.full_title}")
        print()
        print(tab.markdown)
    return EXIT_OK
