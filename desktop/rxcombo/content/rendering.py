"""Section Markdown to safe HTML, rendered only when a page is opened.

Python-Markdown renders, with lists nested as their authors indented them
(:mod:`rxcombo.content.rendering_lists`); nh3 (the maintained Rust "ammonia" sanitizer) then removes every
tag and attribute outside a small allowlist, so raw HTML in a page (scripts, iframes,
images, styles, event handlers) never reaches the view as markup. Links survive only for
``http``, ``https`` and ``mailto`` and are marked external; the view asks before opening.
"""

from __future__ import annotations

import html
import re
import threading
from functools import cache
from typing import Any

# Sections larger than this are shown as plain text: Python-Markdown is quadratic on some
# inputs and a reference must never freeze on one page.
MAX_RENDERED_CHARS = 200_000
MAX_SHOWN_CHARS = 200_000  # a view of 50 MB of text would take seconds to lay out
MAX_BRACKETS = 1_000
MAX_RENDERED_LINES = 2_000  # Python-Markdown is quadratic in lines; real sections have < 100
MAX_NESTING = 64
MAX_TABLE_NESTING = 2  # Qt's HTML import is exponential in nested tables (18 levels: 24 s)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_VOID_TAGS = frozenset({"br", "hr"})
MAX_TAGS = 1_000  # "<" of raw HTML or autolinks; the most on a real page is a few dozen
_DEEP_INDENT = re.compile(r"^[ \t]{200,}\S", re.MULTILINE)

_LIST_ITEM = re.compile(r"^\s*([*+-]|\d{1,9}[.)])\s+\S")
_ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "strong", "em", "b", "i", "sub", "sup", "code", "pre", "blockquote",
        "a", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
EXTERNAL_LINK_CLASS = "external"


def _list_spacing(lines: list[str]) -> list[str]:
    """Separate a list from the paragraph above it.

    Pages often write ``**Usage:** Used to treat:`` directly followed by ``* item``;
    Python-Markdown (unlike CommonMark) then renders the items as one run-on paragraph.
    A blank line between the two keeps what the author meant; no text changes.
    """
    out: list[str] = []
    previous = ""
    for line in lines:
        if (
            _LIST_ITEM.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not previous[:1].isspace()
        ):
            out.append("")
        out.append(line)
        previous = line
    return out


