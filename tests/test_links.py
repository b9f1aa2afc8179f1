"""rxcombo: links and ``rxcombo open`` text: valid forms, malformed and hostile ones (a clear
LinkError, never a crash, never a path), links made for pages, and what opening does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rxcombo import wording
from rxcombo.library import Library, load_library
from rxcombo.links import (
    MAX_LINK_LENGTH,
    LinkError,
    OpenPlan,
    OpenRequest,
    RequestKind,
    link_for_combos,
    link_for_page,
    link_for_search,
    parse_link,
    plan_open,
    request_for,
)

TITLES = ["Testazepam", "Fakeprofen", "Testazepam + Fakeprofen", "Mockacillin", "Sodium Fakeride"]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("links") / "pages"
    root.mkdir()
    for number, title in enumerate(TITLES):
        (root / f"p{number}.md").write_text(f"---\ntitle: {title}\n---\n\nMade-up text.\n", encoding="utf-8")
    return load_library(root, cache_dir=root.parent / "cache")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("rxcombo:page/alprazolam-imipramine", OpenRequest(RequestKind.PAGE, "alprazolam-imipramine")),
        ("rxcombo://page/alprazolam-imipramine/", OpenRequest(RequestKind.PAGE, "alprazolam-imipramine")),
        ("RxCombo:Page/testazepam#section", OpenRequest(RequestKind.PAGE, "testazepam")),
        ("rxcombo:page/%CE%B1%CE%B2-2", OpenRequest(RequestKind.PAGE, "αβ-2")),
        (
            "rxcombo:search?q=alprazolam%20sertraline",
            OpenRequest(RequestKind.SEARCH, "alprazolam sertraline"),
        ),
        (
            "rxcombo:search?q=alprazolam+sertraline&x=1",
            OpenRequest(RequestKind.SEARCH, "alprazolam sertraline"),
        ),
        ("rxcombo:search?q=%20a%0Ab%09", OpenRequest(RequestKind.SEARCH, "a b")),
        ("rxcombo:combos?drugs=a,b,c", OpenRequest(RequestKind.COMBOS, drugs=("a", "b", "c"))),
        (
            "rxcombo:combos?drugs=Aceclofenac%20%2B%20Paracetamol,,sodium+chloride,a",
            OpenRequest(RequestKind.COMBOS, drugs=("Aceclofenac + Paracetamol", "sodium chloride", "a")),
        ),
        (
            "rxcombo:combos?drugs=C1%20Esterase%20Inhibitor%2C%20Human,a,a",
            OpenRequest(RequestKind.COMBOS, drugs=("C1 Esterase Inhibitor, Human", "a")),
        ),
    ],
)
def test_valid_links(url: str, expected: OpenRequest) -> None:
    assert parse_link(url) == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("rxcombo:page/../../etc/passwd", "is not a page id"),
        ("rxcombo:page/..%2F..%2Fetc%2Fpasswd", "is not a page id"),
        ("rxcombo:page/%2e%2e", "is not a page id"),
        ("rxcombo:page//etc/passwd", "is not a page id"),
        ("rxcombo:page/C:%5CWindows%5Cwin.ini", "is not a page id"),
        ("rxcombo:page/a_b", "is not a page id"),
        ("rxcombo:page/", "is empty"),
        ("rxcombo:page/%00", "is empty"),
        ("rxcombo:search?q=%ff%fe", "not UTF-8"),
        ("rxcombo:page/%C3%28", "not UTF-8"),
        ("rxcombo:combos?drugs=%ED%A0%80", "not UTF-8"),  # an encoded surrogate
        ("rxcombo:search", "is empty"),
        ("rxcombo:search?q=", "is empty"),
        ("rxcombo:combos?drugs=,,,", "names no drugs"),
        ("rxcombo:combos?drugs=" + ",".join(["a"] * 101), "at most 100"),
        ("rxcombo:search?q=" + "a" * 1001, "too long"),
        ("rxcombo:page/" + "a" * 5000, "too long"),
        ("rxcombo:" + "%" * (MAX_LINK_LENGTH + 1), "too long"),
        ("rxcombo:delete?all=1", "Unknown RxCombo link"),
        ("rxcombo:", "Unknown RxCombo link"),
        ("javascript:alert(1)", "Not an RxCombo link"),
        ("JavaScript:rxcombo:page/x", "Not an RxCombo link"),
        ("file:///etc/passwd", "Not an RxCombo link"),
        ("http://example.com/rxcombo:page/x", "Not an RxCombo link"),
        ("data:text/html,<script>alert(1)</script>", "Not an RxCombo link"),
        ("rxcombo-page/x", "Not an RxCombo link"),
        ("", "Not an RxCombo link"),
    ],
)
def test_malformed_and_hostile_links_say_what_is_wrong(url: str, words: str) -> None:
    with pytest.raises(LinkError) as caught:
        parse_link(url)
    message = str(caught.value)
    assert words in message
    assert len(message) < 300  # a huge link is not echoed back whole
    assert "\n" not in message and "\x00" not in message


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_request_or_a_link_error(text: str) -> None:
    for candidate in (text, "rxcombo:" + text, "rxcombo:page/" + text, "rxcombo:combos?drugs=" + text):
        try:
            request = request_for(candidate)
        except LinkError:
            continue
        assert request.text == request.text.strip()
        if request.kind is RequestKind.PAGE:
            assert "/" not in request.text and "." not in request.text and "\\" not in request.text


def test_plain_text_is_looked_up_and_cleaned() -> None:
    assert request_for("  alprazolam\n sertraline\x00") == OpenRequest(
        RequestKind.LOOKUP, "alprazolam sertraline"
    )
    assert request_for("../../etc/passwd") == OpenRequest(RequestKind.LOOKUP, "../../etc/passwd")
    assert request_for(" rxcombo:page/testazepam") == OpenRequest(RequestKind.PAGE, "testazepam")
    for url in ("https://example.com/x", "file:///etc/passwd", " JavaScript:alert(1)", "data:text/html,x"):
        with pytest.raises(LinkError, match="Not an RxCombo link"):
            request_for(url)
    assert request_for("sodium chloride: 0.9%").kind is RequestKind.LOOKUP
    for empty in ("", " \n\t", "\u200b\u202e"):
        with pytest.raises(LinkError, match="empty"):
            request_for(empty)
    with pytest.raises(LinkError, match="too long"):
        request_for("a" * 1001)
    with pytest.raises(LinkError, match="not UTF-8"):
        request_for("testazepam \udcff")  # what Python makes of a command line's invalid bytes


def test_links_made_here_read_back_the_same() -> None:
    assert link_for_page("alprazolam-imipramine") == "rxcombo:page/alprazolam-imipramine"
    assert link_for_search("alprazolam sertraline") == "rxcombo:search?q=alprazolam%20sertraline"
    drugs = ("C1 Esterase Inhibitor, Human", "Aceclofenac + Paracetamol", "Ácido Fólico")
    assert parse_link(link_for_combos(drugs)).drugs == drugs
    assert parse_link(link_for_search("a+b & c=d")).text == "a+b & c=d"
    assert parse_link(link_for_page("αβγ-2")).text == "αβγ-2"
    for request in (
        OpenRequest(RequestKind.PAGE, "testazepam"),
        OpenRequest(RequestKind.SEARCH, "testaz fake"),
        OpenRequest(RequestKind.COMBOS, drugs=drugs),
        OpenRequest(RequestKind.LOOKUP, "testazepam fakeprofen"),
    ):
        assert request_for(request.message_text()) == request


@pytest.mark.corpus
def test_every_corpus_page_id_makes_a_link_that_reads_back(corpus_dir: Path) -> None:
    library = load_library(corpus_dir)
    for document in library.documents:
        assert parse_link(link_for_page(document.id)) == OpenRequest(RequestKind.PAGE, document.id)


def test_what_opening_does(library: Library) -> None:
    page = OpenRequest(RequestKind.PAGE, "testazepam-fakeprofen")
    assert plan_open(library, page) == OpenPlan(page_id="testazepam-fakeprofen")
    assert plan_open(library, OpenRequest(RequestKind.PAGE, "Testazepam-Fakeprofen")).page_id == page.text
    missing = plan_open(library, OpenRequest(RequestKind.PAGE, "testazepam-mockacillin"))
    assert missing == OpenPlan(
        query="testazepam mockacillin", notice=wording.no_page_with_id("testazepam-mockacillin")
    )
    assert plan_open(library, OpenRequest(RequestKind.SEARCH, "testaz")) == OpenPlan(query="testaz")
    combos = OpenRequest(RequestKind.COMBOS, drugs=("a", "b"))
    assert plan_open(library, combos) == OpenPlan(drugs=("a", "b"))
    # A look-up: a page id, else the best page of a plain answer, else the search.
    assert plan_open(library, OpenRequest(RequestKind.LOOKUP, "mockacillin")).page_id == "mockacillin"
    assert plan_open(library, OpenRequest(RequestKind.LOOKUP, "fake testaz")) == OpenPlan(
        page_id="testazepam-fakeprofen", query="fake testaz"
    )
    for no_answer in ("testazepam mockacillin", "xanaxol", "mokacillin", "../../etc/passwd"):
        assert plan_open(library, OpenRequest(RequestKind.LOOKUP, no_answer)) == OpenPlan(query=no_answer)


def test_links_need_no_qt() -> None:
    code = "import sys, rxcombo.links; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
