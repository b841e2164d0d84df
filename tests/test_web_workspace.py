"""The workspace's second part over HTTP: records entered by hand, status set by hand, contradictions and
incidents reviewed (merged, split, corrected), filters by side, outlet and type, conflicts on every new kind."""
# ruff: noqa: F811  (the fixtures ``web`` and ``web_db`` are test_web's, imported by name)

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from test_web import AGREEMENT, IMG, INJECTIONS, LEAKS, XSS, _bearer, _sign_in, web, web_db  # noqa: F401

from trucewatch.pipeline import analyse
from trucewatch.store import Store

# Invented for these tests: no agency published them.
FIELD_REPORT = ("Monitors on the Lachin road counted 14 trucks passing the checkpoint without delay. "
                "The Russian peacekeepers escorted the convoy to Stepanakert.")
CALL_NOTE = "We have released all detained persons held since the war."
CALL = f"Notes of a call on the Nagorno-Karabakh ceasefire. The president said: {CALL_NOTE} The call ended at noon."


def _provision(client, provision: str) -> dict:
    status = client.get(f"/api/agreements/{AGREEMENT}/status?as_of=2021-12-31&provision={provision}").json()
    return status["provisions"][0]


def test_status_set_by_hand_shows_the_machine_beside_it_and_survives_reanalysis(web) -> None:
    client, store = web
    rev1, viewer = store.add_user("rev1", "reviewer"), store.add_user("vw2", "viewer")
    machine = _provision(client, "4")
    body = {"status": "disputed", "on": "2020-12-01", "note": "our monitors saw the road closed",
            "expected_version": 0}
    url = f"/api/agreements/{AGREEMENT}/provisions/4/status"
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json=body, headers=_bearer(viewer)).status_code == 403
    assert client.post(url, json={**body, "note": ""}, headers=_bearer(rev1)).status_code == 422
    assert client.post(url, json={**body, "status": "great"}, headers=_bearer(rev1)).status_code == 422
    assert client.post(f"/api/agreements/{AGREEMENT}/provisions/99/status", json=body,
                       headers=_bearer(rev1)).status_code == 404
    assert client.post(url, json=body, headers=_bearer(rev1)).status_code == 200
    shown = _provision(client, "4")
    assert (shown["status"], shown["since"]) == ("disputed", "2020-12-01")
    assert shown["machine"] == {"status": machine["status"], "label": machine["label"], "since": machine["since"]}
    assert shown["manual"]["user"] == "rev1" and shown["manual"]["reason"] == body["note"]
    before = client.get(f"/api/agreements/{AGREEMENT}/status?as_of=2020-11-20&provision=4").json()["provisions"][0]
    assert before["status"] == machine["status"] or "manual" not in before  # not before the day it was set from
    assert "manual" not in before
    assert client.post(url, json=body, headers=_bearer(rev1)).status_code == 409  # stale: someone set it since
    page = client.get(f"/agreements/{AGREEMENT}/provisions/4?as_of=2021-12-31").text
    assert "our monitors saw the road closed" in page and "The machine says" in page
    matrix = client.get(f"/agreements/{AGREEMENT}.json?as_of=2021-12-31").json()["provisions"]
    assert next(p for p in matrix if p["provision"] == "4")["manual"]["user"] == "rev1"
    analyse(store, force=True)
    assert _provision(client, "4")["status"] == "disputed"
    cleared = client.post(url, json={"status": None, "note": "the road reopened", "expected_version": 1},
                          headers=_bearer(rev1))
    assert cleared.status_code == 200 and _provision(client, "4")["status"] == machine["status"]
    assert [r["action"] for r in client.get("/api/audit").json()["revisions"]] == ["status cleared", "status set"]


def _contradictions(client, dismissed: bool = True) -> list[dict]:
    found = client.get(f"/agreements/{AGREEMENT}/contradictions.json?as_of=2021-12-31").json()["contradictions"]
    return [c for c in found if dismissed or not c["dismissed"]]


