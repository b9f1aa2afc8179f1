"""Hostile pages and the tools to show them in the real window, for the tests that need both.

The library (scripts, frames, remote resources, dangerous links, deep nesting, huge and
broken files) and the helpers that open every page and tab in a ``MainWindow``, audit what
each tab rendered, record every resource request, and find pages that hang in a child
process first. Used by ``ui/page/test_hostile_pages_shown.py`` and
``test_no_network.py``.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication

from rxcombo.dirs import favorites_path, settings_path
from rxcombo.ui.page.section_view import SectionBrowser
from rxcombo.ui.window.main_window import MainWindow
from rxcombo.userdata import FavoritesStore, SettingsStore

PAGE_BOUND_S = 20.0  # per page open, and per tab shown: hang detection, not a performance target
# (alone the 1,000-tab page opens in 3 s; on 2 cores shared with a second test run, 12 s)
GRAB_TABS = 100  # tabs painted explicitly; the rest are shown, audited, not grabbed
# A page still busy after this long in the probe process is a hang: the probe is killed and
# the page is not opened in this process (a C++ call on the UI thread cannot be interrupted).
HANG_S = 30.0
LOAD_BOUND_MS = 180_000


HOST = "http://127.0.0.1:9"  # the discard port: nothing ever listens there


def _page(title: str, body: str) -> bytes:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n".encode()


def hostile_pages() -> dict[str, bytes]:
    """File name -> bytes. Every remote reference points at 127.0.0.1:9 (discard port)."""
    pages: dict[str, bytes] = {}
    pages["script.md"] = _page(
        "Testazepam + Scriptol",
        "<script>document.write('pwned')</script>\n\n"
        f'**Usage:** calm <script src="{HOST}/x.js"></script> words.\n\n'
        "<SCRIPT>alert(1)</SCRIPT><scr<script>ipt>alert(2)</script>\n\n"
        "**Dosage:** <svg onload=alert(3)><script>alert(4)</script></svg>",
    )
    pages["iframe.md"] = _page(
        "Iframeol",
        f'<iframe src="{HOST}/frame"></iframe>\n\n'
        f'### Embedded\n\n<object data="{HOST}/o.swf"></object><embed src="{HOST}/e.swf">\n\n'
        f'<frameset><frame src="{HOST}/f"></frameset>',
    )
    pages["img.md"] = _page(
        "Imagine",
        f'<img src="{HOST}/x.png">\n\n'
        f"![markdown image]({HOST}/y.png)\n\n"
        f"![reference image][ref]\n\n[ref]: {HOST}/ref.png\n\n"
        f'<p><img src="{HOST}/p.png" width="1000" height="1000"></p>\n\n'
        f'<table background="{HOST}/tb.png"><tr><td background="{HOST}/td.png">cell</td></tr></table>\n\n'
        f'<video poster="{HOST}/v.png" src="{HOST}/v.mp4"></video><audio src="{HOST}/a.mp3"></audio>\n\n'
        f'<input type="image" src="{HOST}/i.png"><picture><source srcset="{HOST}/s.png"></picture>',
    )
    pages["stylesheet.md"] = _page(
        "Stylesheetine",
        f'<link rel="stylesheet" href="{HOST}/s.css">\n\n'
        f'<meta http-equiv="refresh" content="0; url={HOST}/r"><base href="{HOST}/">\n\n'
        f"**Usage:** text after a link tag. <link rel=stylesheet href={HOST}/t.css>",
    )
    pages["style-block.md"] = _page(
        "Stylol",
        f"<style>body{{background:url({HOST}/bg.png)}} p{{background-image:url('{HOST}/p.png')}}"
        f"@import url({HOST}/imp.css);</style>\n\nParagraph under a style block.\n\n"
        f"<STYLE>@font-face {{ src: url({HOST}/font.woff) }}</STYLE>",
    )
    pages["inline-style.md"] = _page(
        "Inlinestyle",
        f'<p style="background:url({HOST}/i.png)">styled paragraph</p>\n\n'
        f"<span style=\"background-image: url('{HOST}/s.png')\">span</span> and "
        f'<div style="list-style-image:url({HOST}/l.png)">div</div>\n\n'
        f'<body background="{HOST}/body.png"><font style="content:url({HOST}/c.png)">font</font></body>',
    )
    pages["javascript-links.md"] = _page(
        "Linkazepam",
        "[click me](javascript:alert(1))\n\n"
        '<a href="javascript:alert(2)">raw link</a> <a href="JaVaScRiPt:alert(3)">mixed case</a>\n\n'
        '<a href=" javascript:alert(4)">leading space</a> '
        '<a href="&#106;avascript:alert(5)">entity</a> <a href="java\tscript:alert(6)">tab</a>\n\n'
        "<javascript:alert(7)>\n\n[ref link][j]\n\n[j]: javascript:alert(8)\n\n"
        '<a href="vbscript:msgbox(9)">vbscript</a>',
    )
    pages["file-links.md"] = _page(
        "Filezepam",
        "[passwd](file:///etc/passwd)\n\n"
        '<a href="file:///etc/shadow">raw</a> <a href="FILE:///C:/Windows/win.ini">win</a>\n\n'
        '<img src="file:///etc/hosts"> ![local](file:///usr/share/pixmaps/x.png)\n\n'
        '<a href="/etc/passwd">absolute path</a> <a href="../../secret.md">relative</a>',
    )
    pages["data-uris.md"] = _page(
        "Dataphine",
        '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==">\n\n'
        "![data](data:image/gif;base64,R0lGODlhAQABAAAAACw=)\n\n"
        '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
    )
    pages["event-handlers.md"] = _page(
        "Handlerol",
        '<a href="https://example.org/" onclick="alert(1)">link with onclick</a>\n\n'
        '<img src=x onerror="alert(2)">\n\n<div onmouseover="alert(3)">hover</div>\n\n'
        '<b onmouseenter=alert(4)>bold</b> <p ONLOAD="alert(5)">para</p> <body onload=alert(6)>',
    )
    pages["comments.md"] = _page(
        "Commentine",
        f'<!-- <img src="{HOST}/c.png"> <script>alert(1)</script> -->\n\nvisible text\n\n'
        f'<!--> <img src="{HOST}/c2.png"> -->\n\n<!-- --!> <iframe src="{HOST}/c3"></iframe> -->\n\n'
        f'<![CDATA[<img src="{HOST}/c4.png">]]>\n\n<!-- unterminated <script>alert(2)</script>',
    )
    levels = 10_000
    pages["nested-list-10000.md"] = _page("Nestazepam", "- " * levels + "deep item")
    pages["nested-quote-10000.md"] = _page("Quotazepam", "> " * levels + "deep quote")
    pages["nested-html-10000.md"] = _page(
        "Htmlnestazepam", "<ul><li>" * levels + "deep html" + "</li></ul>" * levels
    )
    # Indentation nesting grows quadratically: 10,000 levels would be 200 MB of spaces.
    pages["nested-indent-400.md"] = _page(
        "Indentazepam", "".join("    " * i + "- level\n" for i in range(400))
    )
    # Found while writing these tests: tiny pages that freeze rendering or Qt's HTML import.
    pages["nested-table-100.md"] = _page("Tablenestazepam", "<table><tr><td>" * 100 + "deep cell")
    pages["nested-bold-10000.md"] = _page("Boldnestazepam", "<b>" * 10_000 + "deep bold")
    pages["bracket-flood-4000.md"] = _page("Bracketazepam", "[" * 4000 + "x")
    pages["br-flood-40000.md"] = _page("Breakazepam", "<br>" * 40_000)
    paragraph = (
        "Testazepam is a fictional medicine used only in tests. It has no effects, "
        "no side effects and no interactions, because it does not exist.\n\n"
    )
    big = "# Bigazepam\n\n**Usage:** fictional.\n\n" + paragraph * ((50 * 1024 * 1024) // len(paragraph))
    pages["big-50mb.md"] = big.encode()
    pages["one-line-5mb.md"] = ("Onelinezepam " + "word " * (5 * 1024 * 1024 // 5)).encode()
    pages["nul-bytes.md"] = b"# Nulazepam\n\nText with a NUL \x00 byte.\n"
    pages["invalid-utf8.md"] = b"# Badbytezepam\n\nCaf\xe9 \xff\xfe \xc3\x28 text.\n"
    pages["yaml-alias-bomb.md"] = (
        b'---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode()
            for i in range(8)
        )
        + b"title: Bombazepam\n---\n\n# Bombazepam\n\ntext\n"
    )
    pages["yaml-list.md"] = (
        b"---\n- one\n- two\n---\n\n# Listazepam\n\nA page whose front matter is a list.\n"
    )
    pages["yaml-number.md"] = b"---\n42\n---\n\n# Numberazepam\n\nA page whose front matter is a number.\n"
    pages["title-100kb-frontmatter.md"] = b"---\ntitle: " + b"T" * 100_000 + b"\n---\n\n# Short\n\ntext\n"
    pages["title-100kb-heading.md"] = b"# " + b"Longtitlezepam " * 7000 + b"\n\nBody text.\n"
    pages["empty-title.md"] = b'---\ntitle: ""\n---\n\n# \n\nA page with an empty title.\n'
    pages["ampersand-title.md"] = _page("Testazepam & Fakeprofen", "**Usage:** an ampersand title.")
    pages["markup-title.md"] = (
        f'---\ntitle: "Titlezepam <img src=\\"{HOST}/t.png\\"> <b>bold</b>"\n---\n\nBody.\n'.encode()
    )
    # 1,000 tabs: the window builds them all on open (2,000 froze it for 6-8 s).
    pages["many-headings.md"] = (
        "# Manytabazepam\n\n" + "".join(f"### Heading {i}\n\ntext {i}\n\n" for i in range(1_000))
    ).encode()
    # Normal pages.
    pages["testazepam.md"] = _page(
        "Testazepam",
        "**Generic Name:** testazepam\n\n**Usage:** Used to treat:\n* test anxiety\n* fake insomnia\n\n"
        "**Side Effects:** none known.\n\n**Disclaimer:** fictional; not medical advice.",
    )
    pages["testazepam-fakeprofen.md"] = _page(
        "Testazepam + Fakeprofen",
        "### Testazepam\n\nA fictional sedative.\n\n### Fakeprofen\n\nA fictional painkiller.\n\n"
        "### Combined Use\n\n| Risk | Level |\n|---|---|\n| drowsiness | high |\n\n"
        "See [the reference](https://example.org/ref) or <mailto:nobody@example.org>.",
    )
    pages["mockcillin.markdown"] = _page(
        "Mockcillin",
        "**Mockcillin**\n\nAn imaginary antibiotic.\n\n**Usage:** none.\n\n**Note:** made up.",
    )
    return pages


NORMAL_TITLES = {
    "testazepam.md": "Testazepam",
    "testazepam-fakeprofen.md": "Testazepam + Fakeprofen",
    "mockcillin.markdown": "Mockcillin",
}
# Pages the reader must refuse, and a word its message must contain.
MUST_REFUSE = {
    "nul-bytes.md": "NUL",
    "yaml-alias-bomb.md": "alias",
    "title-100kb-frontmatter.md": "front matter",
}


def write_hostile_library(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in hostile_pages().items():
        (root / name).write_bytes(data)
    return root


# -- checking rendered HTML ---------------------------------------------------------------

FORBIDDEN_TAGS = frozenset(
    {"script", "img", "iframe", "frame", "frameset", "object", "embed", "link", "video", "audio",
     "source", "picture", "svg", "input", "form", "base", "applet"}
)  # fmt: skip
FORBIDDEN_IN_VALUES = ("javascript:", "vbscript:", "file:", "data:", "url(", "@import")
# Qt writes its own <style> block into toHtml(); it is checked for url() like any other.


class _MarkupAudit(HTMLParser):
    """Collects what the markup (not the visible text) of a rendered section contains."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.findings.append(f"<{tag}>")
        self._in_style = tag == "style"
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…> event handler")
            lowered = (value or "").lower().replace("\\", "")
            for bad in FORBIDDEN_IN_VALUES:
                if bad in lowered:
                    self.findings.append(f"<{tag} {name}={value!r}>")
            if name == "href" and value and not value.lower().startswith(("http://", "https://", "mailto:")):
                self.findings.append(f"<{tag} href={value!r}> (not http/https/mailto)")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            lowered = data.lower()
            for bad in FORBIDDEN_IN_VALUES:
                if bad in lowered:
                    self.findings.append(f"<style> contains {bad}")


