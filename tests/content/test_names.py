"""Folded names: the quick path for plain ASCII names gives what the full rule gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rxcombo.content.names import fold, slugify

_SPACES = re.compile(r"\s+")


def _full_rule(text: str) -> str:
    return _SPACES.sub(" ", text.casefold()).strip().rstrip("- ").strip()


@settings(max_examples=2000, derandomize=True)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_names_fold_as_the_full_rule_does(text: str) -> None:
    assert fold(text) == _full_rule(text)


def test_names_a_user_would_meet() -> None:
    assert fold("  Testazepam \t Sodium- ") == "testazepam sodium"
    assert fold("Ácido  Fólico-") == "acido folico"
    assert slugify("Testazepam + Fakeprofen") == "testazepam-fakeprofen"