def test_not_a_contradiction_leaves_the_views_and_survives_reanalysis(web) -> None:
    from datetime import date

    from trucewatch.agreements import load_agreements
    from trucewatch.assess.views import contradictions_view

    client, store = web
    rev1, rev3 = store.add_user("rev1", "reviewer"), store.add_user("rev3", "reviewer")
    found = _contradictions(client)
    assert found and all(c["id"].startswith("cx_") for c in found)
    target = found[0]["id"]
    body = {"agreement": AGREEMENT, "verdict": "not_a_contradiction", "note": "he spoke of observers",
            "expected_version": 0}
    assert client.post(f"/api/contradictions/{target}/review", json=body).status_code == 401
    assert client.post("/api/contradictions/cx_nothing/review", json=body, headers=_bearer(rev1)).status_code == 404
    first = client.post(f"/api/contradictions/{target}/review", json=body, headers=_bearer(rev1))
    second = client.post(f"/api/contradictions/{target}/review", json={**body, "verdict": "confirmed"},
                         headers=_bearer(rev3))
    assert (first.status_code, second.status_code) == (200, 409)
    agreement = load_agreements()[AGREEMENT]
    assert target not in {c["id"] for c in contradictions_view(store, agreement, date(2021, 12, 31))}
    analyse(store, force=True)
    shown = {c["id"]: c for c in _contradictions(client)}
    assert shown[target]["dismissed"] and shown[target]["review"]["user"] == "rev1"
    assert len(_contradictions(client, dismissed=False)) == len(found) - 1
    assert "not a contradiction (rev1)" in client.get(f"/agreements/{AGREEMENT}/contradictions?as_of=2021-12-31").text
    earlier = client.get(f"/agreements/{AGREEMENT}/contradictions.json?as_of=2020-01-01").json()
    assert target not in {c["id"] for c in earlier["contradictions"]}  # not known yet on that day:
    assert [r["id"] for r in earlier["orphaned_reviews"]] == [target]  # its review is listed apart


def _incidents(client, query: str = "") -> list[dict]:
    return client.get(f"/incidents.json?per_page=500{query}").json()["incidents"]


def test_incident_corrected_rejected_merged_and_split_survive_reanalysis(web) -> None:
    client, store = web
    rev1, rev3 = store.add_user("rev1", "reviewer"), store.add_user("rev3", "reviewer")
    reports = _incidents(client)
    groups = sorted({r["incident"] for r in reports})
    first = reports[0]
    second = next(r for r in reports if r["incident"] != first["incident"])
    third = next(r for r in reversed(reports) if r["incident"] not in (first["incident"], second["incident"]))
    fix = {"type": "shelling", "date": "2021-01-02", "place": "Shusha", "fatalities": 2, "note": "the bulletin says",
           "expected_version": 0}
    assert client.post(f"/api/incidents/{first['id']}/review", json=fix, headers=_bearer(rev1)).status_code == 200
    assert client.post(f"/api/incidents/{first['id']}/review", json={**fix, "place": "Agdam"},
                       headers=_bearer(rev3)).status_code == 409
    assert client.post(f"/api/incidents/{first['id']}/review", json={"type": "tea party"},
                       headers=_bearer(rev1)).status_code == 422
    assert client.post(f"/api/incidents/{third['id']}/review", json={"verdict": "rejected"},
                       headers=_bearer(rev1)).status_code == 200
    now = {r["id"]: r["incident"] for r in _incidents(client)}  # a corrected place or date may regroup a report
    merged = client.post(f"/api/incidents/{now[second['id']]}/merge", json={"into": now[first["id"]]},
                         headers=_bearer(rev1))
    assert merged.status_code == 200, merged.text
    analyse(store, force=True)
    after = {r["id"]: r for r in _incidents(client)}
    assert {k: after[first["id"]][k] for k in ("type", "date", "place", "fatalities")} == \
        {"type": "shelling", "date": "2021-01-02", "place": "Shusha", "fatalities": 2}
    assert after[first["id"]]["machine"]["type"] == first["type"]
    assert not after[third["id"]]["counted"]
    assert third["id"] not in {i.id for i in store.incidents()}  # exports and reports leave it out
    shelling = next(i for i in store.incidents() if i.id == first["id"])
    assert shelling.acled_event_type == "Explosions/Remote violence"  # a corrected type brings its codes
    assert after[second["id"]]["incident"] == after[first["id"]]["incident"]
    assert len({r["incident"] for r in after.values() if r["counted"]}) < len(groups)
    page = client.get(f"/incidents/{after[first['id']]['incident']}.json").json()
    assert {first["id"], second["id"]} <= {r["id"] for r in page["reports"]}
    split = client.post(f"/api/incidents/{second['id']}/split", json={"note": "another day"}, headers=_bearer(rev1))
    assert split.status_code == 200
    alone = {r["id"]: r["incident"] for r in _incidents(client)}
    assert alone[second["id"]] != alone[first["id"]]
    events = {r["id"]: r for r in client.get("/incidents.json?per_page=500").json()["incidents"]}
    assert events[second["id"]]["incident"] == alone[second["id"]]


