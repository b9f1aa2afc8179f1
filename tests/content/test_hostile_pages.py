"""A folder of hostile pages: each is read, repaired or refused with a clear report, and the
good pages around them still load."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from helpers.content import assert_nothing_lost, assert_nothing_shown_lost
from rxcombo.cli import main
from rxcombo.content import (
    ContentError,
    Document,
    Problem,
    Severity,
    Structure,
    read_page,
    render_markdown,
)
from rxcombo.content.shown import shown_page
from rxcombo.library import Library, load_library

# ---------------------------------------------------------------------------- the pages

LF_PAGE = (
    "---\n"
    "title: {title}\n"
    "layout: minimal\n"
    "---\n"
    "\n"
    "# {title}\n"
    "Intro line about a fake drug.\n"
    "\n"
    "### Testazepam\n"
    "\n"
    "**Usage:** Calms fake nerves.\n"
    "\n"
    "### Fakeprofen\n"
    "\n"
    "**Usage:** Soothes fake pain.\n"
    "* fake headache\n"
    "* fake backache\n"
    "\n"
    "**Disclaimer:** Not a real drug.\n"
)

H2_PAGE = """\
---
title: Headazepam
---

# Headazepam

Overview text.

## Uses

Used for tests.

### Adults

Adult dose: none.

### Children

Never.

## Risks

**Warning:** fake risk.

### Rare

Very rare fake risk.
"""

LABELS_PAGE = """\
---
title: Labelazepam
---

# Labelazepam

A page whose parts are led by bold labels.

**Generic Name:** Labelazepam

**Usage:** Treats imaginary insomnia.
Second line of the same paragraph.

**Side Effects:**
* fake drowsiness
* fake yawning

**How it Works:** It does not.

**Disclaimer:** Entirely fictional.
"""

BOLD_LINES_PAGE = """\
---
title: Testazepam + Mockacillin
---

# Testazepam + Mockacillin

Two fake drugs, each under a bold line.

**Testazepam**

**Usage:** Calms.

**Side Effects:**
* fake calm

**Mockacillin**

**Usage:** Kills fake germs.

**Taking Both Together:**

Do not, they are fake.

**Note:** Made up for a test.
"""

TWELVE = [
    "Alphafake",
    "Betafake",
    "Gammafake",
    "Deltafake",
    "Epsilonfake",
    "Zetafake",
    "Etafake",
    "Thetafake",
    "Iotafake",
    "Kappafake",
    "Lambdafake",
    "Mufake",
]

RAW_HTML_PAGE = """\
---
title: Htmlazepam
---

# Htmlazepam

Intro <script>alert("pwned-inline")</script> text.

<script>
document.write("pwned-block")
</script>

<iframe src="https://example.com/frame"></iframe>

<img src="https://example.com/x.png" onerror="alert(1)">

<p onclick="alert(2)" style="color:red">Clickable paragraph</p>

<style>body { display: none }</style>

