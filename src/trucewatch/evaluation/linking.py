"""Scoring evidence linking and implementation status against annotated sentences.

Gold labels are keyed by a distinctive substring of each sentence (the project's fixtures
``linking/*.yaml``), so they survive changes to cleaning and sentence offsets. A predicted link
labels the sentences it covers; a label counts as correct when it is a gold link, and a gold link
nobody predicted is missed. Strict precision counts every other prediction as wrong, including
those on labels the annotation marks optional (reported apart); the lenient figure beside leaves
predictions on optional labels out. Status agreement compares ``assess`` on the linked evidence
with the expected statuses and deadline states. Documents are dated by the system alone.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from trucewatch.agreements import Agreement, load_agreements
from trucewatch.assess.status import assess
from trucewatch.documents import build_document
from trucewatch.evaluation.matching import ratio
from trucewatch.linking import link_document
from trucewatch.records import Document, EvidenceLink, Sentence, Statement
from trucewatch.sources import read_sources
from trucewatch.text.sentences import split_sentences


@dataclass(frozen=True)
class GoldSentence:
    key: str
    links: frozenset[str]
    optional: frozenset[str]


@dataclass
class Annotations:
    default_agreement: str
    documents: dict[str, list[GoldSentence]]  # file name -> sentences
    expected_status: list[dict]


@dataclass
class LinkingScore:
    correct: int = 0
    wrong: int = 0
    optional: int = 0  # predictions on labels the annotation marks optional: wrong in strict, left out in lenient
    missed: int = 0
    lenient_correct: int | None = None  # where lenient matching differs from strict (real-dev), else None
    lenient_found: int | None = None
    lenient_gold: int | None = None
    unmatched_keys: list[str] = field(default_factory=list)  # gold keys found in no sentence
    errors: list[dict] = field(default_factory=list)  # wrong and missed labels, for reading
    by_label: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    status_total: int = 0
    status_agree: int = 0
    status_rows: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Strict: every prediction counted."""
        return ratio(self.correct, self.correct + self.wrong + self.optional)

    @property
    def recall(self) -> float | None:
        return ratio(self.correct, self.correct + self.missed)

    @property
    def lenient_precision(self) -> float | None:
        if self.lenient_correct is not None:
            return ratio(self.lenient_correct, self.correct + self.wrong + self.optional)
        return ratio(self.correct, self.correct + self.wrong)

    @property
    def lenient_recall(self) -> float | None:
        if self.lenient_found is not None and self.lenient_gold is not None:
            return ratio(self.lenient_found, self.lenient_gold)
        return ratio(self.correct, self.correct + self.missed)

    @property
    def status_agreement(self) -> float | None:
        return ratio(self.status_agree, self.status_total)

    def summary(self) -> dict:
        return {"strict": {"precision": self.precision, "recall": self.recall, "f1": f1(self.precision, self.recall)},
                "lenient": {"precision": self.lenient_precision, "recall": self.lenient_recall,
                            "f1": f1(self.lenient_precision, self.lenient_recall)},
                "correct": self.correct, "wrong": self.wrong, "optional_predicted": self.optional,
                "missed": self.missed, "status_agreement": self.status_agreement, "status_n": self.status_total,
                "unmatched_keys": self.unmatched_keys}


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None and recall is None:
        return None
    precision, recall = precision or 0.0, recall or 0.0
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def read_annotations(path: str | os.PathLike) -> Annotations:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    default = data["default_agreement"]

    def label(value: str) -> str:
        return value if ":" in value else f"{default}:{value}"

    documents = {}
    for name, entry in data["documents"].items():
        gold = [GoldSentence(s["key"], frozenset(map(label, s.get("links", []))),
                             frozenset(map(label, s.get("optional", [])))) for s in entry["sentences"]]
        documents[name] = gold
    return Annotations(default, documents, data.get("expected_status", []))


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sentence_labels(sentences: list[Sentence], links: Iterable[EvidenceLink]) -> dict[int, set[str]]:
    """Labels ``agreement:provision`` per sentence index: a link labels the sentences it mostly covers."""
    labels: dict[int, set[str]] = defaultdict(set)
    for link in links:
        for s in sentences:
            overlap = min(s.end, link.end) - max(s.start, link.start)
            if overlap > 0 and overlap >= 0.5 * min(s.end - s.start, link.end - link.start):
                labels[s.index].add(f"{link.agreement_id}:{link.provision}")
    return labels


