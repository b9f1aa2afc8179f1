"""Without a graphical session, ``rxcombo`` says so (and what works instead) rather than crash in Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rxcombo.app.display import missing_display_message

SESSION_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
HEADLESS_COMMANDS = (
    "rxcombo list",
    "rxcombo show",
    "rxcombo search",
    "rxcombo check",
    "rxcombo combos",
    "rxcombo lists",
)
QT_ABORT_SIGNS = ("xcb", "Qt platform plugin", "Traceback", "Aborted")
EXPECTED_TITLES = ("Alprazolam + Imipramine", "Amitriptyline + Ketamine", "Gabapentin + Amitriptyline")


def _assert_explains(message: str | None) -> None:
    assert message is not None
    assert "graphical session" in message
    for command in HEADLESS_COMMANDS:
        assert command in message, command


# --- the rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["linux", "freebsd14", "openbsd7", "netbsd10"])
def test_no_session_on_x11_systems_is_explained(platform: str) -> None:
    _assert_explains(missing_display_message({"HOME": "/home/u", "LANG": "C.UTF-8"}, platform))


def test_empty_variables_count_as_unset() -> None:
    _assert_explains(missing_display_message(dict.fromkeys(SESSION_VARIABLES, ""), "linux"))


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": ":0"},
        {"DISPLAY": "localhost:10.0"},  # ssh -X
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "vnc"},
        {"QT_QPA_PLATFORM": "xcb"},  # an explicit choice: Qt reports its own error
    ],
)
def test_a_session_or_an_explicit_qt_platform_lets_qt_start(env: dict[str, str]) -> None:
    assert missing_display_message(env, "linux") is None


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_always_have_a_display(platform: str) -> None:
    assert missing_display_message({}, platform) is None


# --- the real command --------------------------------------------------------------------------


def _headless_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in SESSION_VARIABLES}


def _console_script() -> Path:
    script = Path(sys.executable).parent / ("rxcombo.exe" if sys.platform == "win32" else "rxcombo")
    assert script.is_file(), f"{script} is missing: install the project (pip install -e '.[test]')"
    return script


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland sessions are a Linux matter")
def test_rxcombo_without_a_session_explains_and_the_cli_still_works(tmp_path: Path) -> None:
    rxcombo = _console_script()
    env = _headless_env()

    window = subprocess.run(
        [str(rxcombo)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert window.returncode == 1, window
    _assert_explains(window.stderr)
    assert window.stdout == ""
    for sign in QT_ABORT_SIGNS:
        assert sign not in window.stderr, window.stderr

    listing = subprocess.run(
        [str(rxcombo), "list"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert listing.returncode == 0, listing
    titles = [line.split("\t", 1)[1] for line in listing.stdout.splitlines()]
    assert titles == sorted(EXPECTED_TITLES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland sessions are a Linux matter")
def test_the_check_runs_before_qt_is_imported(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from rxcombo.cli import main\n"
        "status = main([])\n"
        "print(status, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=_headless_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result
    assert result.stdout.strip() == "1 []"
