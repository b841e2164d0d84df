"""Scoring the incident stage: real-dev incident annotations and the PLOVER gold-standard records.

Real-dev: each article is read, built, split and analysed as ``analyse`` does (statements, then
incidents), with no gold value fed in. A gold incident is located by its sentence text in the
body and belongs to the sentence holding most of it; strictly, a prediction matches it when it is
of the same sentence and the same type, one to one. Of the matched pairs: date right (where the
gold gives a date), counts exact (the same counts, none where gold has none), place resolved (a
gazetteer place named within the gold place, as written or as the entry the gold place names, where gold gives
one). Lenient: the sentence was
found as an incident of any type. Files numbered by a multiple of 4 are held out.

Grouping: ``incident_groups.json`` beside the annotations says which gold incidents report one incident;
every gold incident gets the ``incident_id`` that :func:`group_incidents` gives its strict match (an
unmatched one is alone), and pairs of gold incidents from different articles are scored: precision,
recall and F1 of "same incident". With the corpus's manifest, the articles can be read as a feed gives them,
three ways (:data:`trucewatch.evaluation.realdev.SOURCE_VIEWS`, as ``eval realdev`` reads them): the text alone,
the text and its URL, and the text, URL and the publication date the crawler or search API returned.

PLOVER: the gold records' (old) event categories mapped to the current 16 types; accuracy is over
sentences whose category the stage codes at all, and the share of other sentences it codes
anyway (false alarms) is reported beside it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trucewatch.evaluation.matching import Accuracy, ratio
from trucewatch.evaluation.realdev import SPLITS, is_russian, read_annotations, read_article, split_of
from trucewatch.records import Document, Incident, Sentence

# PLOVER 0.5 category names of the gold file -> the current manual's 16 types
GROUPS_FILE = "incident_groups.json"
PLOVER_RENAMED = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


@dataclass
class IncidentScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0  # strict: same sentence, same type
    sentence_found: int = 0  # lenient: the gold sentence gave an incident of any type
    missing: int = 0  # gold sentences not found in the body
    date: Accuracy = field(default_factory=Accuracy)
    counts: Accuracy = field(default_factory=Accuracy)
    place: Accuracy = field(default_factory=Accuracy)
    matches: dict[int, Incident] = field(default_factory=dict)  # gold index -> its strict match (one document)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold type, predicted type) in one sentence
    misses: Counter[str] = field(default_factory=Counter)  # gold types not found

    def add(self, other: IncidentScore) -> None:
        for name in ("gold", "predicted", "matched", "sentence_found", "missing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("date", "counts", "place"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine.n += theirs.n
            mine.right += theirs.right
        self.confusions.update(other.confusions)
        self.misses.update(other.misses)

    def metrics(self) -> dict:
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "recall": recall,
            "precision": precision,
            "f1": f1,
            "sentence_recall_any_type": ratio(self.sentence_found, self.gold),
            "date_right": self.date.value,
            "date_n": self.date.n,
            "counts_exact": self.counts.value,
            "counts_n": self.counts.n,
            "place_resolved": self.place.value,
            "place_n": self.place.n,
            "gold_not_in_text": self.missing,
        }


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def _sentence_of(body: str, sentences: Sequence[Sentence], needle: str) -> int | None:
    """Index of the sentence holding most of ``needle`` in ``body`` (whitespace-insensitive), or None."""
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    match = re.search(pattern, body) if pattern else None
    if match is None:
        return None
    best = max(sentences, key=lambda s: min(s.end, match.end()) - max(s.start, match.start()), default=None)
    return best.index if best is not None and best.start < match.end() and match.start() < best.end else None


def _place_right(incident: Incident, gold: str) -> bool:
    """Whether the incident's place resolved to a gazetteer entry named within the gold place: written there as the
    text writes it, or the entry the gold place names (gold writes "Мардакертский район", the text "в Мардакертском
    районе")."""
    from trucewatch.incidents.gazetteer import load_gazetteer

    if incident.place_id is None or not incident.place:
        return False
    named = {m.place.id for m in load_gazetteer().find(gold)}
    return _normal(incident.place) in _normal(gold) or incident.place_id in named


def score_document(
    note: dict, doc: Document, sentences: Sequence[Sentence], predicted: Sequence[Incident]
) -> IncidentScore:
    score = IncidentScore(gold=len(note["incidents"]), predicted=len(predicted))
    free = defaultdict(list)
    for incident in predicted:
        free[incident.sentence_index, incident.type].append(incident)
    found_sentences = {i.sentence_index for i in predicted}
    by_sentence = defaultdict(list)
    for incident in predicted:
        by_sentence[incident.sentence_index].append(incident.type)
    for number, gold in enumerate(note["incidents"]):
        index = _sentence_of(doc.body, sentences, gold["sentence"])
        if index is None:
            score.missing += 1
            score.misses[gold["type"]] += 1
            continue
        score.sentence_found += index in found_sentences
        if not free[index, gold["type"]]:
            score.misses[gold["type"]] += 1
            for other in by_sentence[index]:
                score.confusions[gold["type"], other] += 1
            continue
        incident = free[index, gold["type"]].pop(0)
        score.matched += 1
        score.matches[number] = incident
        if gold.get("date"):
            score.date.add(bool(incident.date) and incident.date[:10] == gold["date"][:10])
        score.counts.add(dict(incident.counts) == dict(gold.get("counts") or {}))
        if gold.get("place"):
            score.place.add(_place_right(incident, gold["place"]))
    return score


def read_groups(annotations: str | os.PathLike) -> dict[str, str]:
    """Gold incident ("NNN.txt#index") -> the name of the incident it reports, from ``incident_groups.json``."""
    path = Path(annotations) / GROUPS_FILE
    if not path.is_file():
        return {}
    groups = json.loads(path.read_text(encoding="utf-8"))["groups"]
    return {member: name for name, members in groups.items() for member in members}


def grouping_score(gold: dict[str, str], predicted: dict[str, str | None]) -> dict:
    """Pairwise precision, recall and F1 of "same incident" over gold incidents of different articles.

    ``gold`` and ``predicted`` map each gold incident ("NNN.txt#index") to its group (absent or None: alone).
    Lenient beside (``*_matched``): recall and F1 over the gold pairs whose two incidents the stage found at all,
    so the grouping is judged apart from the extraction's misses. The groups file scores pairs across articles (a
    real incident told by several outlets); pairs of one article (one incident told twice in a report) are scored
    apart, under ``within_document``, and never mixed in."""
    keys = sorted(predicted)
    counts = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}  # one article? -> gold, predicted, both, gold pairs found
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            same_gold = a in gold and gold.get(a) == gold.get(b)
            same_predicted = predicted[a] is not None and predicted[a] == predicted[b]
            tally = counts[a.split("#")[0] == b.split("#")[0]]
            tally[0] += same_gold
            tally[1] += same_predicted
            tally[2] += same_gold and same_predicted
            tally[3] += same_gold and predicted[a] is not None and predicted[b] is not None
    true_pairs, predicted_pairs, both, found_pairs = counts[False]
    precision, recall, recall_found = ratio(both, predicted_pairs), ratio(both, true_pairs), ratio(both, found_pairs)
    one_gold, one_predicted, one_both, _ = counts[True]
    one_precision, one_recall = ratio(one_both, one_predicted), ratio(one_both, one_gold)
    return {"gold_pairs": true_pairs, "predicted_pairs": predicted_pairs, "precision": precision, "recall": recall,
            "f1": _f1(precision, recall), "gold_pairs_matched": found_pairs, "recall_matched": recall_found,
            "f1_matched": _f1(precision, recall_found),
            "within_document": {"gold_pairs": one_gold, "predicted_pairs": one_predicted, "precision": one_precision,
                                "recall": one_recall, "f1": _f1(one_precision, one_recall)}}


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0


