"""The page view in the real window: every seed's tabs, repaired text, tab keys."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from helpers.gui import SEED_TABS, launch
from rxcombo.content import rendering
from rxcombo.ui.page.section_tabs import PREPARED_TABS
from rxcombo.ui.page.section_view import SectionBrowser


def test_every_seed_opens_with_expected_tabs_and_marked_disclaimer(window, qtbot):
    for document in window.library.documents:
        window.open_page(document.id)
        assert window.page_view.tab_titles() == SEED_TABS[document.title]
        tabs = window.page_view.tabs
        for number, title in enumerate(window.page_view.tab_titles()):
            marked = not tabs.tabIcon(number).isNull()
            assert marked == (title in {"Disclaimer", "Note"} or title.startswith("Combined Use")), title
            tabs.setCurrentIndex(number)  # the whole-page tab renders when opened
            text = tabs.widget(number).toPlainText()
            assert text.strip(), title
            assert "**" not in text


def test_mojibake_is_shown_repaired(window, qtbot):
    window.open_page("amitriptyline-ketamine")
    qtbot.waitUntil(window.page_view.rendering_done)  # tabs out of view fill in after the paint
    tabs = window.page_view.tabs
    amitriptyline = tabs.widget(window.page_view.tab_titles().index("Amitriptyline")).toPlainText()
    assert "It’s particularly important" in amitriptyline
    assert "â€" not in amitriptyline


def test_tab_navigation_and_same_tab_kept_across_pages(window, qtbot):
    window.open_page("alprazolam-imipramine")
    tabs = window.page_view.tabs
    # A combination page opens on its combined use, under a short tab title.
    assert tabs.tabText(tabs.currentIndex()) == "Combined use"
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Whole page"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # wraps around
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Alprazolam"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # wraps around
    assert tabs.currentIndex() == tabs.count() - 1
    # A tab the reader chose ("Overview", on every seed) is kept when another page opens...
    tabs.setCurrentIndex(0)
    window.open_page("amitriptyline-ketamine")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Overview"
    window.page_view.tabs.setCurrentIndex(window.page_view.tab_titles().index("Disclaimer"))
    # ...except that a combination page still opens on its combined use.
    window.open_page("gabapentin-amitriptyline")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Combined use"
    window.open_page("amitriptyline-ketamine")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Disclaimer"


def test_tabs_made_ahead_serve_the_first_page_with_the_zoom_and_links_of_any_tab(window, qtbot, monkeypatch):
    # Once the list is painted, the window makes the first page's text views ahead
    # (making them was most of the first Enter's time); they must behave as any other.
    tabs = window.page_view.tabs
    qtbot.waitUntil(lambda: tabs.spare_count() == PREPARED_TABS)
    made_ahead = tabs.findChildren(SectionBrowser)  # no page open yet: no tab either
    assert len(made_ahead) == PREPARED_TABS
    base_size = made_ahead[0].font().pointSizeF()
    window.zoom_in_action.trigger()  # chosen after they were made, before any page
    window.open_page("alprazolam-imipramine")
    shown = [tabs.widget(number) for number in range(tabs.count())]
    assert tabs.count() == len(SEED_TABS["Alprazolam + Imipramine"])
    assert set(shown) <= set(made_ahead) and tabs.spare_count() == PREPARED_TABS - tabs.count()
    assert {browser.font().pointSizeF() for browser in shown} == {base_size * 1.1}
    asked: list[str] = []  # the window asks before opening a link (the dialog is tested elsewhere)
    monkeypatch.setattr(
        "rxcombo.ui.dialogs.links.confirm_external_link", lambda parent, url: asked.append(url.toString())
    )
    shown[0].anchorClicked.emit(QUrl("https://example.org/a"))
    assert asked == ["https://example.org/a"]
    assert "Alprazolam" in tabs.currentWidget().toPlainText()


def test_the_markdown_converter_is_made_after_the_first_paint_not_on_the_first_enter(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)  # the disclaimer, accepted: it is Markdown too
    assert first.window is not None
    first.window.close()
    rendering._local.markdown = None  # as in a new process (the converter is kept per thread)
    launcher = launch(qtbot, seeds_dir, accept=False)  # a later start: no disclaimer
    assert launcher.dialog is None and launcher.window is not None
    qtbot.waitUntil(lambda: getattr(rendering._local, "markdown", None) is not None, timeout=10_000)
    assert launcher.window.page_view.document is None  # no page was opened for it
    launcher.window.close()


def test_text_views_are_reused_after_a_message_and_between_pages(window, qtbot):
    tabs = window.page_view.tabs
    qtbot.waitUntil(lambda: tabs.spare_count() == PREPARED_TABS)
    for _ in range(3):
        window.open_page("alprazolam-imipramine")
        window.page_view.show_message("Loading…")  # as when another folder is opened
        window.open_page("amitriptyline-ketamine")
    assert len(tabs.findChildren(SectionBrowser)) == PREPARED_TABS
    window.open_page("alprazolam-imipramine")
    assert window.page_view.tab_titles() == SEED_TABS["Alprazolam + Imipramine"]
    assert "Alprazolam" in tabs.currentWidget().toPlainText()


def test_the_page_is_laid_out_ahead_behind_the_start_page(window, qtbot):
    # Showing the page pane for the first time (polishing and sizing its widgets) was a
    # third of the first Enter's work: it is done once the list is painted, unseen.
    view = window.page_view
    page = view.tabs.parentWidget()
    qtbot.waitUntil(lambda: page.size() == view.stack.size())  # hidden, never shown: 640 x 480
    assert view.stack.currentWidget() is view.start_page
    assert view.start_page.isVisible() and not page.isVisible()
    switched: list[int] = []
    view.stack.currentChanged.connect(switched.append)
    view.prepare()  # as after the next library shown: done once
    assert switched == []
    window.open_page("alprazolam-imipramine")
    assert view.stack.currentWidget() is page and view.tabs.currentWidget().isVisible()
    assert "Alprazolam" in view.tabs.currentWidget().toPlainText()
