"""Pages for reviewing what is computed over the evidence (incidents, stance, contradictions, status by hand)
and for recording by hand; each also JSON, each form the same rule as its API endpoint (``actions``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from trucewatch.store import Store
from trucewatch.web import actions, records
from trucewatch.web.filters import FilterParams
from trucewatch.web.pages import PageNumber, PerPage, _back, agreement_or_404, choices, dated
from trucewatch.web.render import page
from trucewatch.web.security import form_writer
from trucewatch.web.views import incident_records, paging

router = APIRouter(tags=["pages"])


def incident_groups(request: Request) -> dict[str, str]:
    """Report id -> incident id: the machine's grouping (materialised per analysis) with reviewers' corrections,
    merges and splits over it (``Store.reviewed_incident_groups``), once per incidents version in this process."""
    store: Store = request.app.state.store
    views = request.app.state.views
    machine = views.token("incidents", lambda: store.incidents_version(reviews=False))
    reviewed = views.token("incident_reviews", store.incidents_version)
    return views.get(("incident_groups", reviewed), lambda: store.reviewed_incident_groups(
        views.get(("machine_incident_groups", machine), lambda: store.machine_incident_groups(machine))))


def _types() -> list[str]:
    from trucewatch.incidents.rules import incident_rules

    return sorted(t.name for t in incident_rules().types)


@router.get("/incidents")
def incidents_page(request: Request, params: Annotated[FilterParams, Depends()], page_number: PageNumber = 1,
                   per_page: PerPage = 50) -> Response:
    """Incident reports, newest first; filters: type, side, outlet, since, until. Rejected ones are shown
    struck through (they count nowhere else)."""
    store: Store = request.app.state.store
    found, total = store.incident_page(limit=per_page, offset=(page_number - 1) * per_page,
                                       filters=params.to_filters(incidents=True))
    data = {"filters": params.echo(), "incidents": incident_records(store, found, incident_groups(request)),
            "types": _types(), **choices(request), **paging(page_number, per_page, total)}
    return page(request, "incidents.html.j2", data, title="Incidents")


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str) -> Response:
    """One incident: its reports (with correction and split forms) and a form to merge another into it."""
    store: Store = request.app.state.store
    groups = incident_groups(request)
    members = [r for r, g in groups.items() if g == incident_id]
    if not members:
        raise HTTPException(404, f"no incident {incident_id}")
    data = {"id": incident_id, "reports": incident_records(store, store.incidents_by_id(members), groups),
            "types": _types()}
    return page(request, "incident.html.j2", data, title=f"Incident {incident_id}")


@router.post("/incidents/reports/{report_id}/review")
def review_incident_form(request: Request, report_id: str, csrf: str = Form(""), version: int = Form(..., ge=0),
                         verdict: str = Form(""), type: str = Form("", max_length=32),
                         on: Annotated[date | None, Form()] = None, place: str = Form("", max_length=200),
                         fatalities: Annotated[int | None, Form(ge=0, le=1_000_000)] = None,
                         note: str = Form("", max_length=2000), back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.review_incident(request.app.state.store, user, report_id,
                            {"verdict": verdict, "type": type, "date": on.isoformat() if on else None,
                             "place": place, "fatalities": fatalities}, note=note, expected_version=version)
    return RedirectResponse(_back(back), 303)


@router.post("/incidents/{incident_id}/merge")
def merge_incidents_form(request: Request, incident_id: str, csrf: str = Form(""),
                         other: str = Form(..., max_length=80), note: str = Form("", max_length=2000)) -> Response:
    """Merge incident ``other`` into this one."""
    user = form_writer(request, csrf)
    actions.merge_incidents(request.app.state.store, user, incident_groups(request), other.strip(), incident_id,
                            note)
    return RedirectResponse(f"/incidents/{incident_id}", 303)


@router.post("/incidents/reports/{report_id}/split")
def split_incident_form(request: Request, report_id: str, csrf: str = Form(""),
                        note: str = Form("", max_length=2000), back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.split_incident(request.app.state.store, user, incident_groups(request), report_id, note)
    return RedirectResponse(_back(back), 303)


@router.get("/agreements/{agreement_id}/contradictions")
def contradictions_page(request: Request, agreement_id: str, as_of: date | None = None,
                        page_number: PageNumber = 1, per_page: PerPage = 50) -> Response:
    """Contradictions known by ``as_of``, those marked as not a contradiction included (and marked); reviews of
    contradictions not found (any more, or not by ``as_of``) are listed apart."""
    from trucewatch.assess.views import contradictions_view

    agreement, when, version = dated(request, agreement_id, as_of)
    store: Store = request.app.state.store
    statements = request.app.state.views.token("statements", store.statements_version)
    found = request.app.state.views.get(("contradictions", agreement_id, when, version, statements),
                                        lambda: contradictions_view(store, agreement, when, dismissed=True))
    start = (page_number - 1) * per_page
    shown = {c["id"] for c in found}
    orphaned = [{"id": i, **r} for i, r in store.current_reviews("contradiction").items() if i not in shown]
    data = {"agreement": agreement_id, "as_of": when.isoformat(), "contradictions": found[start:start + per_page],
            "orphaned_reviews": orphaned, **paging(page_number, per_page, len(found))}
    title = f"Contradictions: {agreement.short_title or agreement_id}"
    return page(request, "contradictions.html.j2", data, title=title)


@router.post("/contradictions/{contradiction_id}/review")
def review_contradiction_form(request: Request, contradiction_id: str, csrf: str = Form(""),
                              agreement: str = Form(..., max_length=64), version: int = Form(..., ge=0),
                              verdict: str = Form(...), note: str = Form("", max_length=2000),
                              back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.review_contradiction(request.app.state.store, agreement_or_404(request, agreement), user,
                                 contradiction_id, verdict=verdict, note=note, expected_version=version)
    return RedirectResponse(_back(back), 303)


@router.get("/agreements/{agreement_id}/stance")
def stance_page(request: Request, agreement_id: str, params: Annotated[FilterParams, Depends()],
                as_of: date | None = None, page_number: PageNumber = 1, per_page: PerPage = 50) -> Response:
    """Stance observations known by ``as_of``, newest first; filters: actor, side, since, until."""
    from trucewatch.assess.views import stance_view

    agreement, when, _ = dated(request, agreement_id, as_of)
    store: Store = request.app.state.store
    statements = request.app.state.views.token("statements", store.statements_version)
    found = request.app.state.views.get(("stance", agreement_id, when, statements),
                                        lambda: stance_view(store, agreement, when))
    wanted = params.to_filters()
    found = [o for o in reversed(found) if (wanted.speakers is None or o["actor"] in wanted.speakers)
             and (wanted.since is None or (o["date"] or "")[:10] >= wanted.since)
             and (wanted.until is None or (o["date"] or "")[:10] <= wanted.until)]
    start = (page_number - 1) * per_page
    data = {"agreement": agreement_id, "as_of": when.isoformat(), "filters": params.echo(),
            "observations": found[start:start + per_page], **choices(request),
            **paging(page_number, per_page, len(found))}
    return page(request, "stance.html.j2", data, title=f"Stance: {agreement.short_title or agreement_id}")


@router.post("/agreements/{agreement_id}/provisions/{provision}/status")
def set_status_form(request: Request, agreement_id: str, provision: str, csrf: str = Form(""),
                    version: int = Form(..., ge=0), status: str = Form("", max_length=32),
                    on: Annotated[date | None, Form()] = None, note: str = Form("", max_length=2000),
                    back: str = Form("/")) -> Response:
    user = form_writer(request, csrf)
    actions.set_status(request.app.state.store, agreement_or_404(request, agreement_id), user, provision,
                       status=status or None, on=on.isoformat() if on else None, note=note,
                       expected_version=version)
    return RedirectResponse(_back(back), 303)


@router.get("/record")
def record_forms(request: Request) -> Response:
    """Forms to record a document, a statement or an incident by hand (reviewers)."""
    return page(request, "record.html.j2", {"types": _types()}, title="Record by hand")


def _source(title: str, outlet: str, published: date | None, url: str, text: str) -> records.Source | None:
    """The form's source fields as a ``Source`` (None without text); a blank title or source is named as such."""
    if not text.strip():
        return None
    return records.Source(title=title.strip() or "recorded by hand", outlet=outlet.strip() or "by hand",
                          published=published, url=url or None, text=text)