[bad link](javascript:alert(3)) and [file link](file:///etc/passwd) and
[good link](https://example.com/info) and [mail us](mailto:fake@example.com)

<!-- <img src="https://example.com/hidden.png"> -->

See <a title="Fake info" href="https://example.com/titled" onclick="steal()">titled link</a>.

H<sub>2</sub>O and x<sup>2</sup><br>line <em>em</em> <strong>strong</strong> <b>bee</b> <i>eye</i>

**Usage:** treats fake things:
* first fake thing
* second fake thing
"""

ALIAS_BOMB = (
    "---\n"
    "title: Bombazepam\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "---\n\nBody.\n"
)

BIG_PARAGRAPH = "Bigazepam is a fake drug used only by tests; **nothing** here is *real*.\n\n"
BIG_SIZE = 5 * 1024 * 1024
LONG_TITLE = "Longazepam " * 9_091  # 100,001 characters

# Pages that must load (relative path -> expected title).
GOOD = {
    "no_front_matter.md": "Nofrontazepam",
    "plain.markdown": "Markdownazepam",
    "latin1.md": "Latinazepam",
    "crlf.md": "Crlfazepam",
    "bom.md": "Bomazepam",
    "h2_with_h3.md": "Headazepam",
    "labels.md": "Labelazepam",
    "bold_lines.md": "Testazepam + Mockacillin",
    "twelve.md": " + ".join(TWELVE),
    "raw_html.md": "Htmlazepam",
    "big.md": "Bigazepam",
    "with_front_matter.txt": "Txtazepam",
    "nested/deeper/nested_page.md": "Nestazepam",
    "yaml_list.md": "Listazepam",
    "empty_title.md": "Emptytitlazepam",
    "untitled-fakeprofen-notes.md": "Untitled Fakeprofen Notes",
    "duplicate_a.md": "Duplicazepam",
    "sub/duplicate_b.md": "Duplicazepam",
    "long_title.md": None,  # shortened; checked on its own
}
# Pages that must be refused (relative path -> (line or None, words in the message)).
BAD: dict[str, tuple[int | None, str]] = {
    "bad_yaml.md": (3, "invalid YAML"),
    "empty.md": (None, "empty"),
    "whitespace_only.md": (None, "empty"),
    "binary.md": (3, "binary"),
    "alias_bomb.md": (4, "alias"),
    "not_closed.md": (1, "not closed"),
}
# Files that are not pages at all.
IGNORED = ["SOURCE.txt", ".hidden.md", ".git/HEAD.md", "notes.txt"]


def write_hostile_folder(root: Path) -> Path:
    def put(relative: str, content: str | bytes) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)

    put("no_front_matter.md", "# Nofrontazepam\n\nA page without front matter.\n\n### Usage\n\nNone.\n")
    put("plain.markdown", "# Markdownazepam\n\nA .markdown page without front matter.\n")
    put(
        "bad_yaml.md",
        "---\nlayout: minimal\ntitle: Badyamlazepam: extra: colons\n---\n\n# Badyamlazepam\n\nBody.\n",
    )
    put("empty.md", b"")
    put("whitespace_only.md", "   \n\t\n\n  ")
    put("binary.md", b"# Binazepam\n\nsome text\x00\x01\x02\xff\x00 more\n")
    put(
        "latin1.md",
        b"---\ntitle: Latinazepam\n---\n\n# Latinazepam\n\nTaken at the caf\xe9 after lunch.\n",
    )
    put("crlf.md", LF_PAGE.format(title="Crlfazepam").replace("\n", "\r\n"))
    put("bom.md", "\ufeff" + LF_PAGE.format(title="Bomazepam"))
    put("h2_with_h3.md", H2_PAGE)
    put("labels.md", LABELS_PAGE)
    put("bold_lines.md", BOLD_LINES_PAGE)
    put(
        "twelve.md",
        f"---\ntitle: {' + '.join(TWELVE)}\n---\n\n# {' + '.join(TWELVE)}\n\nA dozen fake drugs.\n",
    )
    put("raw_html.md", RAW_HTML_PAGE)
    big_body = BIG_PARAGRAPH * (BIG_SIZE // len(BIG_PARAGRAPH) + 1)
    put(
        "big.md",
        "---\ntitle: Bigazepam\n---\n\n# Bigazepam\n\nSmall intro.\n\n### Everything\n\n"
        + big_body
        + "### Afterword\n\nShort.\n",
    )
    put("SOURCE.txt", "Source: a fake place\nLicense: fake terms\n")
    put("notes.txt", "# Notes\n\nA markdown-looking text file without front matter.\n")
    put("with_front_matter.txt", "---\ntitle: Txtazepam\n---\n\nA .txt page with front matter.\n")
    put("nested/deeper/nested_page.md", "---\ntitle: Nestazepam\n---\n\nDeep down.\n")
    put(".hidden.md", "---\ntitle: Hiddenazepam\n---\n\nHidden.\n")
    put(".git/HEAD.md", "---\ntitle: Gitazepam\n---\n\nHidden folder.\n")
    put("yaml_list.md", "---\n- one\n- two\n---\n\n# Listazepam\n\nFront matter is a list.\n")
    put("alias_bomb.md", ALIAS_BOMB)
    put("not_closed.md", "---\ntitle: Openazepam\n\n# Openazepam\n\nThe front matter never ends.\n")
    put("long_title.md", f"---\nlayout: minimal\n---\n\n# {LONG_TITLE}\n\nA page with a very long title.\n")
    put("empty_title.md", "---\ntitle: ''\n---\n\n# Emptytitlazepam\n\nTitle comes from the heading.\n")
    put("untitled-fakeprofen-notes.md", "---\nlayout: minimal\n---\n\nNo title anywhere.\n")
    put("duplicate_a.md", "---\ntitle: Duplicazepam\n---\n\nFirst copy.\n")
    put("sub/duplicate_b.md", "---\ntitle: Duplicazepam\n---\n\nSecond copy.\n")
    return root


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_folder(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_library(hostile_dir: Path) -> Library:
    return load_library(hostile_dir, bodies=True)


def _doc(library: Library, relative: str) -> Document:
    path = library.root / relative
    found = [d for d in library.documents if d.path == path]
    assert len(found) == 1, f"{relative} was not loaded as one page"
    return found[0]


def _problems(library: Library, relative: str) -> list[Problem]:
    return [p for p in library.problems if p.path == library.root / relative]


# ---------------------------------------------------------------------------- the library


def test_good_pages_load_and_bad_ones_do_not(hostile_library: Library) -> None:
    loaded = sorted(d.path.relative_to(hostile_library.root).as_posix() for d in hostile_library.documents)
    assert loaded == sorted(GOOD)


def test_every_loaded_page_keeps_every_line(hostile_library: Library) -> None:
    for document in hostile_library.documents:
        assert_nothing_lost(document.path, document)


def test_every_loaded_page_shows_every_line(hostile_library: Library) -> None:
    for document in hostile_library.documents:
        assert_nothing_shown_lost(document.path, document, shown_page(document))


@pytest.mark.parametrize("relative", sorted(k for k, v in GOOD.items() if v is not None))
def test_good_page_titles(hostile_library: Library, relative: str) -> None:
    assert _doc(hostile_library, relative).title == GOOD[relative]


@pytest.mark.parametrize("relative", sorted(BAD))
def test_bad_page_is_reported_with_file_line_and_reason(hostile_library: Library, relative: str) -> None:
    line, words = BAD[relative]
    problems = _problems(hostile_library, relative)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.severity is Severity.ERROR
    assert problem.line == line
    assert words.lower() in problem.message.lower()
    assert problem in hostile_library.errors


def test_errors_are_only_the_bad_pages(hostile_library: Library) -> None:
    root = hostile_library.root
    assert sorted(p.path.relative_to(root).as_posix() for p in hostile_library.errors) == sorted(BAD)


def test_warnings_are_only_the_repaired_or_guessed_pages(hostile_library: Library) -> None:
    root = hostile_library.root
    assert sorted(p.path.relative_to(root).as_posix() for p in hostile_library.warnings) == sorted(
        [
            "latin1.md",
            "yaml_list.md",
            "long_title.md",
            "untitled-fakeprofen-notes.md",
            "sub/duplicate_b.md",
        ]
    )


def test_files_that_are_not_pages_are_not_read(hostile_library: Library) -> None:
    root = hostile_library.root
    touched = {d.path for d in hostile_library.documents} | {p.path for p in hostile_library.problems}
    for relative in IGNORED:
        assert root / relative not in touched
    assert hostile_library.files_seen == len(GOOD) + len(BAD)


def test_progress_reports_every_page_file(hostile_dir: Path) -> None:
    calls: list[tuple[int, int]] = []
    load_library(hostile_dir, lambda done, total: calls.append((done, total)), bodies=True)
    total = len(GOOD) + len(BAD)
    assert calls == [(n, total) for n in range(1, total + 1)]


def test_a_missing_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere", bodies=True)
    assert library.documents == []
    assert len(library.errors) == 1


# ---------------------------------------------------------------------------- page by page


def test_bad_yaml_line_points_at_the_broken_line_in_the_file(hostile_dir: Path) -> None:
    path = hostile_dir / "bad_yaml.md"
    with pytest.raises(ContentError) as caught:
        read_page(path)
    assert caught.value.line == 3
    assert "Badyamlazepam: extra" in path.read_text().split("\n")[caught.value.line - 1]
    assert str(caught.value).startswith(f"{path}:3: error: invalid YAML")


def test_no_front_matter_md_is_a_page_titled_by_its_heading(hostile_library: Library) -> None:
    document = _doc(hostile_library, "no_front_matter.md")
    assert document.metadata == {}
    assert [t.title for t in document.tabs] == ["Overview", "Usage"]
    assert "# Nofrontazepam" not in document.tabs[0].body_markdown  # shown as the title only
    assert _problems(hostile_library, "no_front_matter.md") == []


def test_latin1_bytes_are_read_and_reported(hostile_library: Library) -> None:
    document = _doc(hostile_library, "latin1.md")
    assert "Taken at the café after lunch." in document.sections[0].markdown
    [problem] = _problems(hostile_library, "latin1.md")
    assert problem.severity is Severity.WARNING
    assert problem.line == 7
    assert "UTF-8" in problem.message and "0xe9" in problem.message


@pytest.mark.parametrize(("relative", "title"), [("crlf.md", "Crlfazepam"), ("bom.md", "Bomazepam")])
def test_crlf_and_bom_read_like_plain_lf(
    hostile_library: Library, tmp_path: Path, relative: str, title: str
) -> None:
    twin_path = tmp_path / "twin.md"
    twin_path.write_text(LF_PAGE.format(title=title), encoding="utf-8", newline="\n")
    twin = read_page(twin_path)
    document = _doc(hostile_library, relative)
    assert _problems(hostile_library, relative) == []
    assert document.title == title
    assert document.metadata == {"title": title, "layout": "minimal"}
    assert [(s.title, s.markdown) for s in document.sections] == [
        (s.title, s.markdown) for s in twin.sections
    ]
    assert [t.title for t in document.tabs] == ["Overview", "Testazepam", "Fakeprofen", "Disclaimer"]
    assert all("\r" not in s.markdown and "\ufeff" not in s.markdown for s in document.sections)


def test_h2_pages_split_at_h2_only(hostile_library: Library) -> None:
    document = _doc(hostile_library, "h2_with_h3.md")
    assert document.structure is Structure.HEADINGS
    assert [t.title for t in document.tabs] == ["Overview", "Uses", "Risks"]
    tabs = {t.title: t for t in document.tabs}
    assert "### Adults" in tabs["Uses"].markdown and "### Children" in tabs["Uses"].markdown
    assert "**Warning:** fake risk." in tabs["Risks"].markdown  # labels stay inside heading sections
    assert "### Rare" in tabs["Risks"].markdown


def test_bold_label_paragraphs_are_sections(hostile_library: Library) -> None:
    document = _doc(hostile_library, "labels.md")
    assert document.structure is Structure.LABELS
    assert [t.title for t in document.tabs] == [
        "Overview",
        "Generic Name",
        "Usage",
        "Side Effects",
        "How it Works",
        "Disclaimer",
    ]
    usage = next(t for t in document.tabs if t.title == "Usage")
    assert "Second line of the same paragraph." in usage.markdown


def test_bold_lines_split_and_colon_lines_too(hostile_library: Library) -> None:
    document = _doc(hostile_library, "bold_lines.md")
    assert document.structure is Structure.BOLD_LINES
    assert [t.title for t in document.tabs] == [
        "Overview",
        "Testazepam",
        "Mockacillin",
        "Taking Both Together",
        "Note",
    ]
    testazepam = next(t for t in document.tabs if t.title == "Testazepam")
    assert "**Side Effects:**" in testazepam.markdown  # a drug's own field stays inside


def test_section_titles_are_clean_everywhere(hostile_library: Library) -> None:
    for document in hostile_library.documents:
        for section in document.sections:
            assert section.title.strip()
            assert "**" not in section.title
            assert not section.title.endswith(":")


def test_twelve_drugs_in_a_title(hostile_library: Library) -> None:
    document = _doc(hostile_library, "twelve.md")
    assert document.drugs == TWELVE
    assert document.id == "-".join(name.lower() for name in TWELVE)[:80].rstrip("-")


def test_raw_html_never_reaches_the_view_as_markup(hostile_library: Library) -> None:
    document = _doc(hostile_library, "raw_html.md")
    html = "\n".join(render_markdown(tab.body_markdown) for tab in document.tabs)
    lowered = html.lower()
    for banned in ("<script", "pwned", "<iframe", "<img", "<style", "display: none", "onclick",
                   "onerror", "style=", "javascript:", "file:", "hidden.png", "<!--"):  # fmt: skip
        assert banned not in lowered, banned
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", html))
    assert tags <= {"p", "br", "ul", "li", "a", "sub", "sup", "em", "strong", "b", "i", "h1", "h3"}
    for kept in ("H<sub>2</sub>O", "x<sup>2</sup>", "<br", "<em>em</em>", "<strong>strong</strong>",
                 "<b>bee</b>", "<i>eye</i>", "Clickable paragraph"):  # fmt: skip
        assert kept in html, kept
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == [
        "https://example.com/info",
        "mailto:fake@example.com",
        "https://example.com/titled",
    ]
    for anchor in re.findall(r"<a\s[^>]*>", html):
        assert ("href=" in anchor) == ('class="external"' in anchor), anchor


def test_list_right_after_a_label_line_is_a_list(hostile_library: Library) -> None:
    document = _doc(hostile_library, "raw_html.md")
    html = render_markdown(document.tabs[-1].body_markdown)
    assert re.search(r"<ul>\s*<li>first fake thing</li>\s*<li>second fake thing</li>\s*</ul>", html)


def test_five_megabyte_page_loads_in_sections_and_renders(hostile_library: Library) -> None:
    document = _doc(hostile_library, "big.md")
    assert document.path.stat().st_size > BIG_SIZE
    assert [t.title for t in document.tabs] == ["Overview", "Everything", "Afterword"]
    big = document.tabs[1].body_markdown
    assert len(big) > BIG_SIZE - 100
    started = time.monotonic()
    html = render_markdown(big)
    assert time.monotonic() - started < 20
    assert "Bigazepam is a fake drug" in html
    assert "<script" not in html
    assert render_markdown(document.tabs[2].body_markdown) == "<p>Short.</p>"


def test_txt_with_front_matter_is_a_page_and_without_is_not(hostile_library: Library) -> None:
    assert _doc(hostile_library, "with_front_matter.txt").title == "Txtazepam"
    paths = {d.path.name for d in hostile_library.documents}
    assert "SOURCE.txt" not in paths and "notes.txt" not in paths


def test_nested_page_is_found(hostile_library: Library) -> None:
    assert _doc(hostile_library, "nested/deeper/nested_page.md").id == "nestazepam"


def test_front_matter_list_loads_with_a_warning(hostile_library: Library) -> None:
    document = _doc(hostile_library, "yaml_list.md")
    assert document.metadata == {}
    [problem] = _problems(hostile_library, "yaml_list.md")
    assert problem.severity is Severity.WARNING
    assert "list" in problem.message and "mapping" in problem.message


def test_alias_bomb_is_refused_quickly_and_clearly(hostile_dir: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ContentError) as caught:
        read_page(hostile_dir / "alias_bomb.md")
    assert time.monotonic() - started < 5
    assert "alias" in caught.value.message.lower()
    assert "refused" in caught.value.message.lower()


def test_front_matter_not_closed_is_refused(hostile_dir: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_page(hostile_dir / "not_closed.md")
    assert caught.value.line == 1
    assert "---" in caught.value.message


def test_long_title_is_shortened_with_a_warning(hostile_library: Library) -> None:
    document = _doc(hostile_library, "long_title.md")
    assert len(LONG_TITLE.strip()) >= 100_000
    assert 0 < len(document.title) <= 300
    assert document.title.startswith("Longazepam Longazepam")
    assert len(document.id) <= 80
    [problem] = _problems(hostile_library, "long_title.md")
    assert problem.severity is Severity.WARNING
    assert "shortened" in problem.message


def test_long_front_matter_title_is_shortened_too(tmp_path: Path) -> None:
    """60 KB: under the front matter size cap (64 KB; larger front matter is refused, so a
    100 KB title loads only from the heading, as in long_title.md)."""
    path = tmp_path / "front.md"
    path.write_text(f"---\ntitle: {'Frontazepam ' * 5_000}\n---\n\nBody.\n")
    document = read_page(path)
    assert 0 < len(document.title) <= 300
    assert document.title.startswith("Frontazepam Frontazepam")
    assert [p.severity for p in document.problems] == [Severity.WARNING]
    assert "shortened" in document.problems[0].message


def test_empty_title_falls_back_to_the_heading(hostile_library: Library) -> None:
    assert _problems(hostile_library, "empty_title.md") == []


def test_no_title_anywhere_is_named_after_the_file(hostile_library: Library) -> None:
    document = _doc(hostile_library, "untitled-fakeprofen-notes.md")
    assert document.title == "Untitled Fakeprofen Notes"
    [problem] = _problems(hostile_library, "untitled-fakeprofen-notes.md")
    assert problem.severity is Severity.WARNING
    assert "title" in problem.message


def test_duplicate_titles_get_distinct_stable_ids(hostile_library: Library, hostile_dir: Path) -> None:
    first = _doc(hostile_library, "duplicate_a.md")
    second = _doc(hostile_library, "sub/duplicate_b.md")
    assert first.id == "duplicazepam"
    assert second.id != first.id and second.id.startswith("duplicazepam-")
    [problem] = _problems(hostile_library, "sub/duplicate_b.md")
    assert "duplicate" in problem.message and "duplicate_a.md" in problem.message
    assert hostile_library.get(first.id) is first and hostile_library.get(second.id) is second

    again = load_library(hostile_dir, bodies=True)
    assert {d.path: d.id for d in again.documents} == {d.path: d.id for d in hostile_library.documents}


def test_all_ids_are_unique(hostile_library: Library) -> None:
    ids = [d.id for d in hostile_library.documents]
    assert len(ids) == len(set(ids))


def test_every_tab_of_every_page_renders(hostile_library: Library) -> None:
    for document in hostile_library.documents:
        for tab in document.tabs:
            assert isinstance(render_markdown(tab.body_markdown), str)


def test_heading_with_a_long_run_of_spaces_does_not_stall(tmp_path: Path) -> None:
    """Regression: heading regexes backtracked cubically (2,000 inner spaces took 15 s)."""
    path = tmp_path / "spaces.md"
    path.write_text("# Spaceazepam" + " " * 2_500 + "x\n\n### Part" + " " * 2_500 + "y\n\nBody.\n")
    started = time.monotonic()
    document = read_page(path)
    assert time.monotonic() - started < 5
    assert document.title.startswith("Spaceazepam") and document.title.endswith("x")
    assert [t.title for t in document.tabs][-1].startswith("Part")
    assert_nothing_lost(path, document)


def test_a_file_that_cannot_be_read_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_page(tmp_path / "vanished.md")
    assert "cannot read" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_page_is_reported_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("---\ntitle: Goodazepam\n---\n\nBody.\n")
    locked = tmp_path / "locked.md"
    locked.write_text("---\ntitle: Lockazepam\n---\n\nBody.\n")
    locked.chmod(0)
    try:
        library = load_library(tmp_path, bodies=True)
    finally:
        locked.chmod(0o644)
    assert [d.title for d in library.documents] == ["Goodazepam"]
    assert [(p.path, p.severity) for p in library.problems] == [(locked, Severity.ERROR)]


def test_symlink_loops_do_not_repeat_or_stall(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("---\ntitle: Loopazepam\n---\n\nBody.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.md").write_text("---\ntitle: Innerazepam\n---\n\nBody.\n")
    try:
        (tmp_path / "self").symlink_to(".")
        (tmp_path / "sub" / "up").symlink_to("..")
    except OSError:
        pytest.skip("symlinks not available")
    started = time.monotonic()
    library = load_library(tmp_path, bodies=True)
    assert time.monotonic() - started < 10
    assert sorted(d.title for d in library.documents) == ["Innerazepam", "Loopazepam"]
    assert library.problems == []


# ---------------------------------------------------------------------------- the CLI


def test_check_reports_bad_pages_and_exits_1(hostile_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(hostile_dir)]) == 1
    lines = capsys.readouterr().out.splitlines()
    for relative, (line, words) in BAD.items():
        where = f"{relative}:{line}" if line is not None else relative
        matching = [x for x in lines if x.startswith(f"{where}: error: ")]
        assert len(matching) == 1, (relative, lines)
        assert words.lower() in matching[0].lower()
    assert any(x.startswith("latin1.md:7: warning: ") for x in lines)
    assert re.fullmatch(
        rf"{len(GOOD)} pages, \d+ sections, \d+ drugs, 5 warnings, {len(BAD)} errors", lines[-1]
    ), lines[-1]


def test_check_json_on_hostile_folder(hostile_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["check", str(hostile_dir), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["totals"]["pages"] == len(GOOD)
    assert report["totals"]["errors"] == len(BAD)
    by_path = {Path(page["path"]).relative_to(hostile_dir).as_posix(): page for page in report["pages"]}
    assert sorted(by_path) == sorted(GOOD)
    latin = by_path["latin1.md"]
    assert latin["title"] == "Latinazepam"
    assert [p.split(": ")[0] for p in latin["problems"]] == ["latin1.md:7"]
