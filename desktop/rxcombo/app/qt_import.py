"""PySide6 imported for the window, with its per-module import check made cheap.

Once loaded, PySide6 looks at every module imported afterwards to see whether it uses
PySide6 (for its optional ``__feature__`` switches: PYSIDE-2029), by asking
``inspect.getsource`` for the module's whole source and searching it for "PySide6".
Through linecache and tokenize that cost a warm start about 100 ms over its 250 modules,
more than any of RxCombo's own work before the first paint. The same question is asked
here of the file's bytes, which is what it amounts to for a module with a ``.py`` file;
modules without one (built-in, frozen, in an archive) still go to PySide6's own check.
If PySide6's internals change, nothing is replaced and its own check runs as before.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def _quick_check(original: Any) -> Any:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with Path(path).open("rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        result: bool = original(module)
        return result

    mod_uses_pyside.rxcombo_quick = True  # type: ignore[attr-defined]
    return mod_uses_pyside


def install() -> None:
    """Replace PySide6's check (once); call before importing anything else after Qt."""
    import shiboken6  # noqa: F401 - loads PySide6's import hook and its feature module

    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "rxcombo_quick", False):
        return
    feature._mod_uses_pyside = _quick_check(original)  # type: ignore[attr-defined]


install()
