"""Property tests: whatever bytes a page holds, the reader returns a Document or raises
ContentError, never anything else; a Document keeps every line and every tab renders.

``RXCOMBO_FUZZ_EXAMPLES`` sets how many inputs each property tries (default 300).
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from helpers.content import assert_nothing_lost, assert_nothing_shown_lost
from rxcombo.content import ContentError, Document, read_page, render_markdown
from rxcombo.content.shown import shown_page
from rxcombo.dirs import bundled_content_dir
from rxcombo.library import load_library

FUZZ = settings(
    max_examples=int(os.environ.get("RXCOMBO_FUZZ_EXAMPLES", "300")),
    deadline=2000,
    # The autouse fixture that isolates the user's folders is function-scoped; it does not
    # need resetting between examples.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FRAGMENTS = [
    "---", "---\n", "--- \n", "----\n", "title: ", "title: Testazepam\n", "title: Fakeprofen + Mockacillin\n",
    "layout: minimal\n", "nav_exclude: true\n", "- item\n", "a: &x 1\n", "b: *x\n", ": :", "[", "]", "{", "}",
    "# ", "## ", "### ", "#### ", "#", "**", "*", "__", "_", "`", "```\n", "~~~\n", "> ", "* ", "- ", "1. ",
    "**Usage:** ", "**Usage:**\n", "**Testazepam**\n", "**Disclaimer:** ", "**Note:** ",
    "**Side Effects:**\n",
    "\n", "\n\n", "\r\n", "\r", "\t", "    ", "\x00", "\ufeff", "é", "ß", "Ω", "中", "😀", "\u2028", "\x85",
    "Itâ€™s", "Ã©", "<script>alert(1)</script>", "<sub>2</sub>", "<img src=x onerror=y>", "<!--", "-->",
    "[link](javascript:x)", "[link](https://example.com)", "|a|b|\n|-|-|\n", "Testazepam", "Fakeprofen",
    " + ",
]  # fmt: skip

markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
    max_size=60,
).map("".join)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-8":
        return text.encode("utf-8")
    if how == "bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode("cp1252", errors="replace")


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="rxcombo-fuzz-") as folder:
        yield Path(folder)


def check_page(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    try:
        document = read_page(path)
    except ContentError as exc:
        assert exc.path == path
        assert exc.message
        assert exc.line is None or exc.line >= 1
        return
    assert isinstance(document, Document)
    assert document.title and document.title == document.title.strip()
    assert document.drugs and all(drug.strip() == drug and drug for drug in document.drugs)
    assert document.id and len(document.id) <= 80
    for section in document.sections:
        assert section.title and "**" not in section.title and not section.title.endswith(":")
    assert_nothing_lost(path, document)
    assert_nothing_shown_lost(path, document, shown_page(document))
    for tab in document.tabs:
        assert isinstance(render_markdown(tab.body_markdown), str)
    for problem in document.problems:
        assert problem.line is None or problem.line >= 1


@FUZZ
@given(raw=st.binary(max_size=3000))
@example(raw=b"")
@example(raw=b"\xff\xfe\x00")
@example(raw=b"---\n")
@example(raw=b"---\x0c\ntitle: x\n---\nBody\n---\nmore\n")
def test_any_bytes(scratch: Path, raw: bytes) -> None:
    check_page(scratch / "bytes.md", raw)


@FUZZ
@given(text=markdownish, how=st.sampled_from(["utf-8", "bom", "cp1252"]))
@example(text="---\ntitle: Testazepam\n---\n\n# Testazepam\n\n### Part\n\nText.\n", how="utf-8")
@example(text="---\u2028\ntitle: x\n---\nBody\n", how="utf-8")
@example(text="## : :", how="utf-8")  # a title left as ":" once cleaned
def test_markdownish_text(scratch: Path, text: str, how: str) -> None:
    check_page(scratch / "text.md", _encode(text, how))


@FUZZ
@given(
    title=st.text(min_size=1, max_size=40).filter(lambda t: "\n" not in t and "\r" not in t),
    body=markdownish,
)
@example(title="0", body="## <sub>2</sub>**Itâ€™s")  # markup after a subscript, once lost a word break
def test_front_matter_with_any_title(scratch: Path, title: str, body: str) -> None:
    text = f"---\ntitle: {title!r}\n---\n\n{body}\n"
    check_page(scratch / "titled.md", text.encode("utf-8"))


def test_the_loader_survives_a_folder_of_generated_pages(tmp_path: Path) -> None:
    """A deterministic batch through Library.load: bad pages become Problems, nothing raises."""
    import random

    generator = random.Random(20240601)
    for number in range(200):
        pieces = [generator.choice(FRAGMENTS) for _ in range(generator.randint(0, 40))]
        (tmp_path / f"page{number:03d}.md").write_bytes("".join(pieces).encode("utf-8"))
    library = load_library(tmp_path, bodies=True)
    assert len(library.documents) + len(library.errors) == 200
    for document in library.documents:
        assert_nothing_lost(document.path, document)
        assert_nothing_shown_lost(document.path, document, shown_page(document))


def test_bundled_content_dir_finds_the_seeds_in_the_checkout() -> None:
    folder = bundled_content_dir()
    assert folder == ROOT / "data"
    assert sorted(p.name for p in folder.glob("*.txt")) == [
        "000_f700da2292b2d1e1.txt",
        "001_65e329de894d7976.txt",
        "002_fb861b7129483a83.txt",
    ]
    assert len(load_library(folder, bodies=True).documents) == 3
