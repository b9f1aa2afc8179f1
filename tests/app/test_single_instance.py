"""One window per user and data folder: a second launch brings the first forward and exits.

In-process tests drive two :class:`SingleInstance` objects in one QApplication (the client
waits in a local event loop, so the server in the same thread still answers). The
process tests start the real ``python -m rxcombo`` twice under the offscreen platform.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from rxcombo.app.single_instance import SingleInstance, decode_message, encode_message
from rxcombo.dirs import server_key, server_name
from rxcombo.ui.window.raising import bring_to_front


@pytest.fixture
def pair(qapp: QApplication):
    first, second = SingleInstance(), SingleInstance()
    yield first, second
    first.close()
    second.close()


def test_name_depends_on_user_and_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_key(a) != server_key(b)
    assert server_key(a) == server_key(a)
    assert server_key(a).startswith("rxcombo-") and len(server_key(a)) == len("rxcombo-") + 16
    monkeypatch.setattr("rxcombo.dirs._user_name", lambda: "someone-else")
    other_user = server_key(a)
    monkeypatch.undo()
    assert other_user != server_key(a)


def test_name_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = server_name()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    assert server_name() != before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG runtime dir is Linux-only")
def test_socket_lives_in_private_runtime_dir(pair, isolated_user_dirs) -> None:
    first, _ = pair
    assert Path(first.name).parent == isolated_user_dirs["XDG_RUNTIME_DIR"]
    assert first.listen()
    mode = Path(first.name).stat().st_mode
    assert mode & 0o077 == 0, oct(mode)  # user access only


def test_message_codec() -> None:
    line = encode_message({"cmd": "activate", "content": "/päth/ü"})
    assert line.endswith(b"\n") and b"\n" not in line[:-1]
    assert decode_message(line.strip()) == {"cmd": "activate", "content": "/päth/ü"}
    for bad in (b"", b"[]", b"1", b'{"cmd": 3}', b"\xff\xfe", b"{" * 100_000, b'{"x": 1}'):
        assert decode_message(bad) is None


def test_nobody_running_means_no_activation(pair) -> None:
    _, second = pair
    started = time.monotonic()
    assert second.try_activate_existing({"content": None}) is False
    assert time.monotonic() - started < 2
    assert second.ping() is False


def test_second_activates_first(pair, qtbot) -> None:
    first, second = pair
    assert first.listen()
    with qtbot.waitSignal(first.activation_requested, timeout=5000) as blocker:
        assert second.try_activate_existing({"content": "/some/folder"}) is True
    assert blocker.args == [{"cmd": "activate", "content": "/some/folder"}]
    # Again: the server keeps serving.
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.try_activate_existing() is True


def test_ping_does_not_activate(pair, qtbot) -> None:
    first, second = pair
    assert first.listen()
    with qtbot.assertNotEmitted(first.activation_requested, wait=200):
        assert second.ping() is True


def test_second_cannot_listen_while_first_runs(pair) -> None:
    first, second = pair
    assert first.listen()
    assert second.listen() is False
    assert "another instance" in second.last_error
    # The first still owns the name.
    assert SingleInstance().ping()
    first.close()
    assert second.listen()
    assert SingleInstance().ping()


def test_a_launch_that_has_reserved_the_name_is_found_once_it_listens(qapp: QApplication) -> None:
    # The first launch takes the lock at once but listens only after its first paint.
    first, second = SingleInstance(), SingleInstance(timeout_ms=100)
    try:
        assert first.reserve()
        assert second.try_activate_existing() is False  # nobody listens yet
        assert second.listen() is False  # the lock is held: it cannot take the name
        assert "cannot lock" in second.last_error
        assert first.listen()
        assert second.try_activate_existing()  # now it finds the first
        assert second.listen() is False
        assert "another instance" in second.last_error
    finally:
        first.close()
        second.close()


def test_no_socket_file_means_no_connection_attempt(pair, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _second = pair
    assert not Path(first.name).exists()

    def no_socket(*_args: object) -> None:
        raise AssertionError("a connection was attempted with no socket file")

    monkeypatch.setattr("PySide6.QtNetwork.QLocalSocket.connectToServer", no_socket)
    assert first.try_activate_existing() is False
    assert first.last_error == "no instance is running"


def test_close_removes_socket(pair) -> None:
    first, second = pair
    assert first.listen()
    first.close()
    assert second.ping() is False
    if os.path.isabs(first.name):
        assert not Path(first.name).exists()


def test_junk_clients_do_not_crash_or_activate(pair, qtbot) -> None:
    first, second = pair
    assert first.listen()
    for junk in (b"not json\n", b"[1,2]\n", b'{"cmd":"rm -rf"}\n', b"\x00\xff\n", b"x" * 70_000):
        client = QLocalSocket()
        client.connectToServer(first.name)
        assert client.waitForConnected(2000)
        client.write(junk)
        client.flush()
        with qtbot.assertNotEmitted(first.activation_requested, wait=100):
            qtbot.waitUntil(
                lambda c=client: c.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=3000
            )
        client.abort()
    # A silent client is cut off after the read timeout, and others are still served.
    silent = QLocalSocket()
    silent.connectToServer(first.name)
    assert silent.waitForConnected(2000)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.try_activate_existing() is True
    silent.abort()


def test_stale_socket_file_is_replaced(pair, tmp_path: Path) -> None:
    first, second = pair
    if not os.path.isabs(first.name):
        pytest.skip("socket files only where the name is a path")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(first.name)  # bound, never listening: what a crashed instance leaves
    stale.close()
    assert Path(first.name).exists()
    assert second.try_activate_existing() is False
    assert first.listen(), first.last_error
    assert second.ping()


LISTENER = r"""
import sys
from PySide6.QtCore import QCoreApplication
from rxcombo.app.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance()
print("listening" if instance.listen() else "failed " + instance.last_error, flush=True)
app.exec()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_instance_leaves_no_obstacle(pair) -> None:
    """A SIGKILLed instance cannot clean up; the next launch still becomes the instance."""
    first, second = pair
    child = subprocess.Popen(
        [sys.executable, "-c", LISTENER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "listening"
        assert second.ping()
        assert first.listen() is False
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    if os.path.isabs(first.name):
        assert Path(first.name).exists()  # left behind
    assert second.ping() is False
    assert first.listen(), first.last_error
    assert second.ping()


def test_bring_to_front_restores_minimized_keeps_maximized(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.showMinimized()
    bring_to_front(widget)
    assert widget.isVisible()
    assert not widget.isMinimized()
    widget.showMaximized()
    bring_to_front(widget)
    assert widget.isMaximized()


# -- the launcher's side (needs the app integration) ---------------------------------------


def test_launcher_comes_forward_and_opens_the_requested_folder(pair, qtbot, seeds_dir, tmp_path) -> None:
    from helpers.gui import launch, wait_loaded

    first, second = pair
    launcher = launch(qtbot, seeds_dir)  # accepts the disclaimer
    window = launcher.window
    assert window is not None
    wait_loaded(qtbot, window)
    assert first.listen()
    first.activation_requested.connect(launcher.activate)
    window.showMinimized()
    other = tmp_path / "other"
    other.mkdir()
    (other / "testazepam.md").write_text("# Testazepam\n\nA fictional page.\n", encoding="utf-8")
    with qtbot.waitSignal(window.library_loaded, timeout=60_000):
        assert second.try_activate_existing({"content": str(other)})
    assert window.isVisible() and not window.isMinimized()
    assert Path(window.content_dir) == other
    with qtbot.assertNotEmitted(window.library_loaded, wait=300):
        assert second.try_activate_existing({"content": None})  # plain relaunch: just come forward


def test_launcher_at_the_disclaimer_comes_forward(pair, qtbot, seeds_dir, tmp_path) -> None:
    from helpers.gui import launch

    first, second = pair
    launcher = launch(qtbot, seeds_dir, accept=False)
    assert launcher.dialog is not None and launcher.window is None
    assert first.listen()
    first.activation_requested.connect(launcher.activate)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.try_activate_existing({"content": str(tmp_path)})
    assert launcher.dialog.isVisible()
    assert launcher.window is None  # still waiting for the user's answer
    assert launcher.requested_content == [tmp_path]


# -- the real application, twice -----------------------------------------------------------


def _app_env() -> dict[str, str]:
    env = dict(os.environ)  # carries the test's private XDG_* dirs (conftest)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def _start_app(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rxcombo", *args],
        env=_app_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop(process: subprocess.Popen[str]) -> str:
    if process.poll() is None:
        process.terminate()  # the app closes normally on SIGTERM
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    with contextlib.suppress(ValueError):
        return process.stderr.read() if process.stderr else ""
    return ""


@pytest.mark.slow
def test_two_processes(qapp: QApplication) -> None:
    probe = SingleInstance(timeout_ms=500)
    first = _start_app()  # fresh XDG dirs: it shows the disclaimer and waits
    others: list[subprocess.Popen[str]] = []
    try:
        deadline = time.monotonic() + 15
        while not probe.ping():
            assert first.poll() is None, f"first instance exited: {_stop(first)}"
            assert time.monotonic() < deadline, "first instance never started listening"
            time.sleep(0.2)

        started = time.monotonic()
        second = _start_app()
        others.append(second)
        code = second.wait(30)
        elapsed = time.monotonic() - started
        assert code == 0, _stop(second)
        assert elapsed < 15, f"second launch took {elapsed:.1f} s"
        print(f"\nsecond launch activated the first and exited in {elapsed:.2f} s")
        assert first.poll() is None, "the first instance must keep running"

        forced = _start_app("--new-instance")
        others.append(forced)
        time.sleep(3)
        assert forced.poll() is None, f"--new-instance exited: {_stop(forced)}"
        assert first.poll() is None
        assert probe.ping()  # the first still owns the name
    finally:
        for process in others:
            _stop(process)
        errors = _stop(first)
    assert "Traceback" not in errors, errors


@pytest.mark.slow
def test_two_launches_at_the_same_moment_leave_one_window(qapp: QApplication) -> None:
    launches = [_start_app(), _start_app()]  # fresh XDG dirs: each would show the disclaimer
    try:
        deadline = time.monotonic() + 30
        while all(launch.poll() is None for launch in launches):
            assert time.monotonic() < deadline, "neither launch gave way to the other"
            time.sleep(0.2)
        gone = [launch for launch in launches if launch.poll() is not None]
        assert len(gone) == 1
        assert gone[0].returncode == 0, _stop(gone[0])
        time.sleep(1)
        assert [launch for launch in launches if launch.poll() is None], "the instance must keep running"
        assert SingleInstance(timeout_ms=1000).ping()
    finally:
        errors = "".join(_stop(launch) for launch in launches)
    assert "Traceback" not in errors, errors
    assert "without single-instance check" not in errors, errors
