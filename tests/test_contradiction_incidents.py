"""Accounts from the incident stage and the statements: two camps' accounts of one incident, unlinked."""

from __future__ import annotations

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.assess.contradictions import account_contradictions, incident_links, statement_links
from trucewatch.records import EvidenceLink, Incident, Statement

AGREEMENT = "karabakh-2020-11-10"
SIDES = {"am-mod": "AM", "az-mod": "AZ", "nk-mod": "NK", "ru-mod": "RU"}


@pytest.fixture(scope="module")
def agreement():
    return load_agreements()[AGREEMENT]


def _report(text: str, start: int, kind: str = "shelling", cue: str = "shelled", day: str | None = "2021-03-07",
            place: str | None = "martuni", doc: str = "r1") -> Incident:
    return Incident(doc, start, start + len(text), text, kind, "ASSAULT", date=day,
                    date_precision="day" if day else None, place_id=place, cue=cue)


def _speech(text: str, start: int, speaker: str, doc: str = "r1") -> Statement:
    return Statement(doc, "indirect", start, start + len(text), text, speaker=speaker, said_on="2021-03-08")


AZ_SAYS = "The Azerbaijani ministry said Armenian units shelled its posts near Martuni."
AM_SAYS = "The ministry said Azerbaijani troops shelled Armenian villages near Martuni."


def _both(az_day: str | None = "2021-03-07", am_day: str | None = "2021-03-07", am_speaker: str = "nk-mod"):
    reports = [_report(AZ_SAYS, 0, day=az_day), _report(AM_SAYS, 100, day=am_day)]
    at = AM_SAYS.index("said") + 5
    said = [_speech(AZ_SAYS[30:], 30, "az-mod"), _speech(AM_SAYS[at:], 100 + at, am_speaker)]
    return reports, said


def test_two_camps_reports_of_one_shelling_blame_each_other(agreement, countries):
    reports, said = _both()
    (found,) = account_contradictions([], agreement, SIDES, countries, incidents=reports, statements=said)
    assert found.kind == "accounts" and found.provision == "1"
    assert {found.first.speaker, found.second.speaker} == {"az-mod", "nk-mod"}
    assert {found.first.text, found.second.text} == {AZ_SAYS, AM_SAYS}
    assert found.first.date == found.second.date == "2021-03-08"


@pytest.mark.parametrize(
    ("az_day", "am_day", "am_speaker"),
    [
        ("2021-03-07", "2021-03-07", "az-mod"),  # one camp tells both
        ("2021-03-07", "2021-04-20", "nk-mod"),  # six weeks apart: two incidents
        ("2021-03-07", "2021-03-07", "ru-mod"),  # the mediator is no camp
    ],
)
def test_no_conflict_between_reports_of_one_camp_or_of_two_incidents(az_day, am_day, am_speaker, agreement,
                                                                     countries):
    reports, said = _both(az_day, am_day, am_speaker)
    assert account_contradictions([], agreement, SIDES, countries, incidents=reports, statements=said) == []


def _linked(agreement_id: str, provision: str, start: int, text: str) -> EvidenceLink:
    return EvidenceLink(agreement_id, provision, "r1", start, start + len(text), text, 1.0, "", None, None,
                        "2021-03-08", None)


def test_a_sentence_the_linking_stage_tied_to_a_provision_is_not_told_twice(agreement, countries):
    reports, said = _both()
    elsewhere = _linked(AGREEMENT, "1", 500, "The ceasefire held elsewhere.")  # the report is about this agreement
    assert len(account_contradictions([elsewhere], agreement, SIDES, countries, incidents=reports,
                                      statements=said)) == 1
    # the Karabakh account is evidence on point 9: the incident does not bring it back on point 1
    linked = _linked(AGREEMENT, "9", 100, AM_SAYS)
    assert account_contradictions([elsewhere, linked], agreement, SIDES, countries, incidents=reports,
                                  statements=said) == []


