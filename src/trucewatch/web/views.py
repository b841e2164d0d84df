"""What each workspace page shows, as plain JSON-able data (the page's ``.json`` is exactly this).

Status comes from ``assess.views.status_view`` (reviewed evidence, cached); this module adds the
evidence ids and review states a reviewer acts on, and cuts document text into highlighted spans.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from trucewatch.agreements import Agreement
from trucewatch.assess.views import status_view
from trucewatch.records import EvidenceLink, Incident, evidence_id
from trucewatch.store import Store
from trucewatch.store.reviews import INCIDENT_FIELDS, apply_incident_reviews


def paging(page: int, per_page: int, total: int | None = None) -> dict:
    pages = None if total is None else max(1, -(-total // per_page))
    return {"page": page, "per_page": per_page, "total": total, "pages": pages}


def review_state(reviews: dict[str, dict], item_id: str) -> dict | None:
    found = reviews.get(item_id)
    return None if found is None else {"version": found["version"], "user": found["user"], "at": found["at"],
                                       "note": found["note"], **found["state"]}


def _reviewed(store: Store, agreement_id: str) -> tuple[dict[str, dict], dict[str, EvidenceLink]]:
    """(every evidence review of the store, the machine links of ``agreement_id`` that were reviewed).

    Reviews are as many as people made, so they are read whole, with their links in one query.
    """
    reviews = store.current_reviews("evidence")
    links = {i: x for i, x in store.links(sorted(reviews)).items() if x.agreement_id == agreement_id}
    return reviews, links


def _counts_for(link: EvidenceLink, reviews: dict[str, dict]) -> str:
    """The provision a reviewed link counts for now."""
    return reviews[link.id]["state"].get("provision") or link.provision


def link_record(link: EvidenceLink, provision: str, review: dict | None) -> dict:
    return {"id": link.id, "doc_id": link.doc_id, "provision": provision, "machine_provision": link.provision,
            "start": link.start, "end": link.end, "text": link.text, "signal": link.signal, "score": link.score,
            "reason": link.reason, "speaker": link.speaker, "said_on": link.said_on, "reported_on": link.reported_on,
            "statement_id": link.statement_id, "reviewed": review is not None, "review": review,
            "version": review["version"] if review else 0,
            "counted": (review or {}).get("verdict") != "rejected"}


def agreement_status(store: Store, agreement: Agreement, as_of: date) -> list[dict]:
    """The status of every provision, its counted evidence each with its ``id`` and ``reviewed``.

    A link's id is derived from its span and machine provision, so only moved links need a look-up.
    """
    reviews, reviewed = _reviewed(store, agreement.id)
    moved_by_span = {(x.doc_id, x.start, x.end, _counts_for(x, reviews)): i for i, x in reviewed.items()
                     if _counts_for(x, reviews) != x.provision}

    def with_ids(items: list[dict], provision: str) -> list[dict]:
        found = []
        for item in items:
            key = (item["doc_id"], item["start"], item["end"], provision)
            link_id = moved_by_span.get(key) or evidence_id(item["doc_id"], agreement.id, provision,
                                                            item["start"], item["end"])
            review = review_state(reviews, link_id)
            found.append({"id": link_id, **item, "reviewed": review is not None, "review": review})
        return found

    return [{**r, "evidence": with_ids(r["evidence"], r["provision"]),
             "undated": with_ids(r.get("undated", []), r["provision"])} for r in status_view(store, agreement, as_of)]


def matrix(store: Store, agreement: Agreement, as_of: date) -> list[dict]:
    """One row per provision: status, since when, evidence counted and reviewed, deadlines.

    Reviewed links are matched by span, so a matrix hashes no ids however much evidence there is.
    """
    reviews, reviewed = _reviewed(store, agreement.id)
    spans = {(x.doc_id, x.start, x.end, _counts_for(x, reviews)) for x in reviewed.values()}
    return [{"provision": r["provision"], "topic": r["topic"], "status": r["status"], "label": r["label"],
             "since": r["since"], "manual": r.get("manual"), "machine": r.get("machine"),
             "evidence": len(r["evidence"]),
             "reviewed": sum((x["doc_id"], x["start"], x["end"], r["provision"]) in spans for x in r["evidence"]),
             "deadlines": [{"id": d["id"], "due": d["effective_due"], "state": d["state"]} for d in r["deadlines"]]}
            for r in status_view(store, agreement, as_of)]


def provision_links(store: Store, agreement_id: str, provision: str) -> list[dict]:
    """Every link that counts (or counted, before a rejection or a move) for one provision, newest first."""
    reviews, reviewed = _reviewed(store, agreement_id)
    links = {x.id: x for x in store.evidence_of_provision(agreement_id, provision)}
    links |= {i: x for i, x in reviewed.items() if _counts_for(x, reviews) == provision}
    found = []
    for link_id, link in links.items():
        review = review_state(reviews, link_id)
        found.append(link_record(link, (review or {}).get("provision") or link.provision, review))
    return sorted(found, key=lambda x: (x["said_on"] or x["reported_on"] or "", x["id"]), reverse=True)


def statement_record(statement, review: dict | None) -> dict:
    return {"id": statement.id, "doc_id": statement.doc_id, "kind": statement.kind, "text": statement.text,
            "speaker": statement.speaker, "speaker_name": statement.speaker_name,
            "speaker_text": statement.speaker_text, "said_on": statement.said_on, "start": statement.start,
            "end": statement.end, "reviewed": review is not None, "review": review,
            "version": review["version"] if review else 0}


def statement_records(store: Store, statements: list) -> list[dict]:
    reviews = store.current_reviews("statement", [s.id for s in statements])
    return with_hand_marks(store, "statements", [statement_record(s, review_state(reviews, s.id)) for s in statements])


def segments(body: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The body cut at every span edge: each piece with the kinds of span covering it (for highlighting)."""
    edges = sorted({0, len(body), *(max(0, min(len(body), e)) for s, t, _ in spans for e in (s, t))})
    pieces = []
    for start, end in pairwise(edges):
        kinds = sorted({kind for s, t, kind in spans if s <= start and end <= t})
        pieces.append({"start": start, "end": end, "text": body[start:end], "marks": kinds})
    return pieces