Expected = dict[int, tuple[set[str], set[str]]]  # sentence index -> (gold labels, optional labels)


def score_document(sentences: list[Sentence], links: list[EvidenceLink], gold: list[GoldSentence],
                   score: LinkingScore, doc_name: str) -> None:
    """Score one document against gold keyed by sentence substrings."""
    expected: Expected = {}
    for g in gold:
        hits = [s for s in sentences if _normal(g.key) in _normal(s.text)]
        if not hits:
            score.unmatched_keys.append(f"{doc_name}: {g.key}")
        for s in hits:
            links_, optional = expected.setdefault(s.index, (set(), set()))
            links_ |= g.links
            optional |= g.optional
    score_labels(sentences, sentence_labels(sentences, links), expected, score, doc_name)


def score_labels(sentences: list[Sentence], predicted: dict[int, set[str]], expected: Expected,
                 score: LinkingScore, doc_name: str) -> None:
    """Count each (sentence, label) once: correct, wrong, on an optional label, or missed."""
    for s in sentences:
        gold_links, optional = expected.get(s.index, (set(), set()))
        found = predicted.get(s.index, set())
        for label in found & gold_links:
            score.correct += 1
            score.by_label[label]["correct"] += 1
        for label in found & optional - gold_links:
            score.optional += 1
            score.by_label[label]["optional"] += 1
        for label in found - gold_links - optional:
            score.wrong += 1
            score.by_label[label]["wrong"] += 1
            score.errors.append({"doc": doc_name, "label": label, "error": "wrong", "sentence": s.text[:160]})
        for label in gold_links - found:
            score.missed += 1
            score.by_label[label]["missed"] += 1
            score.errors.append({"doc": doc_name, "label": label, "error": "missed", "sentence": s.text[:160]})


def evaluate_linking(corpus: str | os.PathLike, annotations: str | os.PathLike,
                     agreements: dict[str, Agreement] | None = None,
                     statements: bool = True) -> LinkingScore:
    """Link every annotated document to every agreement and score sentences and statuses."""
    corpus = Path(corpus)
    gold = read_annotations(annotations)
    agreements = agreements or load_agreements()
    extract = _statement_extractor() if statements else None
    score = LinkingScore()
    all_links: list[EvidenceLink] = []
    paths = [corpus / name for name in gold.documents]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"annotated documents not found: {', '.join(missing)}")
    for item in read_sources([str(p) for p in paths]):
        name = Path(item.source_path).name
        doc = build_document(item)
        sentences = split_sentences(doc)
        found_statements = extract(doc) if extract else []
        links = [x for a in agreements.values() for x in link_document(doc, sentences, found_statements, a)]
        all_links.extend(links)
        score_document(sentences, links, gold.documents[name], score, name)
    for entry in gold.expected_status:
        agreement = agreements[entry["agreement"]]
        as_of = date.fromisoformat(entry["as_of"])
        statuses = assess(agreement, all_links, as_of)
        actual = {s.provision: s.status for s in statuses}
        actual |= {f"deadline {d.id}": d.state for s in statuses for d in s.deadlines}
        expected = {str(k): v for k, v in entry.get("provisions", {}).items()}
        expected |= {f"deadline {k}": v for k, v in entry.get("deadlines", {}).items()}
        for key, value in expected.items():
            score.status_total += 1
            score.status_agree += actual.get(key) == value
            score.status_rows.append({"agreement": agreement.id, "as_of": entry["as_of"], "provision": key,
                                      "expected": value, "actual": actual.get(key)})
    return score


def _statement_extractor():
    """Statements from the statements stage, when it is installed and working; else sentences alone."""
    try:
        from trucewatch.actors import load_registry
        from trucewatch.statements import extract_statements
        registry = load_registry()
    except (ImportError, OSError, ValueError):
        return None

    def extract(doc: Document) -> list[Statement]:
        return extract_statements(doc, registry)

    return extract
