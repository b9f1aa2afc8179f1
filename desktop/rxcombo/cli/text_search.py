"""``rxcombo search --text``: every word of every page, from the full-text index.

The index lives in the user's cache folder, one per content folder. The first search
builds it (a one-line note on stderr says so, since that takes seconds) and later ones
reuse it, after reading again only the pages whose files changed. A damaged index is
built again. Exit codes as for the name search: 0 when pages were found, 1 when the
answer is a notice (nothing found, or no FTS5 in this Python).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rxcombo import dirs, wording
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, emit_json, load
from rxcombo.library import Library
from rxcombo.library.fulltext import open_text_index, update_text_index
from rxcombo.search.fulltext import DamagedIndexError, FullTextIndex, TextHit, TextQuery, fts5_missing


def _note(done: int, total: int) -> None:
    if done == 0:
        pages = "1 page" if total == 1 else f"{total:,} pages"
        print(
            f"Indexing {pages} for full-text search (kept in {dirs.fulltext_dir()}, reused next time)…",
            file=sys.stderr,
            flush=True,
        )


def _search(library: Library, args: argparse.Namespace, query: TextQuery) -> list[TextHit]:
    index: FullTextIndex = open_text_index(library.root)
    update_text_index(library, _note)
    try:
        return index.search(query, section=args.section, limit=args.limit)
    except DamagedIndexError:
        index.close()
        update_text_index(library, _note, rebuild=True)
        return index.search(query, section=args.section, limit=args.limit)


def _result(hit: TextHit) -> dict[str, Any]:
    return {"id": hit.page_id, "title": hit.title, "section": hit.section, "snippet": hit.snippet.text}


def cmd_text_search(args: argparse.Namespace) -> int:
    reason = fts5_missing()
    if reason is not None:
        print(reason, file=sys.stderr)
        return EXIT_PROBLEMS
    text = " ".join(args.query)
    query = TextQuery.parse(text)
    if query.blank:
        print("rxcombo search: --text needs words to look for", file=sys.stderr)
        return EXIT_USAGE
    library = load(args)
    hits = _search(library, args, query)
    notice = None if hits else wording.no_page_mentions(str(query), len(query.terms))
    if args.json:
        emit_json({"query": text, "results": [_result(hit) for hit in hits], "notice": notice, "related": []})
    elif notice is not None:
        print(notice)
    else:
        for hit in hits:
            print(f"{hit.page_id}\t{hit.title}\t{hit.section}\t{hit.snippet.text}")
    return EXIT_OK if hits else EXIT_PROBLEMS
