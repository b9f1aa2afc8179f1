"""Section titles made from mark lines: markup between letters reads as a space, as the
view shows it (found by the fuzzer: "# 罛****îú" became one word "罛îú")."""

from __future__ import annotations

import pytest

from rxcombo.content.marks import clean_section_title


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("**FAQs:**", "FAQs"),
        ("A**Usage**", "A Usage"),
        ("Testazepam****Fakeoxetine", "Testazepam Fakeoxetine"),
        ("罛****îú", "罛 îú"),
        ("snake_case", "snake_case"),
        # After or before a subscript the markup reads as a space too (the fuzzer, again:
        # "<sub>2</sub>**It’s" became "<sub>2</sub>It’s", one word "2It").
        ("<sub>2</sub>**It’s", "<sub>2</sub> It’s"),
        ("CO<SUP>2</SUP>__bold__", "CO<SUP>2</SUP> bold"),
        ("It**<sub>2</sub>", "It <sub>2</sub>"),
    ],
)
def test_markup_between_letters_reads_as_a_space(raw: str, title: str) -> None:
    assert clean_section_title(raw) == title
