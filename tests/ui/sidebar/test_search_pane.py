"""The search pane in the real window: typing, keys, the three views, their models, the status count."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from helpers.gui import SEED_TABS, launch, tree_children, type_text, visible_titles, wait_loaded
from helpers.pages import write_page
from rxcombo.search import Query
from rxcombo.ui.sidebar.views import View


def test_typing_gaba_leaves_only_gabapentin(window, qtbot):
    type_text(window.search_pane.search_field, "gaba")
    assert visible_titles(window.search_pane.results) == ["Gabapentin + Amitriptyline"]
    assert window.count_label.text() == "1 of 3 pages match"


def test_typing_a_typo_leaves_both_amitriptyline_pages(window, qtbot):
    type_text(window.search_pane.search_field, "amitryp")
    assert sorted(visible_titles(window.search_pane.results)) == [
        "Amitriptyline + Ketamine",
        "Gabapentin + Amitriptyline",
    ]


def test_accented_uppercase_query_matches(window, qtbot):
    type_text(window.search_pane.search_field, "ÁLPRA")
    assert visible_titles(window.search_pane.results) == ["Alprazolam + Imipramine"]


def test_no_match_says_so(window, qtbot):
    window.open_page("alprazolam-imipramine")
    type_text(window.search_pane.search_field, "xyz")
    pane = window.search_pane
    assert pane.stack.isHidden() and pane.empty_label.isHidden()
    assert not pane.notice_banner.isHidden()
    assert pane.notice_banner.text_label.text() == (
        "No drug named 'xyz' in this library. Pages are titled by generic drug names, not brand names."
    )
    # The page opened before is not left beside an answer it is not.
    assert window.page_view.showing_notice()
    assert window.page_view.notice_panel.text() == pane.notice_banner.text_label.text()
    assert window.windowTitle() == "No drug named 'xyz' in this library — RxCombo"
    pane.search_field.clear()
    assert window.page_view.showing_page() and window.windowTitle() == "Alprazolam + Imipramine — RxCombo"


def test_escape_clears_and_ctrl_l_focuses(window, qtbot):
    field = window.search_pane.search_field
    type_text(field, "gaba")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert len(visible_titles(window.search_pane.results)) == 3
    window.page_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is field


def test_enter_opens_first_match_with_its_sections(window, qtbot):
    field = window.search_pane.search_field
    type_text(field, "gabapentin")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.page_view.document.title == "Gabapentin + Amitriptyline"
    assert window.page_view.tab_titles() == SEED_TABS["Gabapentin + Amitriptyline"]
    assert window.windowTitle() == "Gabapentin + Amitriptyline — RxCombo"


def test_down_then_enter_opens_the_selected_page(window, qtbot):
    field = window.search_pane.search_field
    qtbot.keyClick(field, Qt.Key.Key_Down)  # selects the first row
    qtbot.keyClick(field, Qt.Key.Key_Down)  # moves to the second
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.page_view.document.title == "Amitriptyline + Ketamine"
    assert window.page_view.tab_titles() == SEED_TABS["Amitriptyline + Ketamine"]


def test_drug_link_lists_that_drugs_pages(window, qtbot):
    window.open_page("gabapentin-amitriptyline")
    window.page_view.drugs_label.linkActivated.emit("drug:Amitriptyline")
    pane = window.search_pane
    assert pane.current_view() is View.BY_DRUG
    model = pane.drug_filter
    drugs = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert drugs == ["Amitriptyline (2)"]
    assert sorted(tree_children(model, model.index(0, 0))) == [
        "Amitriptyline + Ketamine",
        "Gabapentin + Amitriptyline",
    ]


def test_by_drug_tree_lists_every_drug_with_counts(window, qtbot):
    window.search_pane.set_view(View.BY_DRUG)
    model = window.search_pane.drug_filter
    drugs = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert drugs == [
        "Alprazolam (1)",
        "Amitriptyline (2)",
        "Gabapentin (1)",
        "Imipramine (1)",
        "Ketamine (1)",
    ]


def test_status_bar_counts_pages_of_the_by_drug_view(window, qtbot):
    window.search_pane.set_view(View.BY_DRUG)
    type_text(window.search_pane.search_field, "amitrip")
    # Amitriptyline's two pages, listed once each although Gabapentin's node is not shown.
    assert window.count_label.text() == "2 of 3 pages match"
    type_text(window.search_pane.search_field, " gaba")
    assert window.count_label.text() == "1 of 3 pages match"
    window.search_pane.search_field.clear()
    assert window.count_label.text() == "3 pages, 5 drugs"


def test_models_pass_qt_model_tester(window, qtmodeltester, qtbot):
    window.open_page("alprazolam-imipramine")
    window.toggle_favorite()
    pane = window.search_pane
    for model in (
        pane.page_model,
        pane.results,
        pane.drug_model,
        pane.drug_filter,
        pane.favorites_model,
        pane.favorites_filter,
    ):
        qtmodeltester.check(model)
    type_text(pane.search_field, "ami")
    pane.set_view(View.BY_DRUG)
    pane.set_view(View.FAVORITES)
    for model in (pane.results, pane.drug_filter, pane.favorites_filter):
        qtmodeltester.check(model)


def test_each_keystroke_parses_the_query_once_for_every_view(window, qtbot, monkeypatch):
    """One Query per keystroke, shared by the index, the delegate and the filters (as
    qutebrowser's set_pattern): nothing splits the text again, not even a view catching up."""
    parsed: list[str] = []
    original = Query.parse.__func__
    main = threading.main_thread()

    def counting(cls, text: str) -> Query:
        if threading.current_thread() is main:  # the loader warms up the index in its thread
            parsed.append(text)
        return original(cls, text)

    monkeypatch.setattr(Query, "parse", classmethod(counting))
    pane = window.search_pane
    for view in (View.ALL, View.BY_DRUG, View.FAVORITES):
        pane.set_view(view)
        parsed.clear()
        type_text(pane.search_field, "ami")
        pane.grab()  # paint the rows: the delegate highlights with the same value
        assert parsed == ["a", "am", "ami"], view
        assert pane.query().words == ("ami",)
        assert pane.delegate._query is pane.query()
        for other in View:
            pane.set_view(other)  # stale views catch up with the value already parsed
        assert parsed == ["a", "am", "ami"], view
        pane.set_view(view)
        pane.search_field.clear()


# -- the real library (skipped without ../shared/corpus) -------------------------------


def test_corpus_alpraz_puts_alprazolam_first(corpus_window, qtbot):
    type_text(corpus_window.search_pane.search_field, "alpraz")
    titles = visible_titles(corpus_window.search_pane.results)
    assert titles[0] == "Alprazolam"
    assert all("Alprazolam" in title for title in titles)
    qtbot.keyClick(corpus_window.search_pane.search_field, Qt.Key.Key_Return)
    assert corpus_window.page_view.document.title == "Alprazolam"


def test_corpus_by_drug_tree_lists_alprazolam_with_all_its_pages(corpus_window, corpus_library, qtbot):
    expected = sorted(d.title for d in corpus_library.documents if "alprazolam" in d.drug_keys)
    pane = corpus_window.search_pane
    pane.set_view(View.BY_DRUG)
    model = pane.drug_filter
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    label = f"Alprazolam ({len(expected)})"
    assert label in rows
    children = tree_children(model, model.index(rows[label], 0))
    assert children[0] == "Alprazolam"  # the drug's own page first
    assert sorted(children) == expected


def test_corpus_models_pass_model_tester(corpus_window, qtmodeltester):
    pane = corpus_window.search_pane
    for model in (pane.results, pane.drug_filter):
        qtmodeltester.check(model, force_py=False)


def test_by_drug_counts_and_status_bar_say_what_the_view_shows(window, qtbot):
    pane = window.search_pane
    pane.set_view(View.BY_DRUG)
    type_text(pane.search_field, "amitrip gaba")
    drugs = [pane.drug_filter.index(r, 0).data() for r in range(pane.drug_filter.rowCount())]
    # Amitriptyline has two pages, but the filter shows one of them.
    assert drugs == ["Amitriptyline (1)", "Gabapentin (1)"]
    pane.search_field.clear()
    pane.set_view(View.FAVORITES)
    assert window.count_label.text() == "0 favorites"
    window.open_page("alprazolam-imipramine")
    window.toggle_favorite()
    assert window.count_label.text() == "1 favorite"
    pane.set_view(View.ALL)
    type_text(pane.search_field, "ketamine gabapentin")
    assert (
        window.count_label.text() == "No page matches; 2 related pages"
    )  # the two seed pages with one of them


def test_the_by_drug_view_shows_the_library_loaded_while_it_was_hidden(window, qtbot, tmp_path):
    # The tree is filled when its view is shown: a library that arrived meanwhile must win.
    pane = window.search_pane
    pane.set_view(View.BY_DRUG)
    assert visible_titles(pane.drug_filter)[0] == "Alprazolam (1)"
    pane.set_view(View.ALL)
    write_page(tmp_path, "testazepam.md", "Testazepam")
    write_page(tmp_path, "testazepam-fakeprofen.md", "Testazepam + Fakeprofen")
    wait_for_library = qtbot.waitSignal(window.library_loaded, timeout=30_000)
    with wait_for_library:
        window.load_content(tmp_path)
    pane.set_view(View.BY_DRUG)
    assert visible_titles(pane.drug_filter) == ["Fakeprofen (1)", "Testazepam (2)"]


def test_a_window_reopened_on_the_by_drug_view_lists_its_drugs_at_once(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    assert first.window is not None
    wait_loaded(qtbot, first.window)
    first.window.search_pane.set_view(View.BY_DRUG)
    first.window.close()  # saves the view
    again = launch(qtbot, seeds_dir)
    assert again.window is not None
    wait_loaded(qtbot, again.window)
    pane = again.window.search_pane
    assert pane.current_view() is View.BY_DRUG
    assert len(visible_titles(pane.drug_filter)) == 5  # the seeds' five drugs, on the first frame
    again.window.close()
