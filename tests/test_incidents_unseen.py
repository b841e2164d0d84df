"""Incident rules meant to hold on reports never seen: clause boundaries, dates of a mention that names none,
places of the conflicts the bundled agreements belong to."""

from __future__ import annotations

import pytest

from tests.test_incidents import incidents


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The army suffered no losses as a result of the enemy's ceasefire violations.", "ceasefire_violation_report"),
        ("There is no need for the centre because the peacekeeping contingent began to leave the region.",
         "troop_withdrawal"),
    ],
)
def test_a_negation_in_another_clause_does_not_block_the_cue(body, kind):
    assert kind in [i.type for i in incidents(body)]


@pytest.mark.parametrize(
    "body",
    [
        "Baku denied that its forces shelled Tegh.",
        "The ministry said no ceasefire violations were recorded.",
    ],
)
def test_a_negation_in_the_cues_own_clause_still_blocks_it(body):
    assert incidents(body) == []


@pytest.mark.parametrize(
    ("body", "place_id"),
    [
        ("Azerbaijani forces shelled Nerkin Hand on Tuesday.", "nerkin-hand"),
        ("Israeli strikes hit Deir el-Balah on Tuesday, killing four people.", "deir-al-balah"),
        ("The RSF shelled El Fasher on Tuesday.", "el-fasher"),
        ("Separatists shelled Avdeyevka overnight.", "avdiivka"),
        ("M23 rebels captured the town of Sake on Tuesday.", "sake"),
    ],
)
def test_places_of_the_conflicts_are_resolved_with_every_spelling(body, place_id):
    [found] = incidents(body)
    assert found.place_id == place_id


def test_a_bundled_place_is_a_point_only_where_it_is_a_settlement():
    from trucewatch.incidents.gazetteer import load_gazetteer

    for place in load_gazetteer().places.values():
        if place.latitude is not None:
            assert place.kind not in ("country", "region", "line"), place.id


def test_on_the_same_day_takes_the_day_the_text_just_named():
    found = incidents(
        "On May 3, the peacekeepers handed over their base near Lachin.\n\n"
        "The peacekeepers left the monastery on the same day."
    )
    assert [(i.type, i.date) for i in found][-1] == ("troop_withdrawal", "2021-05-03")


def test_a_sentence_naming_no_date_keeps_the_reports_day():
    found = incidents("On May 3, the sides held talks in Moscow.\n\nThe peacekeepers left the monastery.")
    assert [(i.type, i.date) for i in found][-1] == ("troop_withdrawal", "2021-05-14")


def test_a_yearless_date_soon_after_an_undated_pages_latest_date_is_in_its_year():
    body = "The leaders held talks in Moscow on May 25, 2023. It says that on June 2, the group held talks in Baku."
    found = incidents(body, published=None)
    assert [i.date for i in found] == ["2023-05-25", "2023-06-02"]
    dated = incidents("On June 2, the group held talks in Baku.", published="2023-05-25")
    assert [i.date for i in dated] == ["2022-06-02"]  # a dated report's "June 2" is the last before it


@pytest.mark.parametrize(
    "body",
    ["The leaders held talks in Moscow on May 25.", "Armenian forces shelled Tegh in May, the ministry said."],
)
def test_the_month_may_is_no_modal(body):
    assert len(incidents(body)) == 1


def test_the_modal_may_still_makes_a_hypothetical():
    assert incidents("Azerbaijani forces may shell Tegh, the ministry warned.") == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Turkish and Russian troops conducted a joint patrol along the M4 highway.", "peacekeeper_deployment"),
        ("The foreign ministers of Armenia and Azerbaijan met in Washington on Tuesday.", "negotiation_meeting"),
        ("Two Palestinians were killed by Israeli fire in Khan Younis.", "attack"),
        ("Israeli forces killed two Palestinians in Khan Younis on Tuesday.", "attack"),
        ("The army said it had downed two drones over Khartoum.", "attack"),
        ("The SMM recorded 120 explosions in Luhansk region.", "ceasefire_violation_report"),
        ("The peacekeeping contingent's withdrawal from Karabakh was completed on June 12.", "troop_withdrawal"),
        ("The Russian peacekeeping mission has ended its activities in Karabakh.", "troop_withdrawal"),
        ("The truce took hold on Sunday morning.", "ceasefire_declared"),
        ("Israel and Hamas agreed to the first phase of the ceasefire plan.", "agreement_signed"),
        ("Flights resumed from Sanaa airport on Monday for the first time in six years.", "humanitarian_access"),
        ("Fuel ships were allowed to dock at Hodeidah port.", "humanitarian_access"),
        ("The government and the rebels signed a permanent cessation of hostilities agreement in Pretoria.",
         "agreement_signed"),
        ("The Sudanese army and the RSF exchanged heavy fire in Khartoum.", "armed_clash"),
        ("Israeli troops opened fire on crowds waiting for aid, killing 20 people.", "attack"),
        ("Two soldiers were killed during clashes with the rebels.", "armed_clash"),
    ],
)
def test_common_wordings_of_an_incident_are_found(body, kind):
    assert kind in [i.type for i in incidents(body)]


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijan handed over the bodies of several soldiers killed in the fighting.",
        "The majority of those I met in Goris had come on buses.",
    ],
)
def test_a_participle_or_a_chance_encounter_is_no_attack_or_meeting(body):
    assert not {"attack", "negotiation_meeting"} & {i.type for i in incidents(body)}