def audit_html(html: str) -> list[str]:
    """Problems in a browser's ``toHtml()``.

    ``<script``, ``<img`` and ``<iframe`` must not occur at all (visible text is escaped, so
    they can only be markup). ``javascript:``, ``file:``, ``url(`` and handlers must not occur
    in any tag, attribute or style block; as visible *text* they are harmless (a page may
    well say "javascript:" in prose or code) and are reported by :func:`visible_mentions`.
    """
    findings = [f"literal {needle}" for needle in ("<script", "<img", "<iframe") if needle in html.lower()]
    audit = _MarkupAudit()
    audit.feed(html)
    audit.close()
    return findings + audit.findings


def visible_mentions(html: str) -> list[str]:
    lowered = html.lower()
    return [needle for needle in ("javascript:", "file:", "url(") if needle in lowered]


# -- the window ----------------------------------------------------------------------------


@dataclass
class Visit:
    file: str
    title: str
    tabs: int = 0
    open_s: float = 0.0
    visit_s: float = 0.0
    slowest_tab_s: float = 0.0
    latency_s: float = 0.0
    blocked: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    text_mentions: set[str] = field(default_factory=set)


@pytest.fixture
def resource_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every loadResource call of every SectionBrowser, with what it returned."""
    log: list[tuple[str, object]] = []
    original = SectionBrowser.loadResource

    def spy(self: SectionBrowser, kind: int, name: QUrl | str) -> object:
        result = original(self, kind, name)
        log.append((name.toString() if isinstance(name, QUrl) else str(name), result))
        return result

    monkeypatch.setattr(SectionBrowser, "loadResource", spy)
    return log


def make_window(qtbot, content: Path) -> MainWindow:
    window = MainWindow(
        SettingsStore(settings_path()), FavoritesStore(favorites_path()), content, "disclaimer text"
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_BOUND_MS):
        window.load_content(content)
    return window


def event_loop_latency(qtbot) -> float:
    """Seconds until a zero-delay timer fires: how long the UI thread was busy."""
    fired: list[float] = []
    start = time.perf_counter()
    QTimer.singleShot(0, lambda: fired.append(time.perf_counter()))
    qtbot.waitUntil(lambda: bool(fired), timeout=int(PAGE_BOUND_S * 1000))
    return fired[0] - start


def open_and_visit(qtbot, window: MainWindow, page_id: str, log: list[tuple[str, object]]) -> Visit:
    assert window.library is not None
    document = window.library.get(page_id)
    assert document is not None
    visit = Visit(document.path.name, document.title)
    start = time.perf_counter()
    window.open_page(page_id)
    visit.open_s = time.perf_counter() - start
    assert window.page_view.document is not None and window.page_view.document.id == page_id
    tabs = window.page_view.tabs
    visit.tabs = tabs.count()
    start = time.perf_counter()
    for index in range(tabs.count()):
        tab_start = time.perf_counter()
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        browser = tabs.widget(index)
        assert isinstance(browser, SectionBrowser)
        if index < GRAB_TABS:
            browser.viewport().grab()  # lay out and paint: what would fetch images if anything did
        visit.slowest_tab_s = max(visit.slowest_tab_s, time.perf_counter() - tab_start)
        html = browser.toHtml()
        visit.findings += [f"tab {index}: {finding}" for finding in audit_html(html)]
        visit.text_mentions.update(visible_mentions(html))
        visit.blocked += browser.blocked_requests
    visit.visit_s = time.perf_counter() - start
    visit.latency_s = event_loop_latency(qtbot)
    refused = {name for name, result in log if result is None}
    returned = [name for name, result in log if result is not None]
    assert not returned, f"loadResource returned data for {returned}"
    assert set(visit.blocked) <= refused
    return visit


def print_visits(visits: list[Visit]) -> None:
    print(
        f"\n{'file':30} {'tabs':>5} {'open ms':>8} {'all tabs ms':>11} {'busy ms':>8} {'blocked':>7}  title"
    )
    for v in visits:
        print(
            f"{v.file[:30]:30} {v.tabs:5d} {v.open_s * 1000:8.0f} {v.visit_s * 1000:11.0f} "
            f"{v.latency_s * 1000:8.1f} {len(v.blocked):7d}  {v.title[:40]!r}"
            + (f"  (visible text mentions {sorted(v.text_mentions)})" if v.text_mentions else "")
        )
    worst = max(visits, key=lambda v: v.open_s)
    print(f"slowest open: {worst.file} in {worst.open_s:.2f} s (the window is busy meanwhile)")
    worst = max(visits, key=lambda v: v.slowest_tab_s)
    print(f"slowest tab shown: {worst.file}, {worst.slowest_tab_s:.2f} s")


# -- hang probe: open every page in a child process first ---------------------------------

PROBE_DRIVER = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from rxcombo.ui.window.main_window import MainWindow
from rxcombo.userdata import FavoritesStore, SettingsStore
from rxcombo.dirs import favorites_path, settings_path
root = Path(sys.argv[1])
wanted = sys.argv[2:]
window = MainWindow(SettingsStore(settings_path()), FavoritesStore(favorites_path()), root, "disclaimer")
window.show()
loop = QEventLoop()
window.library_loaded.connect(loop.quit)
QTimer.singleShot(180_000, loop.quit)
window.load_content(root)
loop.exec()
by_file = {d.path.name: d for d in window.library.documents}
for name in wanted:
    print(json.dumps({"start": name}), flush=True)
    started = time.perf_counter()
    window.open_page(by_file[name].id)
    app.processEvents()
    tabs = window.page_view.tabs
    for index in range(tabs.count()):
        print(json.dumps({"tab": index}), flush=True)  # each step has its own deadline
        tabs.setCurrentIndex(index)
        app.processEvents()
        if index >= GRAB_TABS:
            break  # rendering happens on open; later tabs are shown by the test itself
        tabs.widget(index).viewport().grab()
    print(json.dumps({"done": name, "seconds": time.perf_counter() - started}), flush=True)
""".replace("GRAB_TABS", "100")

