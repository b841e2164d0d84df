"""The HTTP API other tools rely on (the contract is in docs/workspace.md)."""

from __future__ import annotations

import json
from datetime import date
from datetime import date as Day  # a field is named date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from trucewatch.web import actions, records
from trucewatch.web.cache import etag
from trucewatch.web.filters import FilterParams
from trucewatch.web.pages import agreement_or_404, audit_data, dated, search_data, status_records
from trucewatch.web.review_pages import incident_groups
from trucewatch.web.security import bearer_writer
from trucewatch.web.views import link_record, review_state

router = APIRouter(prefix="/api", tags=["api"])


class EvidenceReview(BaseModel):
    verdict: Literal["rejected", "confirmed"] | None = None
    provision: str | None = Field(None, max_length=16, description="Move the link to this provision.")
    note: str | None = Field(None, max_length=2000)
    expected_version: int | None = Field(None, ge=0, description="The review version you saw; 409 if stale.")


class StatementReview(BaseModel):
    speaker: str | None = Field(None, max_length=200, description="Who said it (a name; known actors resolve).")
    said_on: date | None = None
    note: str | None = Field(None, max_length=2000)
    expected_version: int | None = Field(None, ge=0)


@router.get("/agreements/{agreement_id}/status", response_class=Response,
            responses={200: {"content": {"application/json": {}}}, 304: {"description": "Not modified (ETag)"}})