@pytest.mark.parametrize(
    "body",
    [
        "The envoy is deeply concerned about reports of attacks along the border.",
        "The declaration lacks details on rebel and Rwandan troop withdrawals.",
        "Among them are 250 prisoners serving life sentences for deadly attacks.",
    ],
)
def test_an_incident_spoken_of_not_reported_is_none(body):
    assert incidents(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The centre will monitor and report the ceasefire violations through the use of drones.",
        "Joint patrols by Turkish and Russian troops along the M4 highway in Idlib will begin on March 15.",
        "A trilateral meeting with the mediators in Geneva would also take place.",
    ],
)
def test_a_future_or_modal_predicate_makes_no_incident(body):
    assert incidents(body) == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Armenia and Azerbaijan signed a peace roadmap on Friday that the mediator said will end the conflict.",
         "agreement_signed"),
        ("Air strikes and clashes between the warring factions could be heard in Khartoum on Sunday.", "armed_clash"),
    ],
)
def test_a_future_in_a_relative_clause_or_a_perception_modal_keeps_the_incident(body, kind):
    assert kind in [i.type for i in incidents(body)]


def test_a_cue_opening_with_its_article_after_during_is_background():
    assert incidents("During the meeting, the commissions agreed on the following:") == []
    assert [i.type for i in incidents("The sides held talks in Geneva during the day.")] == ["negotiation_meeting"]


def test_an_intention_does_not_reach_an_event_after_following():
    found = incidents("The rebels have agreed to disarm following the conclusion of a ceasefire agreement in Pretoria.")
    assert "agreement_signed" in [i.type for i in found]


def test_a_shooting_is_an_attack_but_shooting_down_is_not_the_noun():
    assert [i.type for i in incidents("As a result of the shooting, two servicemen were killed.")] == ["attack"]
    assert [i.cue for i in incidents("Forces carried out the shooting down of a drone.")] != ["the shooting"]


def test_an_undated_sentence_takes_a_recent_day_its_paragraph_just_named():
    found = incidents("On Tuesday, the sides held talks in Geneva. Azerbaijani forces shelled Tegh.")
    assert [(i.type, i.date) for i in found] == [("negotiation_meeting", "2021-05-11"), ("shelling", "2021-05-11")]
    old = incidents("On May 2, 2019, the sides held talks in Geneva. Azerbaijani forces shelled Tegh.")
    assert [(i.type, i.date) for i in old][-1] == ("shelling", "2021-05-14")  # a day long past is background


def test_last_night_is_the_day_before_publication():
    [found] = incidents("Azerbaijani forces shelled Tegh last night.")
    assert found.date == "2021-05-13"



@pytest.mark.parametrize(
    "body",
    [
        "The advanced weapons were supplied by Turkey.",
        "He rallied support for the peace plan in parliament.",
        "The withdrawal of Russian peacekeepers was originally scheduled for 2025.",
        "The meeting is scheduled for next week.",
        "Protests are planned for Saturday.",
    ],
)
def test_a_word_of_an_incident_in_another_sense_or_a_plan_is_none(body):
    assert incidents(body) == []


def test_forces_advancing_is_a_clash():
    assert "armed_clash" in [i.type for i in incidents("Rebel forces advanced towards Goma on Tuesday.")]


@pytest.mark.parametrize(
    "body",
    [
        "He called for an immediate ceasefire and the withdrawal of troops.",
        "The deal paves the way for the release of prisoners.",
    ],
)
def test_a_call_or_prospect_reaches_a_coordinated_noun_phrase(body):
    assert incidents(body) == []


