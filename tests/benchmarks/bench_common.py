"""Helpers shared by the benchmark scripts: timing marks, titles, queries, percentiles.

Standard library only: the bare window and the probe import this before Qt, so it must
cost nothing measurable.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

MARK_PREFIX = "rxcombo-mark"
# The harness's CLOCK_MONOTONIC just before it started the process (seconds); CLOCK_MONOTONIC
# is system-wide on Linux, so a child can report exact times relative to its own start.
T0_ENV = "RXCOMBO_BENCH_T0"
MARKS_ENV = "RXCOMBO_BENCH_MARKS"

# The queries for the real corpus, typed letter by letter.
REAL_QUERIES = (
    "alprazolam",
    "gabapentin amitriptyline",
    "paracetamol",
    "vitamin d",
    "amitryptiline",  # typo: no prefix matches, the fuzzy path runs
    "sodium chloride",
)
REAL_PAGE_TITLE = "Alprazolam"  # the page reopened at warm start (and shown by the bare window)

_TITLE_LINE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_H1_LINE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
PAGE_SUFFIXES = (".md", ".markdown")


def _process_start_monotonic() -> float:
    """When this process started, on the CLOCK_MONOTONIC scale (10 ms resolution at best)."""
    given = os.environ.get(T0_ENV)
    if given:
        try:
            return float(given)
        except ValueError:
            pass
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # since boot
        since_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return time.monotonic() - (since_boot - started)
    except (OSError, ValueError, IndexError):
        return time.monotonic()


PROCESS_START = _process_start_monotonic()


def mark(name: str) -> None:
    """``rxcombo-mark <name> <seconds since process start> <CLOCK_MONOTONIC seconds>``."""
    now = time.monotonic()
    sys.stderr.write(f"{MARK_PREFIX} {name} {now - PROCESS_START:.6f} {now:.6f}\n")
    sys.stderr.flush()


def parse_mark(line: str) -> tuple[str, float, float | None] | None:
    """(name, seconds since start, monotonic or None) from a mark line, else None."""
    parts = line.split()
    if len(parts) < 3 or parts[0] != MARK_PREFIX:
        return None
    try:
        since_start = float(parts[2])
        monotonic = float(parts[3]) if len(parts) > 3 else None
    except ValueError:
        return None
    return parts[1], since_start, monotonic


# -- titles ----------------------------------------------------------------------------


def page_files(root: Path) -> list[Path]:
    """Page files under ``root`` (hidden entries skipped), sorted by relative path."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(
            Path(folder) / name
            for name in files
            if not name.startswith(".") and name.lower().endswith(PAGE_SUFFIXES)
        )
    found.sort()
    return found


def front_matter_title(path: Path) -> str:
    """The ``title:`` of a page's front matter (else its ``#`` heading, else its file name).

    Plain file reads: the first 2 KB hold the front matter of every real page.
    """
    with open(path, "rb") as handle:
        head = handle.read(2048).decode("utf-8", errors="replace")
    if head.startswith("\ufeff"):
        head = head[1:]
    if head.startswith("---"):
        end = head.find("\n---", 3)
        matter = head[3 : end if end >= 0 else len(head)]
        found = _TITLE_LINE.search(matter)
        if found and found.group(1):
            return found.group(1).strip("'\"")
    heading = _H1_LINE.search(head)
    if heading:
        return heading.group(1)
    return path.stem


def read_titles(root: Path) -> list[tuple[str, Path]]:
    """(title, path) of every page, sorted as a list would show them (case-insensitive)."""
    pages = [(front_matter_title(path), path) for path in page_files(root)]
    pages.sort(key=lambda item: (item[0].casefold(), item[0]))
    return pages


def split_drugs(title: str) -> list[str]:
    return [part.strip() for part in title.split("+") if part.strip()]


# -- queries ---------------------------------------------------------------------------


def _typo(word: str) -> str:
    """One substitution in the middle of a word, as "amitryptiline" is of amitriptyline."""
    for position in range(len(word) // 2, len(word) - 2):
        if word[position] in "aeiou":
            return word[:position] + ("y" if word[position] != "y" else "i") + word[position + 1 :]
    position = len(word) // 2
    return word[:position] + "x" + word[position + 1 :]


def derive_queries(titles: Iterable[str]) -> tuple[list[str], str]:
    """Queries like the issue's real ones, from a library's own (e.g. generated) titles.

    Returns the queries and the title of the page to reopen at warm start. The roles:
    a moderately common single drug ("alprazolam"), two drugs of a combination
    ("gabapentin amitriptyline"), the most common drug ("paracetamol"), a two-word drug cut
    after its second word's first letter ("vitamin d"), a typo of a long drug
    ("amitryptiline") and a full two-word name sharing its first word with other drugs
    ("sodium chloride").
    """
    titles = list(titles)
    single_pages = {title for title in titles if len(split_drugs(title)) == 1}
    counts: Counter[str] = Counter()
    for title in titles:
        counts.update(list(dict.fromkeys(split_drugs(title))))
    ranked = [name for name, _ in counts.most_common()]
    one_word = [name for name in ranked if " " not in name and name.isalpha()]
    two_words = [name for name in ranked if len(name.split()) == 2]
    if not one_word:
        return [title.lower() for title in titles[:6]], titles[0]

    most_common = one_word[0]
    own_page = [name for name in one_word if name in single_pages] or one_word
    moderate = own_page[min(len(own_page) - 1, 20)]
    pair = None
    top = set(one_word[:300])
    for title in titles:
        drugs = split_drugs(title)
        if len(drugs) == 2 and all(drug in top for drug in drugs) and moderate not in drugs:
            pair = drugs
            break
    queries = [moderate.lower()]
    if pair:
        queries.append(" ".join(drug.lower() for drug in pair))
    queries.append(most_common.lower())
    if two_words:
        first, second = two_words[0].lower().split()
        queries.append(f"{first} {second[0]}")
    long_words = [name for name in own_page if len(name) >= 9] or own_page
    queries.append(_typo(long_words[min(len(long_words) - 1, 5)].lower()))
    first_words = Counter(name.split()[0] for name in two_words)
    if first_words:
        shared = first_words.most_common(1)[0][0]
        name = next(name for name in two_words if name.split()[0] == shared)
        queries.append(name.lower())
    page = moderate if moderate in single_pages else titles[0]
    return queries, page


# -- statistics ------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        raise ValueError("no values")
    position = fraction * (len(sorted_values) - 1)
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def summarize(values: Iterable[float], digits: int = 3) -> dict[str, float | int] | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return {
        "n": len(ordered),
        "p50": round(percentile(ordered, 0.50), digits),
        "p95": round(percentile(ordered, 0.95), digits),
        "p99": round(percentile(ordered, 0.99), digits),
        "max": round(ordered[-1], digits),
        "mean": round(sum(ordered) / len(ordered), digits),
    }


def median(values: Sequence[float]) -> float | None:
    ordered = sorted(values)
    return percentile(ordered, 0.5) if ordered else None
