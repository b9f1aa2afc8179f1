"""Generate a large, visibly fake library in the shape of the real corpus, for benchmarks.

    python tests/benchmarks/generate_library.py OUT --pages 100000 [--seed 0]

Every drug name is made up from syllables and drug-like suffixes ("Testazepam",
"Fakeprofen", "Mockocillin"), so nobody can mistake a generated page for medical
information. The shape follows ../shared/corpus (6,447 pages):

* ``composition/<first letter>/<slug>.md``, front matter ``layout: minimal-medicine`` and
  ``title: A + B``, a ``# A + B`` heading, then ``### Generic Name``, ``### Usage``,
  ``### Dosage``, ``### Side Effects``, ``### How it Works``, ``### Precautions`` and
  ``### FAQs`` with a few paragraphs, bold labels and ``*`` bullets (some nested), and a
  closing ``**Disclaimer:**`` paragraph; about 5.5 KB per page;
* 62% single-drug pages, the rest combinations of 2 to 12 drugs in the corpus's
  proportions, drawn with a popularity skew (a few drugs appear in many combinations, as
  paracetamol does);
* about 8% of drug names have two words ("Testazepam Sodium", "Potassium Fakonate").

The output is a pure function of ``pages`` and ``seed``. Plain file I/O: 100,000 pages
(about 550 MB) take some seconds, mostly the file system.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

GENERATOR_VERSION = 1
MARKER_NAME = ".rxcombo-generated.json"  # hidden: the app skips dot files

# Number of drugs per page in ../shared/corpus (titles split on " + "), 6,447 pages.
CORPUS_DRUG_COUNTS = {
    1: 3977, 2: 1283, 3: 619, 4: 317, 5: 143, 6: 46, 7: 30, 8: 6, 9: 14, 10: 5, 11: 5, 12: 2,
}  # fmt: skip

ONSETS = (
    "Test", "Fake", "Mock", "Dumm", "Sampl", "Plac", "Stub", "Bog", "Sham", "Faux",
    "Phon", "Ersatz", "Pretend", "Imit", "Simul", "Demo", "Trial", "Proxy", "Decoy",
    "Spoof", "Bluff", "Fict", "Pseud", "Quasi", "Zork", "Blip", "Quib", "Wumb", "Flim",
    "Gizm", "Doohick", "Thingam", "Whatsit", "Fibb", "Humbug", "Kitsch", "Artif", "Apocryph",
    "Jest", "Jinx", "Lorem", "Lookalik", "Nonreal", "Nul", "Ostens", "Replic", "Ruse",
    "Unreal", "Untru", "Virtu", "Vapor", "Xampl", "Yarn", "Ipsum", "Echo", "Copyc",
)  # fmt: skip
MIDDLES = (
    "a", "o", "i", "e", "u", "ra", "lo", "mi", "ze", "tri", "vo", "pa", "ne", "xi",
    "bu", "ka", "do", "fe", "sta", "plo", "gra", "ti", "ro", "zu",
)  # fmt: skip
SUFFIXES = (
    "azepam", "profen", "cillin", "mab", "olol", "pril", "sartan", "statin", "vudine",
    "tinib", "dronate", "floxacin", "mycin", "azole", "oxetine", "triptan", "caine",
    "dipine", "gliptin", "parin", "setron", "tidine", "zosin", "vir", "nide", "sone",
    "lukast", "semide", "barbital", "ximab", "zumab", "terol", "phylline", "afil",
    "amine", "etine", "idone", "oprazole", "lamide", "gabalin",
)  # fmt: skip
SALT_AFTER = ("Sodium", "Hydrochloride", "Acetate", "Potassium", "Maleate", "Citrate", "Sulfate")
SALT_BEFORE = ("Sodium", "Potassium", "Calcium", "Magnesium", "Zinc", "Ferrous")
SALT_ENDINGS = ("ate", "ide", "onate", "ite")

ADULT_FORMS = ("tablet", "capsule", "oral solution", "injection", "syrup", "cream")
EFFECTS = (
    "Mild pretend headache", "Imaginary nausea", "Fictional dizziness", "Sample drowsiness",
    "Placeholder fatigue", "Made-up dry mouth", "Invented rash", "Test-only constipation",
    "Mock insomnia", "Synthetic stomach upset", "Pseudo blurred vision", "Dummy hiccups",
    "Notional itching", "Hypothetical muscle ache", "Simulated appetite change",
)  # fmt: skip
RARE_EFFECTS = (
    "Severe made-up allergic reaction (fictional angioedema)",
    "Imaginary liver enzyme changes",
    "Invented irregular heartbeat",
    "Fictional low blood counts",
)
USAGE_SENTENCES = (
    "{drug} is a fictional medicine invented for software benchmarks and is used here to treat imaginary "
    "conditions such as pretend fever, sample pain and placeholder inflammation.",
    "In this generated library, {drug} stands in for a real product so that the shape of the page matches "
    "the real ones; nothing written about it is medical information.",
    "Doctors in this made-up world prescribe {drug} when the test scenario calls for a long-acting "
    "compound, usually after simpler invented remedies have been tried.",
    "{drug} is sometimes combined with other fictional agents, which is why it appears in several "
    "combination pages of this synthetic collection.",
    "The typical course of {drug} in these fake pages lasts from a few days to several weeks, depending "
    "on the imaginary condition and the pretend patient's response.",
)
MECHANISM_SENTENCES = (
    "{drug} is said to bind to an invented receptor called the benchmark protein B1, which slows the "
    "imaginary signal that the fictional condition depends on.",
    "By blocking a made-up enzyme, {drug} lowers the level of a pretend messenger molecule; the effect "
    "builds over several days in this synthetic description.",
    "The exact mechanism is, of course, unknown: {drug} does not exist, and this paragraph only gives the "
    "page a realistic length and rhythm.",
    "{drug} is described as reaching its peak effect within two imaginary hours and being cleared by a "
    "fictional pathway in the liver and kidneys.",
)
CONDITIONS = (
    "Pretend fever", "Sample headache", "Placeholder back pain", "Imaginary allergy",
    "Fictional high blood pressure", "Invented anxiety", "Made-up infection",
    "Synthetic joint stiffness", "Benchmark insomnia", "Notional indigestion",
)  # fmt: skip
PRECAUTION_LABELS = (
    "Contraindications", "Interactions", "Pregnancy and Lactation", "Kidney Impairment",
    "Liver Impairment", "Elderly Patients", "Driving", "Alcohol",
)  # fmt: skip
PRECAUTION_TEXT = (
    "Do not use {drug} if you are allergic to any of its invented ingredients; this is sample text.",
    "{drug} may interact with other fictional medicines in this library; always tell your pretend doctor.",
    "The safety of {drug} has not been established in anyone, because it is not a real medicine.",
    "A lower starting dose of {drug} is suggested in this made-up scenario, with careful monitoring.",
    "Avoid activities that need full attention until you know how the imaginary {drug} affects you.",
)
FAQ_PAIRS = (
    ("Can I take {drug} with food?", "Yes, in this fictional page it can be taken with or without food."),
    ("How should I store {drug}?", "Keep the imaginary tablets at room temperature, away from moisture."),
    ("What if I miss a dose of {drug}?", "Take it when you remember unless the next pretend dose is near."),
    ("Is {drug} habit-forming?", "Not in this synthetic description; it is a benchmark placeholder."),
    ("Can children take {drug}?", "This generated page gives no real advice; ask a real professional."),
    ("How long does {drug} take to work?", "The fictional effect starts within a few imaginary days."),
)  # fmt: skip
FAQ_TAILS = (
    "Remember that every statement here is invented for testing.",
    "Ask a real pharmacist about real medicines; this one does not exist.",
    "The benchmark only needs the sentence to be about this long.",
    "Nothing on this page should guide any decision about health.",
)
DISCLAIMER = (
    "**Disclaimer:** This page was generated for performance testing. {drug} is not a real "
    "medicine and none of this text is medical advice. Always consult a healthcare professional."
)

_DOUBLE_VOWEL = re.compile(r"[aeiou]{2}")
_SLUG = re.compile(r"[^0-9a-z]+")
MAX_FILE_SLUG = 120


def slug(title: str) -> str:
    return _SLUG.sub("-", title.lower()).strip("-")[:MAX_FILE_SLUG].rstrip("-") or "page"


def _drug_count_table() -> list[int]:
    table: list[int] = []
    for count, pages in CORPUS_DRUG_COUNTS.items():
        table.extend([count] * pages)
    return table


def _make_names(rng: random.Random, wanted: int) -> list[str]:
    """``wanted`` distinct fake drug names, in random order (the order is the popularity)."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < wanted:
        onset = rng.choice(ONSETS)
        middle = "".join(rng.choice(MIDDLES) for _ in range(rng.choice((0, 1, 1, 2, 2, 3))))
        base = f"{onset}{middle}{rng.choice(SUFFIXES)}"
        if _DOUBLE_VOWEL.search(base):
            continue
        roll = rng.random()
        if roll < 0.05:
            name = f"{base} {rng.choice(SALT_AFTER)}"
        elif roll < 0.08:
            stem = f"{onset}{middle}".lower()
            name = f"{rng.choice(SALT_BEFORE)} {stem.capitalize()}{rng.choice(SALT_ENDINGS)}"
        else:
            name = base
        key = name.lower()
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


