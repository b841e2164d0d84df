"""Scoring quotation and speaker extraction, with textacy's direct quotations as a baseline.

A gold content span is found when one predicted content span covers at least 30% of it; a
prediction is correct when it covers at least 30% of some gold content. Speaker accuracy is
measured over found gold attributions that have a source: the predicted speaker span overlaps
the gold source, or names the same entity. Quoted (content with quote marks) and unquoted
(indirect) attributions are reported separately.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from trucewatch.actors import ActorRegistry, load_registry
from trucewatch.evaluation.polnear import BratDocument, GoldAttribution, Spans
from trucewatch.records import BodySpan, Document, Statement

COVERAGE = 0.3
CATEGORIES = ("quoted", "unquoted", "all")


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    quoted: bool
    speaker_spans: Spans = ()
    speaker_text: str | None = None
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    said_on: str | None = None


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    with_source: int = 0
    speaker_right: int = 0
    dated: int = 0
    date_right: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | int | None]:
        precision = self.correct / self.predicted if self.predicted else None
        recall = self.found / self.gold if self.gold else None
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if self.gold else None)
        return {"gold": self.gold, "predicted": self.predicted, "precision": _round(precision),
                "recall": _round(recall), "f1": _round(f1),
                "speaker_accuracy": _round(self.speaker_right / self.with_source if self.with_source else None),
                "speaker_n": self.with_source,
                "said_on_accuracy": _round(self.date_right / self.dated if self.dated else None)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _covered(spans: Spans, start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in spans)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def _surname(name: str | None) -> str | None:
    words = re.findall(r"[A-ZÀ-ÖØ-ÞƏİŞÇÜ][\w-]+", name or "")
    return words[-1].lower() if words else None


@dataclass
class Scorer:
    """Accumulates counts over documents; one instance per system and data set."""

    registry: ActorRegistry | None = None
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})

    def add(self, gold: Sequence[GoldAttribution], predictions: Sequence[Prediction],
            gold_speakers: Sequence[str | None] | None = None, gold_dates: Sequence[str | None] | None = None) -> None:
        """Score one document. ``gold_speakers``/``gold_dates`` (actor ids, ISO dates) are for own fixtures."""
        for n, item in enumerate(gold):
            category = "quoted" if item.quoted else "unquoted"
            size = _length(item.content) or 1
            best, best_cover = None, 0
            for prediction in predictions:
                cover = _covered(item.content, prediction.start, prediction.end)
                if cover > best_cover:
                    best, best_cover = prediction, cover
            for name in (category, "all"):
                counts = self.counts[name]
                counts.gold += 1
                if best is None or best_cover < COVERAGE * size:
                    continue
                counts.found += 1
                if gold_speakers is not None:
                    counts.with_source += 1
                    counts.speaker_right += best.speaker == gold_speakers[n]
                elif item.source:
                    counts.with_source += 1
                    counts.speaker_right += self._same_speaker(item, best)
                if gold_dates is not None and gold_dates[n]:
                    counts.dated += 1
                    counts.date_right += best.said_on == gold_dates[n]
        for prediction in predictions:
            category = "quoted" if prediction.quoted else "unquoted"
            right = any(_covered(g.content, prediction.start, prediction.end) >= COVERAGE * (_length(g.content) or 1)
                        for g in gold)
            for name in (category, "all"):
                self.counts[name].predicted += 1
                self.counts[name].correct += right

    def _same_speaker(self, gold: GoldAttribution, prediction: Prediction) -> bool:
        if any(_covered(gold.source, s, e) for s, e in prediction.speaker_spans):
            return True
        if not gold.source_text or not (prediction.speaker or prediction.speaker_text):
            return False
        if self.registry is not None and prediction.speaker:
            actor = self.registry.lookup(gold.source_text)
            if actor is not None:
                return actor == prediction.speaker
        surname = _surname(gold.source_text)
        return surname is not None and surname in (_surname(prediction.speaker_name), _surname(prediction.speaker_text))

    def report(self) -> dict[str, dict]:
        return {name: counts.metrics() for name, counts in self.counts.items()}


# -- systems ---------------------------------------------------------------------------------


def from_statements(statements: Iterable[Statement],
                    to_raw: Callable[[int], int | None] = lambda x: x) -> list[Prediction]:
    predictions = []
    for s in statements:
        start, end = to_raw(s.start), to_raw(s.end)
        if start is None or end is None:
            continue
        speaker: Spans = ()
        if s.speaker_start is not None and s.speaker_end is not None:
            a, b = to_raw(s.speaker_start), to_raw(s.speaker_end)
            speaker = ((a, b),) if a is not None and b is not None else ()
        predictions.append(Prediction(start, end, s.kind != "indirect", speaker, s.speaker_text, s.speaker,
                                      s.speaker_name, s.said_on))
    return predictions


def textacy_predictions(parsed) -> list[Prediction]:
    """textacy's rule-based direct quotations on a fully parsed spaCy Doc."""
    from textacy.extract.triples import direct_quotations

    predictions = []
    try:
        triples = list(direct_quotations(parsed))
    except (ValueError, IndexError, KeyError):  # textacy fails on some unbalanced quotes
        return predictions
    for triple in triples:
        speaker: Spans = ()
        if triple.speaker:
            speaker = ((min(t.idx for t in triple.speaker), max(t.idx + len(t) for t in triple.speaker)),)
        text = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        predictions.append(Prediction(triple.content.start_char, triple.content.end_char, True, speaker, text))
    return predictions


