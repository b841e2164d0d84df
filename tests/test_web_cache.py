"""Whole answers cached per process: computed once per store version, new after a write, each browser's CSRF token."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests.test_web import AGREEMENT, _bearer, web_db  # noqa: F401  (web_db: the fixture)
from trucewatch.store import Store
from trucewatch.web import create_app
from trucewatch.web.responses import GZIP_FROM


@pytest.fixture
def trusting(web_db: str, tmp_path: Path):  # noqa: F811
    """(client, store) with version tokens trusted for a minute, as ``serve`` trusts them for a second."""
    db = tmp_path / "web.db"
    db.write_bytes(Path(web_db).read_bytes())
    store = Store(str(db))
    with TestClient(create_app(store, token_seconds=60)) as client:
        yield client, store
    store.close()


def _document_with_evidence(store: Store) -> tuple[str, str]:
    link = store.evidence(AGREEMENT)[0]
    return link.doc_id, link.id


def test_a_repeated_read_is_computed_once_and_answers_304_to_its_etag(trusting, monkeypatch) -> None:
    client, store = trusting
    doc_id, _ = _document_with_evidence(store)
    calls: list[str] = []
    from trucewatch.web import pages

    detail = pages.document_detail
    monkeypatch.setattr(pages, "document_detail", lambda *a: calls.append("document") or detail(*a))
    first = client.get(f"/documents/{doc_id}.json")
    again = client.get(f"/documents/{doc_id}.json")
    assert first.json() == again.json() and calls == ["document"]
    assert client.get(f"/documents/{doc_id}.json", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    client.get(f"/documents/{doc_id}")  # HTML is another answer
    assert calls == ["document", "document"]


def test_a_write_makes_the_cached_page_new_for_the_writer_at_once(trusting) -> None:
    client, store = trusting
    doc_id, link_id = _document_with_evidence(store)
    before = client.get(f"/documents/{doc_id}.json")
    assert not next(x for x in before.json()["evidence"] if x["id"] == link_id)["reviewed"]
    token = store.add_user("rev9", "reviewer")
    assert (
        client.post(f"/api/evidence/{link_id}/review", json={"verdict": "rejected"}, headers=_bearer(token)).status_code
        == 200
    )
    after = client.get(f"/documents/{doc_id}.json", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert next(x for x in after.json()["evidence"] if x["id"] == link_id)["review"]["verdict"] == "rejected"


def test_each_browser_gets_its_own_csrf_token_from_a_cached_page(trusting) -> None:
    client, store = trusting
    app = client.app
    pages = []
    for _ in range(2):
        with TestClient(app) as browser:
            html = browser.get("/login").text
            pages.append((browser.cookies.get("tw_csrf"), re.findall(r'name="csrf" value="([^"]+)"', html)))
            assert (
                browser.post(
                    "/login",
                    data={"token": store.add_user(f"r{len(pages)}", "reviewer"), "csrf": pages[-1][0]},
                    follow_redirects=False,
                ).status_code
                == 303
            )
    (first, in_first), (second, in_second) = pages
    assert first != second and set(in_first) == {first} and set(in_second) == {second}


def test_only_large_bodies_are_gzipped(trusting) -> None:
    client, _ = trusting
    status = client.get(f"/api/agreements/{AGREEMENT}/status", headers={"Accept-Encoding": "gzip"})
    assert len(status.content) >= GZIP_FROM and status.headers["content-encoding"] == "gzip"
    raw = client.get(f"/api/agreements/{AGREEMENT}/status", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers and raw.content == status.content
    small = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < GZIP_FROM and "content-encoding" not in small.headers


def test_a_write_by_another_process_shows_after_the_token_period(web_db: str, tmp_path: Path) -> None:  # noqa: F811
    from trucewatch.web import actions

    db = tmp_path / "web.db"
    db.write_bytes(Path(web_db).read_bytes())
    store, other = Store(str(db)), Store(str(db))
    with TestClient(create_app(store, token_seconds=0.5)) as client:
        doc_id, link_id = _document_with_evidence(store)
        version = store.data_version()
        assert client.get(f"/documents/{doc_id}.json").json()["evidence"]
        reviewer = other.user_for_token(other.add_user("rev8", "reviewer"))
        actions.review_evidence(
            other,
            client.app.state.agreements,
            reviewer,
            link_id,
            verdict="rejected",
            provision=None,
            note=None,
            expected_version=None,
        )
        assert store.data_version() != version
        time.sleep(0.6)
        shown = client.get(f"/documents/{doc_id}.json").json()["evidence"]
        assert next(x for x in shown if x["id"] == link_id)["review"]["verdict"] == "rejected"
    store.close()
    other.close()
