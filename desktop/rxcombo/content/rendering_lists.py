"""Lists as their authors indented them, for Python-Markdown (imported with it, on first render).

Python-Markdown nests a list item only when it is indented by four spaces; pages nest by
two, three or four, and the site rendered them as nested (its renderers follow the
content's column, as CommonMark does). Python-Markdown also reads a list indented four
spaces right under a heading as a code block.

No maintained extension serves: ``mdx_truly_sane_lists`` and ``mdx_better_lists`` take a
single nesting width, and with a width of two they flatten the four-space nesting that
370 corpus pages use (checked by rendering), to fix the 2- and 3-space nesting of 7. So two
small block processors work inside Python-Markdown's own parser, on list blocks only:

* :class:`ListLevels` re-indents a list block's items by nesting level (each deeper
  indentation, whatever its width, is one level of four spaces) before the list
  processors read it; text lines move with their item. Blocks already in steps of four
  are left alone, so it runs once per block.
* :class:`IndentedList` gives a list indented four or more spaces that does not continue a
  list (under a heading or a paragraph) to the list processors, not to the code block.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown.blockprocessors import BlockProcessor

_ITEM = re.compile(r"^(?P<indent> *)(?:[*+-]|\d{1,9}[.)])[ \t]+\S")
_LIST_TAGS = ("ul", "ol")
TAB = 4


def _levels(lines: list[str]) -> list[str] | None:
    """The block with each item's indentation replaced by its nesting level times four;
    None when it already is (or the block does not start with an item)."""
    first = _ITEM.match(lines[0])
    if first is None or len(first.group("indent")) >= TAB:
        return None
    stack: list[int] = []  # indentation of the open levels
    out: list[str] = []
    shift = 0
    changed = False
    for line in lines:
        item = _ITEM.match(line)
        if item is not None:
            indent = len(item.group("indent"))
            while stack and indent < stack[-1]:
                stack.pop()
            if not stack or indent > stack[-1]:
                stack.append(indent)
            shift = (len(stack) - 1) * TAB - indent
        stripped = line.lstrip(" ")
        width = len(line) - len(stripped)
        new = " " * max(0, width + shift) + stripped if stripped else line
        changed = changed or new != line
        out.append(new)
    return out if changed else None


class ListLevels(BlockProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return _ITEM.match(block) is not None and _levels(block.split("\n")) is not None

    def run(self, parent: Element, blocks: list[str]) -> bool:
        leveled = _levels(blocks[0].split("\n"))
        if leveled is None:
            return False
        blocks[0] = "\n".join(leveled)
        return False  # not consumed: the list processors read the re-indented block


class IndentedList(BlockProcessor):
    def test(self, parent: Element, block: str) -> bool:
        item = _ITEM.match(block)
        if item is None or len(item.group("indent")) < TAB or parent.tag == "li":
            return False
        sibling = self.lastChild(parent)
        return sibling is None or sibling.tag not in _LIST_TAGS

    def run(self, parent: Element, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        cut = min(len(line) - len(line.lstrip(" ")) for line in lines if line.strip())
        blocks[0] = "\n".join(line[cut:] for line in lines)
        return False


def register(md: Any) -> None:
    # Before the indent (90) and code (80) processors; the list processors are 50 and 40.
    md.parser.blockprocessors.register(IndentedList(md.parser), "rxcombo_indented_list", 95)
    md.parser.blockprocessors.register(ListLevels(md.parser), "rxcombo_list_levels", 94)
