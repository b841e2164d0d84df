"""Scoring the whole system on real-dev: real news annotated before anyone saw the system's output.

Each article is read and built exactly as ingest does, then statements and evidence links are
extracted as the analysis stage does, with no gold value fed in. Gold substrings (quotes, link
sentences, boilerplate) are located in the original text; predictions are mapped back to it
through the body offsets. Files numbered by a multiple of 4 are the held-out split, the rest dev;
Russian articles are also reported on their own (read by the Russian pattern rules, no parser) and
count in every split they belong to.

With the corpus's manifest (:func:`read_source_metadata`), the articles can be read as a feed gives
them, three ways (:data:`SOURCE_VIEWS`): the text alone, the text and its URL (a date in the URL
path), and the text, URL and the publication date the crawler or search API returned. The URL and
the date are hints to the document's build, as ingest takes them; only the hints differ between views.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from trucewatch.agreements import Agreement, load_agreements
from trucewatch.evaluation.linking import Expected, LinkingScore, score_labels, sentence_labels
from trucewatch.evaluation.matching import Accuracy, Spans, lenient_pairs, overlap, ratio
from trucewatch.evaluation.polnear import GoldAttribution
from trucewatch.evaluation.quotes import Prediction, Scorer, from_statements
from trucewatch.records import Document, EvidenceLink, Sentence, SourceItem, Statement

SPLITS = ("dev", "heldout", "all")
GROUPS = (*SPLITS, "russian")
# what a source gives beside the text -> the hints it becomes (the manifest's columns; never annotation gold)
SOURCE_VIEWS = {"text only": {}, "text + URL": {"url": "source"},
                "text + URL + metadata date": {"url": "source", "published": "publication_date_from_metadata"}}


def split_of(file: str) -> str:
    """Held-out: numbers divisible by 4 (004, 008, ...); dev: the rest."""
    return "heldout" if int(Path(file).stem) % 4 == 0 else "dev"


def is_russian(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters) > 0.5 * len(letters) if letters else False


ELLIPSIS = " … "  # a long annotated span is stored as "its first words … its last words"


def read_annotations(folder: str | os.PathLike, corpus: str | os.PathLike | None = None) -> list[dict]:
    """The ``NNN.json`` annotations of a folder, in file order; with ``corpus``, their spans expanded.

    The repository keeps no article passage: a span longer than a few words is stored by its first and
    last words (``ELLIPSIS`` between them) and expanded here against the article's text.
    """
    paths = sorted(Path(folder).glob("[0-9][0-9][0-9].json"))
    if not paths:
        raise FileNotFoundError(f"no real-dev annotations (NNN.json) in {folder}")
    notes = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    if corpus is not None:
        for note in notes:
            article = Path(corpus) / note["file"]
            if article.is_file():
                expand_note(note, article.read_text(encoding="utf-8"))
    return notes


def expand_note(note: dict, text: str) -> dict:
    """Every span of ``note`` as the words of ``text`` it stands for (in place)."""
    for key in ("body_first", "body_last"):
        if note.get(key):
            note[key] = expand(text, note[key])
    note["boilerplate"] = [expand(text, b) for b in note.get("boilerplate", [])]
    for item, key in [(q, "text") for q in note.get("quotes", [])] + [
            (x, "sentence") for x in note.get("links", []) + note.get("incidents", [])]:
        item[key] = expand(text, item[key])
    return note


def expand(text: str, span: str) -> str:
    """``span`` ("first words … last words") as the stretch of ``text`` it stands for; unchanged when it is a
    plain substring or cannot be found (then the scorer reports it missing)."""
    if ELLIPSIS not in span:
        return span
    head, tail = span.split(ELLIPSIS, 1)
    start = text.find(head)
    while start >= 0:
        end = text.find(tail, start + len(head))
        if end >= 0:
            return text[start:end + len(tail)]
        start = text.find(head, start + 1)
    return span


@dataclass
class DocumentResult:
    """What one article contributes; groups re-score quotes from the kept gold and predictions."""

    file: str
    split: str
    russian: bool
    text: str
    checks: dict[str, Accuracy] = field(default_factory=dict)
    quotes_gold: tuple[GoldAttribution, ...] = ()
    quotes_predicted: tuple[Prediction, ...] = ()
    links: LinkingScore = field(default_factory=LinkingScore)
    missing: list[str] = field(default_factory=list)  # gold substrings not found in the text

    def in_group(self, group: str) -> bool:
        return group == "all" or group == self.split or (group == "russian" and self.russian)


def _normal(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


def _find(raw: str, needle: str, missing: list[str]) -> Spans:
    at = raw.find(needle)
    if at < 0:
        missing.append(needle[:60])
        return ()
    return ((at, at + len(needle)),)


def _check(checks: dict[str, Accuracy], name: str, right: bool) -> None:
    checks.setdefault(name, Accuracy()).add(right)


def score_document(note: dict, doc: Document, sentences: Sequence[Sentence], predictions: Sequence[Prediction],
                   links: Iterable[EvidenceLink], split: str, from_text: bool = True) -> DocumentResult:
    """Compare one built and analysed article with its annotation.

    The gold date is the one the text states. Built from the text alone (``from_text``), the document's date is
    the cleaning's: right when it is the stated one, none when the text states none. Built with what a source gave
    beside the text (its URL, a metadata date), the date is no longer the cleaning's: it is scored under other
    names, whether it is the date the text states and whether a text that states none got one."""
    raw = doc.raw_text
    result = DocumentResult(note["file"], split, is_russian(raw), raw)
    checks = result.checks
    _check(checks, "title", _normal(doc.title) == _normal(note["title"]))
    predicted_date = doc.published[:10] if doc.published else None
    if not from_text:
        _check(checks, "date_as_text_states" if note["published"] else "dated_where_text_states_none",
               predicted_date == note["published"] if note["published"] else predicted_date is not None)
    elif note["published"]:
        _check(checks, "date_explicit", predicted_date == note["published"])
    else:
        _check(checks, "date_none", predicted_date is None)
        _check(checks, "date_none_lenient", predicted_date is None or doc.published_source == "inferred")
    body = _normal(doc.body)
    for end in ("body_first", "body_last"):
        if note.get(end):
            _check(checks, end, _normal(note[end]) in body)
    covered = bytearray(len(raw))
    for span in doc.body_spans:
        covered[span.raw_start:span.raw_start + span.length] = b"\1" * span.length
    for text in note["boilerplate"]:
        _check(checks, "boilerplate_removed", _normal(text) not in body)
        starts = [m.start() for m in re.finditer(re.escape(text), raw)]
        _check(checks, "boilerplate_removed_lenient",
               any(not any(covered[s:s + len(text)]) for s in starts) or not starts)
    result.quotes_gold = tuple(
        GoldAttribution(_find(raw, q["text"], result.missing), quoted=q["kind"] != "indirect",
                        speaker=tuple(q["speaker"].split("|")) if q.get("speaker") else (), said_on=q.get("said_on"),
                        kind=q["kind"]) for q in note["quotes"])
    result.quotes_predicted = tuple(predictions)
    _score_links(note, doc, sentences, links, result)
    return result


def _score_links(note: dict, doc: Document, sentences: Sequence[Sentence], links: Iterable[EvidenceLink],
                 result: DocumentResult) -> None:
    """Strict: each gold sentence is the system sentence it overlaps most; lenient: any overlapping one."""
    raw_sentences: list[Spans] = []
    for s in sentences:
        start, end = doc.raw_offset(s.start), doc.raw_offset(s.end, end=True)
        raw_sentences.append(((start, end),) if start is not None and end is not None else ())
    gold: list[tuple[Spans, str]] = []
    for link in note["links"]:
        spans = _find(doc.raw_text, link["sentence"], result.missing)
        gold.append((spans, f"{link['agreement']}:{link['provision']}"))
    expected: Expected = {}
    score = result.links
    for spans, label in gold:
        best = max(range(len(sentences)), key=lambda i: overlap(spans, raw_sentences[i]), default=None)
        if best is None or not overlap(spans, raw_sentences[best]):
            score.missed += 1  # the sentence is not in the body at all
            score.unmatched_keys.append(f"{result.file}: {label}")
            continue
        expected.setdefault(sentences[best].index, (set(), set()))[0].add(label)
    predicted = sentence_labels(list(sentences), links)
    score_labels(list(sentences), predicted, expected, score, result.file)
    position = {s.index: i for i, s in enumerate(sentences)}
    flat = [(raw_sentences[position[index]], label) for index, labels in predicted.items() for label in labels]
    pairs = lenient_pairs([g for g, _ in gold], [p for p, _ in flat])
    same = [(g, p) for g, p in pairs if gold[g][1] == flat[p][1]]
    score.lenient_found = len({g for g, _ in same})
    score.lenient_correct = len({p for _, p in same})
    score.lenient_gold = len(gold)


def read_source_metadata(manifest: str | os.PathLike, view: str) -> dict[str, dict[str, str]]:
    """File name -> the hints a feed would give with it (:data:`SOURCE_VIEWS`), from the corpus's MANIFEST.tsv."""
    columns = SOURCE_VIEWS[view]
    with open(manifest, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["file"]: {hint: row[column] for hint, column in columns.items() if row.get(column)} for row in rows}