def evaluate_incidents(annotations: str | os.PathLike, corpus: str | os.PathLike,
                       splits: Sequence[str] = ("dev",), hints: Mapping[str, Mapping[str, str]] | None = None) -> dict:
    """Per split (and per split without the Russian articles, which have no incident rules yet): recall with the
    right type, precision, date/counts/place accuracy, and the commonest misses. ``hints``: file name -> what
    its source gave beside the text (:func:`trucewatch.evaluation.realdev.read_source_metadata`)."""
    from trucewatch.actors import load_registry
    from trucewatch.incidents import extract_incidents
    from trucewatch.incidents.gazetteer import load_gazetteer
    from trucewatch.incidents.grouping import group_incidents

    registry, gazetteer = load_registry(), load_gazetteer()
    scores = {name: IncidentScore() for split in splits for name in (split, f"{split} without russian")}
    gold_groups = read_groups(annotations)
    reports: dict[str, list[Incident]] = defaultdict(list)  # split -> every predicted report
    matched: dict[str, dict[str, Incident | None]] = defaultdict(dict)  # split -> gold incident -> its match
    for note in read_annotations(annotations, corpus):
        if "incidents" not in note:
            continue
        split = split_of(note["file"])
        wanted = [s for s in splits if s in (split, "all")]
        if not wanted:
            continue  # never read a held-out article unless asked
        path, hinted = Path(corpus) / note["file"], (hints or {}).get(note["file"])
        doc, sentences, statements = read_article(path, registry, hinted)
        predicted = extract_incidents(doc, sentences, registry, gazetteer, statements)
        score = score_document(note, doc, sentences, predicted)
        for s in wanted:
            scores[s].add(score)
            reports[s].extend(predicted)
            for number in range(len(note["incidents"])):
                matched[s][f"{note['file']}#{number}"] = score.matches.get(number)
            if not is_russian(doc.body):
                scores[f"{s} without russian"].add(score)
    results = {
        split: {
            **score.metrics(),
            "misses": dict(score.misses.most_common(8)),
            "confusions": {f"{g}->{p}": n for (g, p), n in score.confusions.most_common(8)},
        }
        for split, score in scores.items()
    }
    for split in splits:
        annotated = {key: name for key, name in gold_groups.items() if key in matched[split]}
        if annotated:
            ids = group_incidents(reports[split])
            predicted_groups = {key: ids[i.id] if i is not None else None for key, i in matched[split].items()}
            results[split]["grouping"] = grouping_score(annotated, predicted_groups)
    return results


