"""Reading one page file into a :class:`Document`: metadata, title, drugs and sections.

The reader never raises anything but :class:`ContentError`; everything it had to repair or
guess is returned as warnings, so nothing changes silently.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from rxcombo.content.decoding import Repair, decode_bytes, repair_mojibake
from rxcombo.content.document import Document, ParsedBody
from rxcombo.content.meta import description_of, faq_entries, generic_link_of
from rxcombo.content.names import clean_title, slugify, split_drugs
from rxcombo.content.problems import ContentError, Problem, Severity
from rxcombo.content.sections import first_h1, split_sections
from rxcombo.support import lazy

PAGE_SUFFIXES = frozenset({".md", ".markdown"})
# Pages far beyond any real one (the largest real page is ~40 KB) are refused rather than
# allowed to stall loading; 5 MB pages still load.
MAX_PAGE_BYTES = 64 * 1024 * 1024
MAX_TITLE_LENGTH = 300
# The front matter keys a listing keeps besides the title: a page's own date, which the
# library's facts (newest and oldest page of a source) need without reading pages again.
LISTED_METADATA = ("lastModified", "last_modified", "date")


def is_page_file(path: Path, head: bytes | None = None) -> bool:
    """``.md``/``.markdown`` files are pages; any other file only if it opens with front matter."""
    if path.suffix.lower() in PAGE_SUFFIXES:
        return True
    if head is None:
        try:
            with path.open("rb") as handle:
                head = handle.read(8)
        except OSError:
            return False
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.startswith(b"---") and head[3:4] in (b"\n", b"\r", b"-", b" ", b"\t")


def _looks_binary(raw: bytes) -> bool:
    return b"\x00" in raw[:65536] or (b"\x00" in raw)


def _text_title(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = clean_title(str(value))
    return text or None


def _prettify_stem(path: Path) -> str:
    stem = re.sub(r"^\d+_[0-9a-f]{6,}$", "", path.stem)  # seed-style names carry no title
    words = re.sub(r"[-_]+", " ", stem or path.stem).strip()
    return words.title() if words else path.name


def _at(path: Path | str) -> Path:
    """The page's Path, for a problem: the listing reads 100,000 pages by their path as a
    string (a Path made, and turned back into a string, for each cost 8 us of 130)."""
    return path if isinstance(path, Path) else Path(path)


def read_page(path: Path | str, raw: bytes | None = None, *, body: bool = True) -> Document:
    """Read one page. Raises :class:`ContentError` (and nothing else) when it cannot be read.

    ``body=False`` reads only what listing and searching need (front matter, title, drugs),
    usually from the first few kilobytes; the sections are parsed when first asked for.
    """
    try:
        return _read_page(path, raw, body)
    except ContentError:
        raise
    except RecursionError as exc:
        raise ContentError(_at(path), "page is nested too deeply to read") from exc
    except MemoryError as exc:
        raise ContentError(_at(path), "page is too large to read") from exc


HEAD_BYTES = 16 * 1024


def _listed(metadata: dict[str, Any]) -> dict[str, Any]:
    return {key: metadata[key] for key in LISTED_METADATA if key in metadata} if metadata else {}


def _read_bytes(path: Path | str, limit: int | None) -> tuple[bytes, bool]:
    """(bytes, whole file?). Reads at most ``limit`` bytes when given."""
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a str from the listing: see _at
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_PAGE_BYTES:
                raise ContentError(_at(path), f"page is {size // (1024 * 1024)} MB, over the 64 MB limit")
            if limit is not None and size > limit:
                return handle.read(limit), False
            return handle.read(), True
    except OSError as exc:
        raise ContentError(_at(path), f"cannot read file: {exc.strerror or exc}") from exc


def _cut_partial_character(raw: bytes) -> bytes:
    """A head cut mid-character would look like invalid UTF-8; drop the partial sequence."""
    for back in range(1, 4):
        if len(raw) >= back and (raw[-back] & 0xC0) == 0xC0:  # a lead byte
            return raw[:-back]
        if len(raw) >= back and (raw[-back] & 0x80) == 0:
            return raw
    return raw


def _read_page(path: Path | str, raw: bytes | None, with_body: bool) -> Document:
    whole = True
    if raw is None:
        raw, whole = _read_bytes(path, None if with_body else HEAD_BYTES)
    if len(raw) > MAX_PAGE_BYTES:
        raise ContentError(_at(path), f"page is {len(raw) // (1024 * 1024)} MB, over the 64 MB limit")
    if whole and not raw.strip():
        raise ContentError(_at(path), "empty page: the file has no text")
    if _looks_binary(raw):
        line = raw.count(b"\n", 0, raw.find(b"\x00")) + 1
        raise ContentError(_at(path), "binary data (NUL byte): not a text page", line)
    if not whole:
        document = _read_head(path, _cut_partial_character(raw))
        if document is not None:
            return document
        raw, whole = _read_bytes(path, None)
        if _looks_binary(raw):
            line = raw.count(b"\n", 0, raw.find(b"\x00")) + 1
            raise ContentError(_at(path), "binary data (NUL byte): not a text page", line)
    return _parse(path, raw, with_body)


def _read_head(path: Path | str, head: bytes) -> Document | None:
    """Title and drugs from the start of a long file, or None when the start is not enough
    (front matter not closed, no title yet)."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None  # the full read reports the encoding problem with its line
    if _front_matter().has_front_matter(text.replace("\r\n", "\n")) and len(_FM_CLOSE.findall(text)) < 2:
        return None
    document = _parse(path, head, False, partial=True)
    return document if "no title" not in " ".join(p.message for p in document.problems) else None