def read_article(path: Path, registry, hints: Mapping[str, str] | None = None) -> tuple[
        Document, list[Sentence], list[Statement]]:
    """Read, build, split and extract statements, as ingest and analysis do (statements only in a language with
    rules); ``hints`` as a feed gives them beside the text (URL, publication date)."""
    from trucewatch.documents import build_document
    from trucewatch.pipeline.stages import rule_languages
    from trucewatch.sources import read_sources
    from trucewatch.statements import extract_statements
    from trucewatch.text.sentences import split_sentences

    items = [i for i in read_sources([path]) if isinstance(i, SourceItem)]
    if not items:
        raise FileNotFoundError(f"real-dev article missing or unreadable: {path}")
    doc = build_document(replace(items[0], hints={**items[0].hints, **(hints or {})}))
    sentences = split_sentences(doc)
    ruled = (doc.language or "en") in rule_languages()
    return doc, sentences, extract_statements(doc, registry, sentences) if ruled else []


def analyse_article(path: Path, agreements: dict[str, Agreement], registry,
                    hints: Mapping[str, str] | None = None) -> tuple[
        Document, list[Sentence], list[Statement], list[EvidenceLink]]:
    """The system as ingest and analysis run it: :func:`read_article`, then the evidence links."""
    from trucewatch.linking import link_document

    doc, sentences, statements = read_article(path, registry, hints)
    links = [x for a in agreements.values() for x in link_document(doc, sentences, statements, a)]
    return doc, sentences, statements, links


