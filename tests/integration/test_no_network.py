"""Nothing in the app touches the network: not the window, not the command line.

In-process, Python's socket entry points are replaced with recorders that refuse, and every
hostile page and every seed page is opened, every tab shown, in the real window. In child
processes (``python -m rxcombo ...``), a ``sitecustomize`` module installs an audit hook
(:func:`sys.addaudithook`) that logs every socket, urllib, http.client and webbrowser event
to a file; the log must stay empty. The running window is also checked from outside: on
Linux, /proc lists its sockets, and none may be a TCP or UDP socket.

Limits: Python hooks see only Python-level networking. Qt networks in C++
(``QNetworkAccessManager``), which no Python hook can see. The app does not use it: rich
text goes through ``QTextBrowser``, which fetches nothing by itself — every resource request
is passed to ``SectionBrowser.loadResource``, which is ours, refuses it and records it in
``blocked_requests`` (asserted below); the only QtNetwork class used is ``QLocalSocket``
for the single-instance check, a Unix-domain socket or named pipe. The /proc check covers
C++ sockets too, but only at the moments it looks.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT
from helpers.hostile_window import (
    HANG_S,
    MUST_REFUSE,
    hostile_pages,
    make_window,
    open_and_visit,
    probe_pages,
    resource_log,
    write_hostile_library,
)
from rxcombo.dirs import settings_path
from rxcombo.library import load_library
from rxcombo.userdata import SettingsStore, record_acceptance

__all__ = ["resource_log"]  # a fixture, imported so the tests here can use it

AUDIT_EVENTS = ("socket.", "urllib.", "http.client.", "ftplib.", "smtplib.", "webbrowser.")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_library(tmp_path_factory.mktemp("hostile-net") / "library")


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Python's ways to reach the network, replaced by recorders that refuse."""
    attempts: list[str] = []

    def refuse(name: str):
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.socket') else args}")
            raise OSError(f"network disabled in tests: {name}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("socket.gethostbyname"))
    return attempts


def test_recorders_catch_python_networking(network_attempts: list[str]) -> None:
    """Control: the recorders do see (and stop) an ordinary connection."""
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/x.png", timeout=1)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert len(network_attempts) >= 2


def _open_everything(qtbot, root: Path, log: list[tuple[str, object]], skip: set[str]) -> int:
    window = make_window(qtbot, root)
    assert window.library is not None
    opened = 0
    for document in window.library.documents:
        if document.path.name in skip:
            continue
        visit = open_and_visit(qtbot, window, document.id, log)
        assert not visit.findings, (document.path.name, visit.findings)
        opened += 1
    window.close()
    return opened


def test_hostile_pages_in_the_window_touch_no_network(
    qtbot, hostile_dir: Path, resource_log, network_attempts: list[str]
) -> None:
    names = [d.path.name for d in load_library(hostile_dir, bodies=True).documents]
    hung = {name for name, seconds in probe_pages(hostile_dir, names).items() if seconds is None}
    # Pages that freeze the window are reported by test_hostile_pages_shown; not opened here.
    opened = _open_everything(qtbot, hostile_dir, resource_log, hung)
    assert opened == len(hostile_pages()) - len(MUST_REFUSE) - len(hung)
    assert network_attempts == []
    assert all(result is None for _, result in resource_log), "loadResource returned data"
    print(
        f"\n{opened} hostile pages opened ({len(hung)} skipped as hanging, over {HANG_S:.0f} s); "
        f"{len(resource_log)} resource requests, all refused; network attempts: {len(network_attempts)}"
    )


def test_seed_pages_in_the_window_touch_no_network(
    qtbot, seeds_dir: Path, resource_log, network_attempts: list[str]
) -> None:
    opened = _open_everything(qtbot, seeds_dir, resource_log, set())
    assert opened == len(load_library(seeds_dir, bodies=True).documents) > 0
    assert network_attempts == []
    assert all(result is None for _, result in resource_log)


# -- child processes under an audit hook ----------------------------------------------------

SITECUSTOMIZE = """
import os, sys

_LOG = os.environ["RXCOMBO_AUDIT_LOG"]
_EVENTS = {events!r}


def _hook(event, args):
    if event.startswith(_EVENTS):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(event + " " + repr(args)[:300] + "\\n")


sys.addaudithook(_hook)
"""


@pytest.fixture
def audited_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    hook_dir = tmp_path / "audit"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE.format(events=AUDIT_EVENTS), encoding="utf-8")
    log = tmp_path / "audit.log"
    env = dict(os.environ)  # carries the test's private XDG_* folders
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook_dir), env.get("PYTHONPATH")]))
    env["RXCOMBO_AUDIT_LOG"] = str(log)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTEST_CURRENT_TEST", None)
    return env, log


def _audit_log(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_audit_hook_sees_a_connection(audited_env) -> None:
    """Control: the hook is installed and would log a connection attempt."""
    env, log = audited_env
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert any(line.startswith("socket.connect") for line in _audit_log(log)), _audit_log(log)


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--json"],
        ["list", "--json"],
        ["search", "testazepam"],
        ["show", "testazepam"],
        ["show", "--json", "imagine"],
        ["show", "--json", "linkazepam"],
        ["show", "--json", "stylol"],
        ["show", "--json", "testazepam", "scriptol"],
        ["combos", "--json", "testazepam", "scriptol", "linkazepam"],
        ["combos", "--markdown", "testazepam", "stylol", "imagine"],
        ["lists", "add", "Mum", "testazepam", "scriptol"],
    ],
    ids=" ".join,
)
def test_command_line_touches_no_network(audited_env, hostile_dir: Path, args: list[str]) -> None:
    env, log = audited_env
    result = subprocess.run(
        [sys.executable, "-m", "rxcombo", "--content", str(hostile_dir), *args],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: check found the refused pages
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if "--json" in args:
        json.loads(result.stdout)
    assert _audit_log(log) == []


def _inet_sockets(pid: int) -> list[str]:
    """TCP/UDP sockets the process holds right now, from /proc (C++ ones included)."""
    inodes = set()
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table} {fields[1]} -> {fields[2]}")
    return found


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_running_window_touches_no_network(audited_env, hostile_dir: Path) -> None:
    """The real app, opening a hostile page at start (the last page it remembers)."""
    env, log = audited_env
    library = load_library(hostile_dir, bodies=True)
    page = next(d for d in library.documents if d.path.name == "img.md")
    settings = SettingsStore(settings_path())
    settings.load()
    record_acceptance(settings, (ROOT / "resources" / "disclaimer.md").read_text("utf-8"))
    settings.last_page_id = page.id
    settings.content_dir = str(hostile_dir)
    assert settings.save()
    child = subprocess.Popen(
        [sys.executable, "-m", "rxcombo", "--new-instance", "--content", str(hostile_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            assert child.poll() is None, child.communicate()[1][-2000:]
            seen += _inet_sockets(child.pid)
            time.sleep(0.25)
    finally:
        child.send_signal(signal.SIGTERM)  # closes the window normally
        try:
            _, stderr = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            _, stderr = child.communicate()
    assert "Traceback" not in stderr, stderr[-2000:]
    assert seen == []
    assert _audit_log(log) == []
    remembered = SettingsStore(settings_path())
    remembered.load()
    assert remembered.last_page_id == page.id  # it did open (and keep) the hostile page
