"""The strict quote errors of real-dev articles, one row each, to find their general causes.

Uses the same strict pairs and speaker judgement as the scorer (``quotes.Scorer``), so every row is
one of the counted errors: a gold quote missed, a prediction matching no gold quote, or a matched
pair with the wrong speaker, said_on or kind. Run it on the dev split only.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from trucewatch.evaluation.matching import strict_pairs, trim
from trucewatch.evaluation.quotes import Scorer
from trucewatch.evaluation.realdev import (
    DocumentResult,
    build_and_analyse,
    read_annotations,
    score_document,
    split_of,
)


def _text(raw: str, spans) -> str:
    return " | ".join(raw[a:b] for a, b in spans)[:300]


def _gold_speaker(gold) -> str:
    return "|".join(gold.speaker) if gold.speaker is not None else gold.source_text or ""


def errors_of(result: DocumentResult, scorer: Scorer) -> Iterator[dict]:
    """Rows {file, error, kind, gold, predicted, speaker, predicted_speaker, ...} of one scored article."""
    raw = result.text
    gold_spans = [trim(g.content, raw) for g in result.quotes_gold]
    predicted_spans = [trim(((p.start, p.end),), raw) for p in result.quotes_predicted]
    pairs = strict_pairs(gold_spans, predicted_spans)
    matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
    for g, gold in enumerate(result.quotes_gold):
        if g not in matched_gold:
            yield {"file": result.file, "error": "missed", "kind": gold.kind, "gold": _text(raw, gold.content),
                   "speaker": _gold_speaker(gold)}
    for p, prediction in enumerate(result.quotes_predicted):
        if p not in matched_predicted:
            yield {"file": result.file, "error": "false_positive", "kind": prediction.kind,
                   "predicted": _text(raw, ((prediction.start, prediction.end),)),
                   "predicted_speaker": prediction.speaker or prediction.speaker_name}
    for g, p in pairs:
        gold, prediction = result.quotes_gold[g], result.quotes_predicted[p]
        row = {"file": result.file, "kind": gold.kind, "gold": _text(raw, gold.content),
               "speaker": _gold_speaker(gold),
               "predicted_speaker": prediction.speaker or prediction.speaker_name,
               "speaker_text": prediction.speaker_text, "gold_said_on": gold.said_on,
               "said_on": prediction.said_on, "predicted_kind": prediction.kind}
        if (gold.speaker is not None or gold.source) and not scorer._same_speaker(gold, prediction, strict=True):
            yield row | {"error": "speaker"}
        if gold.said_on and prediction.said_on != gold.said_on:
            yield row | {"error": "said_on"}
        if gold.kind and prediction.kind != gold.kind:
            yield row | {"error": "kind"}


def dev_errors(annotations: str | os.PathLike, corpus: str | os.PathLike) -> Iterator[dict]:
    """Every strict quote error of the dev split (never the held-out one)."""
    from trucewatch.actors import load_registry
    from trucewatch.agreements import load_agreements

    agreements, registry = load_agreements(), load_registry()
    scorer = Scorer(registry)
    for note in read_annotations(annotations, corpus):
        if split_of(note["file"]) != "dev":
            continue
        doc, sentences, predictions, _links = build_and_analyse(Path(corpus) / note["file"], agreements, registry)
        result = score_document(note, doc, sentences, predictions, [], "dev")
        yield from errors_of(result, scorer)


if __name__ == "__main__":  # python -m trucewatch.evaluation.quote_errors eval/real-dev CORPUS > errors.jsonl
    for row in dev_errors(sys.argv[1], sys.argv[2]):
        print(json.dumps(row, ensure_ascii=False))
