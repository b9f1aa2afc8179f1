"""An English-only ICU data library for the frozen folder (Linux): 30.5 MiB -> 5.2 MiB.

Qt links ICU, and ICU's data library (``libicudata.so.NN``) is a third of the frozen folder.
ICU documents trimming its data for exactly this ("ICU Data", section "Reducing the Size of
ICU's Data"); Node.js ships the same cut as ``small-icu``: English locale data only. Here
the data is taken out of the wheel's own library, so the ICU version always matches.

What goes, and why RxCombo loses nothing by it:

* locale bundles other than ``root`` and ``en*`` (names, currencies, units, collation
  tailorings, time zone names in other languages): the interface is English, and Qt formats
  numbers and dates from its own CLDR tables, not ICU's;
* the legacy-charset converter tables (``*.cnv``): pages are decoded by Python
  (``rxcombo.content.decoding``); ICU's UTF-8/16/32, ASCII and Latin-1 converters are code,
  not data, and stay;
* the CJK, Thai, Lao, Khmer and Burmese word dictionaries (``*.dict``): Qt breaks text
  with its own Unicode tables, not ICU's break iterators.

Everything else stays: the root collation and ``ucadata``, normalization, character names,
time zone rules, break rules, plurals, likely subtags, converter aliases. An ICU call that
asks for a dropped locale falls back to root (``U_USING_DEFAULT_WARNING``), as ICU does for
any locale it has no data for.

The data is ICU's "common data" package (a header, a table of contents sorted by name, then
the items, each 16-byte aligned). It is read from the library's ``icudtNN_dat`` symbol
(ELF parsed here, with ``struct``) and the trimmed package is linked back into a shared
library of the same name with binutils' ``objcopy`` and ``ld`` (the build already needs
binutils: PyInstaller strips with it).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ALIGN = 16
# A locale bundle: "de.res", "zh_Hant_TW.res", "ca_ES_VALENCIA.res" (not "root", "pool"...).
_LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9_]*)?\.res$")
_NOT_LOCALES = {"res_index.res"}
_KEPT_LOCALE = re.compile(r"^en(_[A-Za-z0-9_]*)?\.res$")
_DROPPED_KINDS = (".cnv", ".dict")


def keep_item(name: str) -> bool:
    """Whether the English-only package keeps the item ``name`` ("icudt73l/coll/de.res")."""
    base = name.rsplit("/", 1)[-1]
    if base.endswith(_DROPPED_KINDS):
        return False
    if base in _NOT_LOCALES or not _LOCALE_BUNDLE.match(base):
        return True
    return bool(_KEPT_LOCALE.match(base))


@dataclass(frozen=True)
class Package:
    """An ICU common-data package: its header bytes and its items, in table order."""

    header: bytes
    items: list[tuple[str, bytes]]

    @classmethod
    def parse(cls, blob: bytes) -> Package:
        header_size = struct.unpack_from("<H", blob, 0)[0]
        if blob[2:4] != b"\xda\x27":
            raise ValueError("not ICU data: no 0xda27 magic")
        if blob[12:16] != b"CmnD":
            raise ValueError(f"not an ICU common-data package: format {blob[12:16]!r}")
        if blob[8] != 0:
            raise ValueError("big-endian ICU data is not supported")
        toc = header_size
        (count,) = struct.unpack_from("<I", blob, toc)
        entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
        starts = [toc + data for _name, data in entries] + [len(blob)]
        items = []
        for i, (name_offset, _data) in enumerate(entries):
            end = blob.index(b"\0", toc + name_offset)
            items.append((blob[toc + name_offset : end].decode("ascii"), blob[starts[i] : starts[i + 1]]))
        return cls(bytes(blob[:header_size]), items)

    def to_bytes(self) -> bytes:
        count = len(self.items)
        names = b"".join(name.encode("ascii") + b"\0" for name, _ in self.items)
        toc_size = 4 + 8 * count
        first = _aligned(len(self.header) + toc_size + len(names))
        name_offsets, data_offsets, data = [], [], bytearray()
        name_at = toc_size
        for name, item in self.items:
            name_offsets.append(name_at)
            name_at += len(name) + 1
            data_offsets.append(first - len(self.header) + len(data))
            data += item + b"\0" * (_aligned(len(item)) - len(item))
        toc = struct.pack("<I", count) + b"".join(
            struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
        )
        head = self.header + toc + names
        return head + b"\0" * (first - len(head)) + bytes(data)

    def trimmed(self) -> Package:
        return Package(self.header, [(name, item) for name, item in self.items if keep_item(name)])


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def data_symbol(library: Path) -> tuple[str, bytes, int]:
    """The ``icudtNN_dat`` symbol of an ELF64 little-endian ICU data library: its name, its
    bytes and its address."""
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError(f"{library}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", elf, at)
            name = elf[strings + st_name : elf.index(b"\0", strings + st_name)].decode()
            if re.fullmatch(r"icudt\d+_dat", name) and 0 < shndx < shnum:
                section = sections[shndx]
                start = value - section[3] + section[4]
                # objcopy's symbol (write_trimmed_library) has no size: it ends with its section.
                end = start + st_size if st_size else section[4] + section[5]
                return name, elf[start:end], value
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} not found: install binutils to build the frozen folder")
    return path


def _target(library: Path) -> tuple[str, str]:
    """objdump's BFD name and architecture of ``library`` ("elf64-x86-64", "i386:x86-64")."""
    command = [_tool("objdump"), "-f", str(library)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    bfd = re.search(r"file format (\S+)", out)
    arch = re.search(r"architecture: ([^,\s]+)", out)
    if bfd is None or arch is None:
        raise RuntimeError(f"objdump -f {library}: no file format or architecture in {out!r}")
    return bfd.group(1), arch.group(1)


def write_trimmed_library(library: Path, out_dir: Path) -> Path:
    """``out_dir``/<same name>: ``library`` with English-only data. Returns its path."""
    symbol, blob, _address = data_symbol(library)
    package = Package.parse(blob).trimmed()
    bfd, arch = _target(library)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / library.name
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "icudata.bin").write_bytes(package.to_bytes())
        objcopy = [
            _tool("objcopy"), "-I", "binary", "-O", bfd, "-B", arch,
            "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
            # Named as objcopy reads it (.data), before the rename: ICU needs aligned data.
            "--set-section-alignment", f".data={ALIGN}",
            "--redefine-sym", f"_binary_icudata_bin_start={symbol}",
            "--strip-symbol", "_binary_icudata_bin_end", "--strip-symbol", "_binary_icudata_bin_size",
            "icudata.bin", "icudata.o",
        ]  # fmt: skip
        subprocess.run(objcopy, check=True, cwd=work)
        # noexecstack: the object has no .note.GNU-stack, which would ask for an executable stack.
        link = [_tool("ld"), "-shared", "-z", "noexecstack", "-soname", library.name, "-o", str(out)]
        link.append("icudata.o")
        subprocess.run(link, check=True, cwd=work)
    _name, written, address = data_symbol(out)
    if address % ALIGN or Package.parse(written).items != package.items:
        raise RuntimeError(f"{out}: the linked ICU data is misaligned ({address:#x}) or altered")
    return out
