"""Rendering one hostile section must not change how the next, ordinary one renders."""

from __future__ import annotations

from rxcombo.content.rendering import render_markdown

ORDINARY = "**Generic Name:** Testazepam\n\n**Usage:** Fake text.\n* one\n* two"


def test_a_crash_inside_markdown_does_not_spoil_later_pages() -> None:
    before = render_markdown(ORDINARY)
    assert "<strong>Generic Name:</strong>" in before
    crashed = render_markdown("1. " * 5000)  # Python-Markdown raises inside its list parser
    assert "shown as plain text" in crashed
    assert render_markdown(ORDINARY) == before
