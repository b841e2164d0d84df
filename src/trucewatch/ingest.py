"""Ingest: sources -> documents in the store, streamed, idempotent and resumable.

Units are read in batches; units whose key is already in the ledger are passed
over; the rest go through the pure per-document stage (inline, or mapped over a
Dask cluster); duplicates are assigned in order; each batch is written in one
transaction together with its ledger rows. Killing the process loses at most the
batch in flight, and re-running picks up where it stopped.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from trucewatch.dedup import DuplicateIndex, signature
from trucewatch.documents import build_document
from trucewatch.parallel import Mapper, batches
from trucewatch.records import Document, Skip, SourceItem
from trucewatch.sources import read_sources
from trucewatch.store import Store

BATCH = 256


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    unchanged: int = 0  # already in the store from an earlier run, or stored meanwhile by a concurrent ingest
    skipped: list[Skip] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)  # "PATH[ LOCATOR]: why": stored, analysed only up to the body budget

    @property
    def read(self) -> int:
        return self.ingested + self.unchanged

    def skip_reasons(self) -> Counter[str]:
        return Counter(_reason_family(s.reason) for s in self.skipped)


def _reason_family(reason: str) -> str:
    return reason.split(":")[0]


def prepare(item: SourceItem) -> tuple[Document, bytes] | Skip:
    """The per-document work, safe to run anywhere: clean, date, attribute, sign."""
    try:
        doc = build_document(item)
    except Exception as error:  # one bad unit must never stop a run
        return Skip(
            item.source_path, item.locator, f"could not be processed: {type(error).__name__}: {error}", key=item.key
        )
    if not doc.body.strip():
        return Skip(item.source_path, item.locator, _nothing_left(doc), key=item.key)
    return doc, signature(doc.body)


def _nothing_left(doc: Document) -> str:
    """Why a document has no body: what the cleaner removed, and why, so the skip can be checked."""
    reason = "no article text found after cleaning"
    blocks = [block for block in doc.removed if block.kind != "normalised"]
    if not blocks:
        return reason
    why = "; ".join(dict.fromkeys(block.reason or block.kind for block in blocks))
    return f"{reason}: {len(blocks)} {'block' if len(blocks) == 1 else 'blocks'} removed ({why})"


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    mapper: Mapper | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH,
    field_map: Mapping[str, str] | None = None,
) -> IngestReport:
    """Read ``paths`` into ``store``; return counts and the skips with their reasons.

    ``field_map`` names the fields of JSONL records in formats not known (see :func:`read_sources`).
    """
    report = IngestReport()
    index = DuplicateIndex(store.duplicate_candidates, store.documents_by_id, by_bucket=store.candidates_by_bucket)
    mapper = mapper or Mapper()
    for batch in batches(read_sources(paths, field_map=field_map), batch_size):
        known = store.ledger([unit.key for unit in batch if unit.key])
        fresh: list[SourceItem] = []
        skips: list[Skip] = []
        for unit in batch:
            if unit.key in known:
                status, reason = known[unit.key]
                if status == "skipped":  # a re-run tells the same story about bad input
                    report.skipped.append(Skip(unit.source_path, unit.locator, reason or "", unit.key))
                else:
                    report.unchanged += 1
            elif isinstance(unit, Skip):
                skips.append(unit)
            else:
                fresh.append(unit)
        ready: list[tuple[Document, bytes, list[int]]] = []
        results = mapper.map(prepare, fresh)
        index.prefetch(result[1] for result in results if not isinstance(result, Skip))
        for result in results:
            if isinstance(result, Skip):
                skips.append(result)
                continue
            doc, data = result
            assigned = index.assign(doc, data)
            doc.duplicate_of, doc.duplicate_reason = assigned.duplicate_of, assigned.reason
            ready.append((doc, data, assigned.buckets))
        report.skipped.extend(skips)
        store.record_skips(skips)  # one transaction per batch, however many bad records
        inserted = store.add_documents(ready)
        report.ingested += len(inserted)
        for doc, _, _ in ready:
            overflow = next((block for block in doc.removed if block.kind == "overflow"), None)
            if doc.id in inserted and overflow is not None:
                report.cut.append(f"{doc.source_path}{' ' + doc.locator if doc.locator else ''}: {overflow.reason}")
        report.duplicates += sum(doc.id in inserted and doc.duplicate_of is not None for doc, _, _ in ready)
        report.unchanged += len(ready) - len(inserted)  # stored meanwhile by another ingest of the same files
        index.flush()
        if on_progress:
            on_progress(len(batch))
    return report
