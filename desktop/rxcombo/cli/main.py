"""The ``rxcombo`` command line: arguments, and which command runs.

argparse from the standard library is enough for these subcommands; no extra dependency.
Qt is imported only when the window is wanted, so the commands start fast and run where
there is no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rxcombo import APP_NAME, __version__
from rxcombo.cli.commands import EXIT_OK, cmd_check, cmd_list
from rxcombo.cli.lookup import cmd_search, cmd_show


def build_parser() -> argparse.ArgumentParser:
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

    search = commands.add_parser("search", help="search pages by drug name, or every word with --text")
    search.add_argument(
        "query", nargs="*", help='drug names (empty: every page); with --text, words and "phrases"'
    )
    search.add_argument(
        "--text", action="store_true", help="search every word of every page (builds an index on first use)"
    )
    search.add_argument("--section", metavar="TITLE", help="with --text: only sections of this title")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=None, metavar="N")
    return parser


COMMANDS = {"check": cmd_check, "list": cmd_list, "show": cmd_show, "search": cmd_search}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "search" and args.section is not None and not args.text:
        parser.error("--section needs --text")
    if args.command is None:
        from rxcombo.app.startup import run_gui  # Qt is imported only when the window is wanted

        return run_gui(content=args.content, new_instance=args.new_instance)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        # `rxcombo list | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def main_gui() -> int:
    return main()