def test_incident_review_of_a_vanished_report_is_orphaned(web) -> None:
    client, store = web
    rev1 = store.add_user("rev1", "reviewer")
    report = _incidents(client)[0]
    client.post(f"/api/incidents/{report['id']}/review", json={"verdict": "confirmed"}, headers=_bearer(rev1))
    store.forget_analysis([report["doc_id"]])
    audit = client.get("/api/audit").json()["revisions"]
    assert audit[0]["target"] == f"incident/{report['id']}" and audit[0]["orphaned"] is True


def test_records_by_hand_are_stored_counted_searched_and_kept_by_analysis(web) -> None:
    client, store = web
    rev1 = store.add_user("rev1", "reviewer")
    source = {"title": "Field report 7", "outlet": "monitoring team north", "published": "2021-03-04",
              "text": FIELD_REPORT}
    assert client.post("/api/records/documents", json=source).status_code == 401
    doc = client.post("/api/records/documents", json=source, headers=_bearer(rev1)).json()
    shown = client.get(f"/documents/{doc['id']}.json").json()
    assert shown["entered_by_hand"]["by"] == "rev1" and shown["outlet"] == "monitoring team north"
    said = client.post("/api/records/statements", headers=_bearer(rev1), json={
        "source": {"title": "Call with the ministry", "outlet": "phone call", "published": "2021-03-05",
                   "text": CALL},
        "speaker": "Ilham Aliyev", "said_on": "2021-03-05", "text": CALL_NOTE}).json()
    assert said["evidence"], "a statement about detained persons is evidence on the exchange of prisoners"
    counted = {x["id"] for p in client.get(f"/api/agreements/{AGREEMENT}/status?as_of=2021-12-31").json()["provisions"]
               for x in p["evidence"]}
    assert set(said["evidence"]) <= counted
    incident = client.post("/api/records/incidents", headers=_bearer(rev1), json={
        "doc_id": doc["id"], "sentence": "The Russian peacekeepers escorted the convoy to Stepanakert.",
        "type": "shelling", "date": "2021-03-04", "place": "Stepanakert", "fatalities": 0,
        "actors": [{"name": "Azerbaijani forces", "side": "AZ", "role": "actor"}]})
    assert incident.status_code == 200
    assert client.post("/api/records/incidents", headers=_bearer(rev1), json={
        "doc_id": doc["id"], "sentence": "words not in the report", "type": "shelling"}).status_code == 422
    analyse(store)  # the hand document is analysed like any other; nothing entered by hand is lost
    analyse(store, force=True)
    statement = store.statement(said["id"])
    assert statement is not None and statement.speaker == "ilham-aliyev"
    hand = _incidents(client, "&side=AZ&type=shelling")
    assert [r["id"] for r in hand if r["entered_by_hand"]] == [incident.json()["id"]]
    assert set(said["evidence"]) <= {x.id for x in store.evidence(AGREEMENT)}
    found = client.get("/api/search?q=convoy Stepanakert").json()
    assert doc["id"] in {d["id"] for d in found["documents"]} and found["incidents"]
    assert client.get("/api/search?q=detained persons&type=statements").json()["statements"]
    corrected = client.post(f"/api/statements/{said['id']}/review", headers=_bearer(rev1),
                            json={"said_on": "2021-03-06", "expected_version": 0})
    assert corrected.status_code == 200 and store.statements(said["doc_id"])[0].said_on == "2021-03-06"
    listed = client.get("/documents.json?outlet=monitoring team north").json()
    assert [d["id"] for d in listed["documents"]] == [doc["id"]] and listed["documents"][0]["entered_by"] == "rev1"


