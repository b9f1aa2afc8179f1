"""Fingerprints of the standard library code a speed-up follows: stable, and telling."""

from __future__ import annotations

import enum
import os
import re
import subprocess
import sys

from rxcombo.support.code_print import fingerprint

PRINT = "import enum, re; from rxcombo.support.code_print import fingerprint; print(fingerprint(re._compiler.compile, enum.EnumType.__new__))"


def test_the_same_code_has_the_same_fingerprint_in_every_process() -> None:
    """Hash randomisation, addresses of nested code: none of it shows."""
    found = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", PRINT], capture_output=True, text=True, timeout=60, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        found.add(result.stdout.strip())
    assert found == {fingerprint(re._compiler.compile, enum.EnumType.__new__)}  # type: ignore[attr-defined]
    assert len(found.pop()) == 16


def test_a_changed_function_has_another_fingerprint() -> None:
    def testazepam(dose: int) -> int:
        return dose * 2

    def testapine(dose: int) -> int:
        return dose * 3

    def nested(dose: int) -> int:
        def inner() -> int:
            return dose + 1

        return inner()

    prints = {fingerprint(f) for f in (testazepam, testapine, nested)}
    assert len(prints) == 3
    assert fingerprint(testazepam) == fingerprint(testazepam)
    assert fingerprint(len) == ""  # not Python code: nothing to compare
