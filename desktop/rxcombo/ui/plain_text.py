"""Text from pages, user files and links shown as text, never as markup.

Qt renders a tooltip or a label as HTML as soon as its text looks like HTML (a tag on its
first line): a page title, a favorite's note or an imported file could then carry
``<img src=…>`` or styling into the window. Every tooltip that carries such text goes
through :func:`plain_tip`, which escapes it (line breaks kept).
"""

from __future__ import annotations

import html


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""
