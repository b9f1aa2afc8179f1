"""Safe answers in the real window: "no page" never reads as safe, a similar spelling never
passes for the drug asked, and pages sharing a title are told apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from helpers.gui import launch, type_text, visible_titles, wait_loaded
from rxcombo import wording
from rxcombo.content.shown import TabKind
from rxcombo.ui.roles import NOTE_ROLE, SIMILAR_ROLE

TITLES = {
    "testazepam.md": "Testazepam",
    "fakeoxetine.md": "Fakeoxetine",
    "mockacillin.md": "Mockacillin",
    "testazepam-fakeoxetine.md": "Testazepam + Fakeoxetine",
    "sub/testazepam.md": "Testazepam",
}
BODY = "---\ntitle: {title}\n---\n\n# {title}\nA made-up overview.\n\n### Usage\nInvented text.\n"


@pytest.fixture
def fake_window(qtbot, tmp_path: Path):
    root = tmp_path / "pages"
    for name, title in TITLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(BODY.format(title=title), encoding="utf-8")
    launcher = launch(qtbot, root)
    assert launcher.window is not None
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


def rows(model, role):
    return [model.index(row, 0).data(role) for row in range(model.rowCount())]


def test_drugs_no_page_covers_get_the_notice_in_the_list_and_in_place_of_the_page(fake_window, qtbot):
    window = fake_window
    window.open_page("testazepam-fakeoxetine")
    pane = window.search_pane
    type_text(pane.search_field, "mockacillin fakeoxetine")
    sentence = wording.no_page_covers(["Mockacillin", "Fakeoxetine"])
    assert pane.notice_banner.isVisible() and pane.notice_banner.text_label.text() == sentence
    # Related pages, each saying which of the asked drugs it covers.
    assert visible_titles(pane.results) == ["Mockacillin", "Fakeoxetine", "Testazepam + Fakeoxetine"]
    assert rows(pane.results, NOTE_ROLE) == ["covers Mockacillin", "covers Fakeoxetine", "covers Fakeoxetine"]
    # The page pane says the same, and the previous page's text is gone from view.
    assert window.page_view.showing_notice() and window.page_view.notice_panel.text() == sentence
    assert window.windowTitle() == "No page covers Mockacillin with Fakeoxetine — RxCombo"
    panel = window.page_view.notice_panel
    assert panel.model.rowCount() == 3
    # Enter alone opens nothing: the related pages are not the answer.
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert window.page_view.showing_notice()
    assert window.statusBar().currentMessage() == wording.ENTER_SIMILAR_HINT
    # Picking a related page opens it.
    panel.related_view.clicked.emit(panel.model.index(0, 0))
    assert window.page_view.showing_page() and window.page_view.document.title == "Mockacillin"


def test_a_similar_spelling_is_marked_and_never_opened_by_enter(fake_window, qtbot):
    window = fake_window
    pane = window.search_pane
    window.open_page("fakeoxetine")
    type_text(pane.search_field, "mokacillin")
    assert pane.notice_banner.text_label.text().startswith(wording.similar_names_heading(["mokacillin"]))
    assert visible_titles(pane.results) == ["Mockacillin"]
    assert rows(pane.results, SIMILAR_ROLE) == [True]
    # The page opened before does not stay beside the notice: the pane lists the similar names.
    assert window.page_view.showing_notice()
    assert window.page_view.notice_panel.model.index(0, 0).data() == "Mockacillin — similar name"
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert window.page_view.document.title == "Fakeoxetine" and window.page_view.showing_notice()
    # Picked with the arrow keys, it opens.
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert window.page_view.document.title == "Mockacillin" and window.page_view.showing_page()


def test_a_name_match_is_a_plain_answer(fake_window, qtbot):
    pane = fake_window.search_pane
    type_text(pane.search_field, "mock")
    assert pane.notice_banner.isHidden()
    assert rows(pane.results, SIMILAR_ROLE) == [False]
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert fake_window.page_view.document.title == "Mockacillin"


def test_pages_sharing_a_title_are_told_apart_in_the_list(fake_window, qtbot):
    pane = fake_window.search_pane
    type_text(pane.search_field, "testazepam")
    twins = [
        (pane.results.index(row, 0).data(), pane.results.index(row, 0).data(NOTE_ROLE))
        for row in range(pane.results.rowCount())
        if pane.results.index(row, 0).data() == "Testazepam"
    ]
    assert sorted(twins) == [("Testazepam", "sub/testazepam.md"), ("Testazepam", "testazepam.md")]


def test_seed_combination_opens_on_its_combined_use(window, qtbot):
    window.open_page("gabapentin-amitriptyline")
    tabs = window.page_view.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Combined use"
    assert tabs.tabToolTip(tabs.currentIndex()) == "Combined Use of Gabapentin and Amitriptyline"
    text = tabs.widget(tabs.currentIndex()).toPlainText()
    assert text.startswith("Combined Use of Gabapentin and Amitriptyline")  # the full title, inside
    assert window.page_view.shown.tabs[tabs.currentIndex()].kind is TabKind.COMBINED
    assert not tabs.tabIcon(tabs.currentIndex()).isNull()


@pytest.mark.corpus
def test_corpus_alprazolam_ketamine_and_xanax(corpus_window, qtbot):
    window = corpus_window
    pane = window.search_pane
    window.open_page("alprazolam-imipramine")
    type_text(pane.search_field, "alprazolam ketamine")
    assert window.page_view.showing_notice()
    assert window.page_view.notice_panel.text().startswith("No page covers Alprazolam with Ketamine.")
    titles = visible_titles(pane.results)
    assert titles[:2] == ["Alprazolam", "Ketamine"] and "Amitriptyline + Ketamine" in titles
    pane.search_field.clear()
    type_text(pane.search_field, "xanax")
    assert "Ganaxolone" not in visible_titles(pane.results)
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Return)
    assert window.page_view.document is None or window.page_view.document.title != "Ganaxolone"


@pytest.mark.corpus
def test_corpus_alprazolam_shows_its_generic_name_in_the_header(corpus_window, qtbot):
    corpus_window.open_page("alprazolam")
    header = corpus_window.page_view.header
    assert header.fields_plain == "Generic name: Alprazolam"
    assert "Generic Name" not in corpus_window.page_view.tab_titles()
