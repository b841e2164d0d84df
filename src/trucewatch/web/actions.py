"""Reviewers' actions, shared by the API (bearer token, JSON) and the pages (session, form): one set of rules."""

from __future__ import annotations

from fastapi import HTTPException

from trucewatch.agreements import Agreement
from trucewatch.store import Conflict, Store
from trucewatch.store.reviews import VERDICTS


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


def _append(store: Store, user: dict, kind: str, target_id: str, changes: dict, action: str, note: str | None,
            expected_version: int | None) -> dict:
    try:
        return store.add_revision(user["name"], kind, target_id, changes, action=action, note=note or None,
                                  expected_version=expected_version)
    except Conflict as conflict:
        raise HTTPException(409, str(conflict), headers={"X-Current-Version": str(conflict.current)}) from None
