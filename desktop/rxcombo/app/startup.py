"""Starting the window: disclaimer first, then the main window, content loading off-thread."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rxcombo.app import qt_import  # first: Qt is imported through it, and cheaper

# isort: split
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from rxcombo import APP_NAME, __version__
from rxcombo.app.single_instance import SingleInstance
from rxcombo.dirs import bundled_content_dir, favorites_path, resources_dir, settings_path
from rxcombo.support import dataclass_code, gc_pause, regex_code, timing
from rxcombo.ui.icons import app_icon
from rxcombo.ui.window.main_window import MainWindow
from rxcombo.ui.window.raising import bring_to_front
from rxcombo.userdata import FavoritesStore, SettingsStore, is_accepted, record_acceptance

if TYPE_CHECKING:  # links and requests are imported when one arrives: most starts have none
    from rxcombo.links import OpenRequest
    from rxcombo.ui.dialogs.disclaimer import DisclaimerDialog

DESKTOP_FILE_NAME = "io.github.rxcombo.RxCombo"
LISTEN_AT_THE_LATEST_MS = 2000
UI_SWITCH_INTERVAL_S = 0.0005  # see make_application


def disclaimer_text() -> str:
    return (resources_dir() / "disclaimer.md").read_text(encoding="utf-8")


class Launcher(QObject):
    """The start-up sequence, without blocking calls, so tests can drive every step."""

    finished = Signal(bool)  # True: the window is up; False: the user quit at the disclaimer
    settled = Signal()  # the first thing the user sees is up: the disclaimer, or the painted list

    def __init__(
        self,
        content: Path | Sequence[Path] | None = None,
        parent: QObject | None = None,
        open_request: OpenRequest | None = None,
    ) -> None:
        super().__init__(parent)
        self.requested_content = [content] if isinstance(content, Path) else list(content or ())
        self.pending_open = open_request  # given to the window once it exists
        self.settings = SettingsStore(settings_path())
        self.favorites = FavoritesStore(favorites_path())
        self.text = disclaimer_text()
        self.dialog: DisclaimerDialog | None = None
        self.window: MainWindow | None = None
        self._startup_messages: list[str] = []

    def launch(self) -> None:
        report = self.settings.load()
        if not report.ok and report.message:
            self._startup_messages.append(report.message)
        if is_accepted(self.settings, self.text):
            self._open_window()
            return
        from rxcombo.ui.dialogs.disclaimer import DisclaimerDialog  # first launch only

        self.dialog = DisclaimerDialog(self.text, first_launch=True)
        self.dialog.accepted.connect(self._on_accepted)
        self.dialog.rejected.connect(self._on_rejected)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.settled.emit()

    def activate(self, message: dict[str, Any]) -> None:
        """Another launch asked this instance to come forward, maybe with a folder to open
        and something to open in it (``rxcombo open``, an ``rxcombo:`` link)."""
        content = message.get("content")
        folder = Path(content) if isinstance(content, str) and content else None
        from rxcombo.app.open_request import request_from_message

        request = request_from_message(message)
        window = self.window
        if window is None:
            if folder is not None:
                self.requested_content = [folder]  # opened once the disclaimer is accepted
            if request is not None:
                self.pending_open = request
            if self.dialog is not None:
                bring_to_front(self.dialog)
            return
        bring_to_front(window)
        if folder is not None and folder.is_dir() and folder.resolve() != Path(window.content_dir).resolve():
            window.content_folders.open(folder.resolve())
        if request is not None:
            from rxcombo.app.open_request import deliver

            deliver(window, request)

    def _on_accepted(self) -> None:
        record_acceptance(self.settings, self.text)
        self._open_window()

    def _on_rejected(self) -> None:
        self.finished.emit(False)
        QApplication.quit()

    def _load(self, window: MainWindow) -> None:
        """The folders asked for on the command line (alone, and remembered), else the
        user's saved sources."""
        chosen = [folder.expanduser().resolve() for folder in self.requested_content]
        present = [folder for folder in chosen if folder.is_dir()]
        for folder in chosen:
            if folder not in present:
                instead = "" if present else "; showing your saved sources instead"
                self._startup_messages.append(f"The content folder {folder} does not exist{instead}.")
        if present:
            window.content_folders.open(*present)
            return
        window.content_folders.load_saved()

    def _open_window(self) -> None:
        report = self.favorites.load()
        if not report.ok and report.message:
            self._startup_messages.append(report.message)
        window = MainWindow(self.settings, self.favorites, bundled_content_dir(), self.text)
        self.window = window
        window.loading.first_painted.connect(self.settled)
        window.loading.first_painted.connect(qt_import.save_compiled)  # the window is up
        window.loading.first_painted.connect(dataclass_code.save)  # as is what it defined
        window.loading.first_painted.connect(regex_code.save)  # and compiled
        self._load(window)  # before show(): a warm start's first frame holds the list
        window.show()
        timing.mark("window-shown")
        if self.pending_open is not None:
            from rxcombo.app.open_request import deliver

            deliver(window, self.pending_open)  # the window keeps it until its pages are loaded
            self.pending_open = None
        self.finished.emit(True)
        if self._startup_messages:
            window.show_notice("\n\n".join(dict.fromkeys(self._startup_messages)))