def _bullets(rng: random.Random, items: tuple[str, ...], low: int, high: int) -> str:
    return "\n".join(f"* {item}" for item in rng.sample(items, rng.randint(low, high)))


def _page(rng: random.Random, title: str, drugs: list[str]) -> str:
    first = drugs[0]
    lines = [
        "---",
        "layout: minimal-medicine",
        f"title: {title}",
        "---",
        "",
        f"# {title}",
        "### Generic Name",
        title,
        "",
        "### Usage",
        "",
    ]
    for drug in drugs[:3]:
        lines.append(" ".join(s.format(drug=drug) for s in rng.sample(USAGE_SENTENCES, 4)))
        lines.append("")
    lines += ["**Used for (in this fictional page):**", ""]
    lines += [f"* {condition}" for condition in rng.sample(CONDITIONS, rng.randint(3, 5))]
    lines.append("")
    dose = rng.choice((5, 10, 20, 25, 50, 100, 250, 500))
    lines += [
        "### Dosage",
        "",
        "**Adults:**",
        "",
        f"* **Usual dose:** {dose} mg of {first} once or twice daily as a {rng.choice(ADULT_FORMS)}, "
        "in this fictional scheme.",
        f"* **Maximum dose:** {dose * 4} mg per day; never exceed the invented limit.",
        "  * Lower doses are suggested for pretend patients with kidney or liver impairment.",
        "  * The dose is adjusted every imaginary week according to response.",
        "",
        "**Children:**",
        "",
        f"* Not established for {first}; this is a synthetic page without real dosing information.",
        "",
        "**Elderly:**",
        "",
        "* Start at the lowest invented dose and increase slowly, checking the pretend kidney function.",
        "",
        "**Missed dose:** Take it as soon as you remember, unless it is nearly time for the next one; "
        "never double a dose of this imaginary medicine.",
        "",
        "### Side Effects",
        "",
        "**Common:**",
        "",
        _bullets(rng, EFFECTS, 4, 8),
        "",
        "**Less Common:**",
        "",
        _bullets(rng, EFFECTS, 2, 5),
        "",
        "**Rare:**",
        "",
        _bullets(rng, RARE_EFFECTS, 1, 3),
        "",
        "**When to get help:** Contact a (real) doctor at once for any of these invented signs:",
        "",
        "* Swelling of the face, lips or tongue, or trouble breathing (a fictional allergic reaction)",
        "* Yellowing of the skin or eyes, or unusually dark urine, in this made-up scenario",
        "",
        "### How it Works",
        "",
    ]
    for drug in drugs[:2]:
        lines.append(" ".join(s.format(drug=drug) for s in rng.sample(MECHANISM_SENTENCES, 3)))
        lines.append("")
    lines += ["### Precautions", ""]
    for label in rng.sample(PRECAUTION_LABELS, rng.randint(4, 7)):
        text = rng.choice(PRECAUTION_TEXT).format(drug=rng.choice(drugs))
        lines.append(f"* **{label}:** {text}")
    lines += [
        "",
        f"**Overdose:** Symptoms of taking too much {first} are invented for this page: pretend "
        "drowsiness, imaginary confusion and a fictional slow heartbeat. In a real emergency, contact "
        "a poison centre; this text is only sample content for a performance test.",
        "",
        f"**Storage:** Store {first} below an imaginary 25 °C, in the original pack, out of the reach "
        "of children and pets; do not use it after the made-up expiry date printed on the carton.",
        "",
        "### FAQs",
        "",
    ]
    for question, answer in rng.sample(FAQ_PAIRS, rng.randint(4, 6)):
        drug = rng.choice(drugs)
        lines.append(f"* **Q: {question.format(drug=drug)}** A: {answer} {rng.choice(FAQ_TAILS)}")
        lines.append("")
    lines.append(DISCLAIMER.format(drug=first))
    lines.append("")
    return "\n".join(lines)


