"""A small generated library for the drug-list and comparison tests: fake names only.

Pages: Testazepam, Fakeprofen and Placebin alone; Testazepam + Fakeprofen; Mockoxetine +
Placebin; Testazepam + Fakeprofen + Mockoxetine. So for the list Testazepam, Fakeprofen,
Mockoxetine, Placebin: three pages cover two or more drugs (the three-drug page first), and
no page covers Testazepam with Placebin, nor Fakeprofen with Placebin.
"""

from __future__ import annotations

from pathlib import Path

PAGES = {
    "testazepam.md": ("Testazepam", "## Usage\nCalms fake nerves.\n\n## Side Effects\nFake sleepiness.\n\n"
                      "## Storage\nKeep dry.\n"),
    "fakeprofen.md": ("Fakeprofen", "## Side effects\nFake rash.\n\n## Usage\nEases fake pain.\n\n"
                      "## Warnings\nNot a real drug.\n"),
    "placebin.md": ("Placebin", "## Usage\nDoes nothing at all.\n"),
    "testazepam-fakeprofen.md": ("Testazepam + Fakeprofen", "## Combined use\nFake text about both.\n"),
    "mockoxetine-placebin.md": ("Mockoxetine + Placebin", "## Combined use\nFake text about both.\n"),
    "testazepam-fakeprofen-mockoxetine.md": (
        "Testazepam + Fakeprofen + Mockoxetine",
        "## Combined use\nFake text about the three.\n",
    ),
}  # fmt: skip


def write_fake_library(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, body) in PAGES.items():
        (folder / name).write_text(f"---\ntitle: {title}\n---\n# {title}\n\n{body}", encoding="utf-8")
    return folder
