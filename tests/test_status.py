"""Implementation status over time, deadlines and terms, and the `trucewatch status` command."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from trucewatch.agreements import load_agreements
from trucewatch.assess.status import DISPUTED, NO_EVIDENCE, REGRESSED, TERMINATED, assess, status_record
from trucewatch.cli import main
from trucewatch.ingest import ingest
from trucewatch.linking import link_document
from trucewatch.records import EvidenceLink, Incident
from trucewatch.store import AnalysisRows, Store
from trucewatch.text.sentences import split_sentences

KARABAKH = "karabakh-2020-11-10"


@pytest.fixture(scope="module")
def agreement():
    return load_agreements()[KARABAKH]


def link(provision: str, on: str, signal: str | None, text: str = "evidence", speaker: str | None = None,
         doc: str = "d1", start: int = 0) -> EvidenceLink:
    return EvidenceLink(agreement_id=KARABAKH, provision=provision, doc_id=doc, start=start, end=start + len(text),
                        text=text, score=1.0, reason="test", speaker=speaker, said_on=on, signal=signal)


def status_of(agreement, links, provision: str, as_of: str):
    return next(s for s in assess(agreement, links, date.fromisoformat(as_of)) if s.provision == provision)


def test_status_rises_with_evidence_and_each_change_cites_it(agreement):
    links = [link("8", "2020-12-14", "started", "first exchange", "icrc"),
             link("8", "2021-06-12", "done", "all exchanged", "azerbaijan-mfa"),
             link("8", "2020-12-20", None, "mentioned")]
    assert status_of(agreement, links, "8", "2020-12-01").status == NO_EVIDENCE  # nothing reported yet: not 0
    early = status_of(agreement, links, "8", "2021-01-01")
    assert (early.status, early.since) == (1, date(2020, 12, 14))
    late = status_of(agreement, links, "8", "2021-12-31")
    assert late.status == 3 and [c.after for c in late.history] == [1, 3]
    assert late.history[-1].evidence.text == "all exchanged" and late.history[-1].before == 1
    assert len(late.evidence) == 3  # the unsignalled mention is listed, and moves nothing


def test_conflicting_sources_make_it_disputed_until_a_later_claim(agreement):
    links = [link("8", "2020-12-14", "done", "all returned", "ilham-aliyev"),
             link("8", "2020-12-14", "not_done", "not completed", "armenia-mfa", start=20),
             link("8", "2021-06-12", "done", "released the last", "azerbaijan-mfa")]
    assert status_of(agreement, links, "8", "2020-12-31").status == DISPUTED
    resolved = status_of(agreement, links, "8", "2021-07-01")
    assert resolved.status == 3 and [c.after for c in resolved.history] == [3, DISPUTED, 3]
    assert "contradicts" in resolved.history[1].reason


def test_same_source_reporting_remaining_work_is_partial_not_disputed(agreement):
    links = [link("8", "2021-11-10", "done", "105 returned", doc="mfa"),
             link("8", "2021-11-10", "not_done", "remaining tasks", doc="mfa", start=30)]
    assert status_of(agreement, links, "8", "2021-12-31").status == 2


def test_dispute_raised_the_same_day_stands_for_that_day(agreement):
    links = [link("3", "2020-11-10", "disputed", "denied before anything was claimed"),
             link("3", "2020-11-10", "started", "being deployed", start=40),
             link("3", "2020-11-10", "disputed", "not mentioned in the text", start=60),
             link("3", "2020-11-10", "started", "arriving", start=70),
             link("3", "2020-11-13", "done", "deployed", start=80)]
    same_day = status_of(agreement, links, "3", "2020-11-10")
    assert same_day.status == DISPUTED and [c.after for c in same_day.history] == [1, DISPUTED]
    assert status_of(agreement, links, "3", "2020-11-13").status == 3


def test_reported_as_not_started_is_zero_not_no_evidence(agreement):
    links = [link("9", "2021-03-01", "not_done", "the railway has not been unblocked", "armenia-mfa")]
    result = status_of(agreement, links, "9", "2021-06-01")
    assert result.status == 0 and result.history[0].reason == "reported as not started"


def test_reversal_takes_status_down_and_cites_the_evidence_against_it(agreement):
    links = [link("6", "2020-12-01", "done", "troops entered Lachin", "azerbaijan-mod"),
             link("6", "2022-12-12", "reversed", "the road was blocked", "armenia-mfa", doc="d2"),
             link("6", "2023-09-30", "done", "the road reopened", "azerbaijan-mfa", doc="d3")]
    blocked = status_of(agreement, links, "6", "2023-06-30")
    assert blocked.status == REGRESSED and [c.after for c in blocked.history] == [3, REGRESSED]
    assert blocked.history[-1].evidence.text == "the road was blocked"
    assert [x.text for x in blocked.history[-1].opposing] == ["troops entered Lachin"]
    assert status_of(agreement, links, "6", "2024-01-01").status == 3  # a later positive report sets it again


def test_termination_is_final_until_reported_otherwise(agreement):
    links = [link("5", "2021-01-30", "done", "the centre opened"),
             link("5", "2024-04-26", "terminated", "the centre closed", doc="d2"),
             link("5", "2024-04-27", "reversed", "suspended", doc="d3")]
    result = status_of(agreement, links, "5", "2024-12-31")
    assert result.status == TERMINATED and [c.after for c in result.history] == [3, TERMINATED]


def test_an_agreement_ended_on_the_record_is_terminated():
    minsk = load_agreements()["minsk-2015-02-12"]
    links = [EvidenceLink(agreement_id=minsk.id, provision="1", doc_id="d", start=0, end=9, text="ceasefire holds",
                          score=1.0, reason="test", said_on="2020-08-01", signal="done")]
    before = next(s for s in assess(minsk, links, date(2021, 12, 31)) if s.provision == "1")
    after = next(s for s in assess(minsk, links, date(2022, 3, 1)) if s.provision == "1")
    assert before.status == 3 and after.status == TERMINATED
    assert after.history[-1].evidence is None and "end-2022" in after.history[-1].reason


def test_coverage_counts_sources_sides_and_the_last_report(agreement):
    links = [link("8", "2020-12-14", "done", "exchanged", "ilham-aliyev"),
             link("8", "2021-02-01", None, "mentioned", "nikol-pashinyan", doc="d2"),
             link("8", "2021-03-01", None, "again", doc="d2", start=40)]
    result = next(s for s in assess(agreement, links, date(2021, 12, 31),
                                    sides={"ilham-aliyev": "AZ", "nikol-pashinyan": "AM"}) if s.provision == "8")
    cover = result.coverage
    assert (cover.documents, cover.sides, cover.last_report) == (2, ("AM", "AZ"), date(2021, 3, 1))


def test_evidence_before_signature_or_undated_moves_nothing_and_is_not_counted(agreement):
    links = [link("9", "2019-05-01", "done", "old railway news"), link("9", None, "done", "undated")]
    result = status_of(agreement, links, "9", "2021-01-01")
    assert result.status == NO_EVIDENCE and result.history == [] and result.evidence == []
    assert len(result.undated) == 1 and result.label == "no dated evidence (1 undated)"


def test_counts_sides_and_coverage_agree_with_the_status_on_the_as_of_date(agreement):
    links = [link("8", "2020-12-14", "done", "exchanged", "ilham-aliyev"),
             link("8", None, "done", "undated claim", "nikol-pashinyan", doc="d2")]
    sides = {"ilham-aliyev": "AZ", "nikol-pashinyan": "AM"}
    before = next(s for s in assess(agreement, links, date(2019, 1, 1), sides) if s.provision == "8")
    assert before.status == NO_EVIDENCE and before.evidence == [] and len(before.undated) == 1
    assert (before.coverage.documents, before.coverage.sides, before.coverage.last_report) == (0, (), None)
    after = next(s for s in assess(agreement, links, date(2021, 1, 1), sides) if s.provision == "8")
    assert after.status == 3 and len(after.evidence) == 1 and after.coverage.sides == ("AZ",)
    assert len(status_record(before)["undated"]) == 1 and status_record(before)["evidence"] == []


def test_counted_evidence_that_moves_nothing_is_labelled_so(agreement):
    mentions = [link("4", "2021-02-01", None, "the term was discussed"),
                link("4", "2021-02-02", None, "term again", start=40)]
    result = status_of(agreement, mentions, "4", "2021-06-01")
    assert result.status == NO_EVIDENCE and status_record(result)["label"] == "no signal (2 mentions)"
    postponed = [link("6", "2020-11-12", "not_done", "the handover of Kalbajar was postponed")]
    pending = status_of(agreement, postponed, "6", "2020-11-13")
    assert pending.status == NO_EVIDENCE and pending.label == "no status yet (1 report)"
    assert status_of(agreement, [], "4", "2021-06-01").label == "no evidence"


def test_deadline_moved_by_amendment(agreement):
    entered = link("6", "2020-11-25", "done", "Azerbaijani troops entered Kelbajar")
    before_amendment = status_of(agreement, [], "6", "2020-11-14").deadlines[0]
    assert (before_amendment.effective_due, before_amendment.moved_by, before_amendment.state) == (
        date(2020, 11, 15), None, "pending")
    moved = status_of(agreement, [], "6", "2020-11-20").deadlines[0]
    assert (moved.effective_due, moved.moved_by, moved.state) == (
        date(2020, 11, 25), "kalbajar-extension", "pending")
    met = status_of(agreement, [entered], "6", "2020-12-31").deadlines
    assert [(d.id, d.state) for d in met[:2]] == [("kalbajar", "met"), ("lachin", "no_report")]
    assert met[0].evidence == (entered,)  # the Lachin deadline ignores evidence about Kalbajar


@pytest.mark.parametrize(("evidence", "state"), [
    ([], "no_report"),  # was "overdue": nobody reporting on it is not evidence that it failed
    ([link("2", "2020-11-20", "done", "troops entered Agdam")], "met"),
    ([link("2", "2020-11-23", "done", "Aghdam was returned")], "reported_done"),
    ([link("2", "2020-11-23", "not_done", "Aghdam has not been handed over")], "missed"),
    # a violation presupposes the obligation in force: it shows nothing missed
    ([link("2", "2021-03-02", "violated", "Aghdam's handover terms were violated")], "no_report"),
])
def test_deadline_states(agreement, evidence, state):
    (deadline,) = status_of(agreement, evidence, "2", "2020-12-31").deadlines
    assert deadline.state == state


def test_peacekeeping_term_notice_and_automatic_renewal(agreement):
    running = status_of(agreement, [], "4", "2021-02-26").term
    assert (running.state, running.expiry, running.notice_date) == ("running", date(2025, 11, 10), date(2025, 5, 10))
    assert "notice of termination by any of the Parties due by 2025-05-10" in running.note
    ended = status_of(agreement, [], "4", "2025-06-01").term
    assert ended.state == "terminated" and "peacekeepers-early-withdrawal" in ended.note
    # Without the early withdrawal, the term renews by itself.
    renewing = replace(agreement, amendments=tuple(a for a in agreement.amendments if a.kind != "termination"))
    window = status_of(renewing, [], "4", "2025-06-01").term
    assert (window.state, window.notice_date, window.next_expiry) == (
        "notice_period", date(2025, 5, 10), date(2030, 11, 10))
    assert "opened on 2025-05-10" in window.note
    renewed = status_of(renewing, [], "4", "2026-01-01").term
    assert (renewed.state, renewed.renewals, renewed.period_start, renewed.notice_date) == (
        "running", 1, date(2025, 11, 10), date(2030, 5, 10))


def test_related_instruments_appear_once_signed(agreement):
    assert status_of(agreement, [], "5", "2020-11-10").instruments == []
    (jmc,) = status_of(agreement, [], "5", "2021-02-01").instruments
    assert jmc.id == "joint-monitoring-centre"


def test_status_command_reads_evidence_from_the_store(tmp_path, seeds, agreement):
    db = str(tmp_path / "status.db")
    store = Store(db)
    try:
        ingest([str(p) for p in seeds], store)
        docs = list(store.documents(include_duplicates=False))
        store.write_analysis("r1", [AnalysisRows(doc.id, {}, links={
            KARABAKH: link_document(doc, split_sentences(doc), [], agreement)}) for doc in docs])
    finally:
        store.close()
    bodies = {d.id: d.body for d in docs}
    runner = CliRunner()
    result = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", db, "--as-of", "2021-12-31",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    records = {r["provision"]: r for r in json.loads(result.output)}
    assert set(records) >= {str(n) for n in range(1, 10)}
    peacekeeping = records["3"]["evidence"]
    assert len(peacekeeping) >= 5
    for item in peacekeeping:
        assert bodies[item["doc_id"]][item["start"]:item["end"]] == item["text"]
        assert "peace" in item["text"].lower() and item["reason"]
    assert records["4"]["term"]["notice_date"] == "2025-05-10"
    assert all(r["evidence_total"] == len(r["evidence"]) for r in records.values())  # under the default cap
    capped = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", db, "--as-of", "2021-12-31",
                                  "--format", "json", "--evidence", "2"])
    latest = {r["provision"]: r for r in json.loads(capped.output)}["3"]
    assert latest["evidence_total"] == len(peacekeeping) and latest["evidence"] == peacekeeping[-2:]
    short = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", db, "--as-of", "2021-12-31",
                                 "--evidence", "1"])
    assert f"and {len(peacekeeping) - 1:,} earlier" in short.output
    table = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", db, "--as-of", "2021-12-31"])
    assert table.exit_code == 0 and "peacekeeping" in table.output
    unknown = runner.invoke(main, ["status", "--agreement", "nope", "--db", db])
    assert unknown.exit_code == 2 and "known: karabakh-2020-11-10" in unknown.output
    bad_date = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", db, "--as-of", "soon"])
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output


def test_a_violation_reported_first_means_in_effect_and_breached(agreement):
    links = [link("1", "2021-03-02", "violated", "the ceasefire was violated near the village")]
    status = status_of(agreement, links, "1", "2021-06-30")
    assert status.status == 2 and "breached" in status.history[0].reason


def test_postponed_before_its_amended_deadline_is_pending_not_not_initiated(agreement):
    postponed = [link("6", "2020-11-15", "not_done", "the handover of Kalbajar was postponed")]
    assert status_of(agreement, postponed, "6", "2020-11-20").status == NO_EVIDENCE  # due 25 Nov after the amendment
    late = [link("6", "2020-11-30", "not_done", "Kalbajar has not been handed over")]
    assert status_of(agreement, late, "6", "2020-12-31").status == 0  # past the amended deadline: not started


def test_a_provision_ended_on_the_record_is_terminated(agreement):
    links = [link("4", "2024-04-17", "reversed", "the peacekeepers began to withdraw")]
    assert status_of(agreement, links, "4", "2024-04-16").status == NO_EVIDENCE
    ended = status_of(agreement, links, "4", "2024-12-31")
    assert ended.status == TERMINATED and "provision ended (peacekeepers-early-withdrawal)" in ended.history[-1].reason


def incident(kind: str, on: str | None, place_id: str | None = None, doc: str = "d1") -> Incident:
    return Incident(doc_id=doc, start=0, end=10, sentence="invented", type=kind, plover_type="ASSAULT", date=on,
                    place_id=place_id, latitude=40.0 if place_id else None, longitude=46.0 if place_id else None,
                    actors=[{"name": "army", "side": "AZ", "role": "actor"}])


def test_incidents_count_toward_the_provisions_they_bear_on(agreement):
    reports = [incident("shelling", "2021-02-01", "martuni"), incident("ceasefire_violation_report", "2021-03-01"),
               incident("shelling", "2021-04-01", "vardenis"),  # the state border: outside point 1's zone
               incident("shelling", "2020-10-01", "martuni"),  # before the signing
               incident("shelling", "2021-09-01", "martuni"),  # after as-of
               incident("shelling", None, "martuni"),  # undated
               incident("territory_handover", "2020-11-20", "aghdam"), incident("prisoner_exchange", "2021-05-01")]
    statuses = {s.provision: s for s in assess(agreement, [link("1", "2021-01-05", "done", "the ceasefire holds")],
                                              date(2021, 6, 30), incidents=reports)}
    point1 = statuses["1"].incidents
    assert (point1.count, point1.by_type) == (2, {"shelling": 1, "ceasefire_violation_report": 1})
    assert point1.summary.startswith("2 incident reports in the period (2021-02-01 to 2021-03-01")
    assert statuses["1"].status == 3  # counted beside the status, not moving it
    assert statuses["2"].incidents.count == 1 and statuses["6"].incidents.count == 0  # Aghdam is point 2's
    assert statuses["8"].incidents.by_type == {"prisoner_exchange": 1}
    record = status_record(statuses["1"])
    assert record["incidents"]["count"] == 2 and record["incidents"]["last"] == "2021-03-01"


def test_status_and_report_show_the_incident_counts(demo_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", demo_db, "--as-of", "2021-11-26",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    records = {r["provision"]: r for r in json.loads(result.output)}
    exchanges = records["8"]["incidents"]
    assert exchanges["count"] > 0 and set(exchanges["by_type"]) <= {"prisoner_exchange", "detainee_release",
                                                                     "bodies_transfer", "minefield_maps_handover"}
    table = runner.invoke(main, ["status", "--agreement", KARABAKH, "--db", demo_db, "--as-of", "2021-11-26"])
    assert f"exchange of prisoners and bodies: {records['8']['label']} · {exchanges['count']} incident report" \
        in table.output
    out = tmp_path / "report.html"
    report = runner.invoke(main, ["report", "--db", demo_db, "--agreement", KARABAKH, "--as-of", "2021-11-26",
                                  "--out", str(out)])
    assert report.exit_code == 0, report.output
    assert exchanges["summary"].split(" (")[0] in out.read_text(encoding="utf-8")
