"""The per-document stage: one source unit in, one cleaned, dated, attributed Document out.

Pure (no I/O, no store), so it can be mapped over a Dask cluster. Plain text is
cleaned by :mod:`trucewatch.cleaning.lines`; HTML is extracted by trafilatura
first (:mod:`trucewatch.cleaning.html`) and its text cleaned the same way.

Where the fields come from, best source first:

- ``published``: a dateline in the text (a date line by the title, or a wire
  dateline "MOSCOW, Nov 10 (Reuters) -"), a title that dates its page ("Daily report ...
  issued on 8 December 2020", source ``title``), HTML metadata (htmldate), the
  container's hint (JSONL ``published``), a day in the page's address ("/2024/04/17/", source ``url``),
  else an inference marked ``inferred``
  (an "updated" time, a republication note's date, a year-less dateline completed
  from its weekday and the years the text names, or with the crawl year), else the month of a month-only
  address ("/2023/07/slug", source ``url``). Dates inside the body are
  never the publication date. A republished story keeps its original date: a wire dateline older than
  the page's date line, or a republication note older than the metadata or container date, wins.
- ``outlet``: the container's hint or URL, HTML site name or the site name on the title, or the text naming itself
  ("originally published on ... Caucasian Knot"), canonical when in ``data/outlets.yaml``.
- ``wire``: the agency the text credits. ``language``: lingua on the body.
"""

from __future__ import annotations

import hashlib

from trucewatch.cleaning.align import align_texts
from trucewatch.cleaning.credits import registry, url_host
from trucewatch.cleaning.html import extract_html
from trucewatch.cleaning.lines import Cleaned, clean_text
from trucewatch.records import BodySpan, Document, RemovedBlock, SourceItem
from trucewatch.text.dates import FoundDate, parse_date, url_date
from trucewatch.text.language import detect_language


def document_id(item: SourceItem) -> str:
    return hashlib.sha256(item.key.encode()).hexdigest()[:16]


def build_document(item: SourceItem) -> Document:
    """Clean, date and attribute one unit. Never raises on odd text; the body may come out empty."""
    raw = item.raw_text
    hints = item.hints
    meta_date = sitename = None
    url = hints.get("url")
    if item.content_type == "html":
        page = extract_html(raw, hints.get("url"))
        text, title_hint, meta_date, sitename = page.text, hints.get("title") or page.title, page.date, page.sitename
        url = url or page.url
    else:
        text, title_hint = raw, hints.get("title")
    cleaned = clean_text(text, title_hint, sitename)
    if item.content_type == "html":
        body, spans, removed = _located(cleaned, text, raw)
    else:
        body, spans, removed = _verbatim(cleaned, raw)
    published, source = _published(cleaned, meta_date, hints, url)
    return Document(
        id=document_id(item), source_key=item.key, source_path=item.source_path, locator=item.locator,
        content_type=item.content_type, raw_text=raw, body=body, body_spans=spans,
        title=cleaned.title, published=published, published_source=source,
        outlet=_outlet(hints, sitename or cleaned.site, text), wire=cleaned.wires[0] if cleaned.wires else None,
        language=detect_language(body), url=url, removed=_noted(removed, hints.get("normalised")),
    )


def _noted(removed: list[RemovedBlock], note: str | None) -> list[RemovedBlock]:
    """The reader's note on characters it replaced or dropped before storage, kept with the document (no offsets:
    the stored text is the normalised one)."""
    return [*removed, RemovedBlock("normalised", "", -1, -1, note)] if note else removed


def _verbatim(cleaned: Cleaned, raw: str) -> tuple[str, list[BodySpan], list[RemovedBlock]]:
    """Body paragraphs copied from ``raw``, each line of a paragraph with its own span."""
    parts: list[str] = []
    spans: list[BodySpan] = []
    removed: list[RemovedBlock] = []
    offset = 0
    for unit in cleaned.units:
        if unit.kind != "body":
            removed.append(RemovedBlock(unit.kind, raw[unit.start:unit.end], unit.start, unit.end, unit.reason))
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        for number, (start, end) in enumerate(unit.pieces):
            if number:
                parts.append(" ")
                offset += 1
            if end > start:
                parts.append(raw[start:end])
                spans.append(BodySpan(offset, start, end - start))
                offset += end - start
    return "".join(parts), spans, removed


