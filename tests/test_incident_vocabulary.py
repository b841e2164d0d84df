"""Incidents: general news vocabulary (passive, agentless and nominal reports), words that make a mention no incident
(commemoration, trials, plans, a lasting state), places named as "the Russian capital", and the day of an undated
page's undated sentences."""

from __future__ import annotations

import pytest

from tests.test_incidents import incidents


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Fighting raged for a second day in Khartoum.", "armed_clash"),
        ("Government troops pushed back the rebels from the outskirts of the town.", "armed_clash"),
        ("The army said it had destroyed an enemy tank near the front line.", "attack"),
        ("A 45-year-old man was shot in the leg.", "attack"),
        ("Several houses were damaged in the strike.", "attack"),
        ("The strike destroyed a power plant.", "attack"),
        ("Explosions rocked the capital on Sunday.", "shelling"),
        ("Israeli strikes hit Rafah on Monday.", "attack"),
        ("Our positions were subjected to intense fire.", "ceasefire_violation_report"),
        ("The ceasefire was violated 20 times overnight.", "ceasefire_violation_report"),
        ("Hostilities ceased at midnight.", "ceasefire_declared"),
        ("The mediators said neither party respected the truce.", "ceasefire_violation_report"),
        # one side's advance is an attack on the other, as a verb or a noun
        ("The enemy tried to make advances towards the villages.", "attack"),
        # a monitor's report is the report of an incident, not its background
        ("Monitors reported that heavy fighting erupted near the village.", "armed_clash"),
    ],
)
def test_general_news_vocabulary_reports_an_incident(body, kind):
    assert [i.type for i in incidents(body)] == [kind]


def test_forces_advancing_attack_as_well_as_clash():
    found = {i.type for i in incidents("Government troops advanced on the rebel-held town.")}
    assert {"attack", "armed_clash"} <= found
    assert [i.type for i in incidents("Within hours they had advanced into the suburbs.")] == ["attack"]


def test_one_incident_of_a_type_per_clause_with_a_day_of_its_own():
    found = incidents("Azerbaijani forces shelled Martuni on 3 May, and on 5 May they shelled Askeran again.")
    assert [(i.type, i.date[5:10]) for i in found] == [("shelling", "05-03"), ("shelling", "05-05")]
    assert len(incidents("On 3 May the army shelled Martuni and shelled Askeran.")) == 1


def test_air_strikes_beside_shelling_are_an_attack_of_their_own():
    found = [i.type for i in incidents("The army shelled the town, and air strikes hit the market on Monday.")]
    assert sorted(found) == ["attack", "shelling"]


def test_fire_opened_on_a_bus_is_an_attack():
    assert "attack" in [i.type for i in incidents("Gunmen opened fire on a bus, killing seven passengers.")]


def test_a_military_convoy_attacked_is_no_aid_convoy():
    assert [i.type for i in incidents("Militants ambushed a military convoy near the town.")] == ["attack"]
    assert [i.type for i in incidents("The aid convoy was ambushed on the road to the town.")] == ["attack"]


@pytest.mark.parametrize(
    "body",
    [
        "Residents commemorated the victims of the massacre.",
        "The memorial honours soldiers killed in the war.",
        "Villagers still remember the shelling of their homes.",
        "The court sentenced the man for the bombing of the bus station.",
        "The army is planning an offensive in the spring.",
        "Idlib has long been under siege by government forces.",
        "The Mission continued to monitor the withdrawal of weapons.",
        "The enemy periodically used mortars and sniper rifles.",
        "The search for the 1992 war casualties resumed.",
        "General strikes hit the economy hard.",
    ],
)
def test_no_incident_now(body):
    assert incidents(body) == []


def test_a_day_first_date_in_may_is_no_modal():
    [found] = incidents("The village was shelled on 3 May.")
    assert (found.type, found.date) == ("shelling", "2021-05-03")
    assert incidents("The enemy may attack the village.") == []


def test_a_capital_named_by_its_country_is_placed():
    [found] = incidents("The delegations met in the Russian capital on Monday.")
    assert (found.place, found.place_id) == ("Russian capital", "moscow")
    [signed] = incidents("The two leaders signed the agreement at the White House on Friday.")
    assert signed.place_id == "washington"
    [venue] = incidents("The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday.")
    assert venue.place_id == "almaty"


def test_an_undated_pages_background_date_does_not_date_its_undated_sentences():
    body = (
        "Prisoners have been held since Hamas triggered the war with its attack on Israel on October 7, 2023.\n\n"
        "Israeli troops began withdrawing from Gaza City."
    )
    [withdrawal] = [i for i in incidents(body, None) if i.type == "troop_withdrawal"]
    assert withdrawal.date is None


def test_an_undated_pages_own_date_dates_its_undated_sentences():
    caption = "A news briefing in Yerevan, September 13, 2022.\n\nArmenian troops withdrew from the village."
    assert [i.date for i in incidents(caption, None)] == ["2022-09-13"]
    today = (
        'The envoy said "the extension of the truce comes into effect today 2 June 2022 at 19:00."\n\n'
        "Troops withdrew from the village."
    )
    assert [i.date for i in incidents(today, None) if i.type == "troop_withdrawal"] == ["2022-06-02"]


def test_a_variant_the_gazetteer_writes_in_lower_case_is_found_as_written():
    from trucewatch.incidents.gazetteer import load_gazetteer

    found = load_gazetteer().find("Troops blocked the bridge over the Hakari river and later left tegh.")
    assert [m.place.id for m in found] == ["hakari-bridge"]  # "tegh" uncapitalised is no place


def test_a_night_written_as_two_days_is_dated_by_the_day_it_ended_in():
    [night] = incidents("The village was shelled on the night from Monday to Tuesday.", "2021-05-14")
    assert night.date == "2021-05-11"  # Friday's report: Monday 10, Tuesday 11
    [two] = incidents("The village was shelled on Monday night and Tuesday.", "2021-05-14")
    assert two.date == "2021-05-10"
