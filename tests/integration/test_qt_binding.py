"""Guards against Qt binding releases that break the app in ways unit tests would not show."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int, int)


def test_signal_emit_keeps_reference_counts_intact() -> None:
    # PySide6 6.12.0 released a reference to True on every emit(); after enough signals
    # the interpreter aborted on exit ("bool_dealloc"), losing unsaved state.
    emitter = _Emitter()
    received: list[tuple[int, int]] = []
    emitter.changed.connect(lambda a, b: received.append((a, b)))
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.changed.emit(number, number)
    assert len(received) == 200
    assert abs(sys.getrefcount(True) - before) < 50
