"""The page on paper and as text: every sheet's footer, every tab, from the window and the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from rxcombo import wording
from rxcombo.content.page_text import page_markdown
from rxcombo.content.shown import shown_page
from rxcombo.ui.page.export import write_pdf

DISCLAIMER_START = wording.APP_DISCLAIMER_LINE[:40]


def pdf_text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_pdf_has_every_section_and_a_footer_on_every_sheet(window, tmp_path):
    document = window.library.get("gabapentin-amitriptyline")
    out = tmp_path / "page.pdf"
    sheets = write_pdf(out, document, "data")
    pages = pdf_text(out)
    assert len(pages) == sheets >= 1
    for number, text in enumerate(pages, 1):
        assert "Gabapentin + Amitriptyline — RxCombo, pages from data, printed" in text
        assert DISCLAIMER_START in text and f"({number}/{sheets})" in text
    whole = " ".join(pages)
    for tab in shown_page(document).tabs[:-1]:  # the whole-page tab repeats the others
        assert " ".join(tab.full_title.split()) in whole


def test_markdown_copy_holds_every_tab_and_the_disclaimer_line(window):
    document = window.library.get("alprazolam-imipramine")
    text = page_markdown(document)
    assert text.startswith("# Alprazolam + Imipramine\n")
    for tab in shown_page(document).tabs[:-1]:
        assert tab.markdown in text
    assert wording.APP_DISCLAIMER_LINE in text
    window.open_page("alprazolam-imipramine")
    window.copy_markdown_action.trigger()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == text


def test_export_command_writes_pdf_and_markdown(tmp_path):
    pdf, markdown = tmp_path / "p.pdf", tmp_path / "p.md"
    for option, target in (("--pdf", pdf), ("--markdown", markdown)):
        result = subprocess.run(
            [sys.executable, "-m", "rxcombo", "export", "gabapentin", "amitriptyline", option, str(target)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert "Gabapentin + Amitriptyline" in pdf_text(pdf)[0]
    assert markdown.read_text(encoding="utf-8").startswith("# Gabapentin + Amitriptyline")
    refused = subprocess.run(
        [sys.executable, "-m", "rxcombo", "export", "xanax", "--pdf", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode == 1 and not (tmp_path / "x.pdf").exists()
    assert refused.stdout.startswith("No drug named 'xanax'")
