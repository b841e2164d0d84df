"""The one API every view (CLI listing, HTML report) reads assessments through.

Each view returns plain JSON-able records and is materialised in the store's
``assessments`` table per (agreement, kind, as-of date), with a version token of
everything it was computed from (evidence, statements, the agreement, code and data).
A read whose token is current is one query; anything else recomputes from the store,
streaming statements a batch of documents at a time, and saves the result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

from trucewatch.actors import load_registry
from trucewatch.agreements import Agreement
from trucewatch.assess.contradictions import account_contradictions, claim_contradictions, text_contradictions
from trucewatch.assess.stance import observation_record, order, stance
from trucewatch.assess.status import LABELS, assess, status_record
from trucewatch.linking import in_scope
from trucewatch.pipeline.components import code_version, files_fingerprint
from trucewatch.records import Document, EvidenceLink, Statement, stable_id
from trucewatch.store import Store
from trucewatch.store.reviews import NOT_A_CONTRADICTION

ALL = "*"  # the agreement id under which views over every agreement's documents are stored
BATCH_DOCUMENTS = 200  # documents whose bodies are in memory at once while statements stream
_DATA = Path(__file__).resolve().parents[1] / "data"


def default_as_of(store: Store, agreement_id: str | None) -> tuple[date, str]:
    """The as-of date when none is given, and how it was chosen: the agreement's newest evidence, else today."""
    newest = store.newest_evidence_date(agreement_id)
    try:
        return date.fromisoformat(newest), "newest evidence"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return datetime.now(UTC).date(), "no evidence: today"


def status_view(store: Store, agreement: Agreement, as_of: date) -> list[dict]:
    """Status of every provision on ``as_of`` (``status_record`` each), with deadlines, term and evidence;
    a status set by hand replaces the machine's (kept beside it, see ``reviewed``)."""
    # statements=True: the incidents it counts are written by the same analysis runs as the statements
    return reviewed(store, agreement, "status", as_of, _materialised(
        store, agreement, "status", as_of, statements=True, compute=lambda: compute_status(store, agreement, as_of)))


def stance_view(store: Store, agreement: Agreement | None, as_of: date) -> list[dict]:
    """Stance observations known by ``as_of`` (``observation_record`` each), over the agreement's documents."""
    return _materialised(store, agreement, "stance", as_of, statements=True,
                         compute=lambda: compute_stance(store, agreement, as_of))


def contradictions_view(store: Store, agreement: Agreement, as_of: date, *, dismissed: bool = False) -> list[dict]:
    """Claims the text does not support and conflicting claims known by ``as_of``, as plain records, each
    with its ``id``; those a reviewer marked as not a contradiction are left out unless ``dismissed``."""
    found = reviewed(store, agreement, "contradictions", as_of, _materialised(
        store, agreement, "contradictions", as_of, statements=True,
        compute=lambda: compute_contradictions(store, agreement, as_of)))
    return found if dismissed else [c for c in found if not c["dismissed"]]


# -- reviews over computed results (the one place every view applies them) ------------------------


def contradiction_id(record: dict) -> str:
    """A contradiction's stable id, from its kind and the two spans it sets against each other."""
    ends = [(c.get("kind"), c.get("doc_id"), c.get("start"), c.get("end"), c.get("provision"))
            for c in (record["first"], record["second"])]
    return stable_id("cx", record["agreement_id"], record["kind"], record.get("provision"), *ends)


def provision_target(agreement_id: str, provision: str) -> str:
    """The revision target of a provision's status set by hand."""
    return f"{agreement_id}/{provision}"


def reviewed(store: Store, agreement: Agreement, kind: str, as_of: date, records: list[dict]) -> list[dict]:
    """``records`` with reviewers' decisions applied over them, never stored inside the materialised payload.

    Status: a status set by hand from a day on or before ``as_of`` replaces the machine's, which stays
    beside it (``machine``) with who set it and why (``manual``). Contradictions: each gets its ``id``,
    its ``review`` and ``dismissed`` (a reviewer said it is not a contradiction).
    """
    if kind == "status":
        targets = {provision_target(agreement.id, r["provision"]): r for r in records}
        reviews = store.current_reviews("provision", list(targets))
        result = []
        for target, record in targets.items():
            review = reviews.get(target)
            state = review["state"] if review else {}
            if state.get("status") is None or (state.get("on") or "") > as_of.isoformat():
                result.append(record)
                continue
            result.append({**record, "status": state["status"], "label": LABELS.get(state["status"], state["status"]),
                           "since": state.get("on") or review["at"][:10],
                           "machine": {"status": record["status"], "label": record["label"], "since": record["since"]},
                           "manual": {"user": review["user"], "at": review["at"], "reason": review["note"],
                                      "version": review["version"]}})
        return result
    if kind == "contradictions":
        ids = [contradiction_id(r) for r in records]
        reviews = store.current_reviews("contradiction", ids)
        return [{**r, "id": i, "review": reviews.get(i),
                 "dismissed": (reviews.get(i) or {}).get("state", {}).get("verdict") == NOT_A_CONTRADICTION}
                for i, r in zip(ids, records, strict=True)]
    return records