def status(request: Request, agreement_id: str, as_of: date | None = None,
           provision: str | None = Query(None, max_length=16, description="Only this provision.")) -> Response:
    """Every provision's status on ``as_of`` (or ``provision``'s alone) with the evidence that counts (each with
    ``id`` and ``reviewed``).

    The body is serialised once per evidence version in a process; its ETag lets a client poll for 304s.
    """
    agreement, when, version = dated(request, agreement_id, as_of)
    headers = {"ETag": etag(agreement_id, when, version, provision), "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)

    def body() -> bytes:
        records = status_records(request, agreement, when, version)
        if provision is not None:
            records = [r for r in records if r["provision"] == provision]
            if not records:
                raise HTTPException(404, f"no provision {provision} in {agreement_id}")
        return json.dumps({"agreement": agreement_id, "as_of": when.isoformat(), "provisions": records},
                          separators=(",", ":")).encode()

    content = request.app.state.views.get(("status_api", agreement_id, when, version, provision), body)
    return Response(content, media_type="application/json", headers=headers)


@router.get("/evidence/{link_id}")
def evidence(request: Request, link_id: str) -> dict:
    """One evidence link as the machine made it, with its current review and review ``version``."""
    store = request.app.state.store
    link = store.link(link_id)
    if link is None:
        raise HTTPException(404, f"no evidence link {link_id}")
    state = review_state(store.current_reviews("evidence", [link_id]), link_id)
    return {**link_record(link, (state or {}).get("provision") or link.provision, state),
            "agreement_id": link.agreement_id}


@router.post("/evidence/{link_id}/review")
def review_evidence(request: Request, link_id: str, review: EvidenceReview,
                    user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Confirm, reject or move an evidence link (reviewers and admins; a rejected link stops counting)."""
    return actions.review_evidence(request.app.state.store, request.app.state.agreements, user, link_id,
                                   verdict=review.verdict, provision=review.provision, note=review.note,
                                   expected_version=review.expected_version)


@router.post("/statements/{statement_id}/review")
def review_statement(request: Request, statement_id: str, review: StatementReview,
                     user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Correct a statement's speaker or date (kept across re-analysis)."""
    return actions.review_statement(request.app.state.store, user, statement_id, speaker=review.speaker,
                                    said_on=review.said_on.isoformat() if review.said_on else None,
                                    note=review.note, expected_version=review.expected_version)


@router.get("/reviews/{kind}/{target_id:path}")
def current_review(request: Request, kind: Literal["evidence", "statement", "incident", "contradiction", "provision"],
                   target_id: str) -> dict:
    """The current review of an item (``version`` 0 and no ``state``: never reviewed): what a writer sends back
    as ``expected_version``. A provision's id is ``AGREEMENT/N``."""
    found = request.app.state.store.current_reviews(kind, [target_id]).get(target_id)
    return {"kind": kind, "id": target_id, "version": 0, "state": None} if found is None else \
        {"kind": kind, "id": target_id, **found}


@router.get("/audit")
def audit(request: Request, page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=500)) -> dict:
    """Revisions newest first: id, user, at, target, before, after, note (and whether the item is orphaned)."""
    return audit_data(request, page, per_page)


@router.get("/search")
def search(request: Request, params: Annotated[FilterParams, Depends()],
           q: str = Query(..., min_length=1, max_length=200),
           page: int = Query(1, ge=1, le=100_000), per_page: int = Query(20, ge=1, le=200)) -> dict:
    """Documents, statements, evidence and incidents containing every word of ``q`` (full-text, best first),
    narrowed by ``type`` (kinds of item, comma-separated), provision, agreement, actor, side, outlet, since, until."""
    if not q.strip():
        raise HTTPException(422, "search for some text")
    return search_data(request, q, page, per_page, params)


class IncidentReview(BaseModel):
    verdict: Literal["rejected", "confirmed"] | None = None
    type: str | None = Field(None, max_length=32)
    date: Day | None = None
    place: str | None = Field(None, max_length=200)
    fatalities: int | None = Field(None, ge=0, le=1_000_000)
    note: str | None = Field(None, max_length=2000)
    expected_version: int | None = Field(None, ge=0)


class IncidentMerge(BaseModel):
    into: str = Field(..., max_length=80, description="The incident the reports join.")
    note: str | None = Field(None, max_length=2000)


class Note(BaseModel):
    note: str | None = Field(None, max_length=2000)


class ContradictionReview(BaseModel):
    agreement: str = Field(..., max_length=64)
    verdict: Literal["confirmed", "not_a_contradiction"]
    note: str | None = Field(None, max_length=2000)
    expected_version: int | None = Field(None, ge=0)


class StatusByHand(BaseModel):
    status: int | str | None = Field(..., description="0-3, disputed, regressed, terminated, no evidence; "
                                                       "null gives the provision back to the machine.")
    on: date | None = Field(None, description="From this day on (default: every as-of date).")
    note: str = Field(..., min_length=1, max_length=2000, description="Why.")
    expected_version: int | None = Field(None, ge=0)


@router.post("/incidents/{report_id}/review")
def review_incident(request: Request, report_id: str, review: IncidentReview,
                    user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Correct an incident report's type, date, place or fatalities, or reject or confirm it."""
    changes = review.model_dump(exclude={"note", "expected_version"})
    changes["date"] = review.date.isoformat() if review.date else None
    return actions.review_incident(request.app.state.store, user, report_id, changes, note=review.note,
                                   expected_version=review.expected_version)


@router.post("/incidents/{incident_id}/merge")
def merge_incidents(request: Request, incident_id: str, merge: IncidentMerge,
                    user: Annotated[dict, Depends(bearer_writer)]) -> list[dict]:
    """Merge incident ``incident_id`` into incident ``into`` (a revision per report moved)."""
    return actions.merge_incidents(request.app.state.store, user, incident_groups(request), incident_id,
                                   merge.into, merge.note)


@router.post("/incidents/{report_id}/split")
def split_incident(request: Request, report_id: str, body: Note,
                   user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Take a report out of its incident into one of its own."""
    return actions.split_incident(request.app.state.store, user, incident_groups(request), report_id, body.note)


@router.post("/contradictions/{contradiction_id}/review")
def review_contradiction(request: Request, contradiction_id: str, review: ContradictionReview,
                         user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Confirm a contradiction or mark it as not one (it then leaves the report and the status views)."""
    return actions.review_contradiction(request.app.state.store, agreement_or_404(request, review.agreement), user,
                                        contradiction_id, verdict=review.verdict, note=review.note,
                                        expected_version=review.expected_version)


@router.post("/agreements/{agreement_id}/provisions/{provision}/status")
def set_status(request: Request, agreement_id: str, provision: str, body: StatusByHand,
               user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Set a provision's status by hand with a reason; status views show it with the machine's beside it."""
    return actions.set_status(request.app.state.store, agreement_or_404(request, agreement_id), user, provision,
                              status=body.status, on=body.on.isoformat() if body.on else None, note=body.note,
                              expected_version=body.expected_version)


@router.post("/records/documents")
def record_document(request: Request, source: records.Source, user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Record a document no news source carries; it is analysed by the next ``analyse`` like any other."""
    doc = records.record_document(request.app.state.store, user, source)
    return {"id": doc.id, "duplicate_of": doc.duplicate_of}


@router.post("/records/statements")
def record_statement(request: Request, record: records.StatementRecord,
                     user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Record a statement (in a stored document, or in a new one from ``source``) and the evidence it gives."""
    return records.record_statement(request.app.state.store, request.app.state.agreements, user, record)


@router.post("/records/incidents")
def record_incident(request: Request, record: records.IncidentRecord,
                    user: Annotated[dict, Depends(bearer_writer)]) -> dict:
    """Record an incident report (in a stored document, or in a new one from ``source``)."""
    return records.record_incident(request.app.state.store, user, record)