def _document(name: str, text: str, published: str | None) -> Document:
    return Document(id=name, source_key=name, source_path=name, locator="", content_type="text", raw_text=text,
                    body=text, body_spans=[BodySpan(0, 0, len(text))], published=published)


def evaluate_polnear(docs: Iterable[BratDocument], baseline: bool = True) -> dict[str, dict]:
    """Our statements and (optionally) textacy's quotations against PolNeAR gold."""
    from trucewatch.nlp import full_pipeline
    from trucewatch.statements import extract_statements

    registry = load_registry()
    ours, theirs = Scorer(registry), Scorer(registry)
    for doc in docs:
        statements = extract_statements(_document(doc.name, doc.text, doc.published), registry)
        ours.add(doc.attributions, from_statements(statements))
        if baseline:
            theirs.add(doc.attributions, textacy_predictions(full_pipeline()(doc.text)))
    results = {"trucewatch": ours.report()}
    if baseline:
        results["textacy"] = theirs.report()
    return results


# -- seed fixtures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedAnnotation:
    file: str
    published: str | None
    gold: tuple[GoldAttribution, ...]
    speakers: tuple[str | None, ...]
    dates: tuple[str | None, ...]


def read_seed_annotations(folder: str | Path) -> list[SeedAnnotation]:
    """Fixtures ``*.json``: {file, published, statements: [{start, end, kind, speaker, said_on}]}.

    Offsets are into the original file text, so they survive changes to cleaning.
    """
    found = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["statements"]
        gold = tuple(GoldAttribution(((s["start"], s["end"]),), quoted=s["kind"] != "indirect") for s in items)
        found.append(SeedAnnotation(data["file"], data.get("published"), gold,
                                    tuple(s.get("speaker") for s in items), tuple(s.get("said_on") for s in items)))
    return found


def evaluate_seeds(annotations: Sequence[SeedAnnotation], seeds_folder: str | Path,
                   baseline: bool = True) -> dict[str, dict]:
    """Score the stage on the seed articles, read as ingest reads them."""
    from trucewatch.documents import build_document
    from trucewatch.nlp import full_pipeline
    from trucewatch.records import SourceItem
    from trucewatch.sources import read_sources
    from trucewatch.statements import extract_statements

    registry = load_registry()
    ours, theirs = Scorer(registry), Scorer(registry)
    for note in annotations:
        items = [i for i in read_sources([Path(seeds_folder) / note.file]) if isinstance(i, SourceItem)]
        if not items:
            continue
        doc = build_document(items[0])
        if note.published and not doc.published:  # the dating stage may not have run: use the annotated date
            doc = replace(doc, published=note.published)
        predictions = from_statements(extract_statements(doc, registry), doc.raw_offset)
        ours.add(note.gold, predictions, note.speakers, note.dates)
        if baseline:
            theirs.add(note.gold, textacy_predictions(full_pipeline()(doc.raw_text)))  # no actor ids to compare
    results = {"trucewatch": ours.report()}
    if baseline:
        results["textacy"] = theirs.report()
    return results
