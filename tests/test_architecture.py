"""The rules the layout rests on, checked on the source so that a change cannot drift from them.

* The core (``content/``, ``library/``, ``search/``) imports no Qt: the command line and the
  tests use it without a display, and the window is a thin layer over it.
* Lower layers never import upper ones: content <- search <- library <- userdata/app/ui/cli.
* ``dirs.py`` is the only module that asks platformdirs where anything goes.
* No module grows past 300 lines, and every package says what it owns.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from helpers import ROOT

PACKAGE = ROOT / "desktop" / "rxcombo"
CORE = ("content", "library", "search")
# What each core package may import from the project (beyond itself).
ALLOWED = {
    "content": {"rxcombo", "rxcombo.support", "rxcombo.wording"},
    "search": {"rxcombo", "rxcombo.support", "rxcombo.content", "rxcombo.wording"},
    "library": {
        "rxcombo",
        "rxcombo.support",
        "rxcombo.content",
        "rxcombo.search",
        "rxcombo.dirs",
        "rxcombo.__version__",
    },
}
MAX_LINES = 300


def modules() -> list[tuple[str, ast.Module, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(("rxcombo", *path.relative_to(PACKAGE).with_suffix("").parts))
        text = path.read_text(encoding="utf-8")
        found.append((name.removesuffix(".__init__"), ast.parse(text), text.count("\n")))
    return found


def imported(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "rxcombo":  # "from rxcombo import cli" imports rxcombo.cli
                names.update(f"rxcombo.{alias.name}" for alias in node.names)
    return names


def layer_of(module: str) -> str:
    parts = module.split(".")
    if parts[:2] in (["rxcombo", "__version__"], ["rxcombo", "APP_NAME"]):
        return "rxcombo"  # constants of the top package, not a layer
    return ".".join(parts[:2]) if len(parts) > 1 else module


def test_the_source_tree_is_found() -> None:
    names = {name for name, _tree, _lines in modules()}
    assert {"rxcombo.content", "rxcombo.library", "rxcombo.search", "rxcombo.dirs"} <= names


@pytest.mark.parametrize("package", CORE)
def test_core_imports_no_qt_and_no_upper_layer(package: str) -> None:
    prefix = f"rxcombo.{package}"
    for name, tree, _lines in modules():
        if name != prefix and not name.startswith(prefix + "."):
            continue
        for target in imported(tree):
            assert not target.startswith(("PySide6", "shiboken6")), f"{name} imports {target}"
            if target.startswith("rxcombo") and layer_of(target) != prefix:
                assert layer_of(target) in ALLOWED[package], f"{name} imports {target}"


def test_core_and_command_line_run_without_loading_qt(tmp_path) -> None:
    """Imported for real: a lazy or indirect import of Qt would not show in the source."""
    code = (
        "import pathlib, sys\n"
        "import rxcombo.cli.commands, rxcombo.library, rxcombo.search, rxcombo.content\n"
        "from rxcombo.library import load_library\n"
        f"library = load_library({str(ROOT / 'data')!r}, cache_dir=pathlib.Path({str(tmp_path)!r}))\n"
        "library.index.search('alpra')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_top_level_import_of_an_upper_layer_is_seen() -> None:
    tree = ast.parse("from rxcombo import cli, __version__\nfrom rxcombo.content import names\n")
    assert {layer_of(name) for name in imported(tree)} == {"rxcombo", "rxcombo.cli", "rxcombo.content"}


def test_user_data_imports_no_window() -> None:
    for name, tree, _lines in modules():
        if name.startswith("rxcombo.userdata"):
            assert not any(t.startswith(("rxcombo.ui", "rxcombo.app")) for t in imported(tree)), name


def test_only_dirs_reads_platformdirs() -> None:
    users = sorted(name for name, tree, _lines in modules() if "platformdirs" in imported(tree))
    assert users == ["rxcombo.dirs"]


def test_no_module_is_over_300_lines() -> None:
    long = {name: lines for name, _tree, lines in modules() if lines > MAX_LINES}
    assert long == {}


def test_every_package_says_what_it_owns() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init.relative_to(ROOT)} has no docstring"
