"""Agreements as data: the bundled files load, user files are added, malformed files fail clearly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from trucewatch.agreements import AgreementError, Period, load_agreement, load_agreements, load_places
from trucewatch.cli import main

KARABAKH = "karabakh-2020-11-10"

MINIMAL = {
    "id": "test-accord",
    "title": "Test accord between two parties",
    "signed": "2024-03-01",
    "effective": "2024-03-02",
    "parties": [{"id": "AA", "name": "Party A"}, {"id": "BB", "name": "Party B"}],
    "languages": [{"language": "en", "source": "signed English original", "used": True}],
    "scope": ["Ruritania"],
    "provisions": [{"number": "1", "text": "The parties cease fire.", "topic": "ceasefire",
                    "obligated": ["AA", "BB"], "indicators": {"phrases": ["ceasefire"]}}],
}


def write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_bundled_karabakh_statement_is_complete():
    agreement = load_agreements()[KARABAKH]
    assert agreement.numbers() == [str(n) for n in range(1, 10)]
    assert agreement.effective == date(2020, 11, 10)
    assert {s.name for s in agreement.signatories} == {"Ilham Aliyev", "Nikol Pashinyan", "Vladimir Putin"}
    used = agreement.language_used()
    assert used.language == "en" and "mfa.gov.az" in used.source
    assert {q.value for q in agreement.provision(3).quantities} == {1960, 90, 380}
    assert [(d.id, d.due) for d in agreement.provision("6").deadlines][:2] == [
        ("kalbajar", date(2020, 11, 15)), ("lachin", date(2020, 12, 1))]
    (moved,) = [a for a in agreement.amendments if a.kind == "deadline"]
    assert (moved.provision, moved.deadline, moved.new_due) == ("6", "kalbajar", date(2020, 11, 25))
    term = agreement.provision(4).term
    assert (term.duration, term.renewal, term.notice, term.automatic) == (
        Period(years=5), Period(years=5), Period(months=6), True)
    jmc = next(i for i in agreement.instruments if i.kind == "memorandum")
    assert jmc.provisions == ("5",) and [e.date for e in jmc.events] == [date(2021, 1, 30), date(2024, 4, 26)]
    follow_ups = {i.agreement for i in agreement.instruments if i.kind == "follow-up statement"}
    assert follow_ups == {"karabakh-2021-01-11", "karabakh-2021-11-26"}
    assert follow_ups <= set(load_agreements())


def test_unknown_provision_names_the_known_ones():
    with pytest.raises(KeyError, match=r"has no provision 10 \(has 1, 2, 3"):
        load_agreements()[KARABAKH].provision(10)


def test_another_conflict_loads_with_its_own_gazetteer():
    minsk = load_agreements()["minsk-2015-02-12"]
    assert len(minsk.provisions) == 13
    assert minsk.provision(1).deadlines[0].due == date(2015, 2, 15)
    assert "Debaltsevo" in minsk.places()["debaltseve"].names


def test_gazetteer_has_the_name_variants():
    places = load_places("karabakh")
    assert {"Kelbajar", "Karvachar"} <= set(places["kalbajar"].names)
    assert {"Agdam", "Akna"} <= set(places["aghdam"].names)
    assert "Stepanakert" in places["khankendi"].names
    assert "Nakhichevan" in places["nakhchivan"].names
    assert places["giyamaddinli"].within == "aghdam"


def test_user_file_is_added_from_a_path_and_from_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path / "mine.yaml", MINIMAL)
    assert load_agreements([path])["test-accord"].provision(1).topic == "ceasefire"
    assert "test-accord" not in load_agreements()
    monkeypatch.setenv("TRUCEWATCH_AGREEMENTS", str(tmp_path))
    agreements = load_agreements()
    assert {"test-accord", KARABAKH} <= set(agreements)


def test_provision_numbers_may_be_written_as_integers(tmp_path):
    data = json.loads(json.dumps(MINIMAL))
    data["provisions"][0]["number"] = 1
    data["amendments"] = [{"id": "later", "date": "2024-05-01", "kind": "text", "provision": 1, "description": "d"}]
    agreement = load_agreement(write(tmp_path / "ints.yaml", data))
    assert agreement.provision("1") is agreement.provision(1)
    assert [a.id for a in agreement.amendments_for("1")] == ["later"]


def test_user_file_replaces_a_bundled_one_with_the_same_id(tmp_path):
    path = write(tmp_path / "override.yaml", {**MINIMAL, "id": KARABAKH})
    assert load_agreements([path])[KARABAKH].title == MINIMAL["title"]


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("signed"), "'signed' is a required property"),
    (lambda d: d["provisions"][0].pop("indicators"), r"at provisions/0: 'indicators' is a required"),
    (lambda d: d.update(effective="2 March 2024"), r"at effective: '2 March 2024' does not match"),
    (lambda d: d["provisions"][0].update(deadlines=[{"id": "x", "due": "2024-02-30", "description": "d"}]),
     r"deadlines/x: '2024-02-30' is not a date"),
    (lambda d: d["provisions"][0].update(obligated=["CC"]), r"provisions/1: party 'CC' is not in parties"),
    (lambda d: d["provisions"].append(dict(d["provisions"][0])), "duplicate number"),
    (lambda d: d["provisions"][0]["indicators"].update(colour=["red"]), r"at provisions/0/indicators: Additional"),
    (lambda d: d.update(languages=[{"language": "en", "source": "somewhere"}]), "at languages"),
])
def test_malformed_file_names_the_field(tmp_path, change, message):
    data = json.loads(json.dumps(MINIMAL))
    change(data)
    path = write(tmp_path / "bad.yaml", data)
    with pytest.raises(AgreementError, match=message) as error:
        load_agreement(path)
    assert str(path) in str(error.value)


def test_unknown_place_and_bad_yaml_are_clear(tmp_path):
    data = {**MINIMAL, "gazetteer": "karabakh"}
    data["provisions"] = [{**MINIMAL["provisions"][0], "indicators": {"places": ["atlantis"]}}]
    with pytest.raises(AgreementError, match="place 'atlantis' is not in gazetteer 'karabakh'"):
        load_agreement(write(tmp_path / "place.yaml", data))
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(AgreementError, match="not valid YAML"):
        load_agreement(broken)
    with pytest.raises(AgreementError, match="no such agreement file"):
        load_agreements([tmp_path / "missing.yaml"])


def test_period_arithmetic_clamps_month_ends():
    assert Period(months=6).before(date(2025, 11, 10)) == date(2025, 5, 10)
    assert Period(months=6).after(date(2021, 8, 31)) == date(2022, 2, 28)
    assert Period(years=5).after(date(2020, 2, 29)) == date(2025, 2, 28)
    assert str(Period(years=5, months=1)) == "5 years 1 month"


def test_cli_lists_bundled_and_user_agreements(tmp_path):
    path = write(tmp_path / "mine.yaml", MINIMAL)
    result = CliRunner().invoke(main, ["agreements", "--agreements", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert {KARABAKH, "minsk-2015-02-12", "test-accord"} <= set(rows)
    assert rows[KARABAKH]["provisions"] == 9 and rows[KARABAKH]["language"] == "en"
    shown = CliRunner().invoke(main, ["agreements", "--show", KARABAKH, "--format", "json"])
    provisions = {r["provision"]: r for r in json.loads(shown.output)}
    assert "kalbajar-extension" in provisions["6"]["amendments"]
    assert "renews 5 years unless notice 6 months" in provisions["4"]["term"]


def test_cli_reports_a_malformed_file_without_a_traceback(tmp_path):
    data = json.loads(json.dumps(MINIMAL))
    del data["provisions"][0]["topic"]
    path = write(tmp_path / "bad.yaml", data)
    result = CliRunner().invoke(main, ["agreements", "--agreements", str(path)])
    assert result.exit_code == 1
    assert "provisions/0: 'topic' is a required property" in result.output
    assert "Traceback" not in result.output