@cache
def _extension_class() -> Any:
    # Markdown and nh3 are imported on the first page opened, not at start-up.
    from markdown.extensions import Extension
    from markdown.preprocessors import Preprocessor

    from rxcombo.content import rendering_lists

    class ListSpacing(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            return _list_spacing(lines)

    class ListSpacingExtension(Extension):
        def extendMarkdown(self, md: Any) -> None:
            md.preprocessors.register(ListSpacing(md), "rxcombo_list_spacing", 27)
            rendering_lists.register(md)

    return ListSpacingExtension


_local = threading.local()


def _markdown() -> Any:
    """One converter per thread, reset between uses: building one costs ~1 ms, a third of
    rendering a typical section, and Markdown instances are not thread-safe."""
    converter = getattr(_local, "markdown", None)
    if converter is None:
        import markdown
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        # Instances, not names: a name makes Markdown scan every installed package's entry
        # points (~150 ms on the first page opened).
        converter = markdown.Markdown(
            extensions=[SaneListExtension(), TableExtension(), _extension_class()()],
            output_format="html",
        )
        _local.markdown = converter
    return converter.reset()


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(_SAFE_SCHEMES) else None
    if tag == "a" and attribute == "class":
        return None  # set below, never taken from the page
    return value


# A whole opening <a> tag (nh3 double-quotes every value; a value may hold ">"): the page's
# attribute order is kept, so href is not always first (<a title=".." href="..">).
_ANCHOR_OPEN = re.compile(r'<a\s(?:[^>"]|"[^"]*")*>')
_HAS_HREF = re.compile(r'\shref="')


def _mark_external(match: re.Match[str]) -> str:
    tag = match.group(0)
    if not _HAS_HREF.search(tag):
        return tag  # its href was removed (javascript:, file:): not a link any more
    return f'<a class="{EXTERNAL_LINK_CLASS}" ' + tag[3:]


def sanitize(raw_html: str) -> str:
    import nh3

    cleaned = nh3.clean(
        raw_html,
        tags=set(_ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in _ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer external",
        strip_comments=True,
    )
    return _ANCHOR_OPEN.sub(_mark_external, cleaned)


def plain_text_html(text: str) -> str:
    """Escaped text; beyond what a reader can use, the rest is named, not shown."""
    if len(text) > MAX_SHOWN_CHARS:
        rest = len(text) - MAX_SHOWN_CHARS
        return (
            f"<pre>{html.escape(text[:MAX_SHOWN_CHARS])}</pre>"
            f"<p><em>… {rest:,} more characters of this section are not shown. "
            "The page file holds them all.</em></p>"
        )
    return f"<pre>{html.escape(text)}</pre>"


def _too_costly(text: str) -> str | None:
    """Why Python-Markdown would take too long on this text, if it would.

    Its inline patterns are superlinear on long runs of brackets and on deep nesting
    (8,000 "[" take ~10 s); no real page comes near these counts.
    """
    if len(text) > MAX_RENDERED_CHARS:
        return "This section is too long to format"
    if text.count("\n") > MAX_RENDERED_LINES:
        return "This section has too many lines to format"
    if text.count("[") > MAX_BRACKETS or text.count("<") > MAX_TAGS:
        return "This section has too much markup to format"
    if _DEEP_INDENT.search(text):
        return "This section is nested too deeply to format"
    return None


def _nesting(markup: str) -> tuple[int, int]:
    """(deepest element nesting, deepest table nesting) of sanitized HTML."""
    depth = tables = deepest = deepest_tables = 0
    for closing, tag in _TAG.findall(markup):
        name = tag.lower()
        if name in _VOID_TAGS:
            continue
        step = -1 if closing else 1
        depth += step
        if name == "table":
            tables += step
        deepest = max(deepest, depth)
        deepest_tables = max(deepest_tables, tables)
    return deepest, deepest_tables


# What :func:`prepare` renders: each construct the pages use (headings, lists, a table,
# emphasis, a link), so the converter's patterns are compiled. Never shown.
_PREPARE_SAMPLE = (
    "# A\n\nB *c* **d** [e](https://example.org)\n\n- f\n    - g\n\n1. h\n\n| i | j |\n|---|---|\n| k | l |\n"
)


def prepare() -> None:
    """Build this thread's converter and compile its patterns before the first page is
    opened: the window calls it once it has painted, and the first Enter then renders as
    fast as any later one (building the converter took ~10 ms of the first page's open)."""
    render_markdown(_PREPARE_SAMPLE)


def render_markdown(text: str) -> str:
    """Markdown to sanitized HTML. Never raises on page content, and never stalls on it."""
    reason = _too_costly(text)
    if reason is not None:
        return f"<p><em>{reason}; it is shown as plain text.</em></p>" + plain_text_html(text)
    try:
        raw = _markdown().convert(text)
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError, TypeError):
        # Python-Markdown has crashed on crafted input before. Its block parser keeps state
        # (e.g. "inside a list") that reset() does not clear, so the converter is thrown
        # away rather than reused half-way through; the text still shows, as plain text.
        _local.markdown = None
        return (
            "<p><em>This section could not be formatted; it is shown as plain text.</em></p>"
            + plain_text_html(text)
        )
    cleaned = sanitize(raw)
    deepest, tables = _nesting(cleaned)
    if deepest > MAX_NESTING or tables > MAX_TABLE_NESTING:
        return (
            "<p><em>This section is nested too deeply to format; it is shown as plain text.</em></p>"
            + plain_text_html(text)
        )
    return cleaned
