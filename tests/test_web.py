"""The workspace over HTTP (FastAPI TestClient): every page and endpoint, who may write, CSRF, escaping, injection."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from trucewatch.pipeline import analyse  # noqa: E402
from trucewatch.store import Store  # noqa: E402
from trucewatch.web import create_app, views  # noqa: E402
from trucewatch.web.cache import ViewCache  # noqa: E402

AGREEMENT = "karabakh-2020-11-10"
XSS = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(1)>"
XSS_ARTICLE = f"""Ceasefire holds {XSS} near Lachin {IMG}

1 December 2020

LACHIN, 1 December 2020 - "The Lachin corridor {XSS} remains open under Russian peacekeepers {IMG}," Azerbaijani \
President Ilham Aliyev said on 1 December 2020.

Azerbaijani forces entered the Lachin district on 1 December 2020 {XSS}, completing the return of the districts.
"""
INJECTIONS = ["' OR '1'='1", "1; DROP TABLE documents; --", "%' UNION SELECT token_hash, 1, 1 FROM users --",
              "\" OR \"\"=\"", "0x27", "') OR ('a'='a", "%", "_", "\\"]
LEAKS = ("Traceback", "sqlalchemy", "OperationalError", "ProgrammingError", "sqlite3.", "psycopg")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """The demo corpus plus an article carrying script payloads, ingested and analysed once."""
    from trucewatch.cli.ingest import demo_corpus
    from trucewatch.ingest import ingest

    folder = tmp_path_factory.mktemp("webcorpus")
    corpus = folder / "corpus"
    shutil.copytree(demo_corpus(), corpus)
    (corpus / "2020-12-01-payload.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    db = str(folder / "web.db")
    store = Store(db)
    ingest([corpus], store)
    analyse(store)
    store.close()
    return db


@pytest.fixture
def web(web_db: str, tmp_path: Path):
    """(client, store) over a private copy of the analysed store."""
    db = tmp_path / "web.db"
    shutil.copy(web_db, db)
    store = Store(str(db))
    with TestClient(create_app(store)) as client:
        yield client, store
    store.close()


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def _payload_doc(store: Store) -> str:
    return next(d.id for d in store.documents() if d.title and "Ceasefire holds" in d.title)


def _pages(store: Store) -> list[str]:
    links = store.evidence(AGREEMENT)
    provisions = sorted({x.provision for x in links})
    return ["/", f"/agreements/{AGREEMENT}", *(f"/agreements/{AGREEMENT}/provisions/{p}" for p in provisions),
            "/documents", f"/documents/{_payload_doc(store)}", "/statements", "/search?q=Lachin", "/audit", "/login"]


def test_every_page_answers_html_and_the_same_as_json(web) -> None:
    client, store = web
    for path in _pages(store):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        base, _, query = path.partition("?")
        suffixed = client.get(f"{base.rstrip('/') or ''}.json" + (f"?{query}" if query else ""))
        accepted = client.get(path, headers={"Accept": "application/json"})
        assert suffixed.status_code == accepted.status_code == 200, path
        assert suffixed.json() == accepted.json()


def test_security_headers_on_every_response(web) -> None:
    client, store = web
    for path in [*_pages(store), "/api/audit", "/openapi.json", "/static/app.css", "/documents/missing"]:
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_status_api_contract(web) -> None:
    client, store = web
    answer = client.get(f"/api/agreements/{AGREEMENT}/status", params={"as_of": "2021-12-31"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["as_of"] == "2021-12-31"
    known = {x.id for x in store.evidence(AGREEMENT)}
    items = [x for p in body["provisions"] for x in p["evidence"]]
    assert items and all({"provision", "status", "evidence"} <= set(p) for p in body["provisions"])
    assert all(x["id"] in known and x["doc_id"] and x["text"] and x["reviewed"] is False for x in items)
    assert client.get("/api/agreements/nope/status").status_code == 404
    assert client.get(f"/api/agreements/{AGREEMENT}/status", params={"as_of": "31/12/2021"}).status_code == 422


def _counted(client: TestClient, provision: str) -> list[str]:
    body = client.get(f"/api/agreements/{AGREEMENT}/status", params={"as_of": "2021-12-31"}).json()
    return [x["id"] for p in body["provisions"] if p["provision"] == provision for x in p["evidence"]]


def test_rejected_link_drops_out_of_status_and_is_audited(web) -> None:
    client, store = web
    token = store.add_user("rev4", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    assert link.id in _counted(client, link.provision)
    answer = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token),
                         json={"verdict": "rejected", "note": "speaks of another road"})
    assert answer.status_code == 200
    assert link.id not in _counted(client, link.provision)
    audit = client.get("/api/audit").json()["revisions"]
    assert {"id", "user", "at", "target", "before", "after", "note"} <= set(audit[0])
    assert (audit[0]["user"], audit[0]["target"], audit[0]["after"]["verdict"], audit[0]["note"]) == (
        "rev4", f"evidence/{link.id}", "rejected", "speaks of another road")
    confirmed = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token), json={"verdict": "confirmed"})
    assert confirmed.status_code == 200
    assert link.id in _counted(client, link.provision)
    reviewed = {x["id"]: x["reviewed"] for p in client.get(f"/api/agreements/{AGREEMENT}/status?as_of=2021-12-31")
                .json()["provisions"] for x in p["evidence"]}
    assert reviewed[link.id] is True
    rows = client.get(f"/agreements/{AGREEMENT}.json", params={"as_of": "2021-12-31"}).json()["provisions"]
    assert {r["provision"]: r["reviewed"] for r in rows if r["reviewed"]} == {link.provision: 1}


def test_repeating_a_review_through_the_api_records_nothing(web) -> None:
    client, store = web
    token = store.add_user("rev5", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    body = {"verdict": "confirmed", "note": "read it twice"}
    first = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token), json=body)
    again = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token), json=body)
    assert first.status_code == again.status_code == 200
    assert again.json()["version"] == first.json()["version"] and again.json()["unchanged"] is True
    assert len(store.revisions(target_id=link.id)) == 1


def test_only_reviewers_and_admins_write(web) -> None:
    client, store = web
    viewer = store.add_user("vw01", "viewer")
    admin = store.add_user("adm1", "admin")
    link = store.evidence(AGREEMENT)[0]
    statement = store.statements()[0]
    writes = [(f"/api/evidence/{link.id}/review", {"verdict": "rejected"}),
              (f"/api/statements/{statement.id}/review", {"said_on": "2020-12-02"})]
    for path, body in writes:
        assert client.post(path, json=body).status_code == 401
        assert client.post(path, json=body, headers=_bearer("not-a-token")).status_code == 401
        assert client.post(path, json=body, headers=_bearer(viewer)).status_code == 403
        assert client.post(path, json=body, headers=_bearer(admin)).status_code == 200
    assert client.post("/api/evidence/ev_missing/review", json={"verdict": "rejected"},
                       headers=_bearer(admin)).status_code == 404
    assert client.post(f"/api/evidence/{link.id}/review", json={"verdict": "maybe"},
                       headers=_bearer(admin)).status_code == 422
    assert store.count_revisions() == 2


def _sign_in(client: TestClient, token: str) -> str:
    client.get("/login")
    csrf = client.cookies.get("tw_csrf")
    assert client.post("/login", data={"token": token, "csrf": csrf}, follow_redirects=False).status_code == 303
    return csrf


def test_forms_need_a_session_a_writer_and_the_csrf_token(web) -> None:
    client, store = web
    link = store.evidence(AGREEMENT)[0]
    form = {"version": "0", "verdict": "rejected", "back": f"/agreements/{AGREEMENT}"}
    client.get("/login")
    csrf = client.cookies.get("tw_csrf")
    assert client.post("/login", data={"token": store.add_user("rv6", "reviewer")}).status_code == 403  # no csrf
    assert client.post(f"/evidence/{link.id}/review", data={**form, "csrf": csrf}).status_code == 401  # anonymous
    _sign_in(client, store.add_user("vw3", "viewer"))
    assert client.post(f"/evidence/{link.id}/review", data={**form, "csrf": csrf}).status_code == 403  # viewer
    csrf = _sign_in(client, store.add_user("rv5", "reviewer"))
    assert client.post(f"/evidence/{link.id}/review", data=form).status_code == 403  # no csrf
    assert client.post(f"/evidence/{link.id}/review", data={**form, "csrf": "forged"}).status_code == 403
    assert store.count_revisions() == 0
    done = client.post(f"/evidence/{link.id}/review", data={**form, "csrf": csrf, "back": "//evil.example/"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"  # never an open redirect
    assert store.revisions()[0]["user"] == "rv5"


def test_two_reviewers_on_one_item_second_gets_a_conflict(web) -> None:
    client, store = web
    first, second = store.add_user("one", "reviewer"), store.add_user("two", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    seen = 0  # both loaded the page before either decided
    a = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(first),
                    json={"verdict": "confirmed", "expected_version": seen})
    b = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(second),
                    json={"verdict": "rejected", "expected_version": seen})
    assert (a.status_code, b.status_code) == (200, 409)
    assert b.headers["x-current-version"] == "1"
    assert store.current_reviews("evidence", [link.id])[link.id]["state"]["verdict"] == "confirmed"
    again = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(second),
                        json={"verdict": "rejected", "expected_version": 1})
    assert again.status_code == 200 and again.json()["before"]["verdict"] == "confirmed"


def test_reviews_survive_reanalysis(web) -> None:
    client, store = web
    token = store.add_user("rev4", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    statement = next(s for s in store.statements() if s.doc_id == _payload_doc(store))
    client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token), json={"verdict": "rejected"})
    corrected = client.post(f"/api/statements/{statement.id}/review", headers=_bearer(token),
                            json={"speaker": "Nikol Pashinyan", "said_on": "2020-12-02"})
    assert corrected.status_code == 200
    analyse(store, force=True)
    assert link.id not in _counted(client, link.provision)
    page = client.get(f"/documents/{statement.doc_id}.json").json()
    shown = next(s for s in page["statements"] if s["id"] == statement.id)
    assert (shown["speaker_name"], shown["said_on"], shown["reviewed"]) == ("Nikol Pashinyan", "2020-12-02", True)
    assert shown["speaker"] != statement.speaker or statement.speaker_name == "Nikol Pashinyan"


def test_article_payloads_are_escaped_on_every_page(web) -> None:
    client, store = web
    token = store.add_user("rev4", "reviewer")
    link = store.evidence(AGREEMENT)[0]
    client.post(f"/api/evidence/{link.id}/review", headers=_bearer(token), json={"verdict": "confirmed", "note": XSS})
    assert any(XSS in s.text for s in store.statements())  # the payload did reach the store as text
    pages = [*_pages(store), f"/search?q={XSS}", "/search?q=script", f"/documents/{IMG}",
             f"/agreements/{AGREEMENT}?as_of=bad{XSS}"]
    for path in pages:
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
    document = client.get(f"/documents/{_payload_doc(store)}").text
    assert "&lt;script&gt;alert(" in document and "&lt;img src=x onerror=alert(1)&gt;" in document


def test_injection_strings_in_every_parameter_are_plain_text(web) -> None:
    client, store = web
    documents = store.count_documents()
    token = store.add_user("rev4", "reviewer")
    for value in INJECTIONS:
        requests = [f"/search?q={value}", f"/api/search?q={value}", f"/statements?actor={value}",
                    f"/statements?since={value}", f"/documents?page={value}", f"/audit?page={value}",
                    f"/api/audit?per_page={value}",
                    f"/agreements/{AGREEMENT}?as_of={value}", f"/api/agreements/{AGREEMENT}/status?as_of={value}",
                    f"/agreements/{value}", f"/documents/{value}", f"/agreements/{AGREEMENT}/provisions/{value}",
                    f"/api/agreements/{value}/status"]
        for path in requests:
            answer = client.get(path)
            assert answer.status_code in (200, 404, 422), path
            assert not any(leak in answer.text for leak in LEAKS), path
        for path, body in [(f"/api/evidence/{value}/review", {"verdict": "rejected"}),
                           (f"/api/statements/{value}/review", {"speaker": value})]:
            assert client.post(path, json=body, headers=_bearer(token)).status_code in (404, 422)
        assert client.post("/api/evidence/x/review", json={"verdict": "rejected"},
                           headers=_bearer(value)).status_code == 401
    assert store.count_documents() == documents
    assert store.user_for_token(token)["name"] == "rev4"
    for wildcard in ("%", "_"):  # a LIKE wildcard matches itself only
        found = client.get("/api/search", params={"q": wildcard}).json()
        assert all(wildcard in x["text"] for x in found["statements"] + found["evidence"])


def test_search_finds_documents_statements_and_evidence(web) -> None:
    client, _ = web
    found = client.get("/api/search", params={"q": "lachin"}).json()
    assert found["documents"] and found["statements"] and found["evidence"]
    assert all("lachin" in x["text"].lower() for x in found["statements"] + found["evidence"])
    assert client.get("/api/search", params={"q": "zzqqxx-nothing"}).json()["documents"] == []


def test_every_listing_pages(web) -> None:
    client, store = web
    first = client.get("/documents.json", params={"per_page": 5, "page": 1}).json()
    second = client.get("/documents.json", params={"per_page": 5, "page": 2}).json()
    assert first["total"] == store.count_documents()["documents"] and first["pages"] == -(-first["total"] // 5)
    assert len(first["documents"]) == 5 and not {d["id"] for d in first["documents"]} & {
        d["id"] for d in second["documents"]}
    statements = client.get("/statements.json", params={"per_page": 3}).json()
    assert len(statements["statements"]) == 3 and statements["total"] == len(store.statements())
    speaker = store.speakers()[0][0]
    by_actor = client.get("/statements.json", params={"actor": speaker}).json()
    assert by_actor["statements"] and all(s["speaker"] == speaker for s in by_actor["statements"])
    assert client.get("/documents", params={"page": 0}).status_code == 422
    dated = client.get("/statements.json", params={"since": "2021-01-01", "until": "2021-03-31"}).json()
    assert dated["statements"] and all("2021-01-01" <= s["said_on"][:10] <= "2021-03-31" for s in dated["statements"])
    assert dated["total"] < statements["total"]


def test_openapi_describes_the_contract(web) -> None:
    client, _ = web
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/agreements/{agreement_id}/status", "/api/evidence/{link_id}/review", "/api/audit",
                 "/api/search"):
        assert path in paths


def test_cli_users_review_and_audit(web_db: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from trucewatch.cli import main

    db = str(tmp_path / "cli.db")
    shutil.copy(web_db, db)
    runner = CliRunner()
    added = runner.invoke(main, ["users", "add", "cleo", "--role", "reviewer", "--db", db])
    assert added.exit_code == 0
    token = added.stdout.strip().splitlines()[-1]
    store = Store(db)
    assert store.user_for_token(token)["role"] == "reviewer"
    assert runner.invoke(main, ["users", "add", "cleo", "--role", "viewer", "--db", db]).exit_code != 0
    link = store.evidence(AGREEMENT)[0]
    reviewed = runner.invoke(main, ["review", "evidence", link.id, "--verdict", "rejected", "--note", "no", "--db", db])
    assert reviewed.exit_code == 0, reviewed.output
    assert link.id not in {x.id for x in store.evidence(AGREEMENT)}
    assert runner.invoke(main, ["review", "evidence", "ev_missing", "--verdict", "rejected", "--db", db]).exit_code
    audit = runner.invoke(main, ["audit", "--format", "json", "--db", db])
    rows = json.loads(audit.stdout)
    assert [(r["target"], r["after"]["verdict"], r["note"]) for r in rows] == [
        (f"evidence/{link.id}", "rejected", "no")]
    store.close()


def test_evidence_endpoint_shows_the_review_version(web) -> None:
    client, store = web
    link = store.evidence(AGREEMENT)[0]
    assert client.get(f"/api/evidence/{link.id}").json()["version"] == 0
    client.post(f"/api/evidence/{link.id}/review", headers=_bearer(store.add_user("rev4", "reviewer")),
                json={"verdict": "rejected"})
    shown = client.get(f"/api/evidence/{link.id}").json()
    assert (shown["version"], shown["counted"], shown["review"]["verdict"]) == (1, False, "rejected")
    assert client.get("/api/evidence/ev_missing").status_code == 404


def test_moved_link_counts_for_its_new_provision_with_its_own_id(web) -> None:
    client, store = web
    link = store.evidence(AGREEMENT)[0]
    target = "9" if link.provision != "9" else "8"
    answer = client.post(f"/api/evidence/{link.id}/review", headers=_bearer(store.add_user("r7", "reviewer")),
                         json={"provision": target, "note": "about the corridor"})
    assert answer.status_code == 200
    assert link.id in _counted(client, target) and link.id not in _counted(client, link.provision)
    listed = client.get(f"/agreements/{AGREEMENT}/provisions/{target}.json").json()["links"]
    assert any(x["id"] == link.id and x["machine_provision"] == link.provision for x in listed)
    assert client.post(f"/api/evidence/{link.id}/review", headers=_bearer(store.add_user("r8", "reviewer")),
                       json={"provision": "99"}).status_code == 422


def test_command_line_loads_no_web_library_until_serve_runs() -> None:
    import os
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parents[1] / "src")
    probe = ("import sys, runpy; sys.argv = ['trucewatch', 'serve', '--help']\n"
             "try:\n    runpy.run_module('trucewatch', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'fastapi', 'uvicorn', 'starlette', 'httpx'}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": src})
    assert "--workers" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


# -- the per-process view cache: a repeated read computes nothing, a review is seen at once, ETags give 304s

STATUS = f"/api/agreements/{AGREEMENT}/status"


def test_lru_keeps_the_newest_keys() -> None:
    cache, computed = ViewCache(size=2), []
    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, lambda k=key: computed.append(k) or k.upper())
    assert computed == ["a", "b", "c", "b"] and len(cache) == 2


def test_repeated_reads_compute_once_and_a_review_recomputes(web, monkeypatch) -> None:
    client, store = web
    calls: list[str] = []
    status, matrix = views.agreement_status, views.matrix
    monkeypatch.setattr("trucewatch.web.pages.agreement_status", lambda *a: calls.append("status") or status(*a))
    monkeypatch.setattr("trucewatch.web.pages.matrix", lambda *a: calls.append("matrix") or matrix(*a))
    first = client.get(STATUS).json()
    assert client.get(STATUS).json() == first
    provision = next(p for p in first["provisions"] if p["evidence"])
    assert client.get(f"/agreements/{AGREEMENT}/provisions/{provision['provision']}.json").status_code == 200
    client.get(f"/agreements/{AGREEMENT}.json")
    client.get(f"/agreements/{AGREEMENT}.json")
    assert calls == ["status", "matrix"]

    token = store.add_user("rev4", "reviewer")
    rejected = provision["evidence"][0]["id"]
    assert client.post(f"/api/evidence/{rejected}/review", json={"verdict": "rejected"},
                       headers=_bearer(token)).status_code == 200
    after = client.get(STATUS).json()
    counted = {x["id"] for p in after["provisions"] for x in p["evidence"]}
    assert rejected not in counted and calls == ["status", "matrix", "status"]


def test_etag_answers_not_modified_until_the_evidence_changes(web) -> None:
    client, store = web
    first = client.get(STATUS)
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get(STATUS, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(STATUS, params={"as_of": "2021-01-01"}).headers["etag"] != tag
    token = store.add_user("rev4", "reviewer")
    link = first.json()["provisions"][0]["evidence"] or next(p["evidence"] for p in first.json()["provisions"]
                                                                if p["evidence"])
    client.post(f"/api/evidence/{link[0]['id']}/review", json={"verdict": "confirmed"}, headers=_bearer(token))
    changed = client.get(STATUS, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag


def test_status_api_answers_one_provision(web) -> None:
    client, _ = web
    every = client.get(STATUS).json()["provisions"]
    wanted = next(p for p in every if p["evidence"])
    one = client.get(STATUS, params={"provision": wanted["provision"]})
    assert one.json()["provisions"] == [wanted] and one.headers["etag"] != client.get(STATUS).headers["etag"]
    assert client.get(STATUS, params={"provision": "no-such"}).status_code == 404


def test_a_token_is_asked_once_per_period_and_forgotten_after_a_write() -> None:
    asked = []
    cache = ViewCache(token_seconds=60)
    assert cache.token("t", lambda: asked.append(1) or len(asked)) == 1
    assert cache.token("t", lambda: asked.append(1) or len(asked)) == 1  # trusted for the period
    cache.forget_tokens()
    assert cache.token("t", lambda: asked.append(1) or len(asked)) == 2
    assert ViewCache().token("t", lambda: 7) == 7 and ViewCache().token("t", lambda: 8) == 8  # 0 s: always asked


def test_a_document_page_shows_what_was_kept_beyond_the_body_budget(tmp_path: Path) -> None:
    from trucewatch.cleaning.lines import MAX_BODY_CHARS
    from trucewatch.ingest import ingest

    sentence = "Observers reported a quiet night along the line of contact near the villages. "
    path = tmp_path / "long.txt"
    path.write_text("A very long bulletin\n\n" + sentence * (MAX_BODY_CHARS // len(sentence) + 50)
                    + "The closing line beyond the budget.\n", encoding="utf-8")
    store = Store(str(tmp_path / "long.db"))
    ingest([path], store)
    (document,) = store.documents()
    assert "closing line beyond" not in document.body
    with TestClient(create_app(store)) as client:
        data = client.get(f"/documents/{document.id}.json").json()
        page = client.get(f"/documents/{document.id}").text
    kept = "".join(b["text"] for b in data["not_analysed"])
    assert "The closing line beyond the budget." in kept and "body budget" in data["not_analysed"][0]["reason"]
    assert "Kept, not analysed" in page and "The closing line beyond the budget." in page
    store.close()