def test_filters_by_side_outlet_and_type_with_pages(web) -> None:
    from trucewatch.actors import load_registry

    client, _ = web
    sides = {a.id: a.side for a in load_registry().actors.values()}
    azerbaijani = client.get("/statements.json?side=AZ&per_page=500").json()
    assert azerbaijani["total"] and {sides.get(s["speaker"]) for s in azerbaijani["statements"]} == {"AZ"}
    everyone = client.get("/statements.json?per_page=500").json()["total"]
    assert azerbaijani["total"] < everyone
    outlet = next(d["outlet"] for d in client.get("/documents.json?per_page=500").json()["documents"] if d["outlet"])
    documents = client.get("/documents.json", params={"outlet": outlet, "per_page": 500}).json()
    assert documents["total"] and {d["outlet"] for d in documents["documents"]} == {outlet}
    evidence = client.get("/api/search", params={"q": "Lachin", "type": "evidence", "provision": "6"}).json()
    assert not evidence["documents"] and not evidence["statements"]
    assert evidence["evidence"] and {x["provision"] for x in evidence["evidence"]} == {"6"}
    by_side = client.get("/api/search", params={"q": "Lachin", "side": "AZ"}).json()
    assert {sides.get(s["speaker"]) for s in by_side["statements"] + by_side["evidence"]} <= {"AZ"}
    dated = client.get("/api/search", params={"q": "Lachin", "since": "2021-01-01"}).json()
    assert all(d["published"][:10] >= "2021-01-01" for d in dated["documents"])
    assert client.get("/api/search", params={"q": "Lachin", "type": "gossip"}).status_code == 422
    total = client.get("/incidents.json").json()["total"]
    pages = [client.get(f"/incidents.json?per_page=5&page={n}").json() for n in (1, 2)]
    assert pages[0]["pages"] == -(-total // 5) and not {r["id"] for r in pages[0]["incidents"]} & \
        {r["id"] for r in pages[1]["incidents"]}
    kind = pages[0]["incidents"][0]["type"]
    assert {r["type"] for r in _incidents(client, f"&type={kind}")} == {kind}
    for path in ("/incidents?side=AZ", "/statements?side=AM", f"/agreements/{AGREEMENT}/stance?side=AZ",
                 "/search?q=Lachin&type=incidents"):
        assert client.get(path).status_code == 200


def test_new_forms_need_a_writer_and_the_csrf_token_and_escape_text(web) -> None:
    client, store = web
    report = _incidents(client)[0]
    form = {"version": "0", "verdict": "rejected", "back": "/incidents"}
    client.get("/login")
    csrf = client.cookies.get("tw_csrf")
    assert client.post(f"/incidents/reports/{report['id']}/review", data={**form, "csrf": csrf}).status_code == 401
    csrf = _sign_in(client, store.add_user("rv5", "reviewer"))
    assert client.post(f"/incidents/reports/{report['id']}/review", data=form).status_code == 403
    assert client.post(f"/agreements/{AGREEMENT}/provisions/4/status",
                       data={"version": "0", "status": "3", "note": "x"}).status_code == 403
    assert client.post(f"/incidents/reports/{report['id']}/review", data={**form, "csrf": csrf},
                       follow_redirects=False).status_code == 303
    recorded = client.post("/record/document", data={"csrf": csrf, "title": f"Bulletin {XSS}", "outlet": IMG,
                                                     "text": f"Shelling reported near Lachin {XSS} today."},
                           follow_redirects=False)
    assert recorded.status_code == 303
    for path in (recorded.headers["location"], "/documents", "/search?q=Lachin+Shelling", "/record",
                 "/incidents", f"/agreements/{AGREEMENT}/contradictions", f"/agreements/{AGREEMENT}/stance"):
        html = client.get(path).text
        assert XSS not in html and IMG not in html, path
    said = client.post("/record/statement", data={"csrf": csrf, "speaker": "Nikol Pashinyan", "said_on": "2021-02-02",
                                                   "text": "The Lachin corridor must stay open.", "outlet": "call"},
                       follow_redirects=False)
    assert said.status_code == 303 and "#st_" in said.headers["location"]
    assert "by hand: rv5" in client.get(said.headers["location"].split("#")[0]).text


def test_injection_strings_in_the_new_parameters_are_plain_text(web) -> None:
    client, _ = web
    for value in INJECTIONS:
        for path, params in (("/incidents.json", {"type": value}), ("/incidents.json", {"side": value}),
                             ("/incidents.json", {"outlet": value}), ("/documents.json", {"outlet": value}),
                             ("/statements.json", {"side": value}), ("/api/search", {"q": "Lachin", "outlet": value}),
                             ("/api/search", {"q": "Lachin", "provision": value}),
                             (f"/agreements/{AGREEMENT}/stance.json", {"actor": value}),
                             (f"/incidents/{value}", {})):
            answer = client.get(path, params=params)
            assert answer.status_code in (200, 404, 422), (path, params, answer.status_code)
            assert not any(leak in answer.text for leak in LEAKS)
            if answer.status_code == 200 and path == "/incidents.json":
                assert answer.json()["total"] == 0


@pytest.mark.parametrize("kind", ["incident", "provision", "contradiction"])
def test_new_review_kinds_conflict_on_a_stale_version(reviewed_store: Store, kind: str) -> None:
    from trucewatch.store import Conflict

    target = {"incident": next(reviewed_store.incidents()).id, "provision": f"{AGREEMENT}/4",
              "contradiction": "cx_invented"}[kind]
    field = {"incident": {"verdict": "confirmed"}, "provision": {"status": 3},
             "contradiction": {"verdict": "confirmed"}}[kind]
    reviewed_store.add_revision("one", kind, target, field, expected_version=0)
    with pytest.raises(Conflict):
        reviewed_store.add_revision("two", kind, target, field, expected_version=0)
    assert reviewed_store.add_revision("two", kind, target, field, expected_version=1)["version"] == 2


@pytest.fixture
def reviewed_store(web) -> Store:
    return web[1]


def test_cli_sets_a_status_by_hand(web) -> None:
    from datetime import date

    from click.testing import CliRunner

    from trucewatch.agreements import load_agreements
    from trucewatch.assess.views import status_view
    from trucewatch.cli import main

    _, store = web
    db = store.location
    runner = CliRunner()
    done = runner.invoke(main, ["review", "status", AGREEMENT, "4", "--status", "3", "--note", "the road is open",
                                "--db", db])
    assert done.exit_code == 0, done.output
    record = next(r for r in status_view(store, load_agreements()[AGREEMENT], date(2021, 12, 31))
                  if r["provision"] == "4")
    assert (record["status"], record["manual"]["reason"]) == (3, "the road is open")
    assert runner.invoke(main, ["review", "status", AGREEMENT, "4", "--status", "great", "--note", "x",
                                "--db", db]).exit_code != 0
    assert runner.invoke(main, ["review", "status", AGREEMENT, "99", "--status", "3", "--note", "x",
                                "--db", db]).exit_code != 0
    assert runner.invoke(main, ["review", "status", AGREEMENT, "4", "--status", "machine", "--note", "undo",
                                "--db", db]).exit_code == 0
    assert "manual" not in next(r for r in status_view(store, load_agreements()[AGREEMENT], date(2021, 12, 31))
                                if r["provision"] == "4")
