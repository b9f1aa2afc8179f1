"""Lists render as their authors indented them: nested by two, three or four spaces, and a
list indented under a heading is a list, not a code block (invented text)."""

from __future__ import annotations

import pytest

from rxcombo.content.rendering import render_markdown


@pytest.mark.parametrize("indent", [2, 3, 4])
def test_a_nested_list_nests_whatever_its_indentation(indent: int) -> None:
    pad = " " * indent
    text = (
        f"* **Q: Is Testazepam invented?**\n{pad}* **A:** Yes.\n* **Q: Fakeoxetine?**\n{pad}* **A:** Also.\n"
    )
    assert render_markdown(text).replace("\n", "") == (
        "<ul><li><strong>Q: Is Testazepam invented?</strong><ul><li><strong>A:</strong> Yes.</li></ul></li>"
        "<li><strong>Q: Fakeoxetine?</strong><ul><li><strong>A:</strong> Also.</li></ul></li></ul>"
    )


def test_three_levels_by_two_spaces() -> None:
    html = render_markdown("* Adults\n  * Oral\n    * One invented tablet\n* Children\n").replace("\n", "")
    assert (
        html
        == "<ul><li>Adults<ul><li>Oral<ul><li>One invented tablet</li></ul></li></ul></li><li>Children</li></ul>"
    )


def test_an_ordered_list_with_a_nested_bullet() -> None:
    html = render_markdown("1. First invented step\n   * detail\n2. Second\n").replace("\n", "")
    assert html == "<ol><li>First invented step<ul><li>detail</li></ul></li><li>Second</li></ol>"


@pytest.mark.parametrize("above", ["### Side Effects", "**Children:** Invented dosage."])
def test_a_list_indented_four_spaces_under_a_heading_or_paragraph_is_a_list(above: str) -> None:
    html = render_markdown(f"{above}\n    * Invented rash\n    * Invented itch\n")
    assert "<pre>" not in html and "<code>" not in html
    assert "<ul>\n<li>Invented rash</li>\n<li>Invented itch</li>\n</ul>" in html


def test_a_continuation_paragraph_stays_in_its_item() -> None:
    html = render_markdown("* Testazepam\n\n    more about it\n\n* Fakeoxetine\n").replace("\n", "")
    assert html == "<ul><li><p>Testazepam</p><p>more about it</p></li><li><p>Fakeoxetine</p></li></ul>"
