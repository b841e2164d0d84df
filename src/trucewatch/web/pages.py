"""The workspace pages. Each answers HTML to a browser and the same data as JSON (``.json`` or Accept)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from trucewatch.agreements import Agreement
from trucewatch.assess.status import LABELS
from trucewatch.assess.views import default_as_of, provision_target
from trucewatch.cli.audit import audit_record
from trucewatch.store import Store
from trucewatch.web import actions
from trucewatch.web.filters import FilterParams
from trucewatch.web.render import page
from trucewatch.web.security import SESSION_COOKIE, check_csrf, form_writer, session_value
from trucewatch.web.views import (
    agreement_status,
    document_detail,
    matrix,
    paging,
    provision_links,
    statement_records,
)

router = APIRouter(include_in_schema=True, tags=["pages"])
PageNumber = Annotated[int, Query(ge=1, le=100_000, alias="page")]
PerPage = Annotated[int, Query(ge=1, le=500)]


def agreement_or_404(request: Request, agreement_id: str) -> Agreement:
    agreement = request.app.state.agreements.get(agreement_id)
    if agreement is None:
        raise HTTPException(404, f"no agreement {agreement_id}")
    return agreement


def dated(request: Request, agreement_id: str, as_of: date | None) -> tuple[Agreement, date, str]:
    """The agreement, the as-of date (default: its newest evidence) and the evidence version its views are
    cached under (``web.cache``): one small query per request while nothing changes."""
    store: Store = request.app.state.store
    agreement = agreement_or_404(request, agreement_id)
    version = request.app.state.views.token(  # the evidence, and every decision applied over what it gives
        ("evidence", agreement_id), lambda: f"{store.evidence_version(agreement_id)}/{store.newest_revision()}")
    when = as_of or request.app.state.views.get(("as_of", agreement_id, version),
                                                lambda: default_as_of(store, agreement_id)[0])
    return agreement, when, version


def status_records(request: Request, agreement: Agreement, when: date, version: str) -> list[dict]:
    """``views.agreement_status``, once per (agreement, as-of date, evidence version) in this process."""
    return request.app.state.views.get(("status", agreement.id, when, version),
                                       lambda: agreement_status(request.app.state.store, agreement, when))


def audit_data(request: Request, page_number: int, per_page: int) -> dict:
    store = request.app.state.store
    rows = store.revisions(limit=per_page, offset=(page_number - 1) * per_page)
    return {"revisions": [audit_record(r) for r in rows],
            **paging(page_number, per_page, store.count_revisions())}


def search_data(request: Request, q: str, page_number: int, per_page: int, params: FilterParams) -> dict:
    found = request.app.state.store.search(q, limit=per_page, offset=(page_number - 1) * per_page,
                                           filters=params.to_filters())
    return {"q": q, "filters": params.echo(), **found, **paging(page_number, per_page)}


def _provision_text(agreement: Agreement, number: str) -> str:
    """The provision's text; the agreement's title for evidence on the agreement as a whole ("*")."""
    return next((p.text for p in agreement.provisions if p.number == number), agreement.title)


def _status_version(store: Store, agreement_id: str, provision: str) -> int:
    """The review version of a provision's status by hand (0: never set), for the form's conflict check."""
    target = provision_target(agreement_id, provision)
    return (store.current_reviews("provision", [target]).get(target) or {}).get("version", 0)


def _back(target: str) -> str:
    """Where a form returns: a path on this site only (never an open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.get("/")
def index(request: Request) -> Response:
    agreements = [{"id": a.id, "title": a.title, "short_title": a.short_title, "signed": a.signed.isoformat(),
                   "provisions": len(a.provisions)} for a in request.app.state.agreements.values()]
    return page(request, "index.html.j2", {"agreements": sorted(agreements, key=lambda a: a["signed"])},
                title="Agreements")


@router.get("/agreements/{agreement_id}")
def agreement_page(request: Request, agreement_id: str, as_of: date | None = None) -> Response:
    agreement, when, version = dated(request, agreement_id, as_of)
    rows = request.app.state.views.get(("matrix", agreement_id, when, version),
                                       lambda: matrix(request.app.state.store, agreement, when))
    data = {"agreement": agreement_id, "title": agreement.short_title or agreement.title, "as_of": when.isoformat(),
            "provisions": rows}
    return page(request, "matrix.html.j2", data, title=data["title"])


@router.get("/agreements/{agreement_id}/provisions/{provision}")
def provision_page(request: Request, agreement_id: str, provision: str, as_of: date | None = None,
                   page_number: PageNumber = 1, per_page: PerPage = 50) -> Response:
    agreement, when, version = dated(request, agreement_id, as_of)
    record = next((r for r in status_records(request, agreement, when, version) if r["provision"] == provision),
                  None)
    if record is None:
        raise HTTPException(404, f"no provision {provision} in {agreement_id}")
    links = request.app.state.views.get(("links", agreement_id, provision, version),
                                        lambda: provision_links(request.app.state.store, agreement_id, provision))
    start = (page_number - 1) * per_page
    data = {"manual": None, "machine": None, **{k: v for k, v in record.items() if k != "evidence"},
            "text": _provision_text(agreement, provision),
            "links": links[start : start + per_page], "provisions": [p.number for p in agreement.provisions],
            "status_version": _status_version(request.app.state.store, agreement_id, provision),
            "statuses": [{"status": k, "label": v} for k, v in LABELS.items()],
            **paging(page_number, per_page, len(links))}
    return page(request, "provision.html.j2", data, title=f"{agreement.short_title or agreement_id} {provision}")


def choices(request: Request) -> dict:
    """What the filter forms offer: outlets, speakers and sides (cached per process: they change with ingest)."""
    from trucewatch.actors import load_registry

    store: Store = request.app.state.store
    version = request.app.state.views.token("choices", lambda: (store.count_documents()["documents"],
                                                                 store.statements_version()))
    return request.app.state.views.get(("choices", version), lambda: {
        "outlets": store.outlets(), "speakers": store.speakers(),
        "sides": sorted({a.side for a in load_registry().actors.values() if a.side})})


@router.get("/documents")
def documents_page(request: Request, params: Annotated[FilterParams, Depends()], page_number: PageNumber = 1,
                   per_page: PerPage = 50) -> Response:
    """Documents, newest first; filters: outlet, since, until (publication day)."""
    store = request.app.state.store
    rows, total = store.document_page(limit=per_page, offset=(page_number - 1) * per_page,
                                      filters=params.to_filters())
    data = {"filters": params.echo(), "documents": rows, **paging(page_number, per_page, total),
            "outlets": choices(request)["outlets"]}
    return page(request, "documents.html.j2", data, title="Documents")


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str) -> Response:
    data = document_detail(request.app.state.store, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id}")
    return page(request, "document.html.j2", data, title=data["title"] or doc_id)


