"""Reading one page file into a :class:`Document`: metadata, title, drugs and sections.

The reader never raises anything but :class:`ContentError`; everything it had to repair or
guess is returned as warnings, so nothing changes silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rxcombo.content.decoding import Repair, decode_bytes, repair_mojibake
from rxcombo.content.frontmatter_yaml import (
    FrontMatterError,
    has_front_matter,
    split_front_matter,
)
from rxcombo.content.names import clean_title, fold, slugify, split_drugs
from rxcombo.content.problems import ContentError, Problem, Severity
from rxcombo.content.sections import Section, Structure, split_sections

PAGE_SUFFIXES = frozenset({".md", ".markdown"})
# Pages far beyond any real one (the largest real page is ~40 KB) are refused rather than
# allowed to stall loading; 5 MB pages still load.
MAX_PAGE_BYTES = 64 * 1024 * 1024
MAX_TITLE_LENGTH = 300
_H1 = re.compile(r"^#\s+(?P<text>.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(slots=True)
class Document:
    path: Path
    id: str
    title: str
    drugs: list[str]
    metadata: dict[str, Any]
    structure: Structure
    sections: list[Section]
    repairs: list[Repair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    body_line_offset: int = 0  # lines before the body in the file (front matter)

    @property
    def drug_keys(self) -> list[str]:
        return [fold(drug) for drug in self.drugs]

    @property
    def tabs(self) -> list[Section]:
        """The sections that have something to show (an Overview holding only the title has not)."""
        return [section for section in self.sections if not section.is_empty]

    @property
    def layout(self) -> str | None:
        value = self.metadata.get("layout")
        return value if isinstance(value, str) else None

    @property
    def nav_exclude(self) -> bool:
        return self.metadata.get("nav_exclude") is True


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


def read_page(path: Path, raw: bytes | None = None) -> Document:
    """Read one page. Raises :class:`ContentError` (and nothing else) when it cannot be read."""
    try:
        return _read_page(path, raw)
    except ContentError:
        raise
    except RecursionError as exc:
        raise ContentError(path, "page is nested too deeply to read") from exc
    except MemoryError as exc:
        raise ContentError(path, "page is too large to read") from exc


def _read_page(path: Path, raw: bytes | None) -> Document:
    if raw is None:
        try:
            size = path.stat().st_size
            if size > MAX_PAGE_BYTES:
                raise ContentError(
                    path, f"page is {size // (1024 * 1024)} MB, over the 64 MB limit"
                )
            raw = path.read_bytes()
        except OSError as exc:
            raise ContentError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if len(raw) > MAX_PAGE_BYTES:
        raise ContentError(path, f"page is {len(raw) // (1024 * 1024)} MB, over the 64 MB limit")
    if not raw.strip():
        raise ContentError(path, "empty page: the file has no text")
    if _looks_binary(raw):
        line = raw.count(b"\n", 0, raw.find(b"\x00")) + 1
        raise ContentError(path, "binary data (NUL byte): not a text page", line)

    problems: list[Problem] = []
    decoded = decode_bytes(raw)
    if decoded.first_bad_byte is not None:
        line, byte = decoded.first_bad_byte
        problems.append(
            Problem(
                path,
                line,
                Severity.WARNING,
                f"not valid UTF-8 (byte 0x{byte:02x}); read as {decoded.encoding}",
            )
        )
    text, repairs = repair_mojibake(decoded.text)
    for repair in repairs:
        problems.append(Problem(path, repair.line, Severity.WARNING, repair.describe()))

    try:
        metadata_raw, body, _yaml_line, offset = split_front_matter(text)
    except FrontMatterError as exc:
        raise ContentError(path, exc.message, exc.line) from exc
    if isinstance(metadata_raw, dict):
        metadata: dict[str, Any] = {str(key): value for key, value in metadata_raw.items()}
    elif metadata_raw is None:
        metadata = {}
    else:
        metadata = {}
        kind = type(metadata_raw).__name__
        problems.append(
            Problem(path, 1, Severity.WARNING, f"front matter is a {kind}, not a mapping; ignored")
        )
    if not body.strip():
        raise ContentError(path, "page has front matter but no text", offset + 1)

    title = _text_title(metadata.get("title"))
    heading = _H1.search(body)
    if title is None:
        if heading:
            title = clean_title(heading.group("text"))
        if not title:
            title = _prettify_stem(path)
            problems.append(Problem(path, None, Severity.WARNING, "no title; named after the file"))
    if len(title) > MAX_TITLE_LENGTH:
        problems.append(
            Problem(path, None, Severity.WARNING, f"title is {len(title)} characters; shortened")
        )
        title = title[: MAX_TITLE_LENGTH - 1].rstrip() + "…"

    structure, sections = split_sections(body)
    drugs = split_drugs(title) or [title]
    return Document(
        path=path,
        id=slugify(title),
        title=title,
        drugs=drugs,
        metadata=metadata,
        structure=structure,
        sections=sections,
        repairs=repairs,
        problems=problems,
        body_line_offset=offset,
    )


__all__ = ["Document", "has_front_matter", "is_page_file", "read_page"]
