"""``rxcombo sources`` and ``rxcombo info``: which content folders the commands read, and
where their pages come from.

``sources`` only looks at the list (names, folders, on or off, whether each folder is
there); ``info`` loads the enabled sources and says what each holds: pages, drugs, the
newest and oldest content date and where those dates come from, problems, and the text of
the folder's SOURCE/README/licence file.
"""

from __future__ import annotations

import argparse
from typing import Any

from rxcombo import wording
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, content_sources, emit_json, format_problem, load
from rxcombo.content import Severity
from rxcombo.library import Library, SourceFacts


def cmd_sources(args: argparse.Namespace) -> int:
    sources = content_sources(args)
    listed = [
        {
            "name": source.name,
            "folder": str(source.folder),
            "enabled": source.enabled,
            "bundled": source.bundled,
            "found": source.folder.is_dir(),
        }
        for source in sources
    ]
    if args.json:
        emit_json({"sources": listed})
    else:
        for entry in listed:
            state = "on" if entry["enabled"] else "off"
            missing = "" if entry["found"] else "\tfolder not found"
            print(f"{entry['name']}\t{entry['folder']}\t{state}{missing}")
    return EXIT_OK if all(entry["found"] for entry in listed if entry["enabled"]) else EXIT_PROBLEMS


def facts_json(library: Library, facts: SourceFacts) -> dict[str, Any]:
    return {
        "name": facts.name,
        "folder": str(facts.folder),
        "pages": facts.pages,
        "drugs": facts.drugs,
        "newest": facts.newest.isoformat() if facts.newest else None,
        "oldest": facts.oldest.isoformat() if facts.oldest else None,
        "dates_from": facts.dates_from,
        "problems": [format_problem(library, problem) for problem in facts.problems],
        "about": facts.about,
    }


def cmd_info(args: argparse.Namespace) -> int:
    library = load(args)
    if args.json:
        emit_json({"sources": [facts_json(library, facts) for facts in library.sources]})
        return EXIT_OK
    for number, facts in enumerate(library.sources):
        if number:
            print()
        newest = facts.newest.isoformat() if facts.newest else None
        oldest = facts.oldest.isoformat() if facts.oldest else None
        print(facts.name)
        print(f"  Folder: {facts.folder}")
        print(f"  Pages: {facts.pages}, drugs: {facts.drugs}")
        print(f"  {wording.content_dates(newest, oldest, facts.dates_from)}")
        errors = sum(1 for problem in facts.problems if problem.severity is Severity.ERROR)
        print(f"  Problems: {len(facts.problems)} ({errors} errors; 'rxcombo check' lists them)")
        if facts.about is not None:
            print(f"  About ({facts.about_file}):")
            for line in facts.about.rstrip("\n").split("\n"):
                print(f"    {line}".rstrip())
    return EXIT_OK