# -- computing -------------------------------------------------------------------------------


def compute_status(store: Store, agreement: Agreement, as_of: date) -> list[dict]:
    sides = {a.id: a.side for a in load_registry().actors.values()}  # for the coverage's sides represented
    canonical = set(store.document_ids(include_duplicates=False))  # a copy's incidents would count twice
    reports = (x for x in store.incidents(date_from=agreement.signed.isoformat(), date_to=as_of.isoformat())
               if x.doc_id in canonical)
    return [status_record(s) for s in assess(agreement, _evidence(store, agreement), as_of, sides, reports)]


def compute_stance(store: Store, agreement: Agreement | None, as_of: date) -> list[dict]:
    found = [o for documents, statements in scoped_statements(store, agreement)
             for o in stance(statements, documents) if _known_by(o.date, as_of)]
    return [observation_record(o) for o in sorted(found, key=order)]


def compute_contradictions(store: Store, agreement: Agreement, as_of: date) -> list[dict]:
    registry = load_registry()
    canonical = set(store.document_ids(include_duplicates=False))
    types = {t for p in agreement.provisions for t in p.incidents}  # the camps' accounts of one incident
    reports = [x for x in store.incidents(types=types) if x.doc_id in canonical] if types else []
    reported = {x.doc_id for x in reports}
    found, said, published, bodies = [], [], {}, {}
    for documents, statements in scoped_statements(store, agreement):
        published |= {d.id: d.published for d in documents.values() if d.id in reported}
        bodies |= {d.id: d.body for d in documents.values() if d.id in reported}
        found += text_contradictions(statements, agreement, registry.countries,
                                     {d.id: d.published for d in documents.values()})
        said += [x for x in statements if x.doc_id in reported]
    sides = {a.id: a.side for a in registry.actors.values()}
    names = {a.id: a.name for a in registry.actors.values()}
    evidence = _evidence(store, agreement)
    found += claim_contradictions(evidence, sides, names)
    found += account_contradictions(evidence, agreement, sides, registry.countries, names, reports, said, published,
                                    bodies)
    return [asdict(c) for c in found if _known_by(c.date, as_of)]


def scoped_statements(store: Store, agreement: Agreement | None
                      ) -> Iterator[tuple[dict[str, Document], list[Statement]]]:
    """Statements of canonical documents in the agreement's scope, with their documents, a batch at a time.

    Only ``BATCH_DOCUMENTS`` bodies are held at once, so this stays flat on a large store.
    """
    batch: list[Statement] = []
    doc_ids: set[str] = set()
    for statement in store.iter_statements():
        if statement.doc_id not in doc_ids and len(doc_ids) >= BATCH_DOCUMENTS:
            yield _with_documents(store, agreement, batch, doc_ids)
            batch, doc_ids = [], set()
        batch.append(statement)
        doc_ids.add(statement.doc_id)
    if batch:
        yield _with_documents(store, agreement, batch, doc_ids)


def _with_documents(store: Store, agreement: Agreement | None, statements: list[Statement],
                    doc_ids: set[str]) -> tuple[dict[str, Document], list[Statement]]:
    documents = {d.id: d for d in store.documents_by_id(sorted(doc_ids))
                 if d.duplicate_of is None and (agreement is None or in_scope(d, agreement))}
    return documents, [s for s in statements if s.doc_id in documents]


def _evidence(store: Store, agreement: Agreement) -> list[EvidenceLink]:
    """The agreement's evidence from canonical documents (a copy's links would count a report twice)."""
    canonical = set(store.document_ids(include_duplicates=False))
    return [x for x in store.evidence(agreement.id) if x.doc_id in canonical]


def _known_by(value: str | None, as_of: date) -> bool:
    return value is None or value[:10] <= as_of.isoformat()


# -- materialising ---------------------------------------------------------------------------


def _materialised(store: Store, agreement: Agreement | None, kind: str, as_of: date, *, statements: bool,
                  compute: Callable[[], list[dict]]) -> list[dict]:
    agreement_id = agreement.id if agreement else ALL
    version = _version(store, agreement, statements=statements)
    stored = store.assessment(agreement_id, kind, as_of.isoformat(), version)
    if stored is not None:
        return stored  # type: ignore[return-value]
    payload = json.loads(json.dumps(compute()))  # the same plain data whether computed or read back
    runs = store.runs(limit=1)
    store.save_assessment(agreement_id, kind, as_of.isoformat(), version, payload,
                          run_id=runs[0]["id"] if runs else None)
    return payload


def _version(store: Store, agreement: Agreement | None, *, statements: bool) -> str:
    """A digest of what a view reads: evidence and statements as stored, the agreement, the code and data."""
    parts = [code_version(), files_fingerprint([_DATA / "stance", _DATA / "actors", _DATA / "lang", _DATA / "places"]),
             repr(agreement),
             store.evidence_version(agreement.id) if agreement else "",
             store.statements_version() if statements else ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
