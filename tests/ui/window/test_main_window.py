"""The real main window, driven like a user would (pytest-qt, offscreen)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from helpers.gui import launch, tree_children, type_text, visible_titles, wait_loaded
from rxcombo import __version__
from rxcombo.dirs import favorites_path, settings_path
from rxcombo.library import load_library
from rxcombo.ui.dialogs.disclaimer import DISCLAIMER_TITLE
from rxcombo.ui.sidebar.search_pane import View

SEED_TABS = {
    "Alprazolam + Imipramine": [
        "Overview",
        "Alprazolam",
        "Imipramine",
        "Combined Use of Alprazolam and Imipramine",
    ],
    "Amitriptyline + Ketamine": ["Overview", "Amitriptyline", "Ketamine", "Disclaimer"],
    "Gabapentin + Amitriptyline": [
        "Overview",
        "Gabapentin",
        "Amitriptyline",
        "Combined Use of Gabapentin and Amitriptyline",
        "Disclaimer",
        "Note",
    ],
}


def files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def window(qtbot, seeds_dir):
    launcher = launch(qtbot, seeds_dir)
    assert launcher.window is not None
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


# -- first launch ----------------------------------------------------------------------


def test_first_launch_shows_disclaimer_and_quit_writes_nothing(qtbot, seeds_dir, isolated_user_dirs):
    launcher = launch(qtbot, seeds_dir, accept=False)
    dialog = launcher.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Disclaimer — RxCombo"
    assert "not medical advice" in dialog.text_view.toPlainText()
    assert launcher.window is None  # no content before the disclaimer is accepted
    with qtbot.waitSignal(launcher.finished) as outcome:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert outcome.args == [False]
    assert launcher.window is None
    assert files_under(isolated_user_dirs["XDG_DATA_HOME"], isolated_user_dirs["XDG_CONFIG_HOME"]) == []


def test_escape_at_the_disclaimer_quits(qtbot, seeds_dir, isolated_user_dirs):
    launcher = launch(qtbot, seeds_dir, accept=False)
    with qtbot.waitSignal(launcher.finished) as outcome:
        qtbot.keyClick(launcher.dialog, Qt.Key.Key_Escape)
    assert outcome.args == [False]
    assert not settings_path().exists()


def test_accepting_opens_window_and_second_start_does_not_ask(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    assert first.window is not None and first.window.isVisible()
    assert first.dialog is not None and not first.dialog.isVisible()
    assert settings_path().exists()
    first.window.close()

    second = launch(qtbot, seeds_dir, accept=False)
    assert second.dialog is None
    assert second.window is not None and second.window.isVisible()
    second.window.close()


def test_changed_disclaimer_is_asked_again(qtbot, seeds_dir, monkeypatch):
    first = launch(qtbot, seeds_dir)
    first.window.close()
    monkeypatch.setattr("rxcombo.app.startup.disclaimer_text", lambda: "A revised disclaimer. Not medical advice.")
    second = launch(qtbot, seeds_dir, accept=False)
    assert second.dialog is not None and second.dialog.isVisible()
    assert "revised" in second.dialog.text_view.toPlainText()


def test_help_disclaimer_is_available_any_time(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("rxcombo.ui.dialogs.disclaimer.DisclaimerDialog.exec", lambda self: shown.append(self) or 0)
    window.disclaimer_action.trigger()
    assert shown and shown[0].windowTitle() == DISCLAIMER_TITLE
    assert shown[0].quit_button is None  # only "Close": nothing to refuse any more


# -- search ----------------------------------------------------------------------------


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
    type_text(window.search_pane.search_field, "xyz")
    pane = window.search_pane
    assert pane.stack.isHidden() and not pane.empty_label.isHidden()
    assert pane.empty_label.text() == "No page matches 'xyz'."


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


def test_every_seed_opens_with_expected_tabs_and_marked_disclaimer(window, qtbot):
    for document in window.library.documents:
        window.open_page(document.id)
        assert window.page_view.tab_titles() == SEED_TABS[document.title]
        tabs = window.page_view.tabs
        for number, title in enumerate(window.page_view.tab_titles()):
            marked = not tabs.tabIcon(number).isNull()
            assert marked == (title in {"Disclaimer", "Note"}), title
            text = tabs.widget(number).toPlainText()
            assert text.strip(), title
            assert "**" not in text


def test_mojibake_is_shown_repaired(window, qtbot):
    window.open_page("amitriptyline-ketamine")
    tabs = window.page_view.tabs
    amitriptyline = tabs.widget(window.page_view.tab_titles().index("Amitriptyline")).toPlainText()
    assert "It’s particularly important" in amitriptyline
    assert "â€" not in amitriptyline


def test_tab_navigation_and_same_tab_kept_across_pages(window, qtbot):
    window.open_page("alprazolam-imipramine")
    tabs = window.page_view.tabs
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Alprazolam"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.tabText(tabs.currentIndex()) == "Imipramine"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # wraps around
    assert tabs.currentIndex() == tabs.count() - 1
    # "Overview" exists on every seed: opening another page keeps it.
    tabs.setCurrentIndex(0)
    window.open_page("gabapentin-amitriptyline")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Overview"
    window.page_view.tabs.setCurrentIndex(window.page_view.tab_titles().index("Disclaimer"))
    window.open_page("amitriptyline-ketamine")
    assert window.page_view.tabs.tabText(window.page_view.tabs.currentIndex()) == "Disclaimer"


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


# -- favorites -------------------------------------------------------------------------


def test_ctrl_d_stars_page_and_it_survives_restart(qtbot, seeds_dir):
    launcher = launch(qtbot, seeds_dir)
    window = launcher.window
    wait_loaded(qtbot, window)
    window.open_page("alprazolam-imipramine")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.page_view.star_button.isChecked()
    window.open_page("amitriptyline-ketamine")
    window.toggle_favorite()
    window.search_pane.set_view(View.FAVORITES)
    # Newest first.
    assert visible_titles(window.search_pane.favorites_filter) == [
        "Amitriptyline + Ketamine",
        "Alprazolam + Imipramine",
    ]
    stored = json.loads(favorites_path().read_text(encoding="utf-8"))
    assert {entry["id"] for entry in stored["favorites"]} == {
        "alprazolam-imipramine",
        "amitriptyline-ketamine",
    }
    window.close()

    again = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, again.window)
    again.window.search_pane.set_view(View.FAVORITES)
    assert visible_titles(again.window.search_pane.favorites_filter) == [
        "Amitriptyline + Ketamine",
        "Alprazolam + Imipramine",
    ]
    # Rows of favorites carry the star in the all-pages list.
    results = again.window.search_pane.results
    from rxcombo.ui.roles import FAVORITE_ROLE

    starred = {
        results.index(r, 0).data()
        for r in range(results.rowCount())
        if results.index(r, 0).data(FAVORITE_ROLE)
    }
    assert starred == {"Amitriptyline + Ketamine", "Alprazolam + Imipramine"}
    again.window.close()


def test_toggling_twice_unstars(window, qtbot):
    window.open_page("alprazolam-imipramine")
    window.toggle_favorite()
    window.toggle_favorite()
    assert not window.page_view.star_button.isChecked()
    assert window.favorites.items() == []


def test_favorite_of_missing_page_is_kept_and_shown_missing(qtbot, seeds_dir, tmp_path):
    launcher = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, launcher.window)
    launcher.window.open_page("alprazolam-imipramine")
    launcher.window.toggle_favorite()
    launcher.window.close()

    other = tmp_path / "other"
    other.mkdir()
    (other / "testazepam.md").write_text(
        "---\ntitle: Testazepam\n---\n# Testazepam\nFake text.\n", encoding="utf-8"
    )
    second = launch(qtbot, other, accept=False)
    wait_loaded(qtbot, second.window)
    second.window.search_pane.set_view(View.FAVORITES)
    from rxcombo.ui.roles import MISSING_ROLE

    model = second.window.search_pane.favorites_filter
    assert visible_titles(model) == ["Alprazolam + Imipramine"]
    assert model.index(0, 0).data(MISSING_ROLE) is True
    second.window.close()
    stored = json.loads(favorites_path().read_text(encoding="utf-8"))
    assert [entry["id"] for entry in stored["favorites"]] == ["alprazolam-imipramine"]


def test_damaged_favorites_file_is_moved_aside_and_user_told(qtbot, seeds_dir):
    path = favorites_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "rxcombo-favorites", "favorites": [', encoding="utf-8")
    launcher = launch(qtbot, seeds_dir)
    window = launcher.window
    wait_loaded(qtbot, window)
    aside = list(path.parent.glob("favorites.json.damaged-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == '{"format": "rxcombo-favorites", "favorites": ['
    assert window.last_notice is not None and "favorites.json" in window.last_notice.text()
    window.last_notice.close()
    # The app goes on: starring works and writes a fresh file, the damaged one untouched.
    window.open_page("alprazolam-imipramine")
    window.toggle_favorite()
    assert json.loads(path.read_text(encoding="utf-8"))["favorites"][0]["id"] == "alprazolam-imipramine"
    assert len(list(path.parent.glob("favorites.json.damaged-*"))) == 1
    window.close()


# -- window chrome and state -----------------------------------------------------------


def test_about_names_version_folder_counts_and_favorites_path(window):
    text = window.about_text()
    assert __version__ in text
    assert str(window.content_dir) in text
    assert "<b>Pages:</b> 3" in text and "<b>Drugs:</b> 5" in text
    assert str(favorites_path()) in text


def test_menus_have_the_usual_shortcuts(window):
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.toggle_favorite_action.shortcut().toString() == "Ctrl+D"
    assert window.open_folder_action.shortcut().toString() == "Ctrl+O"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "F&avorites", "&Help"]


def test_size_splitter_and_open_page_survive_restart(qtbot, seeds_dir):
    launcher = launch(qtbot, seeds_dir)
    window = launcher.window
    wait_loaded(qtbot, window)
    window.resize(760, 560)  # the offscreen screen is 800x600
    window.splitter.setSizes([250, 650])
    sizes = window.splitter.sizes()
    window.open_page("gabapentin-amitriptyline")
    window.close()

    again = launch(qtbot, seeds_dir, accept=False)
    wait_loaded(qtbot, again.window)
    assert again.window.size().width() == 760 and again.window.size().height() == 560
    assert again.window.splitter.sizes() == sizes
    # The last page reopens just after the list is on screen.
    qtbot.waitUntil(lambda: again.window.page_view.document is not None, timeout=5000)
    assert again.window.page_view.document.id == "gabapentin-amitriptyline"
    again.window.close()


def test_usable_at_800x600(window, qtbot):
    window.resize(800, 600)
    window.open_page("gabapentin-amitriptyline")
    qtbot.wait(50)
    assert window.width() <= 800 and window.height() <= 600
    assert window.search_pane.search_field.isVisible()
    assert window.page_view.tabs.isVisible()
    assert window.page_view.star_button.isVisible()
    assert window.page_view.tabs.currentWidget().viewport().width() > 300


def test_content_folder_from_command_line_is_remembered(qtbot, tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "testazepam.md").write_text(
        "---\ntitle: Testazepam\n---\n# Testazepam\nFake.\n", encoding="utf-8"
    )
    first = launch(qtbot, library)
    wait_loaded(qtbot, first.window)
    assert [d.title for d in first.window.library.documents] == ["Testazepam"]
    first.window.close()
    second = launch(qtbot, None, accept=False)
    wait_loaded(qtbot, second.window)
    assert second.window.content_dir == library.resolve()
    second.window.close()


def test_missing_content_folder_falls_back_to_bundled_pages(qtbot, tmp_path):
    launcher = launch(qtbot, tmp_path / "nowhere")
    wait_loaded(qtbot, launcher.window)
    assert len(launcher.window.library.documents) == 3
    assert "does not exist" in launcher.window.last_notice.text()
    launcher.window.close()


def test_external_link_opens_only_after_confirmation(window, qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(
        "rxcombo.ui.dialogs.links.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    answers = iter([False, True])
    monkeypatch.setattr("rxcombo.ui.dialogs.links.confirm_external_link", lambda parent, url: next(answers))
    window.page_view.external_link_clicked.emit(QUrl("https://example.org/a"))
    assert opened == []
    window.page_view.external_link_clicked.emit(QUrl("https://example.org/a"))
    assert opened == ["https://example.org/a"]
    window.page_view.external_link_clicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/a"]


# -- models ----------------------------------------------------------------------------


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


# -- the real library (skipped without ../shared/corpus) -------------------------------


@pytest.fixture(scope="module")
def corpus_library(corpus_dir):
    return load_library(corpus_dir, bodies=True)


@pytest.fixture
def corpus_window(qtbot, corpus_dir):
    launcher = launch(qtbot, corpus_dir)
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


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


def test_status_bar_counts_pages_of_the_by_drug_view(window, qtbot):
    window.search_pane.set_view(View.BY_DRUG)
    type_text(window.search_pane.search_field, "amitrip")
    # Amitriptyline's two pages, listed once each although Gabapentin's node is not shown.
    assert window.count_label.text() == "2 of 3 pages match"
    type_text(window.search_pane.search_field, " gaba")
    assert window.count_label.text() == "1 of 3 pages match"
    window.search_pane.search_field.clear()
    assert window.count_label.text() == "3 pages, 5 drugs"
