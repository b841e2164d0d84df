"""The analysis run over stored documents: incremental, versioned, recorded.

``analyse`` compares each canonical document's stored analysis versions with the
pipeline's (see :mod:`trucewatch.pipeline.components`) and runs only what is stale: a
new or changed document, one that became canonical, a stage whose code, settings or data
changed. Documents that became copies lose their results (their canonical copy speaks
for them, and evidence is not counted twice). Every run is recorded with its code
version, data hashes and counts; every item it writes carries the run id. Results are
written a batch per transaction with the documents' new versions, so a killed run
resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from trucewatch.parallel import Mapper, batches
from trucewatch.pipeline.components import (
    Context,
    Pipeline,
    PipelineConfig,
    PipelineError,
    code_version,
    stores_anything,
)
from trucewatch.records import Document
from trucewatch.store import AnalysisRows, Store

__all__ = [
    "AnalysisReport", "Pipeline", "PipelineConfig", "PipelineError", "analyse", "analyse_batch", "stores_anything",
]

BATCH = 64


@dataclass
class AnalysisReport:
    run_id: str = ""
    documents: int = 0  # analysed in this run
    unchanged: int = 0  # current already
    forgotten: int = 0  # results removed: no longer canonical
    statements: int = 0
    incidents: int = 0
    links: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)
    not_analysed: Counter[str] = field(default_factory=Counter)  # language -> documents with no rules for it
    stages: dict[str, str] = field(default_factory=dict)
    stored: tuple[str, ...] = ()  # the stages run whose products are stored (statements, links, incidents)


_BUILT: dict[tuple[PipelineConfig, str], Pipeline] = {}


def _pipeline(config: PipelineConfig, stamp: str) -> Pipeline:
    """One pipeline per process, config and data version: a Dask worker builds its own once."""
    key = (config, stamp)
    if key not in _BUILT:
        _BUILT.clear()
        _BUILT[key] = Pipeline(config)
    return _BUILT[key]


def analyse_batch(config: PipelineConfig, stamp: str, items: list[tuple[Document, frozenset[str], dict]]
                  ) -> list[AnalysisRows]:
    """Run the stale stages of a batch of documents (pure: documents in, their rows out), each stage over
    the whole batch at once; a document that fails is reported alone, the others go on."""
    pipeline = _pipeline(config, stamp)
    contexts = [Context(doc, dict(loaded)) for doc, _, loaded in items]
    outcomes = pipeline.run([(ctx, set(stale)) for ctx, (_, stale, _) in zip(contexts, items, strict=True)])
    versions = {name: pipeline.versions[name] for name in pipeline.stored}
    rows: list[AnalysisRows] = []
    for ctx, (doc, stale, _), outcome in zip(contexts, items, outcomes, strict=True):
        if isinstance(outcome, Exception):  # no versions, so the next run retries it
            rows.append(AnalysisRows(doc.id, {}, skipped=f"failed: {type(outcome).__name__}: {outcome}"))
            continue
        rows.append(AnalysisRows(doc.id, versions, statements=_product(ctx, "statements", stale),
                                 links=_product(ctx, "links", stale), incidents=_product(ctx, "incidents", stale),
                                 skipped=outcome))
    return rows


def _product(ctx: Context, name: str, stale: frozenset[str]):
    if name not in stale:
        return None  # not redone: the stored rows stay
    value = ctx.products.get(name)
    if value is None:  # not run for this language: nothing stored
        return {} if name == "links" else []
    return value


def analyse(
    store: Store,
    *,
    config: PipelineConfig | None = None,
    force: bool = False,
    mapper: Mapper | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> AnalysisReport:
    """Bring every canonical document's analysis up to date (``force``: redo everything)."""
    config = config or PipelineConfig()
    pipeline = Pipeline(config)  # built afresh: the data files may have changed since the last run
    stamp = _hash(pipeline.versions)
    _BUILT.clear()
    _BUILT[(config, stamp)] = pipeline
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{os.urandom(4).hex()}"  # sorts by time
    stored = pipeline.stored
    report = AnalysisReport(run_id=run_id, stages=dict(pipeline.versions), stored=tuple(stored))
    store.start_run(run_id, code_version=code_version(), data_hash=pipeline.fingerprints.get("statements", ""),
                    agreements_hash=pipeline.fingerprints.get("links", ""), stages=pipeline.versions)
    started = time.monotonic()
    try:
        versions, orphaned = store.analysis_versions()
        if orphaned:
            store.forget_analysis(orphaned)
            report.forgotten = len(orphaned)
        work: list[tuple[str, frozenset[str]]] = []
        for doc_id, done in versions.items():
            stale = frozenset(stored) if force else frozenset(s for s in stored if done.get(s) != pipeline.versions[s])
            if stale:
                work.append((doc_id, stale))
        report.unchanged = len(versions) - len(work)
        if on_total:
            on_total(len(work))
        task = partial(analyse_batch, config, stamp)
        mapper = mapper or Mapper()
        loaded = (_load(store, pipeline, batch) for batch in batches(work, BATCH))  # read as the mapper asks
        for items, results in mapper.imap(task, loaded):
            store.write_analysis(run_id, results)
            languages = {d.id: d.language for d, _, _ in items}
            for result in results:
                _count(report, result, languages)
            if on_progress:
                on_progress(len(items))
    except BaseException:
        store.finish_run(run_id, _counts(report, started), status="failed")
        raise
    store.finish_run(run_id, _counts(report, started))
    return report


def _load(store: Store, pipeline: Pipeline, batch: list[tuple[str, frozenset[str]]]):
    """The batch's documents, with the stored products their plan reads instead of recomputing."""
    docs = {d.id: d for d in store.documents_by_id([doc_id for doc_id, _ in batch])}
    reread = {doc_id for doc_id, stale in batch
              if "statements" not in stale and any("statements" in s.needs for s in pipeline.plan(set(stale)))}
    statements: dict[str, list] = {doc_id: [] for doc_id in reread}
    for statement in store.statements(doc_ids=reread) if reread else ():
        statements[statement.doc_id].append(statement)
    return [(docs[doc_id], stale, {"statements": statements[doc_id]} if doc_id in reread else {})
            for doc_id, stale in batch if doc_id in docs]


def _count(report: AnalysisReport, result: AnalysisRows, languages: dict[str, str | None]) -> None:
    report.documents += 1
    if result.skipped and result.skipped.startswith("failed: "):
        report.failed.append((result.doc_id, result.skipped.removeprefix("failed: ")))
        return
    if result.skipped:
        report.not_analysed[languages.get(result.doc_id) or "?"] += 1
    report.statements += len(result.statements or ())
    report.incidents += len(result.incidents or ())
    for agreement_id, links in (result.links or {}).items():
        report.links[agreement_id] += len(links)


def _counts(report: AnalysisReport, started: float) -> dict:
    return {"documents": report.documents, "unchanged": report.unchanged, "forgotten": report.forgotten,
            "statements": report.statements, "incidents": report.incidents, "links": dict(report.links),
            "failed": len(report.failed), "not_analysed": dict(report.not_analysed),
            "seconds": round(time.monotonic() - started, 2)}


def _hash(versions: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(versions.items())).encode()).hexdigest()[:16]