def evaluate_plover(path: str | os.PathLike) -> dict:
    """Event category accuracy on the PLOVER gold-standard records, categories mapped to the current names."""
    from trucewatch.actors import load_registry
    from trucewatch.incidents import extract_incidents
    from trucewatch.incidents.gazetteer import load_gazetteer
    from trucewatch.incidents.rules import incident_rules
    from trucewatch.text.sentences import split_sentences

    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    coded = {t.plover_type for t in incident_rules("en").types}
    registry, gazetteer = load_registry(), load_gazetteer()
    covered, others = Accuracy(), Accuracy()
    per_type: dict[str, Accuracy] = defaultdict(Accuracy)
    for record in records:
        gold = PLOVER_RENAMED.get(record["event"], record["event"])
        text = record["text"]
        doc = Document.of_text(text, doc_id=record["id"], published=record.get("date"), language="en")
        types = {i.plover_type for i in extract_incidents(doc, split_sentences(doc), registry, gazetteer)}
        if gold in coded:
            covered.add(gold in types)
            per_type[gold].add(gold in types)
        else:
            others.add(bool(types))
    return {
        "sentences": len(records),
        "covered": covered.n,
        "accuracy_covered": covered.value,
        "false_alarm_other": others.value,
        "others": others.n,
        "per_type": {t: {"n": a.n, "accuracy": a.value} for t, a in sorted(per_type.items())},
    }


__all__ = ["SPLITS", "evaluate_incidents", "evaluate_plover", "grouping_score", "read_groups", "score_document"]
