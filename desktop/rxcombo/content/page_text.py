"""A whole page as one text, for copying, Markdown export and printing: the title, the
drugs, the header fields, every tab under its full title, and the app's disclaimer line
(a copied or printed page travels without the app around it). No Qt."""

from __future__ import annotations

import html

from rxcombo import wording
from rxcombo.content.document import Document
from rxcombo.content.rendering import render_markdown
from rxcombo.content.shown import ShownPage, TabKind, shown_page


def page_markdown(document: Document, shown: ShownPage | None = None) -> str:
    """The page as Markdown: title, drugs, header fields, every tab under its full title."""
    shown = shown or shown_page(document)
    lines = [f"# {document.title}", "", f"Drugs: {' + '.join(document.drugs)}"]
    lines += [f"{field.label}: {field.value}" for field in shown.header]
    for tab in shown.tabs:
        if tab.kind is TabKind.WHOLE_PAGE:
            continue
        lines += [
            "",
            tab.markdown if tab.kind is TabKind.COMBINED else f"## {tab.full_title}\n\n{tab.markdown}",
        ]
    lines += ["", f"_{wording.APP_DISCLAIMER_LINE}_", ""]
    return "\n".join(lines)


def page_html(document: Document, shown: ShownPage | None = None) -> str:
    shown = shown or shown_page(document)
    parts = [f"<h1>{html.escape(document.title)}</h1>"]
    if shown.banner:
        parts.append(f"<p><b>{html.escape(shown.banner)}</b></p>")
    parts.append(f"<p>Drugs: {html.escape(' + '.join(document.drugs))}</p>")
    parts += [f"<p>{html.escape(f.label)}: {html.escape(f.value)}</p>" for f in shown.header]
    for tab in shown.tabs:
        if tab.kind is TabKind.WHOLE_PAGE:
            continue
        if tab.title == tab.full_title and tab.kind is not TabKind.COMBINED:  # else it heads the text
            parts.append(f"<h2>{html.escape(tab.full_title)}</h2>")
        parts.append(render_markdown(tab.markdown))
    return "".join(parts)
