"""PySide6 imported through rxcombo.app.qt_import: its support code compiled once, not at
every start, and nothing written before the window is up.

Each case runs in a child process: this test process imported PySide6 long ago.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from rxcombo.app.qt_import import CACHE_NAME

# Counts what reaches the real compiler for PySide6's support modules, then imports Qt
# through qt_import, saves if asked, and checks that PySide6's support code works.
CHILD = """
import builtins, json, sys
compiled = []
real = builtins.compile
def counting(source, filename, mode, *args, **kwargs):
    if isinstance(filename, str) and filename.startswith(("shibokensupport/", "signature_bootstrap")):
        compiled.append(filename)
    return real(source, filename, mode, *args, **kwargs)
builtins.compile = counting
from rxcombo.app import qt_import
from PySide6.QtCore import QObject, QTimer
builtins.compile = real
if sys.argv[1] == "save":
    qt_import.save_compiled()
import __feature__  # PySide6's feature switches, set up by its support code
try:  # a wrong call's message lists the signatures, which the support code parses
    QObject().setObjectName(5)
except TypeError as exc:
    message = str(exc)
print(json.dumps({
    "compiled": compiled,
    "signature": message.splitlines()[-1].strip(),
    "feature": __feature__.__name__,
    "quick": getattr(sys.modules["shibokensupport.feature"]._mod_uses_pyside, "rxcombo_quick", False),
}))
"""


def _child(cache_home: Path, action: str, script: str = CHILD) -> dict[str, Any]:
    """What ``script`` printed last (JSON), run in a child process with this cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script, action],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


@pytest.fixture
def cache_home(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _cache_file(cache_home: Path) -> Path:
    return cache_home / "RxCombo" / CACHE_NAME


def test_the_support_code_is_compiled_once_and_then_read_from_the_cache(cache_home: Path) -> None:
    first = _child(cache_home, "save")
    assert len(first["compiled"]) >= 5  # PySide6 compiled its support modules: none were cached
    assert "signature_bootstrap.py" in first["compiled"]  # and the bootstrap that loads them
    assert _cache_file(cache_home).is_file()

    second = _child(cache_home, "save")
    assert second["compiled"] == []  # every one came from the cache
    for seen in (first, second):  # and PySide6's signatures and feature switches work
        assert seen["signature"] == "PySide6.QtCore.QObject.setObjectName(name: str, /)"
        assert seen["feature"] == "shibokensupport.feature"
        assert seen["quick"] is True


def test_nothing_is_written_until_the_window_asks(cache_home: Path) -> None:
    """A first launch that ends at the disclaimer leaves no cache folder behind."""
    seen = _child(cache_home, "no-save")
    assert seen["compiled"]
    assert not cache_home.exists()


def test_a_damaged_cache_is_compiled_over(cache_home: Path) -> None:
    cache = _cache_file(cache_home)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"\x00not marshal data at all")
    damaged = _child(cache_home, "save")
    assert damaged["compiled"]  # read nothing usable from it, and still started
    assert damaged["signature"] == "PySide6.QtCore.QObject.setObjectName(name: str, /)"
    assert _child(cache_home, "save")["compiled"] == []  # rewritten whole


# The flags of the support modules' functions, as compiled: the cache must give what
# PySide6 compiles itself (its importer's __future__ flags, not qt_import's).
FLAGS = """
import json, sys
if sys.argv[1] == "cached":
    from rxcombo.app import qt_import
    qt_import.save_compiled()
else:
    import shiboken6
flags = {}
for name, module in sorted(sys.modules.items()):
    if name.startswith("shibokensupport"):
        for key, value in vars(module).items():
            if getattr(value, "__module__", None) == name and hasattr(value, "__code__"):
                flags[f"{name}.{key}"] = value.__code__.co_flags
flags.pop("shibokensupport.feature._mod_uses_pyside", None)  # replaced by qt_import's check
print(json.dumps(flags))
"""


def test_the_cached_support_code_is_compiled_as_pyside6_compiles_it(cache_home: Path) -> None:
    def flags(how: str) -> dict[str, Any]:
        return _child(cache_home, how, FLAGS)

    own = flags("plain")
    assert len(own) >= 50
    assert flags("cached") == own  # compiled now, and cached
    assert _cache_file(cache_home).is_file()
    assert flags("cached") == own  # read from the cache


