"""Front matter parsing through python-frontmatter, made safe for hostile pages.

python-frontmatter's YAML handler uses PyYAML's SafeLoader, which already refuses Python
objects but still expands anchors and aliases: a few hundred bytes of "billion laughs"
YAML become a structure that takes minutes and gigabytes to walk. Real front matter has
no use for aliases, so they are refused outright, and the block's size is capped.

Most pages' front matter is a few ``key: plain text`` lines. Those are read without YAML
(:func:`_simple_mapping`), only when every line is one whose meaning YAML cannot change: a
plain key, a plain value YAML would also read as a string (YAML's own resolver decides: not
``yes``, ``12``, ``2024-01-01`` or ``null``), no quotes, indicators, comments or
continuation lines. Anything else goes to libyaml. Same result, a tenth of the time: it was
the largest part of a cold start at 100,000 pages.
"""

from __future__ import annotations

import re
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

MAX_FRONT_MATTER_BYTES = 64 * 1024


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 1-based, within the front matter block


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise FrontMatterError(
                "front matter uses YAML aliases (*name), which pages never need; refused",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)


_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*")
# A plain scalar's first character may not be an indicator, nor a space.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` \t")


def _plain_string(text: str) -> bool:
    """Whether YAML reads ``text`` (one line, already stripped) as this very string."""
    return (
        bool(text)
        and text[0] not in _INDICATORS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\t" not in text
        and text.isprintable()  # no control characters, nor YAML's own line breaks
        and _yaml_reads_a_string(text)
    )


def _yaml_reads_a_string(text: str) -> bool:
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


def _simple_mapping(fm: str) -> dict[str, str] | None:
    """The mapping of ``key: value`` lines that YAML reads as strings, or None."""
    if "\r" in fm:
        return None
    result: dict[str, str] = {}
    for line in fm.split("\n"):
        if not line:
            continue
        key, colon, value = line.partition(": ")
        value = value.rstrip(" ")
        if not colon or not _SIMPLE_KEY.fullmatch(key) or key in result or not _plain_string(value):
            return None
        if not _yaml_reads_a_string(key):
            return None  # "yes: …" is a boolean key in YAML
        result[key] = value
    return result or None


class SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: Any) -> Any:
        if len(fm.encode("utf-8", "replace")) > MAX_FRONT_MATTER_BYTES:
            raise FrontMatterError(
                f"front matter is larger than {MAX_FRONT_MATTER_BYTES // 1024} KB; refused"
            )
        simple = _simple_mapping(fm)
        if simple is not None:
            return simple
        # Without "&" or "*" there can be no anchor or alias, so libyaml's fast C loader is
        # safe to use; otherwise the pure-Python loader that refuses aliases checks it.
        loader = _FAST_LOADER if "&" not in fm and "*" not in fm else _NoAliasLoader
        try:
            return yaml.load(fm, Loader=loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            raise FrontMatterError(f"invalid YAML in front matter: {exc.problem}", line) from exc
        except yaml.YAMLError as exc:
            raise FrontMatterError(f"invalid YAML in front matter: {exc}") from exc
        except RecursionError as exc:
            raise FrontMatterError("front matter is nested too deeply; refused") from exc


_HANDLER = SafeYAMLHandler()
# The same boundary python-frontmatter uses, minus its greedy trailing whitespace, which
# would swallow blank lines and shift line numbers.
_BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    return bool(_HANDLER.detect(text))


def split_front_matter(text: str) -> tuple[Any, str, int, int]:
    """(metadata as parsed, body, line of the first YAML line, lines before the body).

    Metadata is whatever YAML produced (the caller checks it is a mapping). A page without
    front matter gives ``({}, text, 0, 0)``. Line numbers let problems point into the file.
    """
    if not _HANDLER.detect(text):
        return {}, text, 0, 0
    # The opening is the first line, which detect() accepted; it may end in whitespace that
    # _BOUNDARY does not take ("---\f"), so _BOUNDARY only looks for the closing line, after
    # it. (Taking _BOUNDARY's first match as the opening dropped the lines above it.)
    opening_end = text.find("\n")
    closing = _BOUNDARY.search(text, opening_end + 1) if opening_end != -1 else None
    if closing is None:
        raise FrontMatterError("front matter is not closed by a '---' line", 1)
    fm_text = text[opening_end : closing.start()]
    yaml_first_line = 1
    try:
        metadata = _HANDLER.load(fm_text)
    except FrontMatterError as exc:
        if exc.line is not None:
            exc.line += yaml_first_line - 1
        raise
    body_start = closing.end()
    if body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    return metadata, text[body_start:], yaml_first_line, text.count("\n", 0, body_start)


# Keep python-frontmatter's default handler out of reach by accident.
__all__ = ["FrontMatterError", "frontmatter", "has_front_matter", "split_front_matter"]