def build_and_analyse(path: Path, agreements: dict[str, Agreement], registry,
                      hints: Mapping[str, str] | None = None) -> tuple[
        Document, list[Sentence], list[Prediction], list[EvidenceLink]]:
    """``analyse_article`` with the statements as scored predictions."""
    doc, sentences, statements, links = analyse_article(path, agreements, registry, hints)
    return doc, sentences, from_statements(statements, doc.raw_offset), links


def evaluate_realdev(annotations: str | os.PathLike, corpus: str | os.PathLike, splits: Sequence[str] = GROUPS,
                     hints: Mapping[str, Mapping[str, str]] | None = None) -> dict:
    """Scores per group (dev, heldout, all, russian) and one row per article. ``hints``: file name -> what its
    source gave beside the text (:func:`read_source_metadata`); with any, the dates are scored as a source view
    (:func:`score_document`)."""
    from trucewatch.actors import load_registry

    agreements, registry = load_agreements(), load_registry()
    from_text = not any((hints or {}).values())
    results = []
    for note in read_annotations(annotations, corpus):
        split = split_of(note["file"])
        if "all" not in splits and split not in splits:
            continue
        doc, sentences, predictions, links = build_and_analyse(Path(corpus) / note["file"], agreements, registry,
                                                               (hints or {}).get(note["file"]))
        results.append(score_document(note, doc, sentences, predictions, links, split, from_text))
    groups = list(GROUPS) if "all" in splits else [g for g in GROUPS if g in splits]
    return {"groups": {g: summarise([r for r in results if r.in_group(g)], registry) for g in groups},
            "rows": [_row(r) for r in results]}


def summarise(results: Sequence[DocumentResult], registry=None) -> dict:
    """Figures of a group of articles: cleaning checks, quotes (strict/exact/lenient), links."""
    checks: dict[str, Accuracy] = {}
    scorer = Scorer(registry)
    links = LinkingScore(lenient_correct=0, lenient_found=0, lenient_gold=0)
    for r in results:
        for name, accuracy in r.checks.items():
            total = checks.setdefault(name, Accuracy())
            total.n += accuracy.n
            total.right += accuracy.right
        scorer.add(r.quotes_gold, r.quotes_predicted, r.text)
        for name in ("correct", "wrong", "optional", "missed", "lenient_correct", "lenient_found",
                     "lenient_gold"):
            setattr(links, name, getattr(links, name) + getattr(r.links, name))
    return {"documents": len(results),
            "cleaning": {name: {"accuracy": a.value, "n": a.n} for name, a in sorted(checks.items())},
            "quotes": scorer.report(), "links": links.summary() | {"unmatched_keys": len(
                [k for r in results for k in r.links.unmatched_keys])},
            "missing_gold_substrings": sum(len(r.missing) for r in results)}


def _row(r: DocumentResult) -> dict:
    return {"file": r.file, "split": r.split, "russian": r.russian,
            **{name: ratio(a.right, a.n) for name, a in r.checks.items()},
            "quotes_gold": len(r.quotes_gold), "quotes_predicted": len(r.quotes_predicted),
            "links_correct": r.links.correct, "links_wrong": r.links.wrong, "links_missed": r.links.missed}
