"""Light, dark or the system's theme, and the page colours built from the palette.

Every colour the page text uses (text, links, headings, the disclaimer and combined-use
boxes, the find highlight) is derived here from the window's palette, so a dark theme
reaches the rendered page and nothing is fixed in HTML. ``contrast`` is WCAG 2's ratio; the
tests hold every pair at 4.5:1 or more in both themes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
WARNING_HUE = QColor("#E0A100")  # the warning mark's amber, for the disclaimer box
COMBINED_HUE = QColor("#4A6FA5")  # the combined-use mark's blue
Role = QPalette.ColorRole


def blend(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1.0 - share_of_b
    return QColor(
        round(a.red() * keep + b.red() * share_of_b),
        round(a.green() * keep + b.green() * share_of_b),
        round(a.blue() * keep + b.blue() * share_of_b),
    )


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Base).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        Role.Window: "#2b2b2b", Role.WindowText: "#e8e8e8", Role.Base: "#1e1e1e",
        Role.AlternateBase: "#2c2c2c", Role.Text: "#e8e8e8", Role.Button: "#363636",
        Role.ButtonText: "#e8e8e8", Role.BrightText: "#ffffff", Role.Highlight: "#3d6fb4",
        Role.HighlightedText: "#ffffff", Role.Link: "#8ab4f8", Role.LinkVisited: "#c58af9",
        Role.ToolTipBase: "#363636", Role.ToolTipText: "#e8e8e8", Role.PlaceholderText: "#a0a0a0",
        Role.Light: "#505050", Role.Midlight: "#404040", Role.Mid: "#303030", Role.Dark: "#1a1a1a",
        Role.Shadow: "#000000",
    }  # fmt: skip
    for role, name in colors.items():
        palette.setColor(role, QColor(name))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8c8c8c"))
    return palette


def apply_theme(name: str) -> None:
    """Switch the whole application's palette ("system" follows the desktop's scheme)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    dark = name == "dark" or (name == "system" and app.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def dim_text(palette: QPalette) -> QColor:
    """Secondary text (notes beside a row): dimmer than text, still 4.5:1 on the base."""
    return blend(palette.color(Role.Text), palette.color(Role.Base), 0.42)


def page_colors(palette: QPalette) -> dict[str, QColor]:
    base = palette.color(Role.Base)
    text = palette.color(Role.Text)
    dark = is_dark(palette)
    link = palette.color(Role.Link)
    if contrast(link, base) < 4.5:  # a theme's link colour may be too faint on its base
        link = QColor("#8ab4f8") if dark else QColor("#0b57d0")
    return {
        "text": text,
        "base": base,
        "link": link,
        "heading": text,
        "box": blend(base, WARNING_HUE, 0.12 if dark else 0.14),
        "box_border": WARNING_HUE,
        "combined_box": blend(base, COMBINED_HUE, 0.25 if dark else 0.10),
        "combined_border": COMBINED_HUE,
        "find": blend(base, QColor("#ffd54f"), 0.3 if dark else 0.75),
    }
