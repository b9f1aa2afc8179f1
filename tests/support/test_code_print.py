"""Fingerprints of the standard library code a speed-up follows: stable, and telling."""

from __future__ import annotations

import os
import subprocess
import sys

from rxcombo.support.code_print import fingerprint

PRINT = """
import enum, re
from rxcombo.support.code_print import fingerprint
def choosing(name):
    return name in {"testazepam", "testapine", "mockoxetine", "fakeprofen"}  # a frozenset constant
print(fingerprint(re._compiler.compile, enum.EnumType.__new__, choosing))
"""


def test_the_same_code_has_the_same_fingerprint_in_every_process() -> None:
    """Hash randomisation, addresses of nested code: none of it shows."""
    found = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", PRINT], capture_output=True, text=True, timeout=60, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        found.add(result.stdout.strip())
    assert len(found) == 1 and len(found.pop()) == 16


def test_a_changed_function_has_another_fingerprint() -> None:
    def testazepam(dose: int) -> int:
        return dose * 2

    def testapine(dose: int) -> int:
        return dose * 3

    def nested(dose: int) -> int:
        def inner() -> int:
            return dose + 1

        return inner()

    def dosed(dose: int, times: int = 2) -> int:
        return dose * times

    def dosed_thrice(dose: int, times: int = 3) -> int:
        return dose * times

    def guarded(dose: int) -> int:
        try:
            return dose * 2
        except ValueError:
            return 0

    prints = {fingerprint(f) for f in (testazepam, testapine, nested, dosed, dosed_thrice, guarded)}
    assert len(prints) == 6  # bytecode, constants, default values, try blocks
    assert fingerprint(testazepam) == fingerprint(testazepam)
    assert fingerprint(len) == ""  # not Python code: nothing to compare
