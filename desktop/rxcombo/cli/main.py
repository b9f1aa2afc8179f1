"""The ``rxcombo`` command line: arguments, and which command runs.

argparse from the standard library is enough for these subcommands; no extra dependency.
Qt is imported only when the window is wanted, so the commands start fast and run where
there is no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rxcombo import APP_NAME, __version__
from rxcombo.app.display import missing_display_message
from rxcombo.cli import combos, opening
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, cmd_check, cmd_list
from rxcombo.cli.lookup import cmd_export, cmd_search, cmd_show


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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

    search = commands.add_parser("search", help="search pages by drug name")
    search.add_argument("query", nargs="*", help="drug names (empty: every page)")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=_positive, default=None, metavar="N", help="at most N results")
    export = commands.add_parser("export", help="write a page to a PDF or Markdown file")
    export.add_argument("query", nargs="+", help="drug names, a page id or a file")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE")
    target.add_argument("--markdown", type=Path, metavar="FILE")

    combos.add_parsers(commands)
    opening.add_parser(commands)
    return parser


COMMANDS = {
    "check": cmd_check,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "export": cmd_export,
    "combos": combos.cmd_combos,
    "lists": combos.cmd_lists,
    "open": opening.cmd_open,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(opening.with_open_command(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        no_display = missing_display_message(os.environ, sys.platform)
        if no_display is not None:  # Qt's own abort would blame a missing xcb library
            print(no_display, file=sys.stderr)
            return EXIT_PROBLEMS
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
