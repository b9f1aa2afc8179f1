"""The real main window, driven like a user would (pytest-qt, offscreen).

First launch and the disclaimer, favorites across restarts, the window's chrome and what it
remembers. The search pane, the page view and the action table have their own files.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

from PySide6.QtCore import Qt, QUrl

from helpers.gui import launch, visible_titles, wait_idle, wait_loaded
from rxcombo import __version__
from rxcombo.dirs import favorites_path, settings_path
from rxcombo.support import gc_pause
from rxcombo.ui.dialogs.disclaimer import DISCLAIMER_TITLE
from rxcombo.ui.sidebar.views import View


def files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


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
    monkeypatch.setattr(
        "rxcombo.app.startup.disclaimer_text", lambda: "A revised disclaimer. Not medical advice."
    )
    second = launch(qtbot, seeds_dir, accept=False)
    assert second.dialog is not None and second.dialog.isVisible()
    assert "revised" in second.dialog.text_view.toPlainText()


def test_help_disclaimer_is_available_any_time(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "rxcombo.ui.dialogs.disclaimer.DisclaimerDialog.exec", lambda self: shown.append(self) or 0
    )
    window.disclaimer_action.trigger()
    assert shown and shown[0].windowTitle() == DISCLAIMER_TITLE
    assert shown[0].quit_button is None  # only "Close": nothing to refuse any more


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


def test_the_first_start_caches_its_library_for_a_quick_second_start(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, first.window)
    # The cache is written once the list has been painted (pickling holds the GIL the list
    # needs): by the time the loader is done, it is there.
    wait_idle(qtbot, first.window)
    first.window.close()

    titles = [document.title for document in first.window.library.documents]
    again = launch(qtbot, seeds_dir, accept=False)
    # Warm: the list is in the window before its event loop has run once (no thread, no
    # empty first frame): the cached list's preview; its library is read just after.
    assert visible_titles(again.window.search_pane.results) == titles
    wait_loaded(qtbot, again.window)
    assert again.window.library is not None
    assert [document.title for document in again.window.library.documents] == titles
    assert visible_titles(again.window.search_pane.results) == titles
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


def test_content_folder_from_command_line_is_shown_alone_and_remembered(qtbot, tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "testazepam.md").write_text(
        "---\ntitle: Testazepam\n---\n# Testazepam\nFake.\n", encoding="utf-8"
    )
    first = launch(qtbot, library)
    wait_loaded(qtbot, first.window)
    assert [d.title for d in first.window.library.documents] == ["Testazepam"]
    first.window.close()
    # The next start without --content shows the saved sources: the folder is among them.
    second = launch(qtbot, None, accept=False)
    wait_loaded(qtbot, second.window)
    assert [facts.folder for facts in second.window.library.sources][-1] == library.resolve()
    assert "Testazepam" in [d.title for d in second.window.library.documents]
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


def test_garbage_collection_is_back_once_the_window_has_painted(qtbot, seeds_dir):
    # `rxcombo` pauses collections for its start (support/gc_pause.py); the window turns
    # them back on at its first paint, so a long session's memory stays in check.
    gc_pause.pause()
    try:
        launcher = launch(qtbot, seeds_dir)
        assert launcher.window is not None
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        assert gc.get_freeze_count() > 0  # what the start made is out of later collections' way
        launcher.window.close()
    finally:
        gc_pause.resume()
        gc.unfreeze()  # the other tests' objects are collected as usual


def test_a_start_makes_no_part_it_does_not_show(qtbot, seeds_dir):
    # Printing, favorites files, the drug lists and the comparison are made when first used
    # (ui/window/window_parts.py): a one-look-up session does not pay for them at start.
    launcher = launch(qtbot, seeds_dir)
    window = launcher.window
    wait_loaded(qtbot, window)
    lazy = ("output", "favorites_files", "list_control", "compare_control")
    assert [part for part in lazy if part in vars(window)] == []
    assert "lists_panel" not in vars(window.search_pane)
    window.window_actions["show_lists"].trigger()  # Lists > Show Drug Lists
    assert window.search_pane.current_view() is View.LISTS
    assert window.search_pane.stack.currentWidget() is window.search_pane.lists_panel
    assert "list_control" in vars(window)
    window.close()
