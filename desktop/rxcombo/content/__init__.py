"""The content engine: pages, sections, drug names and rendering. Plain Python, no Qt."""

from rxcombo.content.decoding import Repair
from rxcombo.content.document import Document, is_page_file, read_page
from rxcombo.content.library import Drug, Library, iter_page_files
from rxcombo.content.names import fold, slugify, split_drugs
from rxcombo.content.problems import ContentError, Problem, Severity
from rxcombo.content.rendering import render_markdown
from rxcombo.content.sections import Section, SectionKind, Structure

__all__ = [
    "ContentError",
    "Document",
    "Drug",
    "Library",
    "Problem",
    "Repair",
    "Section",
    "SectionKind",
    "Severity",
    "Structure",
    "fold",
    "is_page_file",
    "iter_page_files",
    "read_page",
    "render_markdown",
    "slugify",
    "split_drugs",
]
