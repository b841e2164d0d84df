"""Scoring ACLED sub-event types on news snippets labelled with them (the CASE 2021 shared task 2 test set).

Each snippet goes through the public incident path as ``trucewatch events`` reads a text file: a Document is
built from it, split, its statements and incidents extracted; no label is fed in. A snippet is a cut-out of
article text, not a page: it is read with a title of its own (so its first line is not taken for the headline)
and ended with a full stop when it was cut before its punctuation (else the cleaner drops it as a header
line). The snippet's prediction is
the sub-event type of one of its incidents: the one whose type comes first in the codebook precedence
(``data/acled.yaml``: a suicide bomb before the attack it was), then the most confident, then the first. A
snippet with no incident has no prediction and counts as wrong. Every snippet is counted.

Two scopes: ``acled``, the snippets whose label is one of ACLED's 25 sub-event types (the issue's target); and
``all``, every snippet, where a label the set adds that is no ACLED type (natural disaster, diplomacy...) is the
class "not ACLED", rightly predicted by no incident at all. Weighted F1 weighs each gold class's F1 by its
support (as the shared task and scikit-learn do); macro F1 is their plain mean; classes predicted but never gold
("no prediction" among them) count only through the recall of the classes they took.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from trucewatch.incidents.acled import taxonomy

NONE = "(no prediction)"
NOT_ACLED = "(not ACLED)"
IDS = ("odd", "even", "all")
_CLOSING = ".!?\"'”’)»"


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    label: str  # the data set's code (ARMED_CLASH...)


def read_snippets(path: str | os.PathLike, ids: str = "all") -> list[Snippet]:
    """The snippets of a TSV with columns id, EventSnippet, SubType (a header row); ``ids``: odd, even or all
    numeric ids (odd ones to tune on, even ones held out)."""
    if ids not in IDS:
        raise ValueError(f"ids must be one of {', '.join(IDS)}")
    snippets = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            number = int(row["id"])
            if ids == "all" or (number % 2 == 1) == (ids == "odd"):
                snippets.append(Snippet(row["id"], row["EventSnippet"] or "", row["SubType"].strip()))
    return snippets


def gold_sub_event(label: str, codes: str = "case2021") -> str | None:
    """The ACLED sub-event type a data set's code stands for; None for a code that is no ACLED type."""
    table = taxonomy()["label_codes"][codes]
    if label not in table:
        raise ValueError(f"unknown label code {label!r} (data/acled.yaml label_codes.{codes})")
    return table[label]


def predict(text: str) -> tuple[str | None, int]:
    """The ACLED sub-event type of a text, read as ``trucewatch events`` reads a file, and its incident count."""
    from trucewatch.actors import load_registry
    from trucewatch.documents import build_document
    from trucewatch.incidents import extract_incidents
    from trucewatch.incidents.gazetteer import load_gazetteer
    from trucewatch.records import SourceItem
    from trucewatch.statements import extract_statements
    from trucewatch.text.sentences import split_sentences

    text = text.strip()
    if text and text[-1] not in _CLOSING:
        text += "."
    doc = build_document(SourceItem(key="snippet", source_path="snippet", locator="", content_type="text",
                                    raw_text=text, hints={"title": "Snippet"}))
    sentences = split_sentences(doc)
    registry = load_registry()
    statements = extract_statements(doc, registry, sentences)
    incidents = extract_incidents(doc, sentences, registry, load_gazetteer(), statements)
    return choose((i.acled_sub_event_type, i.confidence) for i in incidents), len(incidents)


def choose(coded: Iterable[tuple[str, float]]) -> str | None:
    """One sub-event type for a report of several incidents: first in the codebook precedence, then the most
    confident, then the first told."""
    rank = {name: n for n, name in enumerate(taxonomy()["precedence"])}
    ranked = [(rank.get(sub, len(rank)), -confidence, n, sub) for n, (sub, confidence) in enumerate(coded) if sub]
    return min(ranked)[3] if ranked else None


def scores(pairs: Sequence[tuple[str, str]]) -> dict:
    """Accuracy, weighted and macro F1 over gold classes, and P/R/F1 per class, of (gold, predicted) pairs."""
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    per_class = {}
    for name in sorted(gold, key=lambda c: (-gold[c], c)):
        precision = right[name] / predicted[name] if predicted[name] else 0.0
        recall = right[name] / gold[name]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                           "support": gold[name], "predicted": predicted[name]}
    total = len(pairs)
    return {
        "n": total,
        "accuracy": round(sum(right.values()) / total, 3) if total else None,
        "weighted_f1": round(sum(m["f1"] * m["support"] for m in per_class.values()) / total, 3) if total else None,
        "macro_f1": round(sum(m["f1"] for m in per_class.values()) / len(per_class), 3) if per_class else None,
        "per_type": per_class,
    }


def evaluate_acled_snippets(path: str | os.PathLike, ids: str = "all", codes: str = "case2021") -> dict:
    """Scores of both scopes (``acled``: ACLED-labelled snippets; ``all``: every snippet, non-ACLED labels as one
    class), coverage (share of snippets with a prediction) and the confusions."""
    acled_pairs, all_pairs, confusions = [], [], Counter()
    covered = 0
    for snippet in read_snippets(path, ids):
        gold = gold_sub_event(snippet.label, codes)
        predicted, _ = predict(snippet.text)
        covered += predicted is not None
        if gold is not None:
            acled_pairs.append((gold, predicted or NONE))
        all_pairs.append((gold or NOT_ACLED, predicted or NOT_ACLED))
        if (gold or NOT_ACLED) != (predicted or NOT_ACLED):
            confusions[gold or NOT_ACLED, predicted or NONE] += 1
    acled, every = scores(acled_pairs), scores(all_pairs)
    acled["coverage"] = round(sum(p != NONE for _, p in acled_pairs) / len(acled_pairs), 3) if acled_pairs else None
    every["coverage"] = round(covered / len(all_pairs), 3) if all_pairs else None
    return {"ids": ids, "acled": acled, "all": every,
            "confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in confusions.most_common()]}
