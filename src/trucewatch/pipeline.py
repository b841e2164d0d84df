"""The analysis stages after ingest: statements, then evidence links, per canonical document.

``analyse_document`` is pure (one document in, its statements and links out), so it is
mapped inline or over Dask like ingest; ``analyse`` writes each document's results with
replace semantics, so re-running is idempotent. Duplicates are not analysed: their
canonical copy speaks for them, and evidence is not counted twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from trucewatch.actors import ActorRegistry, load_registry
from trucewatch.agreements import Agreement, load_agreements
from trucewatch.linking import link_document
from trucewatch.parallel import Mapper, batches
from trucewatch.records import Document, EvidenceLink, Statement
from trucewatch.sentences import split_sentences
from trucewatch.statements import extract_statements
from trucewatch.store import Store

BATCH = 64


@dataclass
class DocumentAnalysis:
    doc_id: str
    statements: list[Statement]
    links: dict[str, list[EvidenceLink]]  # agreement id -> links
    error: str | None = None


@dataclass
class AnalysisReport:
    documents: int = 0
    statements: int = 0
    links: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)


def analyse_document(doc: Document, registry: ActorRegistry, agreements: list[Agreement]) -> DocumentAnalysis:
    """Statements and evidence links of one document; an error is reported, not raised."""
    try:
        sentences = split_sentences(doc)
        statements = extract_statements(doc, registry, sentences)
        links = {a.id: link_document(doc, sentences, statements, a) for a in agreements}
    except Exception as error:  # one bad document must never stop a run
        return DocumentAnalysis(doc.id, [], {}, f"{type(error).__name__}: {error}")
    return DocumentAnalysis(doc.id, statements, links)


def analyse(
    store: Store,
    *,
    agreements: list[Agreement] | None = None,
    registry: ActorRegistry | None = None,
    mapper: Mapper | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> AnalysisReport:
    """Run the statement and linking stages over every canonical document in ``store``."""
    agreements = list(load_agreements().values()) if agreements is None else agreements
    work = partial(analyse_document, registry=registry or load_registry(), agreements=agreements)
    mapper = mapper or Mapper()
    report = AnalysisReport()
    for batch in batches(store.documents(include_duplicates=False), BATCH):
        for result in mapper.map(work, batch):
            report.documents += 1
            if result.error:
                report.failed.append((result.doc_id, result.error))
                continue
            report.statements += store.replace_statements(result.doc_id, result.statements)
            for agreement in agreements:
                count = store.replace_evidence(agreement.id, result.doc_id, result.links.get(agreement.id, []))
                report.links[agreement.id] += count
        if on_progress:
            on_progress(len(batch))
    return report
