"""Front matter parsing through python-frontmatter, made safe for hostile pages.

python-frontmatter's YAML handler uses PyYAML's SafeLoader, which already refuses Python
objects but still expands anchors and aliases: a few hundred bytes of "billion laughs"
YAML become a structure that takes minutes and gigabytes to walk. Real front matter has
no use for aliases, so they are refused outright, and the block's size is capped.
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


class SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: Any) -> Any:
        if len(fm.encode("utf-8", "replace")) > MAX_FRONT_MATTER_BYTES:
            raise FrontMatterError(
                f"front matter is larger than {MAX_FRONT_MATTER_BYTES // 1024} KB; refused"
            )
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