def plan(pages: int, seed: int = 0) -> list[tuple[str, list[str]]]:
    """The (title, drugs) of every page, without writing anything."""
    rng = random.Random(seed)
    table = _drug_count_table()
    counts = [1 if rng.random() < 0.62 else rng.choice(table[3977:]) for _ in range(pages)]
    singles = counts.count(1)
    names = _make_names(rng, max(singles, 12))
    # Combination drugs come from the named drugs, popular ones (early in the list) far more
    # often: weight 1/(rank+1) gives a few drugs that appear in thousands of combinations.
    cumulative: list[float] = []
    total = 0.0
    for rank in range(len(names)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    single_names = iter(names)
    result: list[tuple[str, list[str]]] = []
    titles: set[str] = set()
    for count in counts:
        if count == 1:
            drugs = [next(single_names)]
        else:
            while True:
                drawn = rng.choices(names, cum_weights=cumulative, k=count * 2)
                drugs = list(dict.fromkeys(drawn))[:count]
                if len(drugs) == count and " + ".join(drugs) not in titles:
                    break
        title = " + ".join(drugs)
        titles.add(title)
        result.append((title, drugs))
    return result


def generate(root: Path, pages: int, seed: int = 0) -> Path:
    """Write ``pages`` fake pages under ``root/composition`` and return ``root``.

    ``root`` must be empty or absent. A hidden marker file records pages, seed and generator
    version, so callers can reuse a library generated before (see :func:`is_generated`).
    """
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    rng = random.Random(seed ^ 0x5EED)
    composition = root / "composition"
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        (composition / letter).mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for title, drugs in plan(pages, seed):
        name = slug(title)
        if name in used:  # only possible when two long titles share their first 120 chars
            number = 2
            while f"{name}-{number}" in used:
                number += 1
            name = f"{name}-{number}"
        used.add(name)
        with open(composition / name[0] / f"{name}.md", "w", encoding="utf-8", newline="\n") as handle:
            handle.write(_page(rng, title, drugs))
    for folder in composition.iterdir():
        if not any(folder.iterdir()):
            folder.rmdir()
    marker = {"pages": pages, "seed": seed, "generator": GENERATOR_VERSION}
    (root / MARKER_NAME).write_text(json.dumps(marker) + "\n", encoding="utf-8")
    return root


def is_generated(root: Path, pages: int, seed: int = 0) -> bool:
    """True if ``root`` holds a complete library from :func:`generate` with these arguments."""
    try:
        marker = json.loads((Path(root) / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker == {"pages": pages, "seed": seed, "generator": GENERATOR_VERSION}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    started = time.perf_counter()
    try:
        generate(args.out, args.pages, args.seed)
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{args.pages} pages in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
