"""Several content sources in the real window: loaded together, told apart, reported when
missing, edited in the Sources dialog and File > Add Content Folder…, shown in About, and
what changed since the last start. Generated pages with visibly fake names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from helpers.gui import launch, visible_titles, wait_idle, wait_loaded
from helpers.pages import bump, write_page
from rxcombo import wording
from rxcombo.dirs import bundled_content_dir, settings_path
from rxcombo.library import BUNDLED_NAME, Source
from rxcombo.ui.dialogs.sources import SourcesDialog
from rxcombo.ui.dialogs.what_changed import FAVORITE_GONE, WhatChangedDialog
from rxcombo.ui.roles import MISSING_ROLE, NOTE_ROLE, PAGE_ID_ROLE
from rxcombo.ui.sidebar.views import View
from rxcombo.userdata import SettingsStore
from rxcombo.userdata.sources import saved_sources, store_sources

BUNDLED = Source(BUNDLED_NAME, bundled_content_dir(), bundled=True)


@pytest.fixture
def first(tmp_path: Path) -> Path:
    root = tmp_path / "first"
    write_page(root, "testazepam.md", "Testazepam", lastModified="2024-03-05")
    write_page(root, "combo.md", "Testazepam + Fakeprofen")
    write_page(root, "mock.md", "Mockacillin")
    (root / "SOURCE.txt").write_text("Fake pages written for the tests.\n", encoding="utf-8")
    return root


@pytest.fixture
def second(tmp_path: Path) -> Path:
    root = tmp_path / "second"
    write_page(root, "testazepam.md", "Testazepam", text="The second source's own text.")
    write_page(root, "sham.md", "Shamoxetine")
    return root


def save_sources(*sources: Source) -> None:
    settings = SettingsStore(settings_path())
    settings.load()
    store_sources(settings, sources)
    assert settings.save()


def saved() -> list[Source]:
    settings = SettingsStore(settings_path())
    settings.load()
    return saved_sources(settings)


def start(qtbot):
    launcher = launch(qtbot, None)
    wait_loaded(qtbot, launcher.window)
    return launcher.window


def test_saved_sources_load_together_and_a_shared_title_is_told_apart(
    qtbot, first, second, tmp_path, monkeypatch
):
    save_sources(BUNDLED, Source("First", first), Source("Second pages", second))
    window = start(qtbot)
    assert [facts.name for facts in window.library.sources] == [BUNDLED_NAME, "First", "Second pages"]
    pane = window.search_pane
    pane.set_query("testazepam")
    rows = [pane.results.index(row, 0) for row in range(pane.results.rowCount())]
    twins = [index for index in rows if index.data() == "Testazepam"]
    assert sorted(index.data(NOTE_ROLE) for index in twins) == ["First", "Second pages"]
    # Each opens its own page, and the header says which source it comes from.
    for index in twins:
        window.open_page(index.data(PAGE_ID_ROLE))
        header = window.page_view.header
        assert header.source_label.isVisibleTo(window)
        assert header.source_label.text() == f"Source: {index.data(NOTE_ROLE)}"
        # File > Export as PDF names the same source under the page.
        out = tmp_path / f"{index.data(NOTE_ROLE)}.pdf"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_a, out=out, **_k: (str(out), "PDF (*.pdf)")
        )
        window.export_pdf_action.trigger()
        text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
        assert f"Testazepam — RxCombo, pages from {index.data(NOTE_ROLE)}, printed" in text
    window.close()


def test_content_given_twice_on_the_command_line_shows_both_folders(qtbot, first, second):
    window = launch(qtbot, [first, second]).window  # rxcombo --content FIRST --content SECOND
    wait_loaded(qtbot, window)
    assert [facts.folder for facts in window.library.sources] == [first, second]
    titles = [d.title for d in window.library.documents]
    assert "Mockacillin" in titles and "Shamoxetine" in titles
    assert {source.folder for source in saved()} >= {first, second}  # kept for the next start
    window.close()


def test_the_page_header_shows_the_content_date_never_a_review(qtbot, first):
    save_sources(Source("First", first))
    window = start(qtbot)
    window.open_page("testazepam")
    fields = window.page_view.header.fields_plain
    assert f"{wording.CONTENT_DATE_LABEL}: 2024-03-05" in fields
    assert "review" not in fields.lower()
    # One source only: the header does not repeat its name on every page.
    assert not window.page_view.header.source_label.isVisibleTo(window)
    window.close()


def test_a_source_that_vanished_is_reported_and_the_others_load(qtbot, first, second):
    save_sources(BUNDLED, Source("First", first), Source("Second pages", second))
    window = start(qtbot)
    window.open_page("shamoxetine")
    window.toggle_favorite()
    wait_idle(qtbot, window)
    window.close()

    shutil.rmtree(second)
    window = start(qtbot)
    qtbot.waitUntil(lambda: window.last_notice is not None and window.last_notice.isVisible())
    notice = window.last_notice.text()
    assert "Second pages" in notice and str(second) in notice and "does not exist" in notice
    assert "Mockacillin" in [d.title for d in window.library.documents]
    assert window.library.get("shamoxetine") is None
    # The favorite into the vanished source is kept, and marked.
    window.search_pane.set_view(View.FAVORITES)
    favorites = window.search_pane.favorites_filter
    assert visible_titles(favorites) == ["Shamoxetine"]
    assert favorites.index(0, 0).data(MISSING_ROLE) is True
    assert window.favorites.contains("shamoxetine")
    window.close()


def test_pages_changed_between_starts_are_counted_and_listed(qtbot, first):
    save_sources(Source("First", first))
    window = start(qtbot)
    assert not window.content_folders.changes_button.isVisibleTo(window)  # a first start: nothing to say
    window.open_page("mockacillin")
    window.toggle_favorite()
    wait_idle(qtbot, window)
    window.close()

    (first / "mock.md").unlink()
    write_page(first, "new.md", "Newoxetine")
    bump(first / "combo.md")
    window = start(qtbot)
    button = window.content_folders.changes_button
    qtbot.waitUntil(lambda: button.isVisibleTo(window))
    assert button.text() == wording.pages_changed(3) == "3 pages changed since last start"
    # Said on the left of the status bar for a while, in place of the count, never over it.
    assert window.statusBar().currentMessage() == wording.pages_changed(3)
    assert not window.count_label.isVisible()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.content_folders.dialog
    assert isinstance(dialog, WhatChangedDialog)
    model = dialog.model
    rows = {
        model.index(r, 1).data(): [model.index(r, c).data() for c in (0, 4)] for r in range(model.rowCount())
    }
    assert rows == {
        "Mockacillin": ["Removed", FAVORITE_GONE],
        "Newoxetine": ["Added", ""],
        "Testazepam + Fakeprofen": ["Changed", ""],
    }
    assert "1 of your favorites" in dialog.summary.text()
    # Opening a row opens its page; a removed page has none to open.
    for row in range(model.rowCount()):
        dialog.table.activated.emit(model.index(row, 0))
    assert window.page_view.document is not None and window.page_view.document.title in (
        "Newoxetine",
        "Testazepam + Fakeprofen",
    )
    removed = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Removed")
    assert model.index(removed, 0).data(PAGE_ID_ROLE) is None
    dialog.close()
    window.close()


def test_add_content_folder_adds_a_saved_source_and_loads_it(qtbot, monkeypatch, seeds_dir, first):
    window = start(qtbot)
    assert len(window.library.documents) == 3
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *args: str(first))
    with qtbot.waitSignal(window.library_loaded, timeout=30_000):
        window.add_folder_action.trigger()
    qtbot.waitUntil(lambda: len(window.library.documents) == 6)
    assert [facts.name for facts in window.library.sources] == [BUNDLED_NAME, "first"]
    assert [(s.name, s.folder) for s in saved()] == [(BUNDLED_NAME, seeds_dir), ("first", first)]
    window.close()


def test_sources_dialog_shows_facts_and_its_changes_are_saved_and_loaded(qtbot, first, second):
    save_sources(BUNDLED, Source("First", first), Source("Second pages", second))
    window = start(qtbot)
    dialog = SourcesDialog(window.content_folders.saved(), window.library, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    cells = [[model.index(row, column).data() for column in (0, 2, 3, 4, 5)] for row in range(3)]
    assert cells[1] == ["First", "3", "3", *cells[1][3:]]
    assert cells[1][3] == "2024-03-05" or cells[1][3] > "2024-03-05"  # newest: a file time is today
    assert cells[1][4] == "2024-03-05"
    dialog.select(1)
    assert dialog.about.toPlainText() == "Fake pages written for the tests.\n"
    assert "SOURCE.txt" in dialog.about_label.text()
    # Turn the bundled pages off, move Second pages first, remove First.
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.select(2)
    dialog.move_selected(-1)
    dialog.move_selected(-1)
    dialog.select(2)
    assert model.source(2).name == "First"
    dialog.remove_selected()
    with qtbot.waitSignal(window.library_loaded, timeout=30_000):
        window.content_folders.apply(dialog.sources())
    qtbot.waitUntil(lambda: [f.name for f in window.library.sources] == ["Second pages"])
    assert sorted(d.title for d in window.library.documents) == ["Shamoxetine", "Testazepam"]
    assert [(s.name, s.enabled) for s in saved()] == [("Second pages", True), (BUNDLED_NAME, False)]
    window.close()


def test_about_lists_each_source_with_its_facts(qtbot, first):
    save_sources(BUNDLED, Source("First <b>pages</b>", first))
    window = start(qtbot)
    text = window.about_text()
    assert "Source: First &lt;b&gt;pages&lt;/b&gt;" in text  # a name from the user is not markup
    assert f"Source: {BUNDLED_NAME}" in text
    assert "<b>Pages:</b> 6" in text and str(first) in text
    assert "Content dates: 2024-03-05 to " in text
    assert "Fake pages written for the tests." in text
    assert "review" not in text.replace("unreviewed", "").lower()
    window.close()
