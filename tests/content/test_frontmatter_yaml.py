"""Front matter read without YAML must read exactly as YAML reads it, or go to YAML."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rxcombo.content.frontmatter_yaml import _FAST_LOADER, _simple_mapping, split_front_matter

# Characters that change what YAML reads, mixed with ordinary ones.
tricky = st.text(alphabet="ab Z9-_:#'\"[]{},&*!|>%@`?~=.+\t\u00e9\u2028\x85", max_size=20)
keys = st.one_of(tricky, st.sampled_from(["title", "layout", "yes", "on", "null", "lastModified", "a-b"]))
values = st.one_of(
    tricky,
    st.sampled_from(["Testazepam + Fakeprofen", "true", "12", "1.5", "2024-01-02", "null", "~", "=", "C# x"]),
)


@settings(max_examples=600, derandomize=True)
@given(st.lists(st.tuples(keys, values), min_size=1, max_size=4))
def test_what_is_read_without_yaml_is_what_yaml_reads(pairs: list[tuple[str, str]]) -> None:
    fm = "\n" + "".join(f"{key}: {value}\n" for key, value in pairs)
    simple = _simple_mapping(fm)
    if simple is None:
        return  # left to YAML
    assert simple == yaml.load(fm, Loader=_FAST_LOADER)


def test_values_yaml_reads_as_other_types_are_left_to_yaml() -> None:
    for value in ("yes", "12", "2024-01-02", "null", "~", "'quoted'", "[a, b]", "a: b", "x # note"):
        assert _simple_mapping(f"\ntitle: {value}\n") is None, value
    assert _simple_mapping("\nyes: Testazepam\n") is None  # a boolean key
    assert _simple_mapping("\ntitle: Testazepam\n  continued\n") is None
    assert _simple_mapping("\ntitle: Testazepam + Fakeprofen\nlayout: page\n") == {
        "title": "Testazepam + Fakeprofen",
        "layout": "page",
    }


def test_corpus_front_matter_reads_the_same_either_way(corpus_dir: Path) -> None:
    read = 0
    for path in sorted(corpus_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        metadata, _body, _first, _lines = split_front_matter(text)
        if text.startswith("---\n"):
            end = text.find("\n---", 3)
            assert metadata == yaml.load(text[3 : end + 1], Loader=_FAST_LOADER), path
            read += 1
    assert read > 6000
