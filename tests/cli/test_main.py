"""The command table: every command the parser offers runs a real function, and parsing
the arguments (which the window's start does too) imports no command."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys

import pytest

from rxcombo.cli.main import COMMANDS, command, main
from rxcombo.cli.parser import build_parser, window_arguments


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_every_command_of_the_parser_has_a_function() -> None:
    offered = _subcommands(build_parser())
    assert offered == set(COMMANDS)
    for name in offered:
        assert callable(command(name)), name


def test_starting_the_window_imports_no_command_module() -> None:
    probe = (
        "import sys\n"
        "from rxcombo.cli.main import build_parser\n"
        "build_parser().parse_args([])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[:2] == ['rxcombo', 'cli']"
        " and m.split('.')[-1] in ('commands', 'lookup', 'combos', 'sources', 'favorites'))\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--new-instance"],
        ["--content", "pages"],
        ["--content=pages"],
        ["--content=", "--new-instance"],
        ["--content", "one", "--new-instance", "--content=two words"],
    ],
)
def test_the_window_s_arguments_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    # The window's start skips building every command's parser: the result must not differ.
    assert window_arguments(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--help"],
        ["--version"],
        ["--content"],  # a missing value: the full parser says so
        ["--content", "--new-instance"],
        ["--new"],  # an abbreviation: the full parser decides
        ["--content", "pages", "search", "x"],
        ["open", "rxcombo:page/x"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_a_command_runs_with_garbage_collection_on(monkeypatch, seeds_dir) -> None:
    # The window's start pauses collections until its first paint; a command reading
    # thousands of files must not run without them, nor leave them off afterwards.
    seen: list[bool] = []
    module = sys.modules["rxcombo.cli.main"]  # the package's `main` attribute is the function
    monkeypatch.setattr(module, "command", lambda name: lambda args: seen.append(gc.isenabled()) or 0)
    assert main(["--content", str(seeds_dir), "list"]) == 0
    assert seen == [True]
    assert gc.isenabled()
