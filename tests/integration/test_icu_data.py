"""The English-only ICU data library of the frozen folder (packaging/icu_data.py).

The format tests run anywhere. The real-library test cuts the data out of the installed
PySide6 wheel's ``libicudata`` (Linux, binutils) and asks ICU itself, through ctypes in a
child process (two ICU copies in one process would share one data library by its soname),
whether what the app may reach still answers as before.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
from icu_data import ALIGN, Package, data_symbol, keep_item, write_trimmed_library

PREFIX = "icudt73l/"


def _package_bytes(items: list[tuple[str, bytes]]) -> bytes:
    """A common-data package as ICU's pkgdata writes it: header, sorted table, aligned items."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\3\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    return Package(header, items).to_bytes()


def test_the_english_only_cut_keeps_root_english_and_shared_data() -> None:
    kept = [
        "root.res", "en.res", "en_GB.res", "en_001.res", "res_index.res", "pool.res",
        "coll/root.res", "coll/ucadata.icu", "coll/en.res", "brkitr/word.brk", "brkitr/root.res",
        "supplementalData.res", "likelySubtags.res", "zoneinfo64.res", "unames.icu",
        "nfkc.nrm", "cnvalias.icu", "curr/pool.res", "lang/en_US_POSIX.res",
    ]  # fmt: skip
    dropped = [
        "de.res", "zh_Hant_TW.res", "ca_ES_VALENCIA.res", "yue.res", "coll/sv.res",
        "lang/fr.res", "windows-1252.cnv", "ibm-943_P15A-2003.cnv", "brkitr/cjdict.dict",
        "brkitr/thaidict.dict",
    ]  # fmt: skip
    assert [name for name in kept if not keep_item(PREFIX + name)] == []
    assert [name for name in dropped if keep_item(PREFIX + name)] == []


def test_a_package_reads_back_item_for_item_with_aligned_items() -> None:
    items = [
        (PREFIX + "coll/de.res", b"\x01" * 7),
        (PREFIX + "coll/root.res", b"\x02" * 33),
        (PREFIX + "en.res", b"\x03" * 16),
        (PREFIX + "windows-1252.cnv", b"\x04" * 5),
    ]
    blob = _package_bytes(items)
    package = Package.parse(blob)
    assert [(name, item.rstrip(b"\0")) for name, item in package.items] == items

    trimmed = Package.parse(package.trimmed().to_bytes())
    assert [name for name, _ in trimmed.items] == [PREFIX + "coll/root.res", PREFIX + "en.res"]
    assert trimmed.items[0][1].rstrip(b"\0") == b"\x02" * 33
    toc = len(trimmed.header)
    for i in range(len(trimmed.items)):
        _name_offset, data_offset = struct.unpack_from("<II", trimmed.to_bytes(), toc + 4 + 8 * i)
        assert (toc + data_offset) % ALIGN == 0


def test_something_else_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="not ICU data"):
        Package.parse(b"\x20\x00PK" + b"\0" * 40)
    blob = bytearray(_package_bytes([(PREFIX + "root.res", b"x")]))
    blob[12:16] = b"ResB"
    with pytest.raises(ValueError, match="not an ICU common-data package"):
        Package.parse(bytes(blob))


# What the child process asks ICU, printed as JSON: collation order (root and English),
# a locale without data, the converters Qt has without tables, and a character name.
PROBE = r"""
import ctypes, json, sys
lib = sys.argv[1]
version = sys.argv[2]
uc = ctypes.CDLL(lib + "/libicuuc.so." + version)
i18n = ctypes.CDLL(lib + "/libicui18n.so." + version)
def f(library, name):
    return getattr(library, name + "_" + version)
ucol_open = f(i18n, "ucol_open"); ucol_open.restype = ctypes.c_void_p
strcoll = f(i18n, "ucol_strcoll")
strcoll.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
ucnv_open = f(uc, "ucnv_open"); ucnv_open.restype = ctypes.c_void_p
words = ["zoloft", "Zantac", "abilify", "Éclair", "eclair", "Ativan", "a-b", "ab"]
out = {}
for locale in ("", "en", "en_GB", "sv"):
    status = ctypes.c_int(0)
    collator = ucol_open(locale.encode(), ctypes.byref(status))
    def key(a, b):
        x, y = a.encode("utf-16-le"), b.encode("utf-16-le")
        return strcoll(collator, x, len(x) // 2, y, len(y) // 2)
    import functools
    out["collation " + locale] = [status.value, sorted(words, key=functools.cmp_to_key(key))]
for name in ("UTF-8", "UTF-16LE", "ISO-8859-1", "US-ASCII"):
    status = ctypes.c_int(0)
    ucnv_open(name.encode(), ctypes.byref(status))
    out["converter " + name] = status.value
buffer = ctypes.create_string_buffer(64)
status = ctypes.c_int(0)
f(uc, "u_charName")(0x1F48A, 0, buffer, 64, ctypes.byref(status))
out["name"] = [buffer.value.decode(), status.value]
print(json.dumps(out))
"""


def _ask_icu(folder: Path, version: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder), version],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the cut is made on Linux only")
def test_the_cut_library_answers_as_the_full_one_for_english_and_root(tmp_path: Path) -> None:
    pyside = pytest.importorskip("PySide6")
    for tool in ("objcopy", "objdump", "ld"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (binutils) is not installed")
    qt_lib = Path(pyside.__file__).parent / "Qt" / "lib"
    full = next(qt_lib.glob("libicudata.so.*"), None)
    if full is None:
        pytest.skip("this PySide6 wheel does not bundle ICU")
    version = full.name.rsplit(".so.", 1)[1]

    cut = write_trimmed_library(full, tmp_path)
    assert cut.stat().st_size < full.stat().st_size / 4
    _symbol, _data, address = data_symbol(cut)
    assert address % ALIGN == 0  # ICU reads its tries through aligned pointers
    for name in (f"libicuuc.so.{version}", f"libicui18n.so.{version}"):
        shutil.copy2(qt_lib / name, tmp_path / name)  # their $ORIGIN runpath finds the cut

    before, after = _ask_icu(qt_lib, version), _ask_icu(tmp_path, version)
    for question in ("collation ", "collation en", "collation en_GB", "name"):
        assert after[question] == before[question], question
    for name in ("UTF-8", "UTF-16LE", "ISO-8859-1", "US-ASCII"):
        assert after[f"converter {name}"] == 0, name
    # Swedish tailoring is gone: ICU says it used the root order instead, and sorts by it.
    status, order = after["collation sv"]  # type: ignore[misc]
    assert status == -127  # U_USING_DEFAULT_WARNING
    assert order == before["collation "][1]  # type: ignore[index]
    assert after["name"] == ["PILL", 0]
