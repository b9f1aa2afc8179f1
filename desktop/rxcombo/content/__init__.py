"""A page file -> a Document: decoding, front matter, sections, drug names, rendering, problems;
two pages' tabs side by side (compare). No Qt."""

from rxcombo.content.decoding import Repair
from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify, split_drugs
from rxcombo.content.problems import ContentError, Problem, Severity
from rxcombo.content.reader import is_page_file, read_page
from rxcombo.content.rendering import render_markdown
from rxcombo.content.sections import Section, SectionKind, Structure

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