def _quit_on_signals(app: QApplication) -> QTimer:
    """SIGTERM/SIGINT close the window normally (state saved) instead of killing it.

    Python only runs signal handlers between bytecodes; a timer makes sure it gets the
    chance while Qt's event loop is in C++.
    """

    def handle(_signum: int, _frame: object) -> None:
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
    timer = QTimer()
    timer.start(250)
    timer.timeout.connect(lambda: None)
    return timer


def _listen(instance: SingleInstance) -> None:
    if instance.server is None and not instance.listen():
        print(f"rxcombo: running without single-instance check: {instance.last_error}", file=sys.stderr)


def make_application(argv: list[str] | None = None) -> QApplication:
    # While a worker thread runs Python (the loader, the search warm-up, the full-text
    # build), the window's thread waits for the interpreter lock each time it takes it back
    # from Qt, up to the switch interval: 5 ms by default, several times a frame. At 0.5 ms,
    # typing at 100,000 pages (interact.py) settled at p95 19 ms, not 29 (slowest 32, not 337).
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    return app


def run_gui(
    content: Path | Sequence[Path] | None = None,
    new_instance: bool = False,
    open_request: OpenRequest | None = None,
) -> int:
    """The window; ``content``: the folder or folders of ``--content`` (else the saved sources)."""
    folders = [content] if isinstance(content, Path) else list(content or ())
    app = make_application()
    instance: SingleInstance | None = None
    if not new_instance:
        instance = SingleInstance(app)
        request = {"content": str(folders[0].expanduser().resolve())} if folders else {}
        if open_request is not None:  # links and the search they need only when one came
            from rxcombo.app.open_request import message_fields

            request.update(message_fields(open_request))
        if instance.try_activate_existing(request):
            return 0  # the running window came forward instead
        if not instance.reserve():
            if instance.try_activate_existing(request):
                return 0  # another launch became the instance meanwhile
            print(f"rxcombo: running without single-instance check: {instance.last_error}", file=sys.stderr)
            instance = None
        elif instance.try_activate_existing(request):
            instance.close()  # it held the lock until it listened: it is the instance
            return 0
    _signal_timer = _quit_on_signals(app)
    launcher = Launcher(folders, open_request=open_request)
    if instance is not None:
        instance.activation_requested.connect(launcher.activate)
        listen = partial(_listen, instance)
        # Listening waits for the first paint (the lock keeps other launches waiting
        # meanwhile); the timer covers a window that never paints a list.
        launcher.settled.connect(listen)
        QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, listen)
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, gc_pause.resume)  # a window that never paints
    launcher.launch()
    code = app.exec()
    if instance is not None:
        instance.close()
    if launcher.window is not None:
        launcher.window.stop_loaders()
        launcher.window.save_state()
        qt_import.save_compiled()  # a window that never painted a list
    del _signal_timer
    return code
