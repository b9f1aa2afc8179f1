"""Checks of the files in ``resources/``: icons, disclaimer and desktop integration."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from helpers import ROOT

RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
APP_ID = "io.github.rxcombo.RxCombo"
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO_FILE = RESOURCES / f"{APP_ID}.metainfo.xml"
DISCLAIMER = RESOURCES / "disclaimer.md"

EXPECTED_ICONS = {
    "rxcombo.svg",
    "star.svg",
    "star-outline.svg",
    "search.svg",
    "external-link.svg",
    "warning.svg",
    "folder-open.svg",
    "combined.svg",
    "back.svg",
    "forward.svg",
}
SVG_FILES = sorted(ICONS.glob("*.svg"))
# Elements that run code or pull in other documents have no place in a static icon.
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignObject", "image", "iframe", "handler"}
EXTERNAL_REF = re.compile(r"""(?:href|src)\s*=\s*["']\s*(?!#)""", re.IGNORECASE)
URL_REF = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _local(name: str) -> str:
    """Strip an ElementTree ``{namespace}`` prefix."""
    return name.rsplit("}", 1)[-1]


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


# --- icons -----------------------------------------------------------------------------------


def test_expected_icons_present() -> None:
    present = {p.name for p in SVG_FILES}
    missing = EXPECTED_ICONS - present
    assert not missing, f"missing icons: {sorted(missing)}"


@pytest.mark.parametrize("svg", SVG_FILES, ids=lambda p: p.name)
def test_svg_is_well_formed_and_self_contained(svg: Path) -> None:
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # raises ParseError on invalid XML
    assert _local(root.tag) == "svg"

    assert "<script" not in text.lower()
    assert not EXTERNAL_REF.search(text), "SVG refers to an external resource"
    assert not URL_REF.search(text), "SVG uses url() with a non-local target"
    for element in root.iter():
        assert _local(element.tag) not in FORBIDDEN_SVG_ELEMENTS, element.tag
        for attr, value in element.attrib.items():
            assert not _local(attr).lower().startswith("on"), f"event handler {attr}"
            if _local(attr) == "href":
                assert value.startswith("#"), f"external href {value!r}"

    expected_box = "0 0 256 256" if svg.name == "rxcombo.svg" else "0 0 24 24"
    assert " ".join(root.get("viewBox", "").split()) == expected_box


@pytest.mark.parametrize("svg", SVG_FILES, ids=lambda p: p.name)
def test_svg_renders_non_empty(qapp: QApplication, svg: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid(), f"QSvgRenderer rejected {svg.name}"

    for size in (16, 64):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()

        painted = sum(1 for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 0)
        # A visible icon covers a fair part of its square, but never all of it.
        assert painted > size * size // 20, f"{svg.name} at {size}px is (nearly) empty"
        if svg.name != "rxcombo.svg":
            assert painted < size * size, f"{svg.name} at {size}px fills the whole square"


# --- disclaimer ------------------------------------------------------------------------------


def test_disclaimer_exists_and_says_the_essentials() -> None:
    assert DISCLAIMER.is_file()
    text = DISCLAIMER.read_text(encoding="utf-8")
    flat = " ".join(text.replace("*", "").split())
    assert "not medical advice" in flat.lower()
    assert re.search(r"\bAI\b", flat), "disclaimer must say the pages are AI-generated"
    assert "emergency" in flat.lower()
    assert "offline" in flat.lower()
    assert 100 <= len(flat.split()) <= 300


# --- desktop integration ---------------------------------------------------------------------


def test_desktop_entry_fields() -> None:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "RxCombo"
    # %u: the desktop passes an rxcombo: link (or nothing, from the menu); rxcombo opens it.
    assert entry["Exec"] == "rxcombo %u"
    assert entry["MimeType"] == "x-scheme-handler/rxcombo;"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "rxcombo"


def test_metainfo_matches_project() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.text == DESKTOP_FILE.name

    description_element = root.find("description")
    assert description_element is not None
    description = " ".join(ET.tostring(description_element, encoding="unicode").split())
    assert "AI-generated" in description
    assert "not medical advice" in description

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    releases = {r.get("version") for r in root.iter("release")}
    assert version in releases, f"no <release> entry for project version {version}"


def test_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not on PATH (install desktop-file-utils)")
    result = _run([tool, str(DESKTOP_FILE)])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Hints are advisory; errors and warnings are not acceptable.
    assert not re.search(r"\b(error|warning):", output), output


def test_appstreamcli_validate() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not on PATH (install appstream)")
    result = _run([tool, "validate", "--no-net", "--explain", str(METAINFO_FILE)])
    assert result.returncode == 0, result.stdout + result.stderr
