"""The drug lists in the window: making, renaming and deleting lists, adding and removing
drugs, and the open list's report, recomputed on every change (well under a frame for 30
drugs: tests/benchmarks/combos.py).

Lists are kept by :class:`~rxcombo.userdata.ListsStore` (beside the favorites, saved at
each change through the window's SaveRetry). A ``rxcombo:combos?drugs=…`` link shows its
drugs as a list of its own, "From link", kept in memory only until the user saves it under
a name (Rename List…), so that a link never writes to the user's files.
"""

from __future__ import annotations

from functools import cached_property, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from rxcombo import APP_NAME
from rxcombo.dirs import lists_path
from rxcombo.library import Library
from rxcombo.search.drug_names import DrugNames, entry_key
from rxcombo.ui.sidebar.views import View
from rxcombo.userdata import ListsStore

if TYPE_CHECKING:
    from rxcombo.search.combos import CombinationReport
    from rxcombo.ui.window.main_window import MainWindow
    from rxcombo.ui.window.report_output import ReportOutput

FROM_LINK = "From link (not saved)"
DEFAULT_LIST = "My list"
EMPTY_LIST = "This list is empty. Add drugs by name above: the report shows which pages cover them."
LOADING = "Loading pages…"
SUGGESTIONS = 12
MESSAGE_MS = 5000
LIST_ACTIONS = (
    "new_list",
    "rename_list",
    "delete_list",
    None,
    "copy_report",
    "export_report",
    "print_report",
)