# Imports the window's modules through qt_import and reports which module files the
# per-module PySide6 check read, and whether its answers agree with the files' bytes.
USES = """
import builtins, json, sys
from rxcombo.app import qt_import
read = []
real_open = builtins.open
def counting_open(file, *args, **kwargs):
    if isinstance(file, str) and file.endswith(".py"):
        read.append(file)
    return real_open(file, *args, **kwargs)
builtins.open = counting_open
import rxcombo.ui.window.main_window
builtins.open = real_open
check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
answers = {}
for name, module in sorted(sys.modules.items()):
    path = getattr(module, "__file__", None)
    if name.startswith("rxcombo.") and isinstance(path, str) and path.endswith(".py"):
        with real_open(path, "rb") as handle:
            answers[name] = [check(module), b"PySide6" in handle.read()]
qt_import.save_compiled()
print(json.dumps({"read": read, "answers": answers}))
"""


def test_which_modules_use_pyside6_is_read_once_then_remembered(cache_home: Path) -> None:
    first = _child(cache_home, "save", USES)
    assert len(first["read"]) >= 30  # the window's own modules, each read by the check
    second = _child(cache_home, "save", USES)
    assert second["read"] == []  # answered from the cache: no module file read again
    for seen in (first, second):
        answers = seen["answers"]
        assert answers["rxcombo.ui.window.main_window"] == [True, True]
        assert answers["rxcombo.content.names"] == [False, False]  # plain Python, no Qt
        assert all(check == truth for check, truth in answers.values())


def test_a_changed_module_file_is_read_again(tmp_path: Path) -> None:
    from rxcombo.app import qt_import

    compiled = qt_import._CompiledSupport(tmp_path / "cache.marshal")
    asked_pyside: list[str] = []

    def pyside_check(module: ModuleType) -> bool:
        asked_pyside.append(module.__name__)
        return False

    check = qt_import._quick_check(pyside_check, compiled)
    source = tmp_path / "testazepam_view.py"
    source.write_text("from PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    module = ModuleType("testazepam_view")
    module.__file__ = str(source)
    assert check(module) is True
    assert compiled.uses_learnt

    source.write_text("LABEL = 'no Qt here any more, and a different size'\n", encoding="utf-8")
    assert check(module) is False  # its size and time changed: read again

    source.unlink()
    assert check(module) is False  # gone: PySide6's own check answers
    assert asked_pyside == ["testazepam_view"]
    assert check(ModuleType("sys_like")) is False  # no file at all: PySide6's own check
    assert asked_pyside == ["testazepam_view", "sys_like"]


def test_damaged_answers_in_the_cache_are_ignored(tmp_path: Path) -> None:
    from rxcombo.app import qt_import
    from rxcombo.support import marshal_file

    cache = tmp_path / "cache.marshal"
    marshal_file.write_dict(
        cache, {qt_import._USES_KEY: {"/a.py": (1, 2, 3, True), "/b.py": "yes", 3: (1, 2, 3, False)}}
    )
    assert qt_import._CompiledSupport(cache).uses == {"/a.py": (1, 2, 3, True)}
    marshal_file.write_dict(cache, {qt_import._USES_KEY: ["not", "a", "table"]})
    assert qt_import._CompiledSupport(cache).uses == {}


def test_the_cache_keeps_the_answers_of_files_asked_this_run(tmp_path: Path) -> None:
    """Answers for files no run asks about any more (another checkout, an old Python) go."""
    from rxcombo.app import qt_import
    from rxcombo.support import marshal_file

    cache = tmp_path / "cache.marshal"
    marshal_file.write_dict(cache, {qt_import._USES_KEY: {"/gone/testazepam_old.py": (1, 2, 3, True)}})
    compiled = qt_import._CompiledSupport(cache)
    check = qt_import._quick_check(lambda module: False, compiled)

    class OddPath(str):  # a module's __file__ need not be a plain str; marshal needs one
        pass

    source = tmp_path / "testazepam_model.py"
    source.write_text("import json\n", encoding="utf-8")
    module = ModuleType("testazepam_model")
    module.__file__ = OddPath(source)
    assert check(module) is False
    compiled.save()

    kept = marshal_file.read_dict(cache)[qt_import._USES_KEY]
    assert isinstance(kept, dict)
    assert list(kept) == [str(source)]
    assert type(next(iter(kept))) is str
    assert qt_import._CompiledSupport(cache).uses[str(source)][3] is False
