"""``rxcombo open`` and ``rxcombo:`` links: the hand-over to a running window, a window started
when none runs, the launcher giving the request to the window, and refusals.

The hand-over is tested as in test_single_instance.py: a :class:`SingleInstance` listens in
this process while the real ``python -m rxcombo open …`` runs as a child.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from rxcombo.app.open_request import clipboard_text, deliver, message_fields, request_from_message
from rxcombo.app.single_instance import SingleInstance
from rxcombo.cli.opening import with_open_command
from rxcombo.links import OpenRequest, RequestKind


@pytest.fixture
def listener(qapp):
    instance = SingleInstance()
    assert instance.listen(), instance.last_error
    yield instance
    instance.close()


def child_env(*, display: bool = True) -> dict[str, str]:
    env = dict(os.environ)  # the test's private XDG_* dirs, so the child finds this listener
    env.pop("PYTEST_CURRENT_TEST", None)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def start(*argv: str, display: bool = True) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rxcombo", *argv],
        env=child_env(display=display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def handed_over(qtbot, listener: SingleInstance, *argv: str, display: bool = True) -> dict:
    with qtbot.waitSignal(listener.activation_requested, timeout=30_000) as blocker:
        child = start(*argv, display=display)
    code = child.wait(30)
    assert code == 0, child.stderr.read() if child.stderr else ""
    return blocker.args[0]


# -- the message ---------------------------------------------------------------------------


def test_message_fields_carry_a_link_or_the_text() -> None:
    assert message_fields(None) == {}
    assert message_fields(OpenRequest(RequestKind.PAGE, "testazepam")) == {"open": "rxcombo:page/testazepam"}
    assert message_fields(OpenRequest(RequestKind.LOOKUP, "testaz fake")) == {"open": "testaz fake"}
    assert request_from_message({"cmd": "activate", "open": "rxcombo:search?q=a%20b"}) == OpenRequest(
        RequestKind.SEARCH, "a b"
    )
    assert request_from_message({"cmd": "activate"}) is None


def test_a_hostile_message_is_logged_and_ignored(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="rxcombo.open"):
        for value in (["x"], 3, "", "rxcombo:page/../../etc/passwd", "file:///etc/passwd", "x" * 100_000):
            assert request_from_message({"cmd": "activate", "open": value}) is None
    assert len(caplog.records) == 6
    assert all(len(record.getMessage()) < 400 for record in caplog.records)


def test_deliver_calls_open_request_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    class Window:
        def __init__(self) -> None:
            self.requests: list[OpenRequest] = []

        def open_request(self, request: OpenRequest) -> None:
            self.requests.append(request)

    request = OpenRequest(RequestKind.COMBOS, drugs=("Testazepam", "Fakeprofen"))
    window = Window()
    assert deliver(window, request) and window.requests == [request]
    with caplog.at_level(logging.WARNING, logger="rxcombo.open"):
        assert deliver(object(), request) is False
    assert "rxcombo:combos?drugs=Testazepam,Fakeprofen" in caplog.text


def test_a_link_as_first_argument_is_opened() -> None:
    assert with_open_command(["rxcombo:page/x"]) == ["open", "rxcombo:page/x"]
    assert with_open_command(["--content", "/d", "RXCOMBO:page/x"]) == [
        "--content",
        "/d",
        "open",
        "RXCOMBO:page/x",
    ]
    assert with_open_command(["--content", "rxcombo:x"]) == ["--content", "rxcombo:x"]
    assert with_open_command(["search", "rxcombo:page/x"]) == ["search", "rxcombo:page/x"]
    assert with_open_command([]) == []


def test_clipboard_text_falls_back_to_the_selection(qapp) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("  testazepam \n")
    assert clipboard_text() == "  testazepam \n"
    clipboard.clear()
    assert clipboard_text() == ""


# -- the launcher --------------------------------------------------------------------------


def test_the_launcher_gives_requests_to_the_window(qtbot, seeds_dir, monkeypatch) -> None:
    from helpers.gui import launch

    received: list[OpenRequest] = []
    monkeypatch.setattr(
        "rxcombo.ui.window.main_window.MainWindow.open_request", received.append, raising=False
    )
    launcher = launch(qtbot, seeds_dir, accept=False)  # still at the disclaimer
    assert launcher.window is None
    launcher.activate({"cmd": "activate", "open": "rxcombo:page/alprazolam-imipramine"})
    launcher.activate({"cmd": "activate", "open": "rxcombo:page/../x"})  # refused; the first stays
    assert received == []
    qtbot.waitExposed(launcher.dialog)
    from PySide6.QtCore import Qt

    qtbot.keyClick(launcher.dialog, Qt.Key.Key_Return)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert received == [OpenRequest(RequestKind.PAGE, "alprazolam-imipramine")]
    launcher.activate({"cmd": "activate", "open": "gabapentin amitriptyline"})
    assert received[-1] == OpenRequest(RequestKind.LOOKUP, "gabapentin amitriptyline")
    launcher.activate({"cmd": "activate"})  # a plain relaunch opens nothing
    assert len(received) == 2


# -- real processes ------------------------------------------------------------------------


def test_open_hands_the_text_to_the_running_window(qtbot, listener) -> None:
    assert handed_over(qtbot, listener, "open", "testazepam", "fakeprofen") == {
        "cmd": "activate",
        "open": "testazepam fakeprofen",
    }


def test_a_link_from_the_desktop_is_handed_over(qtbot, listener, tmp_path: Path) -> None:
    message = handed_over(qtbot, listener, "--content", str(tmp_path), "rxcombo:combos?drugs=a%2Cb,c")
    assert message == {"cmd": "activate", "open": "rxcombo:combos?drugs=a%2Cb,c", "content": str(tmp_path)}


def test_the_hand_over_needs_no_display(qtbot, listener) -> None:
    message = handed_over(qtbot, listener, "open", "rxcombo:page/testazepam", display=False)
    assert message["open"] == "rxcombo:page/testazepam"


@pytest.mark.parametrize(
    "link",
    ["rxcombo:page/../../etc/passwd", "rxcombo:search?q=%ff", "rxcombo:" + "x" * 5000, "rxcombo:javascript"],
)
def test_a_malformed_link_is_refused_before_anything_starts(qtbot, listener, link: str) -> None:
    with qtbot.assertNotEmitted(listener.activation_requested, wait=100):
        result = subprocess.run(
            [sys.executable, "-m", "rxcombo", link],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.startswith("rxcombo: ") and "Traceback" not in result.stderr
    assert len(result.stderr) < 400


def test_nothing_to_open_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rxcombo", "open"], env=child_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "name a page" in result.stderr


def test_without_a_display_or_a_window_open_says_so() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rxcombo", "open", "testazepam"],
        env=child_env(display=False),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "no graphical session" in result.stderr


@pytest.mark.slow
def test_open_starts_a_window_when_none_runs(qapp) -> None:
    from rxcombo.app.startup import disclaimer_text
    from rxcombo.dirs import settings_path
    from rxcombo.userdata import SettingsStore, record_acceptance

    settings = SettingsStore(settings_path())
    settings.load()
    assert record_acceptance(settings, disclaimer_text())
    probe = SingleInstance(timeout_ms=500)
    child = start("open", "rxcombo:page/alprazolam-imipramine")
    try:
        deadline = time.monotonic() + 30
        while not probe.ping():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the started window never listened"
            time.sleep(0.2)
        time.sleep(1.5)  # the library loads, then the request opens its page
    finally:
        child.terminate()
        _out, err = child.communicate(timeout=30)
    assert "Traceback" not in err and "cannot open requests" not in err
    # The window opened the page the link asked for: it is the page it remembers on exit.
    saved = SettingsStore(settings_path())
    saved.load()
    assert saved.last_page_id == "alprazolam-imipramine"


# Owns the X11 clipboard and primary selection (an X client must, for others to read them).
CLIPBOARD_OWNER = r"""
import sys
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication
app = QApplication([])
clipboard = QApplication.clipboard()
clipboard.setText(sys.argv[1], QClipboard.Mode.Clipboard)
clipboard.setText(sys.argv[2], QClipboard.Mode.Selection)
print("owned", flush=True)
app.exec()
"""


@pytest.mark.xvfb
def test_open_clipboard_and_selection_under_x11(qtbot, listener, xvfb) -> None:
    env = {**child_env(display=False), "DISPLAY": xvfb}
    owner = subprocess.Popen(
        [sys.executable, "-c", CLIPBOARD_OWNER, "rxcombo:page/testazepam", "  fakeprofen\n"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "owned"
        for flag, expected in (("--clipboard", "rxcombo:page/testazepam"), ("--selection", "fakeprofen")):
            with qtbot.waitSignal(listener.activation_requested, timeout=30_000) as blocker:
                child = subprocess.Popen(
                    [sys.executable, "-m", "rxcombo", "open", flag],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            assert child.wait(30) == 0, child.stderr.read() if child.stderr else ""
            assert blocker.args[0] == {"cmd": "activate", "open": expected}
    finally:
        owner.terminate()
        owner.wait(10)
