"""Reviews in the store: append-only revisions by stable id, applied over machine output, surviving re-analysis."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.assess.views import status_view
from trucewatch.pipeline import analyse
from trucewatch.store import Conflict, Store

AGREEMENT = "karabakh-2020-11-10"


@pytest.fixture
def reviewed(demo_db: str, tmp_path: Path):
    """A private copy of the analysed demo store, so each test may write reviews."""
    db = tmp_path / "review.db"
    shutil.copy(demo_db, db)
    store = Store(str(db))
    yield store
    store.close()


def _counted(store: Store, as_of: date) -> dict[str, int]:
    records = status_view(store, load_agreements()[AGREEMENT], as_of)
    return {r["provision"]: len(r["evidence"]) for r in records}


def test_users_token_is_hashed_and_resolves(reviewed: Store) -> None:
    token = reviewed.add_user("rv9", "reviewer")
    assert reviewed.user_for_token(token)["name"] == "rv9"
    assert reviewed.user_for_token(token + "x") is None
    assert token not in str(reviewed.users())
    with pytest.raises(ValueError):
        reviewed.add_user("r10", "root")


def test_rejected_link_leaves_status_and_survives_reanalysis(reviewed: Store) -> None:
    link = reviewed.evidence(AGREEMENT)[0]
    as_of = date(2022, 1, 1)
    before = _counted(reviewed, as_of)
    reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "rejected"}, note="not about this provision")
    assert link.id not in {x.id for x in reviewed.evidence(AGREEMENT)}
    assert link.id in {x.id for x in reviewed.evidence(AGREEMENT, reviewed=False)}
    after = _counted(reviewed, as_of)  # the cached assessment was invalidated by the review
    assert after[link.provision] == before[link.provision] - 1
    analyse(reviewed, force=True)
    assert link.id not in {x.id for x in reviewed.evidence(AGREEMENT)}
    assert _counted(reviewed, as_of) == after
    assert reviewed.orphaned_reviews() == []


def test_moved_link_counts_for_its_new_provision(reviewed: Store) -> None:
    link = reviewed.evidence(AGREEMENT)[0]
    target = "9" if link.provision != "9" else "8"
    reviewed.add_revision("rv9", "evidence", link.id, {"provision": target})
    moved = [x for x in reviewed.evidence(AGREEMENT) if (x.doc_id, x.start, x.end) == (link.doc_id, link.start,
                                                                                     link.end)]
    assert [x.provision for x in moved if x.statement_id == link.statement_id] == [target]


def test_corrected_speaker_and_date_survive_reanalysis(reviewed: Store) -> None:
    statement = reviewed.statements()[0]
    reviewed.add_revision("rv9", "statement", statement.id,
                          {"speaker": "test-actor", "speaker_name": "Test Actor", "said_on": "2020-12-31"})
    analyse(reviewed, force=True)
    again = next(s for s in reviewed.statements() if s.id == statement.id)
    assert (again.speaker, again.speaker_name, again.said_on) == ("test-actor", "Test Actor", "2020-12-31")
    assert next(s for s in reviewed.iter_statements() if s.id == statement.id).speaker == "test-actor"
    raw = next(s for s in reviewed.statements(reviewed=False) if s.id == statement.id)
    assert raw.speaker == statement.speaker


def test_stale_version_is_a_conflict_and_nothing_is_lost(reviewed: Store) -> None:
    link = reviewed.evidence(AGREEMENT)[0]
    first = reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"}, expected_version=0)
    assert first["version"] == 1 and first["before"]["verdict"] is None
    with pytest.raises(Conflict):
        reviewed.add_revision("r10", "evidence", link.id, {"verdict": "rejected"}, expected_version=0)
    second = reviewed.add_revision("r10", "evidence", link.id, {"verdict": "rejected"}, expected_version=1)
    assert second["before"] == first["after"]
    listed = reviewed.revisions(target_id=link.id)
    assert [r["user"] for r in listed] == ["r10", "rv9"]
    assert reviewed.current_reviews("evidence", [link.id])[link.id]["state"]["verdict"] == "rejected"


def test_repeating_a_review_records_nothing_and_answers_with_the_current_state(reviewed: Store) -> None:
    link = reviewed.evidence(AGREEMENT)[0]
    first = reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"}, note="checked")
    again = reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"}, note="checked")
    assert again["unchanged"] and not first["unchanged"]
    assert (again["id"], again["version"], again["after"]) == (first["id"], 1, first["after"])
    assert len(reviewed.revisions(target_id=link.id)) == 1
    same_version = reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"}, note="checked",
                                         expected_version=1)
    assert same_version["unchanged"] and len(reviewed.revisions(target_id=link.id)) == 1
    # a new note, or another reviewer saying the same, is a decision of its own: recorded
    assert reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"}, note="re-read")["version"] == 2
    assert reviewed.add_revision("r10", "evidence", link.id, {"verdict": "confirmed"}, note="re-read")["version"] == 3
    assert len(reviewed.revisions(target_id=link.id)) == 3


def test_unknown_target_and_field_are_refused(reviewed: Store) -> None:
    with pytest.raises(LookupError):
        reviewed.add_revision("rv9", "evidence", "ev_missing", {"verdict": "rejected"})
    link = reviewed.evidence(AGREEMENT)[0]
    with pytest.raises(ValueError):
        reviewed.add_revision("rv9", "evidence", link.id, {"text": "rewritten"})


def test_review_of_a_vanished_item_is_orphaned(reviewed: Store) -> None:
    link = reviewed.evidence(AGREEMENT)[0]
    reviewed.add_revision("rv9", "evidence", link.id, {"verdict": "confirmed"})
    reviewed.forget_analysis([link.doc_id])
    assert [o["target_id"] for o in reviewed.orphaned_reviews()] == [link.id]
    assert reviewed.revisions()[0]["orphaned"] is True


def test_reviews_and_workspace_on_each_backend(store: Store) -> None:
    """The same reviews, conflicts, search and status API on SQLite and PostgreSQL."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from trucewatch.cli.ingest import demo_corpus
    from trucewatch.ingest import ingest
    from trucewatch.web import create_app

    ingest([demo_corpus()], store)
    analyse(store)
    token = store.add_user("r11", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    with TestClient(create_app(store)) as client:
        headers = {"Authorization": f"Bearer {token}"}
        first = client.post(f"/api/evidence/{link.id}/review", headers=headers,
                            json={"verdict": "rejected", "expected_version": 0})
        second = client.post(f"/api/evidence/{link.id}/review", headers=headers,
                             json={"verdict": "confirmed", "expected_version": 0})
        assert (first.status_code, second.status_code) == (200, 409)
        status = client.get(f"/api/agreements/{AGREEMENT}/status", params={"as_of": "2021-12-31"}).json()
        assert link.id not in {x["id"] for p in status["provisions"] for x in p["evidence"]}
        found = client.get("/api/search", params={"q": "LACHIN"}).json()
        assert found["statements"] and all("lachin" in s["text"].lower() for s in found["statements"])
        assert client.get("/api/search", params={"q": "%' OR 1=1 --"}).json()["documents"] == []
        assert client.get("/api/audit").json()["revisions"][0]["user"] == "r11"
    analyse(store, force=True)
    assert link.id not in {x.id for x in store.evidence(AGREEMENT)}
