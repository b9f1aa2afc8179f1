"""How tight the similar-name rule is, over a library's drug words (the corpus by default).

    python tests/benchmarks/similar_names.py [PAGES_DIR]

Prints a table for the rule in use (rxcombo.search.similar) and the rule it replaced
(compare a word with the start of every name):
* look-alikes: each drug word, searched in the vocabulary without it (as if the library had
  no page for it), finds some other drug: how often;
* short into long: of the words of 5 letters or fewer, how many find a look-alike 3 or
  more letters longer (the "xanax" -> "ganaxolone" case);
* typos found: a swapped pair of letters in the middle of every word of 5+ letters still
  finds the word.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rxcombo.library import load_library
from rxcombo.search.similar import cutoff, indel_ratio_reaches, similar_words

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "composition"


def previous_rule(word: str, vocabulary: Sequence[str]) -> list[str]:
    """The rule before: the word against the start of every name, first letter first."""
    if len(word) < 4:
        return []
    for pool in ([v for v in vocabulary if v[0] == word[0]], list(vocabulary)):
        found = [c for c in pool if indel_ratio_reaches(word, c[: len(word)], cutoff(word))]
        if found:
            return found
    return []


def measure(
    rule: Callable[[str, Sequence[str]], list[str]], vocabulary: list[str]
) -> tuple[int, int, int, int, int, int]:
    words = [w for w in vocabulary if len(w) >= 4]
    look_alikes = short_long = shorts = found = typos = 0
    for word in words:
        others = [v for v in vocabulary if v != word and not v.startswith(word)]
        matches = rule(word, others)
        look_alikes += bool(matches)
        if len(word) <= 5:
            shorts += 1
            short_long += any(len(m) >= len(word) + 3 for m in matches)
    for word in words:
        middle = len(word) // 2
        typo = (
            word[:middle] + word[middle + 1] + word[middle] + word[middle + 2 :] if len(word) >= 5 else word
        )
        if typo == word or typo in vocabulary:
            continue
        typos += 1
        found += word in rule(typo, vocabulary)
    return look_alikes, len(words), short_long, shorts, found, typos


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    with tempfile.TemporaryDirectory() as cache:
        vocabulary = load_library(root, cache_dir=Path(cache)).index.vocabulary
    if not vocabulary:
        print(f"no pages found in {root}: pass a folder of pages", file=sys.stderr)
        return 1
    print(f"{len(vocabulary)} drug words in {root}")
    print(f"{'rule':<10} {'look-alikes':>14} {'short into long':>16} {'typos found':>14} {'time':>6}")
    for name, rule in (("previous", previous_rule), ("current", similar_words)):
        start = time.perf_counter()
        alike, words, short_long, shorts, found, typos = measure(rule, vocabulary)
        took = time.perf_counter() - start
        print(
            f"{name:<10} {alike:>6} of {words:<5} {short_long:>6} of {shorts:<7} {found:>5} of {typos:<5} {took:>5.0f}s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
