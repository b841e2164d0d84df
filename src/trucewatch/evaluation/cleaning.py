"""Scoring the cleaning stage against hand-annotated articles (``tests/fixtures/seeds/*.json``).

Each fixture labels every non-empty line of one raw article (title, dateline,
body, subheading, caption, credit, boilerplate, related, disclaimer, note,
standfirst; a line may start with a differently labelled prefix such as a wire
dateline) and gives the true title, publication date, outlet, wire and language.

Body retention is scored per line through ``Document.body_spans``, so it also
checks the offset mapping: a content line (body) is kept when every
non-space character of it is covered by a body span (or, for a document without
spans, when its text occurs in the body); any other line is wrongly kept when
any of its characters is covered (or its text occurs in the body).
Precision = kept content / (kept content + wrongly kept lines); recall = kept
content / content lines. A date is right when it equals the annotation; where the
text gives no date (annotation null) it is right, strictly, only when the prediction
is null, and leniently also when it is marked ``inferred``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trucewatch.cleaning.credits import registry
from trucewatch.documents import build_document
from trucewatch.records import Document, SourceItem
from trucewatch.sources import make_item

CONTENT = frozenset({"body"})  # a subheading is no sentence of the article: real-dev annotators list it as non-body


def load_fixtures(fixtures_dir: str | Path) -> list[dict[str, Any]]:
    paths = sorted(Path(fixtures_dir).glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no fixtures (*.json) in {fixtures_dir}")
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def evaluate(fixtures_dir: str | Path, corpus_dir: str | Path,
             build: Callable[[SourceItem], Document] = build_document) -> dict[str, Any]:
    """Score ``build`` on every annotated article; returns totals and one row per document."""
    rows = [_score(fixture, Path(corpus_dir), build) for fixture in load_fixtures(fixtures_dir)]
    kept = sum(r["content_kept"] for r in rows)
    content = sum(r["content_lines"] for r in rows)
    leaked = sum(r["noise_kept"] for r in rows)
    explicit = [r for r in rows if r["date_expected"]]
    return {
        "documents": len(rows),
        "content_lines": content,
        "noise_lines": sum(r["noise_lines"] for r in rows),
        "body_precision": _ratio(kept, kept + leaked),
        "body_recall": _ratio(kept, content),
        "kind_agreement": _ratio(sum(r["kind_agree"] for r in rows), sum(r["noise_lines"] for r in rows)),
        "span_errors": sum(r["span_errors"] for r in rows),
        "date_accuracy": _ratio(sum(r["date_ok_strict"] for r in rows), len(rows)),
        "date_accuracy_lenient": _ratio(sum(r["date_ok"] for r in rows), len(rows)),
        "explicit_date_accuracy": _ratio(sum(r["date_ok"] for r in explicit), len(explicit)),
        "title_accuracy": _ratio(sum(r["title_ok"] for r in rows), len(rows)),
        "wire_accuracy": _ratio(sum(r["wire_ok"] for r in rows), len(rows)),
        "outlet_accuracy": _ratio(sum(r["outlet_ok"] for r in rows), len(rows)),
        "language_accuracy": _ratio(sum(r["language_ok"] for r in rows), len(rows)),
        "rows": rows,
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _score(fixture: dict[str, Any], corpus: Path, build: Callable[[SourceItem], Document]) -> dict[str, Any]:
    path = corpus / fixture["file"]
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != fixture["sha256"]:
        raise ValueError(f"{path} differs from the annotated version (sha256 mismatch)")
    item = make_item(str(path), "", "text", data)
    if not isinstance(item, SourceItem):
        raise ValueError(f"{path} unreadable: {item.reason}")
    doc = build(item)
    raw = item.raw_text
    covered = bytearray(len(raw))
    span_errors = 0
    for span in doc.body_spans:
        if raw[span.raw_start:span.raw_start + span.length] != doc.body[span.body_start:span.body_start + span.length]:
            span_errors += 1
            continue
        covered[span.raw_start:span.raw_start + span.length] = b"\1" * span.length
    row: dict[str, Any] = {"file": fixture["file"], "content_lines": 0, "content_kept": 0, "noise_lines": 0,
                           "noise_kept": 0, "kind_agree": 0, "span_errors": span_errors, "missed": [], "leaked": []}
    for line in fixture["lines"]:
        if raw[line["start"]:line["start"] + len(line["head"])] != line["head"]:
            raise ValueError(f"{fixture['file']} line {line['line']}: offsets do not match the text")
        start = line["start"]
        if "prefix" in line:
            end = start + line["prefix"]["length"]
            _judge(row, line["line"], line["prefix"]["label"], raw, start, end, covered, doc)
            start = end
        _judge(row, line["line"], line["label"], raw, start, line["end"], covered, doc)
    expected, predicted = fixture["published"], doc.published
    row.update(
        date_expected=expected, date_predicted=predicted, date_source=doc.published_source,
        date_ok=(predicted == expected) if expected else (predicted is None or doc.published_source == "inferred"),
        date_ok_strict=(predicted == expected) if expected else predicted is None,
        title_expected=fixture["title"], title_predicted=doc.title,
        title_ok=_norm(doc.title) == _norm(fixture["title"]),
        wire_expected=fixture["wire"], wire_predicted=doc.wire, wire_ok=_same_outlet(doc.wire, fixture["wire"]),
        outlet_expected=fixture["outlet"], outlet_predicted=doc.outlet,
        outlet_ok=_same_outlet(doc.outlet, fixture["outlet"]),
        language_expected=fixture["language"], language_predicted=doc.language,
        language_ok=doc.language == fixture["language"],
    )
    return row


def _judge(row: dict[str, Any], number: int, label: str, raw: str, start: int, end: int, covered: bytearray,
           doc: Document) -> None:
    text = raw[start:end].strip()
    chars = [i for i in range(start, end) if not raw[i].isspace()]
    in_spans = [covered[i] for i in chars]
    if label in CONTENT:
        row["content_lines"] += 1
        if (in_spans and all(in_spans)) or (not doc.body_spans and text in doc.body):
            row["content_kept"] += 1
        else:
            row["missed"].append({"line": number, "label": label, "head": text[:40]})
        return
    row["noise_lines"] += 1
    if any(in_spans) or (text and text in doc.body):
        row["noise_kept"] += 1
        row["leaked"].append({"line": number, "label": label, "head": text[:40]})
    elif any(b.kind == label and b.raw_start < end and start < b.raw_end for b in doc.removed):
        row["kind_agree"] += 1


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def _same_outlet(predicted: str | None, expected: str | None) -> bool:
    if predicted is None or expected is None:
        return predicted is expected
    known = registry().resolve(predicted), registry().resolve(expected)
    if known[0] and known[1]:
        return known[0].id == known[1].id
    return _norm(predicted) == _norm(expected)
