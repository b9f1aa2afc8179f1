"""PySide6 imported for the window, with three of its start-up costs made cheap.

* PySide6 keeps its support code (``shibokensupport``: signatures, ``__feature__``) as
  Python source inside its library and compiles it on every import: a dozen modules and
  the bootstrap that loads them, about 3,800 lines, 15 to 40 ms of each start that a
  ``.pyc`` would save. While ``shiboken6`` is first imported, ``compile`` is asked for
  their code from a cache in the user's cache folder, keyed by the source and the Python
  version (what a ``.pyc`` is keyed by); it compiles as before on a miss, and the cache
  is written only once the window is up (:func:`save_compiled`), so a first launch that
  ends at the disclaimer writes nothing. A damaged or foreign cache is compiled over.
* Once loaded, PySide6 looks at every module imported afterwards to see whether it uses
  PySide6 (for its optional ``__feature__`` switches: PYSIDE-2029), by asking
  ``inspect.getsource`` for the module's whole source and searching it for "PySide6".
  Through linecache and tokenize that cost a warm start about 100 ms over its 250
  modules, more than any of RxCombo's own work before the first paint. The same question
  is asked here of the file's bytes, which is what it amounts to for a module with a
  ``.py`` file; modules without one (built-in, frozen, in an archive) still go to
  PySide6's own check. The answers are kept in the same cache, each with its file's size,
  modification time and inode (a ``.pyc`` is checked by the first two): a warm start asks
  ``stat`` (3 µs a file) rather than reading 150 files (8 ms).

* Qt's enums are made in one pass each (:mod:`rxcombo.app.qt_enums`).

If PySide6's internals change, nothing is replaced and its own code runs as before.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import functools
import operator
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from rxcombo.app import qt_enums
from rxcombo.dirs import cache_dir
from rxcombo.support import code_store, marshal_file
from rxcombo.support.digests import sha256

CACHE_NAME = "qt-support.marshal"
_FUTURE_FLAGS = functools.reduce(
    operator.or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)
_SUPPORT_PREFIX = "shibokensupport/"  # the names PySide6's embedded importer compiles under
_BOOTSTRAP = "signature_bootstrap.py"  # what shiboken6 compiles first, to load that importer
_USES_KEY = "uses PySide6"  # the cache's entry for the per-file answers (not a code key)
FileUse = tuple[int, int, int, bool]  # a file's size, modification time (ns), inode; the answer


class _CompiledSupport:
    """The support modules' code objects: those read from the cache, those compiled now."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cached: dict[str, CodeType] = {}
        self.used: dict[str, CodeType] = {}
        self.missed = False
        self.uses: dict[str, FileUse] = {}  # known: read from the cache, or found now
        self.uses_asked: dict[str, FileUse] = {}  # asked this run: what the cache keeps
        self.uses_learnt = False
        loaded = marshal_file.read_dict(path)
        self.cached = marshal_file.code_objects(loaded)
        uses = loaded.get(_USES_KEY)
        if isinstance(uses, dict):
            self.uses = {k: v for k, v in uses.items() if _is_file_use(k, v)}

    def compile_hook(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
            support = (
                isinstance(source, bytes) and isinstance(filename, str)
                and (filename.startswith(_SUPPORT_PREFIX) or filename == _BOOTSTRAP)
                and mode == "exec" and not args and not kwargs
            )  # fmt: skip
            if not support:
                return original(source, filename, mode, *args, **kwargs)
            # Compiled as the caller's own compile() would: with its __future__ flags, not ours.
            flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
            made_as = code_store.flavour() + f"{flags}:{filename}".encode()
            key = sha256(made_as + b"\0" + source).hexdigest()
            code = self.cached.get(key)
            if code is None:
                code = original(source, filename, mode, flags=flags, dont_inherit=True)
                self.missed = True
            self.used[key] = code
            return code

        return compile

    def save(self) -> None:
        """Write the code and the files' answers used this time (stale entries go), if any
        code was compiled or any answer found."""
        if not (self.missed or self.uses_learnt):
            return
        self.missed = self.uses_learnt = False
        marshal_file.write_dict(self.path, {**self.used, _USES_KEY: self.uses_asked})


def _is_file_use(path: object, use: object) -> bool:
    return (
        isinstance(path, str) and isinstance(use, tuple) and len(use) == 4
        and all(isinstance(part, int) for part in use[:3]) and isinstance(use[3], bool)
    )  # fmt: skip


_compiled: _CompiledSupport | None = None


@contextlib.contextmanager
def _cached_compile(path: Path) -> Iterator[None]:
    global _compiled
    _compiled = _CompiledSupport(path)
    original = builtins.compile
    builtins.compile = _compiled.compile_hook(original)
    try:
        yield
    finally:
        builtins.compile = original


def save_compiled() -> None:
    """Keep what this start compiled for the next one (the window is up: call it then)."""
    if _compiled is not None:
        _compiled.save()


def _quick_check(original: Any, compiled: _CompiledSupport | None) -> Any:
    known = compiled.uses if compiled is not None else {}
    asked = compiled.uses_asked if compiled is not None else {}

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            path = str(path)  # a str subclass would make the cache unwritable (marshal)
            try:
                info = os.stat(path)  # noqa: PTH116 - 150 calls per start: no Path objects
                use = known.get(path)
                if use is None or use[:3] != (info.st_size, info.st_mtime_ns, info.st_ino):
                    with open(path, "rb") as handle:  # noqa: PTH123 - as above
                        use = (info.st_size, info.st_mtime_ns, info.st_ino, b"PySide6" in handle.read())
                    known[path] = use
                    if compiled is not None:
                        compiled.uses_learnt = True
            except OSError:
                pass
            else:
                asked[path] = use
                return use[3]
        result: bool = original(module)
        return result

    mod_uses_pyside.rxcombo_quick = True  # type: ignore[attr-defined]
    return mod_uses_pyside


def install() -> None:
    """Import shiboken6 with its support code cached, then replace PySide6's per-module
    check (once); call before importing anything else of Qt."""
    qt_enums.install()  # before Qt's modules make their enums
    if "shiboken6" not in sys.modules:
        with _cached_compile(cache_dir() / CACHE_NAME):
            import shiboken6  # noqa: F401 - loads PySide6's import hook and its feature module
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "rxcombo_quick", False):
        return
    feature._mod_uses_pyside = _quick_check(original, _compiled)  # type: ignore[attr-defined]


install()
