"""The real ``rxcombo`` process in a real X server (Xvfb): first launch to a page on screen."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.x11 import first_launch_to_page

pytestmark = pytest.mark.xvfb

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
print(len(colors))
"""


def test_real_app_first_launch_to_open_page(xvfb, tmp_path, isolated_user_dirs):
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update({name: str(path) for name, path in isolated_user_dirs.items()})
    env["DISPLAY"] = xvfb
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "rxcombo"], env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT
    )

    def nothing_written_yet() -> None:
        assert not (isolated_user_dirs["XDG_CONFIG_HOME"] / "RxCombo").exists()

    try:
        first_launch_to_page(xvfb, at_disclaimer=nothing_written_yet)
        time.sleep(0.5)

        shot = tmp_path / "main-window.png"
        grab = subprocess.run(
            [sys.executable, "-c", GRAB, str(shot)],
            env={**env, "DISPLAY": xvfb},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert shot.stat().st_size > 10_000
        assert int(grab.stdout.strip().splitlines()[-1]) > 20, "the screen looks blank"
        keep = os.environ.get("RXCOMBO_SCREENSHOT_DIR")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(keep) / shot.name)

        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0
    finally:
        if app.poll() is None:
            app.kill()
        log.close()
    output = (tmp_path / "app.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in output and "Fatal" not in output, output
    settings = isolated_user_dirs["XDG_CONFIG_HOME"] / "RxCombo" / "settings.json"
    assert "gabapentin-amitriptyline" in settings.read_text(encoding="utf-8")  # the open page is remembered


def test_keyboard_only_history_and_zoom_in_the_real_app(xvfb, tmp_path, isolated_user_dirs):
    """As a user with only a keyboard: open two pages, Alt+Left and Alt+Right walk them (the
    window title says where), Ctrl+= zooms, and the zoom survives a restart."""
    from helpers.x11 import wait_for_window, xdotool

    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update({name: str(path) for name, path in isolated_user_dirs.items()})
    env["DISPLAY"] = xvfb

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "rxcombo"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    app = start()
    try:
        first_launch_to_page(xvfb)  # Gabapentin + Amitriptyline is open
        window = wait_for_window(xvfb, "— RxCombo$")
        xdotool(xvfb, "windowfocus", "--sync", window)
        xdotool(xvfb, "key", "ctrl+l")
        xdotool(xvfb, "type", "--delay", "40", "alprazolam imip")
        xdotool(xvfb, "key", "Return")
        wait_for_window(xvfb, "^Alprazolam \\+ Imipramine — RxCombo$")
        xdotool(xvfb, "key", "alt+Left")
        wait_for_window(xvfb, "^Gabapentin \\+ Amitriptyline — RxCombo$")
        xdotool(xvfb, "key", "alt+Right")
        wait_for_window(xvfb, "^Alprazolam \\+ Imipramine — RxCombo$")
        xdotool(xvfb, "key", "ctrl+equal", "ctrl+equal")
        time.sleep(0.5)
        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0
        settings = (isolated_user_dirs["XDG_CONFIG_HOME"] / "RxCombo" / "settings.json").read_text()
        assert '"zoom": 125' in settings
        app = start()  # the disclaimer was accepted: the window comes straight back, zoomed
        wait_for_window(xvfb, "^Alprazolam \\+ Imipramine — RxCombo$")
        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0
        assert (
            '"zoom": 125' in (isolated_user_dirs["XDG_CONFIG_HOME"] / "RxCombo" / "settings.json").read_text()
        )
    finally:
        if app.poll() is None:
            app.kill()
