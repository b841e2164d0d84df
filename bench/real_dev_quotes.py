"""Quotes and speakers on the annotated real-dev articles (development split: files not numbered by 4).

    PYTHONPATH=src .venv/bin/python bench/real_dev_quotes.py [--split dev|test] [--show]

A gold quotation is found when one statement covers at least 30% of it; its speaker is right when
the statement's resolved name, registry aliases or speaker text match one of the gold alternatives,
wrong when some other speaker was given, unknown when none was. Files numbered by 4 are held out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from trucewatch.actors import load_registry
from trucewatch.documents import build_document
from trucewatch.records import SourceItem
from trucewatch.sources import read_sources
from trucewatch.statements import extract_statements

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = 0.3


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def _names(statement, registry) -> set[str]:
    names = {statement.speaker_name or "", statement.speaker_text or ""}
    actor = registry.get(statement.speaker)
    if actor is not None:
        names |= {actor.name, *actor.aliases}
    return {_norm(n) for n in names if n}


def _right(statement, gold: str, registry) -> bool:
    names = _names(statement, registry)
    alternatives = [_norm(a) for a in gold.split("|")]
    return any(a == n or (len(a) > 3 and (f" {a}" in f" {n}" or n.endswith(a))) for a in alternatives for n in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--show", action="store_true", help="print every miss and wrong speaker")
    shared = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus" / "real-dev")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "main" / "eval" / "real-dev")
    args = parser.parse_args()
    registry = load_registry()
    counts = {"gold": 0, "found": 0, "right": 0, "wrong": 0, "unknown": 0, "predicted": 0, "correct": 0}
    kinds: dict[str, list[int]] = {}
    for path in sorted(args.gold.glob("*.json")):
        number = int(path.stem)
        if (number % 4 == 0) != (args.split == "test"):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        (item,) = [i for i in read_sources([args.corpus / gold["file"]]) if isinstance(i, SourceItem)]
        doc = build_document(item)
        statements = extract_statements(doc, registry)
        body = _norm(doc.body)
        spans = []
        for quote in gold["quotes"]:
            at = body.find(_norm(quote["text"]))
            spans.append((at, at + len(_norm(quote["text"]))) if at >= 0 else None)
        predicted = [(body.find(_norm(s.text)), s) for s in statements]
        counts["predicted"] += len(statements)
        for at, s in predicted:
            end = at + len(_norm(s.text))
            if at >= 0 and any(g and max(0, min(end, g[1]) - max(at, g[0])) >= COVERAGE * (end - at) for g in spans):
                counts["correct"] += 1
            elif args.show:
                print(f"{path.stem} EXTRA   [{s.speaker_text}] {s.text[:90]!r}")
        for quote, span in zip(gold["quotes"], spans, strict=True):
            counts["gold"] += 1
            tally = kinds.setdefault(quote["kind"], [0, 0, 0])
            tally[0] += 1
            hits = [s for at, s in predicted if span and at >= 0 and
                    max(0, min(at + len(_norm(s.text)), span[1]) - max(at, span[0])) >= COVERAGE * (span[1] - span[0])]
            if not hits:
                if args.show:
                    print(f"{path.stem} MISSED  ({quote['speaker']}) {quote['text'][:90]!r}")
                continue
            counts["found"] += 1
            tally[1] += 1
            best = hits[0]
            if _right(best, quote["speaker"], registry):
                counts["right"] += 1
                tally[2] += 1
            elif best.speaker is None and not best.speaker_name:
                counts["unknown"] += 1
                if args.show:
                    print(f"{path.stem} UNKNOWN ({quote['speaker']}) [{best.speaker_text}] {quote['text'][:70]!r}")
            else:
                counts["wrong"] += 1
                if args.show:
                    print(f"{path.stem} WRONG   ({quote['speaker']}) got {best.speaker_name or best.speaker_text!r}"
                          f" [{best.speaker_text}] {quote['text'][:60]!r}")
    found = counts["found"] or 1
    print(f"{args.split}: gold {counts['gold']}, predicted {counts['predicted']}")
    print(f"recall {counts['found'] / counts['gold']:.3f}  precision {counts['correct'] / counts['predicted']:.3f}")
    print(f"speaker of found: right {counts['right'] / found:.3f}  wrong {counts['wrong'] / found:.3f}"
          f"  unknown {counts['unknown'] / found:.3f}")
    for kind, (n, f, r) in sorted(kinds.items()):
        print(f"  {kind:9} gold {n:4}  recall {f / n:.3f}  speaker right {r / max(f, 1):.3f}")


if __name__ == "__main__":
    main()
