"""The content sources the window reads: loading them, File > Add Content Folder…, the
Sources dialog, and what a load has to tell (a source that could not be read, pages
changed since the last start).

The window shows the user's saved sources (``userdata.sources``), or, when it was started
with ``--content DIR`` (or another launch asked for a folder), that folder only, which is
remembered among the saved sources for the next start.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QToolButton

from rxcombo import APP_NAME, wording
from rxcombo.library import Library, Source, enabled_sources
from rxcombo.userdata.sources import add_folder, command_line_sources, saved_sources, store_sources

if TYPE_CHECKING:
    from rxcombo.library import SourceFacts
    from rxcombo.ui.window.main_window import MainWindow

MESSAGE_MS = 5000


class ContentFolders:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.sources: list[Source] = []  # what the window shows now, in order
        self._reported: set[str] = set()  # a warm start delivers twice: say each problem once
        self.dialog: QDialog | None = None  # the last What Changed dialog opened
        self.changes_button = QToolButton()
        self.changes_button.setObjectName("changesButton")
        self.changes_button.setAutoRaise(True)
        self.changes_button.setToolTip("List the pages added, removed or changed since the last start")
        self.changes_button.clicked.connect(self.show_changes)
        self.changes_button.hide()
        window.statusBar().addPermanentWidget(self.changes_button)

    # -- which sources ---------------------------------------------------------------

    def saved(self) -> list[Source]:
        return saved_sources(self.window.settings)

    def load_saved(self) -> None:
        self.load(self.saved())

    def load_folder(self, folder: Path) -> None:
        """This folder only (named as saved when it is a saved source), not remembered."""
        self.load(command_line_sources([folder], self.saved()))

    def load(self, sources: Sequence[Source]) -> None:
        window = self.window
        self.sources = list(sources)
        enabled = enabled_sources(self.sources)
        if enabled:
            window.content_dir = enabled[0].folder
        self._reported.clear()
        self.changes_button.hide()
        window.loading.load(self.sources)

    def open(self, *folders: Path) -> None:
        """``--content DIR`` (repeated) or another launch's folder: shown alone, and kept
        among the saved sources so that the next start still has them."""
        saved = self.saved()
        for folder in folders:
            saved = add_folder(saved, folder)[0]
        self._store(saved)
        window = self.window
        if window.library is not None:  # at start-up the page pane has nothing to replace yet
            window.page_view.show_message("Loading…")
            window.setWindowTitle(APP_NAME)
        if len(folders) == 1:
            window.load_content(folders[0])  # the one entry the start-up benchmark's probe watches
        else:
            self.load(command_line_sources(folders, self.saved()))

    def choose(self) -> None:
        """File > Add Content Folder…"""
        from PySide6.QtWidgets import QFileDialog  # its five enum types cost a start ~2 ms

        folder = QFileDialog.getExistingDirectory(
            self.window, f"Add Content Folder — {APP_NAME}", str(self.window.content_dir)
        )
        if folder:
            self.add(Path(folder))

    def add(self, folder: Path) -> None:
        sources, added = add_folder(self.saved(), folder)
        self._store(sources)
        self.load(sources)
        self.window.statusBar().showMessage(f"Added content folder “{added.name}”: loading…", MESSAGE_MS)

    def edit(self) -> None:
        """File > Sources…: the saved sources, edited in a dialog, then loaded."""
        from rxcombo.ui.dialogs.sources import SourcesDialog  # most sessions never open it

        dialog = SourcesDialog(self.saved(), self.window.library, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply(dialog.sources())

    def apply(self, sources: Sequence[Source]) -> None:
        self._store(sources)
        self.load(sources)

    def _store(self, sources: Sequence[Source]) -> None:
        if list(sources) == self.saved():
            return  # nothing new: a start with --content DIR writes no file
        store_sources(self.window.settings, sources)
        self.window.saving.save_settings()

    # -- what a load says --------------------------------------------------------------

    def library_shown(self, library: Library) -> None:
        """Say which sources could not be read (the others are shown), and offer the list
        of what changed since the last start."""
        problems = [line for facts in library.sources if (line := source_problem(facts))]
        fresh = [line for line in problems if line not in self._reported]
        self._reported.update(fresh)
        if fresh:
            self.window.show_notice("\n\n".join(fresh))
        count = library.changes.count
        self.changes_button.setText(wording.pages_changed(count))
        self.changes_button.setVisible(count > 0)
        if count:
            self.window.statusBar().showMessage(wording.pages_changed(count), 10_000)

    def show_changes(self) -> None:
        from rxcombo.ui.dialogs.what_changed import WhatChangedDialog

        library = self.window.library
        if library is None:
            return
        dialog = WhatChangedDialog(library, self.window.favorites.items(), self.window)
        dialog.page_activated.connect(self.window.open_page)
        dialog.open()
        self.dialog = dialog


def source_problem(facts: SourceFacts) -> str | None:
    """Why a source shows no page (missing, unreadable, empty), or None when it loaded."""
    own = [problem.message for problem in facts.problems if problem.path == facts.folder]
    if not own:
        return None
    return (
        f"The source “{facts.name}” ({facts.folder}) shows no pages: {'; '.join(own)}. "
        "Its pages are not listed or searched until it is back; the other sources are shown."
    )
