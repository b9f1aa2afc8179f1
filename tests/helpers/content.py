"""Checks shared by the content tests, written independently of the reader's own code."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from rxcombo.content import Document

_OPENING = re.compile(r"^-{3,}\s*$")
_CLOSING = re.compile(r"^-{3,}[ \t]*$")


def decode_as_a_user_would(raw: bytes) -> str:
    """UTF-8 (BOM dropped), else Windows-1252, else Latin-1; one kind of line ending."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    return text.replace("\r\n", "\n").replace("\r", "\n")


def front_matter_line_count(lines: list[str]) -> int:
    """Lines taken by front matter: from a first ``---`` line through the next ``---`` line."""
    if not lines or not _OPENING.match(lines[0]):
        return 0
    for index in range(1, len(lines)):
        if _CLOSING.match(lines[index]):
            return index + 1
    raise AssertionError("front matter not closed, yet the page was read")


def body_lines(path: Path, document: Document, *, independent: bool = True) -> list[str]:
    """The page's body as the reader should see it: decoded, repairs applied, front matter cut.

    Each reported repair must describe the line it replaced, so repairs cannot hide text.
    With ``independent``, where the front matter ends is worked out here and must agree with
    the document; otherwise (generated input) the document's offset is used, but the lines
    it cuts must still be ``---`` fenced.
    """
    lines = decode_as_a_user_would(path.read_bytes()).split("\n")
    for repair in document.repairs:
        assert lines[repair.line - 1] == repair.before, f"repair of line {repair.line} misreports it"
        lines[repair.line - 1] = repair.after
    offset = document.body_line_offset
    if independent:
        assert offset == front_matter_line_count(lines), path
    elif offset:
        assert _OPENING.match(lines[0]) and _CLOSING.match(lines[offset - 1]), path
    return lines[offset:]


def section_lines(document: Document) -> list[str]:
    return [line for section in document.sections for line in section.markdown.split("\n")]


def assert_nothing_lost(path: Path, document: Document, *, independent: bool = True) -> None:
    """Every non-blank body line lands in exactly one section, in order, unchanged."""
    expected = [line for line in body_lines(path, document, independent=independent) if line.strip()]
    got = [line for line in section_lines(document) if line.strip()]
    if got != expected:
        for number, (a, b) in enumerate(zip(got, expected, strict=False)):
            assert a == b, f"{path}: non-blank line {number + 1} differs: {a!r} != {b!r}"
        assert len(got) == len(expected), f"{path}: {len(got)} lines in sections, {len(expected)} in body"


_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_INLINE_TAGS = frozenset({"sub", "sup"})  # inside a word: "CO<sub>2</sub>" reads "CO2"


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>#|])")


def _words(text: str) -> list[str]:
    """The words of a text, tags left out (``A<sub>1</sub>`` reads "A1"); a Markdown escape
    (``\\<``) reads as the character it shows."""
    text = _TAG.sub(
        lambda tag: "" if tag.group(1).lower() in _INLINE_TAGS else " ", _ESCAPED.sub(r"\1", text)
    )
    return [word.casefold() for word in _WORD.findall(text)]


def _tags_across_lines_blanked(lines: list[str]) -> list[str]:
    """The lines with each tag that spans lines blanked ("<A" and "**>" of "<A\n**>**"):
    a tab's text is read whole, so such a tag is markup there; read line by line, its
    first line looked like text the window lost (found by fuzzing on a newcomer's run)."""
    text = "\n".join(_ESCAPED.sub(r"\1", line) for line in lines)

    def blank(tag: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", tag.group(0)) if "\n" in tag.group(0) else tag.group(0)

    return _TAG.sub(blank, text).split("\n")


def _contains(haystack: list[str], needle: list[str], start: int = 0) -> int:
    """Index just past the first run of ``needle`` in ``haystack`` from ``start``, or -1."""
    size = len(needle)
    for index in range(start, len(haystack) - size + 1):
        if haystack[index : index + size] == needle:
            return index + size
    return -1


def shown_of(shown: Any) -> dict[str, Any]:
    """A ShownPage as ``rxcombo show --json`` lists it (without the rendered HTML)."""
    return {
        "header": [{"label": f.label, "value": f.value} for f in shown.header],
        "tabs": [
            {"title": t.title, "full_title": t.full_title, "kind": t.kind.value, "markdown": t.markdown}
            for t in shown.tabs
        ],
    }


def hidden_lines(
    path: Path, document: Document, shown: dict[str, Any], *, independent: bool = True
) -> list[str]:
    """Body lines whose words the window does not show, in order.

    ``shown`` is what ``rxcombo show --json`` prints (or :func:`shown_of`). Each non-blank
    body line's words must appear, consecutive and in page order, in the tabs' titles and
    texts (the "Whole page" tab, a copy of the others, is not counted), or else within the
    page title or one header field ("Label: value"), which sit above the tabs.
    """
    header = [_words(document.title)] + [_words(f"{f['label']} {f['value']}") for f in shown["header"]]
    stream: list[str] = []
    for tab in shown["tabs"]:
        if tab["kind"] != "whole-page":
            stream += _words(tab["title"]) + _words(tab["full_title"]) + _words(tab["markdown"])
    position = 0
    hidden = []
    lines = body_lines(path, document, independent=independent)
    for line, read in zip(lines, _tags_across_lines_blanked(lines), strict=True):
        words = _words(read)
        if not words or any(_contains(field, words) >= 0 for field in header):
            continue
        found = _contains(stream, words, position)
        if found < 0:
            hidden.append(line)
        else:
            position = found
    return hidden


def assert_nothing_shown_lost(
    path: Path, document: Document, shown: Any, *, independent: bool = True
) -> None:
    """Every non-blank body line's text reaches the window (see :func:`hidden_lines`)."""
    listed = shown if isinstance(shown, dict) else shown_of(shown)
    hidden = hidden_lines(path, document, listed, independent=independent)
    assert hidden == [], f"{path}: {len(hidden)} lines not shown, first {hidden[0]!r}"