def test_no_incident_accounts_in_a_report_the_linker_tied_only_to_another_agreement(agreement, countries):
    reports, said = _both()
    other = _linked("karabakh-2021-11-26", "3", 500, "Tension rose on the border.")
    assert account_contradictions([other], agreement, SIDES, countries, incidents=reports, statements=said) == []


def test_a_report_bears_only_on_the_provisions_listing_its_type_in_their_zone_and_period(agreement):
    shelling = _report(AZ_SAYS, 0)
    assert [link.provision for link, _ in incident_links([shelling], [], agreement)] == ["1"]
    assert incident_links([_report(AZ_SAYS, 0, kind="negotiation_meeting")], [], agreement) == []
    assert incident_links([_report(AZ_SAYS, 0, day="2020-10-01")], [], agreement) == []  # before the signing
    assert incident_links([_report(AZ_SAYS, 0, place="gadabay")], [], agreement) == []  # on the state border
    assert incident_links([_report(AZ_SAYS, 0, place="armenia")], [], agreement) == []  # a state: which zone?
    assert incident_links([_report(AZ_SAYS, 0, place=None)], [], agreement) == []
    (link, _), = incident_links([shelling], [_speech(AZ_SAYS[30:], 30, "az-mod")], agreement)
    assert link.speaker == "az-mod" and link.signal == "violated"


def test_a_denial_in_a_statement_against_the_other_camps_reported_incident(agreement, countries):
    denial = ("The statement of the Azerbaijani ministry that Armenian units opened fire near Martuni "
              "is disinformation.")
    account = "Azerbaijani troops themselves shelled Armenian villages near Martuni."
    reports = [_report(account, 200)]
    said = [_speech(denial, 0, "nk-mod"), _speech(account, 200, "nk-mod")]
    (found,) = account_contradictions([], agreement, SIDES, countries, incidents=reports, statements=said)
    # the claim the denial retells is the Azerbaijani side's account
    assert found.first.text == "Armenian units opened fire near Martuni" and found.second.text == account
    assert "calls the other's claim false" in found.summary


def test_statements_are_accounts_only_where_an_incident_report_bears_on_the_provision(agreement):
    said = [_speech("Armenian units violated the ceasefire near Martuni.", 0, "az-mod")]
    assert statement_links(said, agreement, {}) == []
    (link,) = statement_links(said, agreement, {"r1": {"1"}})
    assert link.provision == "1" and link.signal == "violated" and link.speaker == "az-mod"
    assert statement_links([_speech("The weather was mild near Martuni.", 0, "az-mod")], agreement,
                           {"r1": {"1"}}) == []


def test_one_report_holding_both_camps_accounts_is_split_and_its_cue_is_the_violation(agreement, countries):
    sentence = ("Tension rose on Monday, with Yerevan announcing that Azerbaijani forces had launched an attack "
                "on Martuni; Baku, in turn, said the Armenian military had fired at its positions.")
    report = _report(sentence, 0, kind="attack", cue="launched an attack")
    (found,) = account_contradictions([], agreement, SIDES, countries, incidents=[report])
    assert found.provision == "1" and found.first.text.endswith("launched an attack on Martuni")
    assert found.second.text.startswith("Baku, in turn") and found.first.signal == "violated"


def test_the_other_camps_statement_answers_an_account_the_linker_tied_to_the_provision(agreement, countries):
    told = EvidenceLink(AGREEMENT, "1", "r1", 30, 75, AZ_SAYS[30:], 1.0, "test", speaker="az-mod",
                        signal="violated")
    answer = "Azerbaijani troops shelled the Armenian posts first."
    said = [_speech(AZ_SAYS[30:], 30, "az-mod"), _speech(answer, 100, "nk-mod")]
    (found,) = account_contradictions([told], agreement, SIDES, countries, statements=said)
    assert (found.first.speaker, found.second.text) == ("az-mod", answer) and "each side" in found.summary
    unattributed = EvidenceLink(**{**told.__dict__, "speaker": None})  # the writer's sentence: nobody to answer
    assert account_contradictions([unattributed], agreement, SIDES, countries, statements=said[1:]) == []