class ListControl:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = window.search_pane.lists_panel
        self.store = ListsStore(lists_path())
        loaded = self.store.load()
        if not loaded.ok and loaded.message:  # a damaged file was set aside: say so once shown
            QTimer.singleShot(0, partial(window.show_notice, loaded.message))
        names = self.store.names()
        self.current: str | None = names[0] if names else None  # the open saved list
        self.link_entries: list[str] | None = None  # the "From link" list, in memory only
        self.on_link = False  # the "From link" list is the open one
        self.report: CombinationReport | None = None
        self._names: tuple[Library, DrugNames] | None = None
        window.saving.watch(self.store)
        self.panel.list_chosen.connect(self._chosen)
        self.panel.add_requested.connect(self.add)
        self.panel.remove_requested.connect(self.remove)
        self.panel.typed.connect(self._complete)
        self.panel.menu.aboutToShow.connect(self._fill_menu)
        self.panel.report_model.set_favorite_check(window.favorites.contains)
        window.library_loaded.connect(self.refresh)
        # Typing a search while the lists show means looking for pages: show them.
        window.search_pane.search_field.textEdited.connect(self._search_typed)
        self.refresh()

    @cached_property
    def output(self) -> ReportOutput:
        """Copy, export and print of the report, made on first use (its file dialog and
        printer are not a start's business)."""
        from rxcombo.ui.window.report_output import ReportOutput

        return ReportOutput(self.window, lambda: self.report, self.title)

    # -- what is shown -------------------------------------------------------------------

    def title(self) -> str:
        return FROM_LINK if self.on_link else self.current or DEFAULT_LIST

    def entries(self) -> list[str]:
        if self.on_link:
            return list(self.link_entries or [])
        saved = self.store.get(self.current) if self.current else None
        return list(saved.entries) if saved else []

    def drug_names(self) -> DrugNames | None:
        library = self.window.library
        if library is None:
            return None
        if self._names is None or self._names[0] is not library:
            self._names = (library, DrugNames(library))
        return self._names[1]

    def refresh(self) -> None:
        """The chooser, the entries and the report, from the store (after any change)."""
        names = self.store.names()
        saved = self.store.get(self.current) if self.current else None
        self.current = saved.name if saved else (names[0] if names else None)
        shown = names + ([FROM_LINK] if self.link_entries is not None else [])
        row = len(names) if self.on_link else (names.index(self.current) if self.current else -1)
        self.panel.show_lists(shown, row)
        entries = self.entries()
        self.panel.show_entries(entries)
        library, drug_names = self.window.library, self.drug_names()
        if library is None or drug_names is None:
            self.report = None
            self.panel.report_model.set_report(None, LOADING)
        else:
            self.report = _report(library, entries, drug_names) if entries else None
            self.panel.report_model.set_report(self.report, EMPTY_LIST)
        self.panel.report_label.setText(f"Report on {self.title()}" if entries else "Report")

    def show_lists(self) -> None:
        """Lists > Show Drug Lists: the view, with the add field ready for typing."""
        self.window.search_pane.set_view(View.LISTS)
        if not self.window.search_pane.isVisible():
            self.window.toggle_sidebar()
        self.panel.add_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_from_link(self, drugs: tuple[str, ...]) -> None:
        """A ``rxcombo:combos?drugs=…`` link: its drugs' report, in a list not saved."""
        names = self.drug_names()
        self.link_entries = list(dict.fromkeys(names.canonical(d) if names else d for d in drugs))
        self.on_link = True
        self.refresh()
        self.window.search_pane.set_view(View.LISTS)

    def _chosen(self, row: int) -> None:
        names = self.store.names()
        self.on_link = row >= len(names) and self.link_entries is not None
        if 0 <= row < len(names):
            self.current = names[row]
        self.refresh()

    def _search_typed(self, _text: str) -> None:
        if self.window.search_pane.current_view() is View.LISTS:
            self.window.search_pane.set_view(View.ALL)

    def _complete(self, text: str) -> None:
        names = self.drug_names()
        found = names.suggest(text, SUGGESTIONS) if names is not None and text.strip() else []
        self.panel.completion_model.set_suggestions(found)

    def _fill_menu(self) -> None:
        menu = self.panel.menu
        if menu.actions():
            return
        for name in LIST_ACTIONS:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.window.window_actions[name])

    # -- changes ---------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _save(self) -> None:
        self.window.saving.save_store(self.store)
        self.refresh()

    def add(self, text: str) -> None:
        """Add what was typed or picked; a name that names a drug in the drug's spelling,
        anything else as written (never replaced by a similar spelling)."""
        names = self.drug_names()
        entry = names.canonical(text) if names is not None else " ".join(text.split())
        self.panel.add_field.clear()
        self.panel.completion_model.set_suggestions([])
        if not entry_key(entry):
            return
        if self.on_link:
            held = [entry_key(e) for e in self.link_entries or []]
            if entry_key(entry) not in held:
                self.link_entries = [*(self.link_entries or []), entry]
            self.refresh()
            return
        name = self.current or DEFAULT_LIST
        try:
            added = self.store.add(name, entry)
        except ValueError as exc:  # too long, not text: the store says what is wrong
            self._say(str(exc))
            return
        saved = self.store.get(name)
        self.current = saved.name if saved else name
        self._say(f"Added {entry} to {self.current}." if added else f"{self.current} already holds {entry}.")
        self._save()

    def remove(self, entry: str) -> None:
        if self.on_link:
            self.link_entries = [e for e in self.link_entries or [] if entry_key(e) != entry_key(entry)]
            self.refresh()
        elif self.current and self.store.remove(self.current, entry):
            self._say(f"Removed {entry} from {self.current}.")
            self._save()

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit  # dialogs: on first use

        caption = f"{title} — {APP_NAME}"
        name, ok = QInputDialog.getText(self.window, caption, label, QLineEdit.EchoMode.Normal, text)
        return name if ok and name.strip() else None

    def new_list(self) -> None:
        name = self._ask_name("New Drug List", "Name of the new list (for example Me or Mum):")
        if name is None:
            return
        try:
            created = self.store.create(name)
        except ValueError as exc:
            self._say(str(exc))
            return
        if not created:
            self._say(f"A list named {name} exists already.")
            return
        saved = self.store.get(name)
        self.current, self.on_link = (saved.name if saved else name), False
        self._save()
        self.show_lists()

    def rename_list(self) -> None:
        """Rename the open list; the "From link" list is saved under the name given."""
        if not self.on_link and self.current is None:
            self._say("No list to rename: make one with New List… first.")
            return
        old = None if self.on_link else self.current
        title = "Save List As" if old is None else "Rename List"
        name = self._ask_name(title, "Name of the list:", old or "")
        if name is None:
            return
        try:
            if old is None:
                done = self.store.create(name)
                for entry in (self.link_entries or []) if done else []:
                    self.store.add(name, entry)
            else:
                done = self.store.rename(old, name)
        except ValueError as exc:
            self._say(str(exc))
            return
        if not done:
            self._say(f"A list named {name} exists already.")
            return
        if old is None:
            self.link_entries, self.on_link = None, False
        saved = self.store.get(name)
        self.current = saved.name if saved else name
        self._save()

    def delete_list(self) -> None:
        if self.on_link:
            self.link_entries, self.on_link = None, False
            self.refresh()
            return
        saved = self.store.get(self.current) if self.current else None
        if saved is None:
            self._say("No list to delete.")
            return
        count = len(saved.entries)
        entries = f"{count} entr{'y' if count == 1 else 'ies'}"
        question = f"Delete this list and its {entries}?\n{saved.name}"  # the name below: never markup
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self.window, f"Delete List — {APP_NAME}", question, buttons)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.store.delete(saved.name)
        self.current = None
        self._say(f"Deleted the list {saved.name}.")
        self._save()

    def save_now(self) -> None:
        """At close: a list change whose save failed gets one more try."""
        if self.store.dirty:
            self.store.save()


def _report(library: Library, entries: list[str], names: DrugNames) -> CombinationReport:
    """The report of a list's entries; its module is imported with the first list shown."""
    from rxcombo.search.combos import combination_report

    return combination_report(library, entries, names)
