"""Digests without OpenSSL: the same as hashlib's, and a start that never loads hashlib."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rxcombo.support import digests

TEXTS = [b"", b"Testazepam", "Testazépam + Testapine\0".encode(), bytes(range(256)) * 300]


@pytest.mark.parametrize("data", TEXTS, ids=["empty", "ascii", "accented", "75 KB"])
def test_the_same_digests_as_hashlib(data: bytes) -> None:
    assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digests.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
    assert digests.sha256_hex(data) == hashlib.sha256(data).hexdigest()
    growing = digests.sha256()
    for start in range(0, len(data), 1000):
        growing.update(data[start : start + 1000])
    assert growing.hexdigest() == hashlib.sha256(data).hexdigest()


def test_long_inputs_go_to_hashlib_and_short_ones_do_not_load_it(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = hashlib.sha256

    def spying(data: bytes = b"") -> object:
        asked.append(len(data))
        return real(data)

    monkeypatch.setattr(hashlib, "sha256", spying)
    monkeypatch.setattr(digests, "_LONG", 10_000)
    assert digests.sha256_hex(TEXTS[3]) == real(TEXTS[3]).hexdigest()
    assert asked == [len(TEXTS[3])]  # OpenSSL's, for a long input
    monkeypatch.delitem(sys.modules, "hashlib")
    assert digests.sha256_hex(TEXTS[1]) == real(TEXTS[1]).hexdigest()
    assert "hashlib" not in sys.modules and asked == [len(TEXTS[3])]  # Python's own, not loaded


START = """
import sys
from pathlib import Path
from rxcombo.app import startup
from rxcombo.dirs import server_key
from rxcombo.library.cache import LibraryCache, signatures_key
from rxcombo.userdata.disclaimer import disclaimer_hash
keys = [server_key(), disclaimer_hash("Testazepam"), LibraryCache(Path("/tmp"), Path(sys.argv[1])).path.name,
        signatures_key([("a.md", (1, 2))]),
        signatures_key((f"drug-{n}.md", (n, n, n)) for n in range(8_000))]  # 8,000 pages: 0.3 MB
print("hashlib" in sys.modules, "_hashlib" in sys.modules)
"""


def test_a_start_never_loads_openssls_hashlib(tmp_path: Path) -> None:
    """hashlib loads OpenSSL's libcrypto: 5 ms and 4 MiB of a start that hashes short texts."""
    result = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path)],
        capture_output=True, text=True, timeout=60, env={**os.environ}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
