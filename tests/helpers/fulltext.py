"""A small library of made-up pages for the full-text tests, and ways to index and check it."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from rxcombo.library import Library, load_library
from rxcombo.library.fulltext import open_text_index, update_text_index
from rxcombo.search.fulltext import BuildStats, FullTextIndex, TextQuery, store
from rxcombo.search.fulltext.plain import fold_text, words_of

# Typed into a search box, these are words; to FTS5 they would be syntax.
HOSTILE = [
    '"',
    '""',
    '"""',
    "'",
    "*",
    "-",
    "^",
    ":",
    "()",
    "(",
    ")",
    "{",
    "}",
    "+",
    "warfarin*",
    "-warfarin",
    "^warfarin",
    "NOT warfarin",
    "warfarin NOT aspirin",
    "warfarin OR aspirin",
    "warfarin AND",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(warfarin aspirin, 2)",
    "NEAR(",
    "title: warfarin",
    "{title section}: warfarin",
    "- body : x",
    "fts MATCH 'x'",
    "'); DROP TABLE pages; --",
    'warfarin" OR "aspirin',
    'x"*',
    "\x00",
    "war\x00farin",
    "\\",
    "\u202e",
    "🙂",
    "ﬁbrate",
    "a" * 5000,
    " ".join(["word"] * 200),
    " ".join(f"w{n}" for n in range(200)),
]


# title -> {section title: text}; "Overview" is the text before the first heading.
PAGES: dict[str, dict[str, str]] = {
    "Testazepam": {
        "Overview": "Testazepam is a made-up medicine for software tests.",
        "Usage": "Used for pretend anxiety. Never a real treatment.",
        "Side Effects": "Fictional muscle pain; rarely rhabdomyolysis (made up).",
        "Interactions": "Taking it with **Fakarin** raises the risk of pretend bleeding.",
    },
    "Fakeprofen + Mockacillin": {
        "Usage": "A fictional pair for imaginary aches.",
        "Interactions": "No pretend interactions with Fakarin are described [here](https://example.invalid/secretword).",
        "Side Effects": "Ácido fólico deficiency, in this made-up text. Stomach upset.",
    },
    "Fakarin": {
        "Usage": "Fakarin is a fictional anticoagulant for tests.",
        "Precautions": "Side effects of Fakarin include pretend bleeding and bruising.",
        "FAQs": "* **Q: Is Fakarin real?** A: No. It is <b>invented</b>.",
    },
    "Shamoxetine": {
        "Side Effects": "Effects on the side of the page only, in a made-up way.",
        "How it Works": "Blocks an imaginary receptor; the effects last a pretend day.",
    },
    "Démoxine": {
        "Usage": "Démoxine treats pretend cough; FÓLICO is not in it.",
    },
}


def page_text(title: str, sections: dict[str, str]) -> str:
    lines = ["---", f"title: {title}", "---", "", f"# {title}", ""]
    for section, text in sections.items():
        if section != "Overview":
            lines += [f"### {section}", ""]
        lines += [text, ""]
    return "\n".join(lines)


def file_name(title: str) -> str:
    return re.sub(r"[^a-z]+", "-", fold_text(title)).strip("-") + ".md"


def write_library(root: Path, pages: dict[str, dict[str, str]] | None = None) -> Path:
    for title, sections in (PAGES if pages is None else pages).items():
        write_page(root, title, sections)
    return root


def write_page(root: Path, title: str, sections: dict[str, str], name: str | None = None) -> Path:
    path = root / (name or file_name(title))
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    path.write_text(page_text(title, sections), encoding="utf-8")
    if existed:  # a rewrite within the same clock tick must still look changed
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    return path


def index_library(root: Path, cache: Path, **kwargs: object) -> tuple[Library, BuildStats, FullTextIndex]:
    library = load_library(root, cache_dir=cache)
    stats = update_text_index(library, cache_dir=cache, **kwargs)  # type: ignore[arg-type]
    return library, stats, open_text_index(root, cache)


def contains_query(text: str, query: str) -> bool:
    """An independent check that ``text`` holds every term of ``query`` (words and phrases,
    the last word of a term as a prefix when it is one), by plain string search."""
    folded = " ".join(words_of(text))
    padded = f" {folded} "
    for term in TextQuery.parse(query).terms:
        phrase = " ".join(term.words)
        if term.prefix:
            if f" {phrase}" not in padded:
                return False
        elif f" {phrase} " not in padded:
            return False
    return True


def damage_table(path: Path, table: str) -> None:
    """Overwrite every page of one table's b-tree (SQLite's dbstat says which), leaving the
    file's header and the other tables whole."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    assert pages
    with path.open("r+b") as handle:
        for number in pages:
            handle.seek((number - 1) * store.PAGE_SIZE)
            handle.write(bytes(range(256)) * (store.PAGE_SIZE // 256))


def corpus_cache(base: Path, corpus: Path) -> Path:
    """A cache folder (``base/RxCombo``) holding the corpus's library cache and full-text
    index, built once per test session: later callers find it up to date."""
    cache = base / "RxCombo"
    if not (base / "built").exists():
        library = load_library(corpus, cache_dir=cache)
        stats = update_text_index(library, cache_dir=cache)
        assert stats.complete and stats.unreadable == 0
        (base / "built").write_text("yes\n")
    return cache