@router.post("/record/document")
def record_document_form(request: Request, csrf: str = Form(""), title: str = Form(..., max_length=300),
                         outlet: str = Form(..., max_length=200), published: Annotated[date | None, Form()] = None,
                         url: str = Form("", max_length=2000), text: str = Form(..., max_length=200_000)) -> Response:
    user = form_writer(request, csrf)
    source = _source(title, outlet, published, url, text)
    if source is None:
        raise HTTPException(422, "give the text")
    doc = records.record_document(request.app.state.store, user, source)
    return RedirectResponse(f"/documents/{doc.id}", 303)


@router.post("/record/statement")
def record_statement_form(request: Request, csrf: str = Form(""), doc_id: str = Form("", max_length=32),
                          title: str = Form("", max_length=300), outlet: str = Form("", max_length=200),
                          published: Annotated[date | None, Form()] = None, url: str = Form("", max_length=2000),
                          source_text: str = Form("", max_length=200_000), text: str = Form(..., max_length=20_000),
                          speaker: str = Form(..., max_length=200),
                          said_on: Annotated[date | None, Form()] = None) -> Response:
    user = form_writer(request, csrf)
    record = records.StatementRecord(doc_id=doc_id or None, source=_source(title, outlet, published, url,
                                                                           source_text or text),
                                     text=text, speaker=speaker, said_on=said_on)
    done = records.record_statement(request.app.state.store, request.app.state.agreements, user, record)
    return RedirectResponse(f"/documents/{done['doc_id']}#{done['id']}", 303)


@router.post("/record/incident")
def record_incident_form(request: Request, csrf: str = Form(""), doc_id: str = Form("", max_length=32),
                         title: str = Form("", max_length=300), outlet: str = Form("", max_length=200),
                         published: Annotated[date | None, Form()] = None, url: str = Form("", max_length=2000),
                         source_text: str = Form("", max_length=200_000), sentence: str = Form("", max_length=20_000),
                         type: str = Form(..., max_length=32), on: Annotated[date | None, Form()] = None,
                         place: str = Form("", max_length=200),
                         fatalities: Annotated[int, Form(ge=0, le=1_000_000)] = 0) -> Response:
    user = form_writer(request, csrf)
    record = records.IncidentRecord(doc_id=doc_id or None, source=_source(title, outlet, published, url,
                                                                          source_text or sentence),
                                    sentence=sentence or None, type=type, date=on, place=place or None,
                                    fatalities=fatalities)
    records.record_incident(request.app.state.store, user, record)
    return RedirectResponse("/incidents", 303)
