"""Render ``resources/icons/rxcombo.svg`` into the icon formats installers want.

Windows (PyInstaller ``icon=`` and Inno Setup ``SetupIconFile``) needs a ``.ico``; a macOS
``.app`` needs a ``.icns``. Both are generated from the one SVG at build time instead of
keeping binary copies in the repository that could drift from it.

Both containers simply hold PNG images, which Windows Vista+ and macOS 10.7+ read, so no
image library beyond Qt (already needed to build the app) is required.

Usage: python packaging/make_icons.py OUT_DIR   ->  OUT_DIR/rxcombo.ico, OUT_DIR/rxcombo.icns
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO_ROOT = Path(__file__).resolve().parent.parent
SVG = REPO_ROOT / "resources" / "icons" / "rxcombo.svg"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each.
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"ic11": 32,  # 16@2x
    b"icp6": 64,
    b"ic12": 64,  # 32@2x
    b"ic07": 128,
    b"ic13": 256,  # 128@2x
    b"ic08": 256,
    b"ic14": 512,  # 256@2x
    b"ic09": 512,
    b"ic10": 1024,  # 512@2x
}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        png = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES.items():
        png = pngs[size]
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out_dir: Path) -> tuple[Path, Path]:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read {SVG}")
    wanted = set(ICO_SIZES) | set(ICNS_TYPES.values())
    pngs = {size: render_png(renderer, size) for size in sorted(wanted)}
    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / "rxcombo.ico"
    icns = out_dir / "rxcombo.icns"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    icns.write_bytes(icns_bytes(pngs))
    del app
    return ico, icns


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    for path in make_icons(Path(sys.argv[1])):
        print(path)
