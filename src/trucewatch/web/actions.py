"""Reviewers' actions, shared by the API (bearer token, JSON) and the pages (session, form): one set of rules."""

from __future__ import annotations

from fastapi import HTTPException

from trucewatch.agreements import Agreement
from trucewatch.store import Conflict, Store
from trucewatch.store.reviews import CONTRADICTION_VERDICTS, VERDICTS


def review_evidence(store: Store, agreements: dict[str, Agreement], user: dict, link_id: str, *,
                    verdict: str | None, provision: str | None, note: str | None,
                    expected_version: int | None) -> dict:
    """Confirm, reject or move a link; 404 unknown link, 422 nothing to do or no such provision, 409 stale."""
    link = store.link(link_id)
    if link is None:
        raise HTTPException(404, f"no evidence link {link_id}")
    changes: dict = {}
    if verdict:
        if verdict not in VERDICTS:
            raise HTTPException(422, f"verdict must be one of {', '.join(VERDICTS)}")
        changes["verdict"] = verdict
    if provision:
        agreement = agreements.get(link.agreement_id)
        if agreement is None or provision not in {p.number for p in agreement.provisions}:
            raise HTTPException(422, f"no provision {provision} in {link.agreement_id}")
        changes["provision"] = provision
    if not changes:
        raise HTTPException(422, "give a verdict or a provision")
    action = verdict if verdict and not provision else "moved" if not verdict else f"{verdict}, moved"
    return _append(store, user, "evidence", link_id, changes, action, note, expected_version)


def review_statement(store: Store, user: dict, statement_id: str, *, speaker: str | None, said_on: str | None,
                     note: str | None, expected_version: int | None) -> dict:
    """Correct a statement's speaker (a name, resolved against the actor registry) and/or its date."""
    from trucewatch.actors import load_registry
    from trucewatch.statements.speakers import PROVISIONAL, slug

    if store.statement(statement_id) is None:
        raise HTTPException(404, f"no statement {statement_id}")
    changes: dict = {}
    if speaker and speaker.strip():
        registry = load_registry()
        actor_id = registry.lookup(speaker)
        actor = registry.get(actor_id)
        changes |= {"speaker": actor_id, "speaker_name": actor.name} if actor else \
            {"speaker": PROVISIONAL + slug(speaker.strip()), "speaker_name": speaker.strip()}
    if said_on:
        changes["said_on"] = said_on
    if not changes:
        raise HTTPException(422, "give a speaker or a date")
    return _append(store, user, "statement", statement_id, changes, "corrected", note, expected_version)


def review_incident(store: Store, user: dict, report_id: str, changes: dict, *, note: str | None,
                    expected_version: int | None) -> dict:
    """Correct an incident report's type, date, place or fatalities, or reject it (``verdict``)."""
    from trucewatch.incidents.rules import incident_rules

    if not store.incidents_by_id([report_id]):
        raise HTTPException(404, f"no incident report {report_id}")
    changes = {k: v for k, v in changes.items() if v not in (None, "")}
    if changes.get("verdict") not in (None, *VERDICTS):
        raise HTTPException(422, f"verdict must be one of {', '.join(VERDICTS)}")
    if "type" in changes and changes["type"] not in {t.name for t in incident_rules().types}:
        raise HTTPException(422, f"no incident type {changes['type']}")
    if not changes:
        raise HTTPException(422, "give a verdict or a field to correct")
    action = changes["verdict"] if set(changes) == {"verdict"} else "corrected"
    return _append(store, user, "incident", report_id, changes, action, note, expected_version)


def merge_incidents(store: Store, user: dict, groups: dict[str, str], source: str, target: str,
                    note: str | None) -> list[dict]:
    """Put every report of incident ``source`` into incident ``target`` (one revision per report)."""
    members = [r for r, g in groups.items() if g == source]
    if not members or target not in groups.values():
        raise HTTPException(404, f"no incident {source if not members else target}")
    if source == target:
        raise HTTPException(422, "an incident cannot be merged into itself")
    return [_append(store, user, "incident", r, {"group": target}, "merged", note, None) for r in members]


def split_incident(store: Store, user: dict, groups: dict[str, str], report_id: str, note: str | None) -> dict:
    """Take one report out of its incident: it becomes an incident of its own."""
    from trucewatch.records import stable_id

    if report_id not in groups:
        raise HTTPException(404, f"no incident report {report_id}")
    if sum(g == groups[report_id] for g in groups.values()) < 2:
        raise HTTPException(422, "the report is alone in its incident already")
    return _append(store, user, "incident", report_id, {"group": stable_id("ig", "split", report_id)}, "split",
                   note, None)


def review_contradiction(store: Store, agreement: Agreement, user: dict, contradiction_id: str, *, verdict: str,
                         note: str | None, expected_version: int | None) -> dict:
    """Confirm a contradiction, or mark it as not one (it then leaves every view but its own page)."""
    from datetime import date

    from trucewatch.assess.views import contradictions_view

    if verdict not in CONTRADICTION_VERDICTS:
        raise HTTPException(422, f"verdict must be one of {', '.join(CONTRADICTION_VERDICTS)}")
    if not any(c["id"] == contradiction_id for c in contradictions_view(store, agreement, date.max,
                                                                         dismissed=True)):
        raise HTTPException(404, f"no contradiction {contradiction_id} in {agreement.id}")
    return _append(store, user, "contradiction", contradiction_id, {"verdict": verdict}, verdict, note,
                   expected_version)


def set_status(store: Store, agreement: Agreement, user: dict, provision: str, *, status: str | int | None,
               on: str | None, note: str | None, expected_version: int | None) -> dict:
    """Set a provision's status by hand from day ``on`` (a reason is required), or give it back to the
    machine (``status`` None)."""
    from trucewatch.assess.status import LABELS
    from trucewatch.assess.views import provision_target

    if provision not in {p.number for p in agreement.provisions}:
        raise HTTPException(404, f"no provision {provision} in {agreement.id}")
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if status is not None and status not in LABELS:
        raise HTTPException(422, f"status must be one of {', '.join(map(str, LABELS))} (or null: the machine's)")
    if not (note or "").strip():
        raise HTTPException(422, "say why (note)")
    return _append(store, user, "provision", provision_target(agreement.id, provision),
                   {"status": status, "on": on}, "status set" if status is not None else "status cleared", note,
                   expected_version)


def _append(store: Store, user: dict, kind: str, target_id: str, changes: dict, action: str, note: str | None,
            expected_version: int | None) -> dict:
    try:
        return store.add_revision(user["name"], kind, target_id, changes, action=action, note=note or None,
                                  expected_version=expected_version)
    except Conflict as conflict:
        raise HTTPException(409, str(conflict), headers={"X-Current-Version": str(conflict.current)}) from None
    except LookupError as missing:
        raise HTTPException(404, str(missing)) from None
