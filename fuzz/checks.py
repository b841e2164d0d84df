"""What every stage must do with any input: return (never raise), with offsets inside the text it was given.

One check per reader or stage, shared by the property suite and the long run; a violated
property is an ``AssertionError`` saying which.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from trucewatch.actors import load_registry
from trucewatch.agreements import load_agreements
from trucewatch.documents import build_document
from trucewatch.incidents.extract import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.linking import link_document
from trucewatch.records import Document, Skip, SourceItem
from trucewatch.sources import make_item, normalise_text, read_sources
from trucewatch.statements import TooManyQuotes, extract_statements
from trucewatch.text.dates import date_mentions, find_dates
from trucewatch.text.language import detect_language
from trucewatch.text.numbers import find_numbers
from trucewatch.text.sentences import split_sentences

SLOW_SECONDS = 2.0  # the per-input budget of issue 12
# Loads every lazily loaded model (parser, page extractor, the detector's languages) before anything is timed.
WARM = ('"The ceasefire holds," Aliyev said on Tuesday. Прекращение огня соблюдается. Հրադադարը պահպանվում է. '
        'ცეცხლის შეწყვეტა. Atəşkəs rejimi. Ateşkes sürüyor. Припинення вогню. Le cessez-le-feu tient. '
        'Die Waffenruhe hält. El alto el fuego. آتش بس برقرار است. وقف إطلاق النار. 停火 我们 🙂')


def warm() -> None:
    for language_sample in WARM.split(". "):
        check_document(source_item(language_sample * 5))
        detect_language((language_sample + " ") * 3)  # under 120 characters lingua loads its other n-gram models
    check_document(source_item(f"<html><body><p>{WARM}</p></body></html>", "html"))


def seconds(run: Callable[[], object]) -> float:
    """Wall-clock time of ``run()``; over budget, the lower of two tries (a first use or a busy machine is
    not the input's cost, a slow input is slow twice)."""
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    if elapsed > SLOW_SECONDS:
        started = time.perf_counter()
        run()
        elapsed = min(elapsed, time.perf_counter() - started)
    return elapsed


def _within(start: int, end: int, size: int, what: str) -> None:
    assert 0 <= start <= end <= size, f"{what} [{start}:{end}] outside a text of {size}"


def check_text(text: str, published: str | None) -> None:
    """Dates and numbers of arbitrary text, resolved against an arbitrary publication date."""
    for found in find_dates(text):
        _within(found.start, found.end, len(text), "date")
    for mention in date_mentions(text, published):
        _within(mention.start, mention.end, len(text), "date mention")
        assert mention.precision in ("day", "month", "year"), mention
    for number in find_numbers(text):
        _within(number.start, number.end, len(text), "number")


def check_document(item: SourceItem) -> Document:
    """A unit through cleaning, sentences, statements, links and incidents: every offset inside the body."""
    doc = build_document(item)
    for span in doc.body_spans:
        _within(span.body_start, span.body_start + span.length, len(doc.body), "body span")
        if span.raw_start >= 0:
            _within(span.raw_start, span.raw_start + span.length, len(doc.raw_text), "raw span")
    sentences = split_sentences(doc)
    for sentence in sentences:
        _within(sentence.start, sentence.end, len(doc.body), "sentence")
    try:
        statements = extract_statements(doc, sentences=sentences)
    except TooManyQuotes:  # refused with its reason: a flood of marks, not an article
        statements = []
    for statement in statements:
        _within(statement.start, statement.end, len(doc.body), "statement")
        assert statement.text == doc.body[statement.start:statement.end], "statement text is not its span"
        if statement.speaker_start is not None:
            _within(statement.speaker_start, statement.speaker_end, len(doc.body), "speaker")
    for agreement in _agreements():
        for link in link_document(doc, sentences, statements, agreement):
            _within(link.start, link.end, len(doc.body), "evidence link")
    for incident in extract_incidents(doc, sentences, _actors(), _gazetteer(), statements):
        _within(incident.start, incident.end, len(doc.body), "incident")
    return doc


@cache
def _actors():
    return load_registry()


@cache
def _gazetteer():
    return load_gazetteer()


@cache
def _agreements() -> tuple:
    return tuple(load_agreements().values())


def check_file(path: Path) -> int:
    """Every unit of a file read and, when readable, built: a skip has a reason. Returns the units read."""
    units = list(read_sources([path]))
    for unit in units:
        if isinstance(unit, Skip):
            assert unit.reason, f"a skip of {unit.locator!r} without a reason"
        else:
            check_document(unit)
    return len(units)


def source_item(raw: str, content_type: str = "text", hints: dict[str, str] | None = None) -> SourceItem:
    """``raw`` as a reader hands it on (normalised, noted); one the reader would skip as empty, normalised too."""
    item = make_item("fuzz", "", content_type, raw, hints)
    return item if isinstance(item, SourceItem) else SourceItem(
        key="fuzz", source_path="fuzz", locator="", content_type=content_type, raw_text=normalise_text(raw)[0],
        hints=hints or {})