def test_and_joining_two_clauses_still_ends_the_call():
    found = incidents("Baku called for restraint and Armenian forces shelled Tegh on Tuesday.")
    assert [i.type for i in found] == ["shelling"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Israel halted the entry of aid into Gaza on Sunday.", "blockade"),
        ("The Houthis kept the roads around Taiz closed.", "blockade"),
        ("Azerbaijani forces captured six Armenian servicemen.", "armed_clash"),
        ("Blinken hosted the foreign ministers of Armenia and Azerbaijan in Washington.", "negotiation_meeting"),
        ("Putin announced a 30-hour Easter truce.", "ceasefire_declared"),
    ],
)
def test_blockades_captures_hostings_and_truces_in_other_words(body, kind):
    assert kind in [i.type for i in incidents(body)]


def test_aid_halted_is_a_blockade_only_and_a_release_of_captured_soldiers_no_capture():
    assert [i.type for i in incidents("Israel suspended aid deliveries to Gaza.")] == ["blockade"]
    assert incidents("Japan halted economic aid to Serbia.") == []
    released = incidents("Azerbaijan released ten captured soldiers who had been detained by its forces.")
    assert [i.type for i in released] == ["detainee_release"]


def test_a_vehicle_coming_under_fire_is_an_attack():
    body = "Five peacekeepers were killed when their car came under fire near Dzhanyatag."
    assert [i.type for i in incidents(body)] == ["attack"]


def _russian(body: str):
    return incidents(body, language="ru")


def test_a_singular_violation_counts_one_and_a_number_wins():
    [one] = _russian("Вступление. Зафиксировано нарушение режима прекращения огня в Мардакертском районе.")
    assert one.counts == {"violations": 1}
    [three] = _russian("Вступление. Зафиксировано три нарушения режима прекращения огня в Мардакертском районе.")
    assert three.counts == {"violations": 3}


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Вступление. Азербайджан передал Армении десять военнопленных.", "detainee_release"),
        ("Вступление. Российские миротворцы вошли в Лачинский коридор.", "peacekeeper_deployment"),
    ],
)
def test_russian_releases_of_prisoners_of_war_and_peacekeepers_entering(body, kind):
    assert kind in [i.type for i in _russian(body)]


def test_a_plural_scale_word_counts_two_of_it_and_dozens_twelve():
    assert incidents("Thousands of people have been killed in the fighting.")[0].counts == {"killed": 2000}
    assert incidents("Dozens of people were killed in the fighting.")[0].counts == {"killed": 12}


@pytest.mark.parametrize(
    ("body", "counts"),
    [
        ("The fighting killed at least 866 civilians and wounded thousands more.", {"killed": 866, "wounded": 2000}),
        ("Eight soldiers of the army have been killed and 34 wounded in the fighting.", {"killed": 8, "wounded": 34}),
        ("In the previous 24 hours, the Mission recorded 20 ceasefire violations in the region.", {"violations": 20}),
        ("Forces shot down a helicopter, killing two crew members.", {"killed": 2}),
    ],
)
def test_each_number_counts_what_its_nearest_word_says(body, counts):
    assert incidents(body)[0].counts == counts


@pytest.mark.parametrize(
    "body",
    [
        "Neither Armenia nor the Russian peacekeepers stationed in the region stepped in.",
        "The area where Russian peacekeepers are temporarily stationed was calm.",
    ],
)
def test_peacekeepers_being_stationed_somewhere_is_a_state_not_a_deployment(body):
    assert "peacekeeper_deployment" not in [i.type for i in incidents(body)]


def test_peacekeepers_deployed_or_stationed_in_the_past_is_a_deployment():
    found = incidents("In November 2020, 1,960 Russian peacekeepers were stationed in Karabakh.")
    assert "peacekeeper_deployment" in [i.type for i in found]


def test_the_gazetteer_prefers_the_longest_name_and_keeps_word_boundaries():
    from trucewatch.incidents.gazetteer import load_gazetteer

    found = load_gazetteer().find("Strikes hit Gaza City, the Gaza Strip, Gaza and Gazan homes near Khan Younis.")
    assert [(m.text, m.place.id) for m in found] == [
        ("Gaza City", "gaza-city"), ("Gaza Strip", "gaza-strip"), ("Gaza", "gaza-strip"), ("Khan Younis", "khan-yunis")
    ]


def test_clause_boundaries_are_each_languages_words():
    from trucewatch.incidents.rules import incident_rules

    english, russian = incident_rules("en"), incident_rules("ru")
    assert english.clause_end.search("no losses as a result") and english.predicate_end.search("a roadmap that will")
    assert not russian.clause_end.search("no losses as a result")  # English words never cut a Russian clause
    assert russian.clause_end.search("потерь нет, как сообщается")  # punctuation does in every language
