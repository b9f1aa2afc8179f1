"""Section Markdown to safe HTML, rendered only when a page is opened.

Python-Markdown renders; nh3 (the maintained Rust "ammonia" sanitizer) then removes every
tag and attribute outside a small allowlist, so raw HTML in a page (scripts, iframes,
images, styles, event handlers) never reaches the view as markup. Links survive only for
``http``, ``https`` and ``mailto`` and are marked external; the view asks before opening.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from functools import cache
from typing import Any

# Sections larger than this are shown as plain text: Python-Markdown is quadratic on some
# inputs and a reference must never freeze on one page.
MAX_RENDERED_CHARS = 400_000

_LIST_ITEM = re.compile(r"^\s{0,3}([*+-]|\d{1,9}[.)])\s+\S")
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

    class ListSpacing(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            return _list_spacing(lines)

    class ListSpacingExtension(Extension):
        def extendMarkdown(self, md: Any) -> None:
            md.preprocessors.register(ListSpacing(md), "rxcombo_list_spacing", 27)

    return ListSpacingExtension


_local = threading.local()


def _markdown() -> Any:
    """One converter per thread, reset between uses: building one costs ~1 ms, a third of
    rendering a typical section, and Markdown instances are not thread-safe."""
    converter = getattr(_local, "markdown", None)
    if converter is None:
        import markdown

        converter = markdown.Markdown(
            extensions=["sane_lists", "tables", _extension_class()()],
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


_ANCHOR_WITH_HREF = re.compile(r'<a href="')


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
    return _ANCHOR_WITH_HREF.sub(f'<a class="{EXTERNAL_LINK_CLASS}" href="', cleaned)


def plain_text_html(text: str) -> str:
    return f"<pre>{html.escape(text)}</pre>"


def render_markdown(text: str) -> str:
    """Markdown to sanitized HTML. Never raises on page content."""
    if len(text) > MAX_RENDERED_CHARS:
        return (
            "<p><em>This section is too long to format; it is shown as plain text.</em></p>"
            + plain_text_html(text)
        )
    try:
        raw = _markdown().convert(text)
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError, TypeError):
        # Python-Markdown has crashed on crafted input before; the text still shows.
        return (
            "<p><em>This section could not be formatted; it is shown as plain text.</em></p>"
            + plain_text_html(text)
        )
    return sanitize(raw)


def iter_links(rendered_html: str) -> Iterator[str]:
    for match in re.finditer(r'<a [^>]*href="([^"]*)"', rendered_html):
        yield html.unescape(match.group(1))