@router.get("/statements")
def statements_page(request: Request, params: Annotated[FilterParams, Depends()], page_number: PageNumber = 1,
                    per_page: PerPage = 50) -> Response:
    """Statements, newest first; filters: actor, side, outlet, since, until (day said)."""
    store = request.app.state.store
    found, total = store.statement_page(limit=per_page, offset=(page_number - 1) * per_page,
                                        filters=params.to_filters())
    data = {"filters": params.echo(), "statements": statement_records(store, found), **choices(request),
            **paging(page_number, per_page, total)}
    return page(request, "statements.html.j2", data, title="Statements")


@router.get("/search")
def search_page(request: Request, params: Annotated[FilterParams, Depends()], q: str = Query("", max_length=200),
                page_number: PageNumber = 1, per_page: int = Query(20, ge=1, le=200)) -> Response:
    """Full-text search; filters: type (kinds of item), provision, agreement, actor, side, outlet, since, until."""
    data = search_data(request, q, page_number, per_page, params) if q.strip() else \
        {"q": q, "filters": params.echo(), "documents": [], "statements": [], "evidence": [], "incidents": []}
    return page(request, "search.html.j2", {**data, **choices(request)}, title=f"Search: {q}")


@router.get("/audit")
def audit_page(request: Request, page_number: PageNumber = 1, per_page: PerPage = 50) -> Response:
    return page(request, "audit.html.j2", audit_data(request, page_number, per_page), title="Audit")


@router.get("/login")
def login_form(request: Request) -> Response:
    return page(request, "login.html.j2", {}, title="Sign in")


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=200), csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    user = request.app.state.store.user_for_token(token.strip())
    if user is None:
        raise HTTPException(401, "unknown token")
    response = RedirectResponse("/", 303)
    response.set_cookie(SESSION_COOKIE, session_value(request.app.state.session_key, user["id"]), httponly=True,
                        samesite="strict", path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    response = RedirectResponse("/", 303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/evidence/{link_id}/review")
def review_evidence_form(request: Request, link_id: str, csrf: str = Form(""), version: int = Form(..., ge=0),
                         verdict: str = Form(""), provision: str = Form("", max_length=16),
                         note: str = Form("", max_length=2000), back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.review_evidence(request.app.state.store, request.app.state.agreements, user, link_id,
                            verdict=verdict or None, provision=provision or None, note=note,
                            expected_version=version)
    return RedirectResponse(_back(back), 303)


@router.post("/statements/{statement_id}/review")
def review_statement_form(request: Request, statement_id: str, csrf: str = Form(""), version: int = Form(..., ge=0),
                          speaker: str = Form("", max_length=200), said_on: Annotated[date | None, Form()] = None,
                          note: str = Form("", max_length=2000), back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.review_statement(request.app.state.store, user, statement_id, speaker=speaker or None,
                             said_on=said_on.isoformat() if said_on else None, note=note, expected_version=version)
    return RedirectResponse(_back(back), 303)
