"""The ``rxcombo`` command line's arguments: every command's options, and nothing else.

Kept apart from the commands themselves so that parsing the arguments (which every start
does, the window's too) imports none of them; argparse from the standard library is
enough for these subcommands.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rxcombo import APP_NAME, __version__
from rxcombo.cli import opening
from rxcombo.userdata.favorites import FavoriteSort

CONTENT_HELP = "read pages from DIR instead of the saved sources (repeat for several folders)"


def _content_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument("--content", metavar="DIR", type=Path, action="append", dest=dest, help=CONTENT_HELP)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's own arguments (``--content DIR``, ``--new-instance``) as the full parser
    would read them, or None for anything else (a command, ``--help``, a mistake), which is
    then the full parser's to read and to report. Building every command's parser costs a
    window's start about 8 ms; these two options need none of it."""
    content: list[Path] = []
    new_instance = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--new-instance":
            new_instance = True
        elif arg.startswith("--content="):
            content.append(Path(arg.removeprefix("--content=")))
        elif arg == "--content" and rest and not rest[0].startswith("-"):
            content.append(Path(rest.pop(0)))
        else:
            return None
    return argparse.Namespace(content=content or None, new_instance=new_instance, command=None)


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

    add_combos_parsers(commands, [common])
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


def add_combos_parsers(commands: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """The ``combos`` and ``lists`` subcommands, on ``rxcombo``'s subparsers; ``parents``
    adds the options every command takes (``--content DIR`` after the command)."""
    combos = commands.add_parser(
        "combos", parents=list(parents), help="which pages exist for several drugs at once"
    )
    combos.add_argument(
        "drugs",
        nargs="*",
        metavar="DRUG",
        help="one argument per drug, e.g. 'sodium chloride'; a product is one: 'Aceclofenac + Paracetamol'",
    )
    combos.add_argument("--list", metavar="NAME", help="the entries of a saved list (then any DRUG given)")
    output = combos.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--markdown", action="store_true")
    output.add_argument("--csv", action="store_true")

    lists = commands.add_parser(
        "lists", parents=list(parents), help="saved drug lists: print, add, remove, rename, delete"
    )
    lists.add_argument("--json", action="store_true")
    actions = lists.add_subparsers(dest="lists_action", metavar="ACTION")
    add = actions.add_parser("add", help="add drugs to a list (made if new)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("drugs", nargs="+", metavar="DRUG", help="one argument per drug or product")
    remove = actions.add_parser("remove", help="remove drugs from a list")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("drugs", nargs="+", metavar="DRUG")
    rename = actions.add_parser("rename", help="rename a list")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW")
    delete = actions.add_parser("delete", help="delete a list and its entries")
    delete.add_argument("name", metavar="NAME")
