"""Scoring evidence linking and implementation status against annotated sentences.

Gold labels are keyed by a distinctive substring of each sentence (see
tests/fixtures/linking/karabakh-seeds.yaml), so they survive changes to cleaning
and sentence offsets. A predicted link labels the sentences it covers; a label
counts as correct when it is a gold link, as wrong when it is neither gold nor
optional, and a gold link nobody predicted is missed. Status agreement compares
``assess`` on the linked evidence with the expected statuses and deadline states.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from trucewatch.agreements import Agreement, load_agreements
from trucewatch.assess.status import assess
from trucewatch.documents import build_document
from trucewatch.linking import link_document
from trucewatch.records import Document, EvidenceLink, Sentence, Statement
from trucewatch.sources import read_sources
from trucewatch.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_ANNOTATIONS = ROOT / "tests" / "fixtures" / "linking" / "karabakh-seeds.yaml"


def default_corpus() -> Path:
    shared = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared"))
    return shared / "corpus" / "karabakh-seeds"


@dataclass(frozen=True)
class GoldSentence:
    key: str
    links: frozenset[str]
    optional: frozenset[str]


@dataclass
class Annotations:
    default_agreement: str
    documents: dict[str, tuple[str | None, list[GoldSentence]]]  # file name -> (published, sentences)
    expected_status: list[dict]


@dataclass
class LinkingScore:
    correct: int = 0
    wrong: int = 0
    missed: int = 0
    unmatched_keys: list[str] = field(default_factory=list)  # gold keys found in no sentence
    errors: list[dict] = field(default_factory=list)  # wrong and missed labels, for reading
    by_label: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    status_total: int = 0
    status_agree: int = 0
    status_rows: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        predicted = self.correct + self.wrong
        return round(self.correct / predicted, 3) if predicted else None

    @property
    def recall(self) -> float | None:
        gold = self.correct + self.missed
        return round(self.correct / gold, 3) if gold else None

    @property
    def status_agreement(self) -> float | None:
        return round(self.status_agree / self.status_total, 3) if self.status_total else None

    def summary(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "correct": self.correct,
                "wrong": self.wrong, "missed": self.missed, "status_agreement": self.status_agreement,
                "status_n": self.status_total, "unmatched_keys": self.unmatched_keys}


def read_annotations(path: str | os.PathLike) -> Annotations:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    default = data["default_agreement"]

    def label(value: str) -> str:
        return value if ":" in value else f"{default}:{value}"

    documents = {}
    for name, entry in data["documents"].items():
        gold = [GoldSentence(s["key"], frozenset(map(label, s.get("links", []))),
                             frozenset(map(label, s.get("optional", [])))) for s in entry["sentences"]]
        documents[name] = (entry.get("published"), gold)
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


def score_document(sentences: list[Sentence], links: list[EvidenceLink], gold: list[GoldSentence],
                   score: LinkingScore, doc_name: str) -> None:
    predicted = sentence_labels(sentences, links)
    expected: dict[int, tuple[set[str], set[str]]] = {}
    for g in gold:
        hits = [s for s in sentences if _normal(g.key) in _normal(s.text)]
        if not hits:
            score.unmatched_keys.append(f"{doc_name}: {g.key}")
        for s in hits:
            links_, optional = expected.setdefault(s.index, (set(), set()))
            links_ |= g.links
            optional |= g.optional
    for s in sentences:
        gold_links, optional = expected.get(s.index, (set(), set()))
        found = predicted.get(s.index, set())
        for label in found & gold_links:
            score.correct += 1
            score.by_label[label]["correct"] += 1
        for label in found - gold_links - optional:
            score.wrong += 1
            score.by_label[label]["wrong"] += 1
            score.errors.append({"doc": doc_name, "label": label, "error": "wrong", "sentence": s.text[:160]})
        for label in gold_links - found:
            score.missed += 1
            score.by_label[label]["missed"] += 1
            score.errors.append({"doc": doc_name, "label": label, "error": "missed", "sentence": s.text[:160]})


def evaluate_linking(corpus: str | os.PathLike | None = None, annotations: str | os.PathLike | None = None,
                     agreements: dict[str, Agreement] | None = None,
                     statements: bool = True) -> LinkingScore:
    """Link every annotated document to every agreement and score sentences and statuses."""
    corpus = Path(corpus) if corpus else default_corpus()
    gold = read_annotations(annotations or DEFAULT_ANNOTATIONS)
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
        published, gold_sentences = gold.documents[name]
        doc = build_document(item)
        if not doc.published and published:
            doc = replace(doc, published=published)
        sentences = split_sentences(doc)
        found_statements = extract(doc) if extract else []
        links = [x for a in agreements.values() for x in link_document(doc, sentences, found_statements, a)]
        all_links.extend(links)
        score_document(sentences, links, gold_sentences, score, name)
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
