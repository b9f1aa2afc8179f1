"""A warm start's first frame: painted from the cached list's preview, then the library read
just after it, which must look the same (one visible frame), and nothing in between that
could show rows that are not an answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QExposeEvent, QImage, QRegion, QWindow
from PySide6.QtWidgets import QApplication

from helpers.gui import launch, type_text, visible_titles, wait_idle, wait_loaded
from helpers.pages import cut_cached_library_short, write_page
from rxcombo import dirs
from rxcombo.support import timing
from rxcombo.ui.sidebar.views import View
from rxcombo.ui.window.main_window import MainWindow

TITLES = ["Fakeprofen + Mockacillin", "Placebex", "Shamoxetine", "Testazepam", "Testazepam"]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    write_page(root, "a/testazepam.md", "Testazepam")
    write_page(root, "b/testazepam.md", "Testazepam")  # the same title: a hint tells them apart
    write_page(root, "fakeprofen-mockacillin.md", "Fakeprofen + Mockacillin")  # the example search
    write_page(root, "shamoxetine.md", "Shamoxetine")
    write_page(root, "placebex.md", "Placebex")
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n", encoding="utf-8")
    return root


def _first_start(qtbot, pages: Path) -> None:
    first = launch(qtbot, pages)
    assert first.window is not None
    wait_idle(qtbot, first.window)  # its cache is written
    assert [d.title for d in first.window.library.documents] == TITLES
    first.window.favorite_control.toggle("placebex", "Placebex")  # a star in the list, a start-page link
    first.window.close()


def _library_parts(window: MainWindow) -> dict[str, QImage]:
    """What the library fills, as painted: the list and its tabs, the page pane, the status
    bar (not the search field, whose focus frame comes with the window's activation)."""
    pane = window.search_pane
    parts = {
        "list": pane.stack,
        "views": pane.view_bar,
        "page": window.page_view,
        "status": window.statusBar(),
    }
    return {name: widget.grab().toImage() for name, widget in parts.items()}


def _differing_pixels(one: QImage, other: QImage) -> int:
    if one.size() != other.size():
        return -1
    return sum(one.pixel(x, y) != other.pixel(x, y) for y in range(one.height()) for x in range(one.width()))


def test_the_first_frame_is_the_one_the_library_shows(qtbot, pages: Path, monkeypatch) -> None:
    _first_start(qtbot, pages)
    seen: dict[str, object] = {}
    windows: list[MainWindow] = []
    real_mark = timing.mark

    def mark(name: str, detail: str = "") -> None:
        if name == "first-paint" and "frame" not in seen:
            window = windows[0]
            seen["library"] = window.library  # painted from the preview: no library yet
            seen["frame"] = _library_parts(window)
            seen["count"] = window.count_label.text()
        real_mark(name, detail)

    monkeypatch.setattr(timing, "mark", mark)
    monkeypatch.setattr(MainWindow, "show", lambda self: (windows.append(self), MainWindow.showNormal(self)))
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None
    wait_loaded(qtbot, window)
    qtbot.wait(100)  # the library's own frame
    assert seen["library"] is None
    assert window.library is not None
    assert seen["count"] == window.count_label.text() == "5 pages, 5 drugs"
    assert (
        window.statusBar().currentMessage() == "1 page(s) could not be read; run 'rxcombo check' for details"
    )
    assert visible_titles(window.search_pane.results) == TITLES
    final = _library_parts(window)
    first = seen["frame"]
    assert isinstance(first, dict)
    for part, image in final.items():
        assert _differing_pixels(first[part], image) == 0, part
    window.close()


def test_typing_before_the_first_frame_never_lists_rows_that_do_not_match(qtbot, pages: Path) -> None:
    _first_start(qtbot, pages)
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None and window.library is None  # the preview's rows are listed
    assert visible_titles(window.search_pane.results) == TITLES
    assert not window.search_pane.search_field.isClearButtonEnabled()  # an empty field shows none
    type_text(window.search_pane.search_field, "shamox")
    assert window.search_pane.search_field.isClearButtonEnabled()  # the text came before the frame
    assert visible_titles(window.search_pane.results) == []  # not five rows that do not match
    assert window.search_pane.stack.isHidden()
    assert window.count_label.text() == ""  # nor a count that reads as an answer
    wait_loaded(qtbot, window)
    assert visible_titles(window.search_pane.results) == ["Shamoxetine"]
    assert window.count_label.text() == "1 of 5 pages match"
    window.close()


def test_a_preview_whose_library_cannot_be_read_loads_the_pages_instead(qtbot, pages: Path) -> None:
    _first_start(qtbot, pages)
    (cache,) = (dirs.cache_dir() / "libraries").glob("*.pickle")
    cut_cached_library_short(cache)  # the preview reads; the library after it does not
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None
    assert visible_titles(window.search_pane.results) == TITLES  # the preview
    withdrawn: list[tuple[list[str], str]] = []  # after the window's own handler: what it shows
    window.loading.preview_withdrawn.connect(
        lambda: withdrawn.append((visible_titles(window.search_pane.results), window.count_label.text()))
    )
    wait_loaded(qtbot, window, timeout=30_000)
    assert withdrawn == [([], "")]  # no rows, no count, until the pages are read
    assert window.library is not None and window.library.stats.parsed == 6  # read from the pages
    assert visible_titles(window.search_pane.results) == TITLES
    window.close()


def test_a_window_reopened_on_another_view_reads_its_library_before_its_first_frame(
    qtbot, pages: Path
) -> None:
    # Only the all-pages list has a preview: the by-drug tree needs the library at once.
    first = launch(qtbot, pages)
    assert first.window is not None
    wait_idle(qtbot, first.window)
    first.window.search_pane.set_view(View.BY_DRUG)
    first.window.close()
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None and window.library is not None  # before its event loop ran once
    assert visible_titles(window.search_pane.drug_filter)[0] == "Fakeprofen (1)"
    window.close()


def test_a_search_restored_at_start_lists_only_its_answers_from_the_first_frame(qtbot, pages: Path) -> None:
    # The preview lists every page: with a search in the field, the library is read first.
    first = launch(qtbot, pages)
    assert first.window is not None
    wait_idle(qtbot, first.window)
    type_text(first.window.search_pane.search_field, "shamox")
    first.window.close()  # keeps the search (the history setting is on)
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None and window.library is not None  # before its event loop ran once
    assert window.search_pane.search_field.text() == "shamox"
    assert window.search_pane.search_field.isClearButtonEnabled()  # in the first frame, with the text
    assert visible_titles(window.search_pane.results) == ["Shamoxetine"]
    assert window.count_label.text() == "1 of 5 pages match"
    window.close()


def test_the_first_frame_counts_only_once_the_window_is_exposed(qtbot, pages: Path, monkeypatch) -> None:
    # On X11 the paint asked for by show() comes before the server exposes the window; the
    # frame is on screen only at the Expose (Qt paints it then, without an UpdateRequest).
    _first_start(qtbot, pages)
    exposed = [False]
    monkeypatch.setattr(QWindow, "isExposed", lambda _self: exposed[0])
    marks: list[str] = []
    real_mark = timing.mark
    monkeypatch.setattr(timing, "mark", lambda name, detail="": (marks.append(name), real_mark(name, detail)))
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None
    qtbot.wait(100)  # its first UpdateRequest is handled: painted, but not on screen
    assert "first-paint" not in marks and window.library is None
    exposed[0] = True
    handle = window.windowHandle()
    QApplication.sendEvent(handle, QExposeEvent(QRegion(0, 0, handle.width(), handle.height())))
    wait_loaded(qtbot, window)
    assert marks.index("first-paint") < marks.index("library-ready")
    assert visible_titles(window.search_pane.results) == TITLES
    window.close()


def test_an_empty_search_field_gets_its_clear_button_just_after_the_first_frame(qtbot, pages: Path) -> None:
    # Its icon is looked up in the icon theme (5 to 8 ms under X11), for a button an empty
    # field does not show: not before the first frame, but ready before the first key.
    _first_start(qtbot, pages)
    again = launch(qtbot, pages, accept=False)
    window = again.window
    assert window is not None
    field = window.search_pane.search_field
    assert not field.isClearButtonEnabled()
    wait_loaded(qtbot, window)
    qtbot.waitUntil(field.isClearButtonEnabled)
    type_text(field, "shamox")
    field.clear()
    assert field.isClearButtonEnabled()  # kept on
    window.close()
