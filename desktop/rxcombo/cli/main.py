"""The ``rxcombo`` command line: arguments, and which command runs.

``--content DIR`` may be given several times, before or after the command: the commands
then read those folders (each a source, named as in the user's saved sources when it is
one), else the user's saved sources.

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
from rxcombo.cli.favorites import cmd_favorites
from rxcombo.cli.lookup import cmd_export, cmd_search, cmd_show
from rxcombo.cli.sources import cmd_info, cmd_sources
from rxcombo.userdata.favorites import FavoriteSort

CONTENT_HELP = "read pages from DIR instead of the saved sources (repeat for several folders)"


def _content_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument("--content", metavar="DIR", type=Path, action="append", dest=dest, help=CONTENT_HELP)


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
    _content_option(parser, "content")
    parser.add_argument(
        "--new-instance", action="store_true", help="open a new window even if one is running"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --content after the command too: a subcommand's own namespace would replace the
    # folders given before it, so those after it are kept apart and joined in main().
    common = argparse.ArgumentParser(add_help=False)
    _content_option(common, "content_after")

    check = commands.add_parser("check", parents=[common], help="read every page and report problems")
    check.add_argument("dir", nargs="?", type=Path, help="folder to check (default: the content)")
    check.add_argument("--json", action="store_true", help="machine-readable report")

    listing = commands.add_parser("list", parents=[common], help="list the pages")
    listing.add_argument("--json", action="store_true")

    show = commands.add_parser("show", parents=[common], help="print the best-matching page's sections")
    show.add_argument("query", nargs="+", help="drug names, e.g. 'gabapentin amitriptyline'")
    show.add_argument("--json", action="store_true")

    search = commands.add_parser(
        "search", parents=[common], help="search pages by drug name, or every word with --text"
    )
    search.add_argument(
        "query", nargs="*", help='drug names (empty: every page); with --text, words and "phrases"'
    )
    search.add_argument(
        "--text", action="store_true", help="search every word of every page (builds an index on first use)"
    )
    search.add_argument("--section", metavar="TITLE", help="with --text: only sections of this title")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=_positive, default=None, metavar="N", help="at most N results")
    export = commands.add_parser("export", parents=[common], help="write a page to a PDF or Markdown file")
    export.add_argument("query", nargs="+", help="drug names, a page id or a file")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE")
    target.add_argument("--markdown", type=Path, metavar="FILE")

    combos.add_parsers(commands, [common])
    opening.add_parser(commands)
    sources = commands.add_parser(
        "sources", parents=[common], help="list the content sources the commands read"
    )
    sources.add_argument("--json", action="store_true")
    info = commands.add_parser("info", parents=[common], help="where each source's pages come from")
    info.add_argument("--json", action="store_true")
    _favorites_parser(commands, common)
    return parser


def _favorites_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    favorites = commands.add_parser("favorites", help="list, export or import your favorites")
    actions = favorites.add_subparsers(dest="action", metavar="ACTION", required=True)
    orders = [order.value for order in FavoriteSort]
    listing = actions.add_parser(
        "list", parents=[common], help="your favorites, with folder, source and note"
    )
    listing.add_argument("--json", action="store_true")
    listing.add_argument(
        "--sort", choices=orders, default="added", help="newest first (added), by name or folder"
    )
    export = actions.add_parser("export", parents=[common], help="write them to FILE (JSON, or CSV for .csv)")
    export.add_argument("file", metavar="FILE", help="the file to write, or - for standard output")
    export.add_argument("--format", choices=["json", "csv"], default=None)
    export.add_argument("--sort", choices=orders, default="added")
    imported = actions.add_parser("import", parents=[common], help="merge favorites from a JSON or CSV file")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument("--json", action="store_true")


COMMANDS = {
    "check": cmd_check,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "export": cmd_export,
    "combos": combos.cmd_combos,
    "lists": combos.cmd_lists,
    "open": opening.cmd_open,
    "sources": cmd_sources,
    "info": cmd_info,
    "favorites": cmd_favorites,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(opening.with_open_command(sys.argv[1:] if argv is None else argv))
    args.content = [*(args.content or []), *(getattr(args, "content_after", None) or [])] or None
    if args.command == "search" and args.section is not None and not args.text:
        parser.error("--section needs --text")
    if args.command is None:
        no_display = missing_display_message(os.environ, sys.platform)
        if no_display is not None:  # Qt's own abort would blame a missing xcb library
            print(no_display, file=sys.stderr)
            return EXIT_PROBLEMS
        from rxcombo.app.startup import run_gui  # Qt is imported only when the window is wanted

        if args.content and len(args.content) > 1:
            print("rxcombo: the window opens the first --content folder only", file=sys.stderr)
        return run_gui(content=args.content[0] if args.content else None, new_instance=args.new_instance)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        # `rxcombo list | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def main_gui() -> int:
    return main()
