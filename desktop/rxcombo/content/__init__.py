"""A page file -> a Document: decoding, front matter, sections, drug names, rendering, problems;
two pages' tabs side by side (compare). No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify, split_drugs
from rxcombo.content.problems import ContentError, Problem, Severity
from rxcombo.content.rendering import render_markdown
from rxcombo.support.lazy_names import exports

if TYPE_CHECKING:
    from rxcombo.content.decoding import Repair
    from rxcombo.content.reader import is_page_file, read_page
    from rxcombo.content.sections import Section, SectionKind, Structure

# Imported on first use (PEP 562): a warm start unpickles Documents and shows their titles;
# reading and splitting a page's file comes after its first paint.
_WHERE = {
    "Repair": "decoding",
    "Section": "sections",
    "SectionKind": "sections",
    "Structure": "sections",
    "is_page_file": "reader",
    "read_page": "reader",
}
if not TYPE_CHECKING:  # mypy sees the names imported above, and no catch-all __getattr__
    __getattr__, __dir__ = exports(__name__, _WHERE, globals())

__all__ = [
    "ContentError",
    "Document",
    "Problem",
    "Repair",
    "Section",
    "SectionKind",
    "Severity",
    "Structure",
    "fold",
    "is_page_file",
    "read_page",
    "render_markdown",
    "slugify",
    "split_drugs",
]