_FM_CLOSE = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)


def _parse(path: Path | str, raw: bytes, with_body: bool, *, partial: bool = False) -> Document:
    problems: list[Problem] = []
    decoded = decode_bytes(raw)
    if decoded.first_bad_byte is not None:
        line, byte = decoded.first_bad_byte
        problems.append(
            Problem(
                _at(path),
                line,
                Severity.WARNING,
                f"not valid UTF-8 (byte 0x{byte:02x}); read as {decoded.encoding}",
            )
        )
    text = decoded.text
    repairs: list[Repair] = []
    if with_body:
        text, repairs = repair_mojibake(text)
        for repair in repairs:
            problems.append(Problem(_at(path), repair.line, Severity.WARNING, repair.describe()))

    try:
        metadata_raw, body, _yaml_line, offset = _front_matter().split_front_matter(text)
    except _front_matter().FrontMatterError as exc:
        raise ContentError(_at(path), exc.message, exc.line) from exc
    if isinstance(metadata_raw, dict):
        metadata: dict[str, Any] = {str(key): value for key, value in metadata_raw.items()}
    elif metadata_raw is None:
        metadata = {}
    else:
        metadata = {}
        kind = type(metadata_raw).__name__
        problems.append(
            Problem(_at(path), 1, Severity.WARNING, f"front matter is a {kind}, not a mapping; ignored")
        )
    if not partial and not body.strip():
        raise ContentError(_at(path), "page has front matter but no text", offset + 1)

    title = _text_title(metadata.get("title"))
    if title is None:
        heading = first_h1(body)
        if heading:
            title = clean_title(heading)
        if not title:
            title = _prettify_stem(_at(path))
            problems.append(Problem(_at(path), None, Severity.WARNING, "no title; named after the file"))
    if not with_body:
        # Only the title is shown before the page is opened; repair just that.
        repaired, title_repairs = repair_mojibake(title)
        if title_repairs:
            problems.append(
                Problem(_at(path), None, Severity.WARNING, "title: " + title_repairs[0].describe())
            )
            title = repaired
    if len(title) > MAX_TITLE_LENGTH:
        problems.append(
            Problem(_at(path), None, Severity.WARNING, f"title is {len(title)} characters; shortened")
        )
        title = title[: MAX_TITLE_LENGTH - 1].rstrip() + "…"

    parsed = None
    if with_body:
        structure, sections = split_sections(body)
        parsed = ParsedBody(structure, sections, repairs)
        for faq_repair in faq_entries(metadata)[1]:
            problems.append(Problem(_at(path), None, Severity.WARNING, faq_repair))
    drugs = split_drugs(title) or [title]
    return Document(
        source=os.fspath(path),
        _path=path if isinstance(path, Path) else None,
        id=slugify(title),
        title=title,
        drugs=drugs,
        # Listing keeps no front matter beyond the title and date: 100,000 full dicts are
        # ~28 MB, and the full read on opening has all of it.
        metadata=metadata if with_body else _listed(metadata),
        parsed=parsed,
        problems=problems,
        body_line_offset=offset,
        description=description_of(metadata),
        generic_link=generic_link_of(metadata),
    )


def has_front_matter(text: str) -> bool:
    return bool(_front_matter().has_front_matter(text))


def _front_matter() -> ModuleType:
    """python-frontmatter and PyYAML, imported on first read: a warm start lists pages from
    the cache and reads none, and the two cost ~50 ms to import (rxcombo.support.lazy)."""
    return lazy.module("rxcombo.content.frontmatter_yaml")


__all__ = ["Document", "ParsedBody", "has_front_matter", "is_page_file", "read_page"]