def document_detail(store: Store, doc_id: str) -> dict | None:
    document = store.document(doc_id)
    if document is None:
        return None
    statements = statement_records(store, store.statements(doc_id))
    links = store.document_evidence(doc_id)
    reviews = store.current_reviews("evidence", [x.id for x in links])
    evidence = [link_record(x, (review_state(reviews, x.id) or {}).get("provision") or x.provision,
                            review_state(reviews, x.id)) | {"agreement_id": x.agreement_id} for x in links]
    spans = [(s["start"], s["end"], "statement") for s in statements] + \
            [(x["start"], x["end"], "evidence") for x in evidence if x["counted"]]
    return {"id": document.id, "title": document.title, "url": document.url, "outlet": document.outlet,
            "published": document.published, "language": document.language, "duplicate_of": document.duplicate_of,
            "source_path": document.source_path, "statements": statements, "evidence": evidence,
            "entered_by_hand": store.entered_by_hand("documents", [doc_id]).get(doc_id),
            "segments": segments(document.body, spans),
            "not_analysed": [{"text": b.text, "reason": b.reason} for b in document.removed if b.kind == "overflow"]}


def incident_record(report: Incident, group: str | None, review: dict | None, by_hand: dict | None) -> dict:
    """An incident report as the machine made it, its incident (group), its review and who entered it."""
    return {"id": report.id, "incident": group, "doc_id": report.doc_id, "sentence": report.sentence,
            "type": report.type, "date": report.date, "place": report.place, "fatalities": report.fatalities,
            "actors": report.actors, "reported_by": report.reported_by, "acled_event_type": report.acled_event_type,
            "confidence": report.confidence, "reviewed": review is not None, "review": review,
            "version": review["version"] if review else 0,
            "counted": (review or {}).get("verdict") != "rejected", "entered_by_hand": by_hand}


def incident_records(store: Store, reports: list[Incident], groups: dict[str, str]) -> list[dict]:
    """Reports with their review and reviewed fields shown over the machine's (the form shows both)."""
    reviews = store.current_reviews("incident", [r.id for r in reports])
    by_hand = store.entered_by_hand("incidents", [r.id for r in reports])
    shown = {r.id: r for r in apply_incident_reviews(reports, reviews)}
    return [incident_record(shown.get(r.id, r), groups.get(r.id), review_state(reviews, r.id), by_hand.get(r.id))
            | {"machine": {f: getattr(r, f) for f in INCIDENT_FIELDS}} for r in reports]


def with_hand_marks(store: Store, table: str, records: list[dict]) -> list[dict]:
    """``records`` each with ``entered_by_hand`` ({by, at} or None)."""
    marks = store.entered_by_hand(table, [r["id"] for r in records])
    return [{**r, "entered_by_hand": marks.get(r["id"])} for r in records]
