"""The search field's full-text mode in the real window: the toggle, the ``?`` prefix,
snippets with the words marked, the section filter, and the name search's notice that
counts the pages mentioning a word that names no drug."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from helpers.gui import tab_stops, type_text, visible_titles
from rxcombo import wording
from rxcombo.ui.sidebar.text_hits import TEXT_HIT_ROLE
from rxcombo.ui.sidebar.text_mode import PROMPT
from rxcombo.ui.sidebar.text_results import ALL_SECTIONS


def hits(pane):
    model = pane.text_mode.panel.model
    return [model.index(row, 0).data(TEXT_HIT_ROLE) for row in range(model.rowCount())]


def status(pane) -> str:
    return pane.text_mode.panel.status_label.text()


def test_the_prefix_searches_page_text_and_taking_it_away_goes_back_to_names(text_window):
    pane = text_window.search_pane
    type_text(pane.search_field, "?rhabdomyolysis")
    assert pane.text_mode.on and pane.text_mode.button.isChecked()
    assert pane.modes.currentWidget() is pane.text_mode.panel
    assert [(hit.title, hit.section) for hit in hits(pane)] == [("Testazepam", "Side Effects")]
    assert status(pane) == "1 page mentions 'rhabdomyolysis'."
    # The name search rests meanwhile: no notice about a drug named "rhabdomyolysis".
    assert pane.notice() is None and not text_window.page_view.showing_notice()
    pane.search_field.setText("testazepam")
    assert not pane.text_mode.on and not pane.text_mode.button.isChecked()
    assert pane.modes.currentIndex() == 0
    assert visible_titles(pane.results)[0] == "Testazepam"


def test_the_toggle_and_its_key_switch_modes_and_keep_the_words(text_window, qtbot):
    pane = text_window.search_pane
    type_text(pane.search_field, "xyzzyq")
    assert text_window.page_view.showing_notice()  # no drug named so: the notice covers the page
    qtbot.mouseClick(pane.text_mode.button, Qt.MouseButton.LeftButton)
    assert pane.text_mode.on and text_window.window_actions["text_search"].isChecked()
    assert status(pane) == wording.no_page_mentions("xyzzyq", 1)
    assert not text_window.page_view.showing_notice()  # the name notice went with the name search
    assert pane.search_field.placeholderText().startswith("Search the text")
    # The mode stays while the words change, until it is turned off.
    pane.search_field.clear()
    assert pane.text_mode.on and status(pane) == PROMPT
    type_text(pane.search_field, "pretend")
    assert len(hits(pane)) >= 5
    qtbot.keyClick(
        text_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not pane.text_mode.on and not text_window.window_actions["text_search"].isChecked()
    assert pane.search_field.text() == "pretend" and pane.modes.currentIndex() == 0
    # Turning it off also takes a typed "?" away (it would keep the mode on).
    pane.search_field.setText("?pretend")
    qtbot.mouseClick(pane.text_mode.button, Qt.MouseButton.LeftButton)
    assert not pane.text_mode.on and pane.search_field.text() == "pretend"


def test_rows_show_page_section_and_the_words_in_their_text(text_window, qtbot):
    pane = text_window.search_pane
    type_text(pane.search_field, "?rhabdo")
    (hit,) = hits(pane)
    start, end = hit.snippet.spans[0]
    assert hit.snippet.text[start:end] == "rhabdomyolysis"  # a prefix marks the whole word
    assert "Fictional muscle pain" in hit.snippet.text
    # The delegate paints the marked word in the link colour, as the name list marks letters.
    view = pane.text_mode.view
    view.resize(400, 300)
    image = view.viewport().grab().toImage()
    link = view.palette().color(QPalette.ColorRole.Link)
    colours = {QColor(image.pixel(x, y)).rgb() for x in range(image.width()) for y in range(image.height())}
    assert link.rgb() in colours
    # Each row is tall enough for the title line and two lines of text.
    assert view.rowHeight(0) >= 3 * view.fontMetrics().height()


def test_the_section_filter_limits_results_and_says_so(text_window):
    pane = text_window.search_pane
    panel = pane.text_mode.panel
    box = panel.section_box
    assert box.itemText(0) == ALL_SECTIONS
    titles = [box.itemData(n) for n in range(1, box.count())]
    assert {"Usage", "Side Effects", "Precautions"} <= set(titles)
    type_text(pane.search_field, "?pretend")
    everywhere = len(hits(pane))
    box.setCurrentIndex(box.findData("Precautions"))
    assert sorted(hit.title for hit in hits(pane)) == ["Fakarin", "Mockarin"]
    assert all(hit.section == "Precautions" for hit in hits(pane))
    assert status(pane) == "2 pages mention 'pretend' in a section titled 'Precautions'."
    assert everywhere > 2
    # Nothing in that section: said with the section, and never as an answer about safety.
    pane.search_field.setText("?rhabdomyolysis")
    assert hits(pane) == [] and not panel.view.isVisible()
    assert status(pane) == wording.no_page_mentions_in("rhabdomyolysis", 1, "Precautions")
    assert wording.NOT_A_SIGN_OF_SAFETY in status(pane)


def test_a_name_that_is_no_drug_counts_the_pages_that_mention_it(text_window, qtbot):
    pane = text_window.search_pane
    type_text(pane.search_field, "fakecoumadin")
    banner = pane.notice_banner
    expected = f"{wording.no_drug_named_but_mentioned('fakecoumadin', 2)} {wording.GENERIC_NAMES_HINT}"
    assert banner.text_label.text() == expected
    assert expected.startswith("No drug named 'fakecoumadin'. 2 pages mention 'fakecoumadin'.")
    assert text_window.page_view.notice_panel.text() == expected  # the page pane says the same
    assert banner.mentions_button.isVisible()
    qtbot.mouseClick(banner.mentions_button, Qt.MouseButton.LeftButton)
    assert pane.text_mode.on and pane.search_field.text() == "fakecoumadin"
    assert sorted(hit.title for hit in hits(pane)) == ["Mockarin", "Testazepam + Mockarin"]


def test_the_count_is_of_the_word_typed_not_of_longer_words_it_starts(text_window):
    pane = text_window.search_pane
    type_text(pane.search_field, "fakecoum")  # only the start of the word the pages hold
    assert pane.notice_banner.text_label.text() == wording.no_drug_named(["fakecoum"])
    assert not pane.notice_banner.mentions_button.isVisible()


def test_with_several_words_the_count_is_added_and_the_safety_sentence_stays(text_window):
    pane = text_window.search_pane
    type_text(pane.search_field, "fakecoumadin testazepam")
    text = pane.notice_banner.text_label.text()
    assert text.startswith("No drug named 'fakecoumadin' in this library.")
    assert wording.NOT_A_SIGN_OF_SAFETY in text
    assert text.endswith(wording.pages_mention("fakecoumadin testazepam", 1))
    # A word no page holds either: the notice is the name search's alone, with no offer.
    pane.search_field.setText("xyzzyq")
    assert pane.notice_banner.text_label.text() == wording.no_drug_named(["xyzzyq"])
    assert not pane.notice_banner.mentions_button.isVisible()


def test_the_results_model_passes_qt_model_tester(text_window, qtmodeltester):
    type_text(text_window.search_pane.search_field, "?pretend")
    qtmodeltester.check(text_window.search_pane.text_mode.panel.model)


def test_the_results_panel_made_on_first_use_keeps_its_place_for_the_tab_key(text_window):
    """The panel is made when the mode is first turned on, after the rest of the window: Tab
    from the field still goes to the toggle, the panel's section filter and its results, then
    on to the page, as when the panel was made with the pane."""
    pane = text_window.search_pane
    assert not pane.text_mode.panel_made()  # a start that never searches the text makes none
    type_text(pane.search_field, "?rhabdomyolysis")
    assert pane.text_mode.panel_made()
    stops = tab_stops(pane.search_field, 4)
    assert stops[:3] == [pane.text_mode.button, pane.text_mode.panel.section_box, pane.text_mode.view]
    assert not pane.isAncestorOf(stops[3])  # out of the pane after its last stop
