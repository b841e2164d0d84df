"""Scoring conflicting accounts (``assess.contradictions``: claims and accounts) on the real-dev pairs.

Gold: ``eval/real-dev/contradictions.json``, pairs of spans in one article in which two sides give
incompatible accounts of one fact, with the provision it bears on (written by reading the dev texts).
The system runs as the analysis does (build, split, statements, links, incidents; nothing from the gold fed in)
over every article of the split, and its conflicting-claims contradictions are matched one to one to the pairs.
**Strict**: both citations lie in the pair's article, each covers at least half of its gold span (in either
order), and the provision is the pair's. Evidence cites a sentence, or the statement inside it, while an
account may be part of a sentence ("Yerevan announcing that ...; Baku, in turn, said ..."): the unit is the
sentence, so a citation is not also required to lie half inside the span. **Lenient**: each citation
overlaps one of the two spans at all, any provision. Every prediction counts, so a conflict nobody
annotated is wrong: precision is a lower bound where the annotation missed a real conflict.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from trucewatch.evaluation.matching import ratio
from trucewatch.evaluation.realdev import analyse_article, expand, split_of

Span = tuple[str, int, int]  # file, start, end in the article's raw text


@dataclass(frozen=True)
class GoldPair:
    label: str  # agreement:provision
    first: Span
    second: Span
    fact: str


@dataclass(frozen=True)
class Predicted:
    label: str
    first: Span | None  # None: the citation could not be placed in an article's raw text
    second: Span | None
    summary: str


def read_pairs(path: str | os.PathLike, corpus: str | os.PathLike) -> list[GoldPair]:
    """The annotated pairs with their spans expanded and placed in the articles' raw text."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    pairs = []
    for item in data["pairs"]:
        text = (Path(corpus) / item["file"]).read_text(encoding="utf-8")
        spans = []
        for side in ("first", "second"):
            words = expand(text, item[side]["text"])
            start = text.find(words)
            if start < 0:
                raise ValueError(f"{item['file']}: span not in the text: {item[side]['text']!r}")
            spans.append((item["file"], start, start + len(words)))
        pairs.append(GoldPair(f"{item['agreement']}:{item['provision']}", spans[0], spans[1], item["fact"]))
    return pairs


def _overlap(a: Span | None, b: Span) -> int:
    if a is None or a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def _strict(cited: Span | None, gold: Span) -> bool:
    return _overlap(cited, gold) >= 0.5 * (gold[2] - gold[1])


def matches(predicted: Predicted, gold: GoldPair, *, strict: bool) -> bool:
    if strict:
        return predicted.label == gold.label and any(
            _strict(x, g) and _strict(y, h) for x, y in ((predicted.first, predicted.second),
                                                          (predicted.second, predicted.first))
            for g, h in ((gold.first, gold.second),))
    return all(_overlap(x, gold.first) or _overlap(x, gold.second) for x in (predicted.first, predicted.second))


def predict(corpus: str | os.PathLike, split: str) -> list[Predicted]:
    """The system's conflicting-claims contradictions over every article of ``split``, placed in raw text."""
    from trucewatch.actors import load_registry
    from trucewatch.agreements import load_agreements
    from trucewatch.assess.contradictions import account_contradictions, claim_contradictions
    from trucewatch.incidents import extract_incidents
    from trucewatch.incidents.gazetteer import load_gazetteer

    agreements, registry, gazetteer = load_agreements(), load_registry(), load_gazetteer()
    sides = {a.id: a.side for a in registry.actors.values()}
    names = {a.id: a.name for a in registry.actors.values()}
    links, documents, incidents, statements = [], {}, [], []
    for path in sorted(Path(corpus).glob("[0-9][0-9][0-9].txt")):
        if split != "all" and split_of(path.name) != split:
            continue
        doc, sentences, said, found = analyse_article(path, agreements, registry)
        documents[doc.id] = (path.name, doc)
        links += found
        statements += said
        incidents += extract_incidents(doc, sentences, registry, gazetteer, said)
    published = {doc_id: doc.published for doc_id, (_, doc) in documents.items()}
    predicted = []
    for agreement in agreements.values():
        mine = [x for x in links if x.agreement_id == agreement.id]
        for c in [*claim_contradictions(mine, sides, names),
                  *account_contradictions(links, agreement, sides, registry.countries, names,
                                          incidents, statements, published,
                                          {doc_id: doc.body for doc_id, (_, doc) in documents.items()})]:
            spans = [_raw(documents, x.doc_id, x.start, x.end) for x in (c.first, c.second)]
            predicted.append(Predicted(f"{c.agreement_id}:{c.provision}", spans[0], spans[1], c.summary))
    return predicted


def _raw(documents: dict, doc_id: str | None, start: int | None, end: int | None) -> Span | None:
    if doc_id not in documents or start is None or end is None:
        return None
    name, doc = documents[doc_id]
    raw_start, raw_end = doc.raw_offset(start), doc.raw_offset(end, end=True)
    return None if raw_start is None or raw_end is None else (name, raw_start, raw_end)


def score(gold: list[GoldPair], predicted: list[Predicted]) -> dict:
    """Precision and recall, strict and lenient, one to one (greedy in order), with what was wrong or missed."""
    result = {}
    for mode, strict in (("strict", True), ("lenient", False)):
        used: set[int] = set()
        right = 0
        for p in predicted:
            g = next((n for n, pair in enumerate(gold) if n not in used and matches(p, pair, strict=strict)), None)
            if g is not None:
                used.add(g)
                right += 1
        result[mode] = {"precision": ratio(right, len(predicted)), "recall": ratio(right, len(gold)),
                        "correct": right}
        if strict:
            result["wrong"] = [p.summary for p in predicted if not any(matches(p, g, strict=True) for g in gold)]
            result["missed"] = [f"{g.first[0]} {g.label}: {g.fact}" for n, g in enumerate(gold) if n not in used]
    return result | {"gold": len(gold), "predicted": len(predicted)}


def evaluate_contradictions(annotations: str | os.PathLike, corpus: str | os.PathLike, split: str = "dev") -> dict:
    """Gold pairs of ``split`` against the system's predictions on the same articles."""
    gold = [g for g in read_pairs(annotations, corpus) if split == "all" or split_of(g.first[0]) == split]
    return score(gold, predict(corpus, split))