def _located(cleaned: Cleaned, text: str, html: str) -> tuple[str, list[BodySpan], list[RemovedBlock]]:
    """Body from extracted HTML text, each line aligned back to the page (:mod:`trucewatch.cleaning.align`).

    The spans cover the characters the page holds as they are; a decoded entity or a
    reflowed whitespace run between them has none (``Document.raw_offset`` maps across
    it). Removed blocks are aligned the same way (one forward pass, not a search of the whole page
    per block); one that is not in the page verbatim, in one piece, gets raw offsets -1.
    """
    body, text_spans, _ = _verbatim(cleaned, text)
    blocks = [(unit, text[unit.start:unit.end]) for unit in cleaned.units if unit.kind != "body"]
    joined, ranges = "", []
    for _, block in blocks:
        ranges.append((len(joined), len(joined) + len(block)))
        joined += block + "\n\n"
    spans, removed_spans = align_texts(html, [(body, [(s.body_start, s.body_start + s.length) for s in text_spans]),
                                              (joined, ranges)])
    where = {span.body_start: span for span in removed_spans}
    removed = []
    for (unit, block), (start, _) in zip(blocks, ranges, strict=True):
        span = where.get(start)
        whole = span is not None and span.length == len(block)
        raw = (span.raw_start, span.raw_start + len(block)) if whole else (-1, -1)
        removed.append(RemovedBlock(unit.kind, block, *raw, unit.reason))
    return body, spans, removed


def _published(cleaned: Cleaned, meta_date: str | None, hints: dict[str, str],
               url: str | None) -> tuple[str | None, str | None]:
    candidates = dict(reversed(cleaned.dates))  # first candidate of each kind wins
    header, lead, note = (candidates.get(w) for w in ("dateline", "lead", "note"))
    if _older(lead, header):  # a republished wire story: its dateline is the original, the page date is not
        return lead.iso(), "dateline"
    for where in ("dateline", "lead", "title"):
        found = candidates.get(where)
        if found and found.year:
            return found.iso(), "title" if where == "title" else "dateline"
    dated = url_date(url)
    for value, source in ((meta_date, "meta"), (hints.get("published"), "hint"), (dated, "url")):
        parsed = parse_date(value) if value else None
        if parsed and parsed.year:
            # a crawl or republication date: the text names an older original publication
            return (note.iso(), "inferred") if _older(note, parsed) else (parsed.iso(), source)
    for where in ("updated", "note", "weekday"):
        found = candidates.get(where)
        if found and found.year:
            return found.iso(), "inferred"
    if dated:  # a month-only address: the month, below any day the text gives
        return dated, "url"
    return _year_from_crawl(candidates.get("lead"), hints.get("crawled"))


def _older(first: FoundDate | None, second: FoundDate | None) -> bool:
    """Both full dates, and ``first`` on an earlier day."""
    days = [d.day_value() if d is not None else None for d in (first, second)]
    return days[0] is not None and days[1] is not None and days[0] < days[1]


def _year_from_crawl(lead: FoundDate | None, crawled: str | None) -> tuple[str | None, str | None]:
    """A dateline without a year ("Nov 10") completed with the latest year not after the crawl date."""
    crawl = parse_date(crawled) if crawled else None
    if lead is None or crawl is None or crawl.year is None:
        return None, None
    year = crawl.year if (lead.month, lead.day) <= (crawl.month, crawl.day) else crawl.year - 1
    return lead.with_year(year).iso(), "inferred"


def _outlet(hints: dict[str, str], sitename: str | None, text: str) -> str | None:
    """Registry name from the hints or the page; else the name as given, the text's self-reference, the URL host."""
    for value in (hints.get("outlet"), hints.get("url"), sitename):
        if value:
            known = registry().resolve(value)
            if known:
                return known.name
    host = url_host(hints["url"]) if hints.get("url") else ""
    return hints.get("outlet") or sitename or registry().self_reference(text) or host or None
