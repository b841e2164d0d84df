"""The HTTP API other tools rely on (the contract is in docs/workspace.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from trucewatch.web import actions
from trucewatch.web.cache import etag
from trucewatch.web.pages import audit_data, dated, search_data, status_records
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


@router.get("/audit")
def audit(request: Request, page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=500)) -> dict:
    """Revisions newest first: id, user, at, target, before, after, note (and whether the item is orphaned)."""
    return audit_data(request, page, per_page)


@router.get("/search")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200),
           page: int = Query(1, ge=1, le=100_000), per_page: int = Query(20, ge=1, le=200)) -> dict:
    """Documents, statements, evidence and incidents containing every word of ``q`` (full-text, best first)."""
    if not q.strip():
        raise HTTPException(422, "search for some text")
    return search_data(request, q, page, per_page)