_PROBE_CACHE: dict[tuple[str, ...], dict[str, float | None]] = {}


def probe_env() -> dict[str, str]:
    env = dict(os.environ)  # the test's private XDG_* folders (conftest)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def probe_pages(root: Path, files: list[str]) -> dict[str, float | None]:
    """Seconds each page took to open and show every tab in a child process; None: hung.

    One child opens the pages in turn; when opening a page, or showing one of its tabs, is
    still busy after ``HANG_S`` the child is killed and a new one goes on with the rest.
    """
    key = tuple(sorted(files))
    if key in _PROBE_CACHE:
        return _PROBE_CACHE[key]
    results: dict[str, float | None] = {}
    remaining = list(files)
    while remaining:
        child = subprocess.Popen(
            [sys.executable, "-c", PROBE_DRIVER, str(root), *remaining],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=probe_env(),
        )  # fmt: skip
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(stream=child.stdout, out=lines) -> None:
            for line in stream:
                out.put(line)
            out.put(None)

        threading.Thread(target=pump, daemon=True).start()
        current: str | None = None
        deadline = time.monotonic() + LOAD_BOUND_MS / 1000
        try:
            while True:
                try:
                    line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
                except queue.Empty:
                    break  # busy too long
                if line is None:
                    break  # the child exited
                message = json.loads(line)
                if "start" in message:
                    current = message["start"]
                    deadline = time.monotonic() + HANG_S
                elif "tab" in message:
                    deadline = time.monotonic() + HANG_S
                else:
                    results[message["done"]] = message["seconds"]
                    remaining.remove(message["done"])
                    current = None
        finally:
            child.kill()
            child.wait(30)
        if current is None:
            if remaining:  # the child died or never loaded: report the rest as not opened
                results.update(dict.fromkeys(remaining))
            break
        results[current] = None
        remaining.remove(current)
    _PROBE_CACHE[key] = results
    return results
