"""Speed of the per-document cleaning stage (``build_document``), per document.

    .venv/bin/python bench/cleaning_speed.py [--repeat 7]

Inputs: the five seed articles (../shared, or $TRUCEWATCH_SHARED) when present, and
generated plain-text and HTML pages. Each figure is the best of ``--repeat`` timed
passes (the machine is shared), after a warm-up pass (regexes, YAML, lingua models).
Language detection is timed on its own, so the cleaning cost can be read without it.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from trucewatch.cleaning.lines import clean_text
from trucewatch.documents import build_document
from trucewatch.evaluation.synthetic import as_html, as_text, generate
from trucewatch.records import SourceItem
from trucewatch.sources import make_item
from trucewatch.text.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared")) / "corpus" / "karabakh-seeds"


def best_ms(function: Callable[[SourceItem], object], items: list[SourceItem], repeat: int) -> float:
    for item in items:
        function(item)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            function(item)
        timings.append((time.perf_counter() - start) / len(items) * 1000)
    return round(min(timings), 3)


def measure(name: str, items: list[SourceItem], repeat: int) -> dict:
    bodies = {item.key: build_document(item).body for item in items}
    result = {"set": name, "documents": len(items),
              "mean_chars": round(sum(len(i.raw_text) for i in items) / len(items)),
              "build_document_ms": best_ms(build_document, items, repeat),
              "language_ms": best_ms(lambda i: detect_language(bodies[i.key]), items, repeat)}
    if items[0].content_type == "text":
        result["clean_text_ms"] = best_ms(lambda i: clean_text(i.raw_text), items, repeat)
    result["without_language_ms"] = round(result["build_document_ms"] - result["language_ms"], 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sets = []
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        sets.append(("seeds", [make_item(str(p), "", "text", p.read_bytes()) for p in seeds], args.repeat * 8))
    articles = generate(100, seed=5)
    sets.append(("generated text", [SourceItem(a.name, "x", "", "text", as_text(a)) for a in articles], args.repeat))
    sets.append(("generated html", [SourceItem(a.name, "x", "", "html", as_html(a)) for a in articles], args.repeat))
    for name, items, repeat in sets:
        print(json.dumps(measure(name, items, repeat)), flush=True)


if __name__ == "__main__":
    main()
