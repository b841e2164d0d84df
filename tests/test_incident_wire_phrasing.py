"""Incidents told in the ordinary phrasing of wire reports (invented sentences, written from the ACLED and PLOVER
definitions of each type, not from any annotated text): each must give its type, and the precision words around
them must still hold."""

from __future__ import annotations

import pytest

from tests.test_incidents import incidents


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Artillery duels continued along the front line throughout the night.", "shelling"),
        ("Troops battled insurgents in the mountains on Tuesday.", "armed_clash"),
        ("Government troops and rebels fought street battles in the city centre.", "armed_clash"),
        ("Monitors recorded 120 breaches of the ceasefire over the weekend.", "ceasefire_violation_report"),
        ("The armistice was violated twice on Sunday, the committee said.", "ceasefire_violation_report"),
        ("Two deminers were injured when their vehicle ran over a mine.", "mine_incident"),
        ("A landmine killed a shepherd near the village on Sunday.", "mine_incident"),
        ("A civilian was killed after stepping on an anti-personnel mine.", "mine_incident"),
        ("The captives returned home on Sunday after months in detention.", "detainee_release"),
        ("The army handed the district over to the government forces on Wednesday.", "territory_handover"),
        ("Control of the town was transferred to the federal government on Monday.", "territory_handover"),
        ("The border commissions convened in the capital for their eighth meeting.", "negotiation_meeting"),
        ("The working group held its tenth meeting on Friday.", "negotiation_meeting"),
        ("Flights between the two capitals resumed on Monday after six years.", "humanitarian_access"),
        ("The army lost two servicemen on Monday.", "casualties"),
        ("The opposition accused the army of breaking the truce on Sunday.", "ceasefire_violation_report"),
        ("Enemy units used grenade launchers against our positions overnight.", "ceasefire_violation_report"),
        ("Sporadic shooting was reported near the bridge overnight.", "ceasefire_violation_report"),
        ("The blast left at least nine people dead.", "attack"),
        ("The rebels launched a major offensive on the provincial capital.", "attack"),
        ("The remains of 30 people were exhumed and returned to their families.", "bodies_transfer"),
        ("Four servicemen captured in the spring were repatriated on Friday.", "detainee_release"),
        ("The two sides conducted their largest swap so far on Thursday.", "prisoner_exchange"),
        ("Heavy weapons were moved back from the front line.", "troop_withdrawal"),
        ("A column of peacekeepers crossed into the valley on Tuesday.", "peacekeeper_deployment"),
        ("The only road into the valley remained closed on Monday.", "blockade"),
        ("The two presidents spoke by phone on Sunday.", "negotiation_meeting"),
        ("The king and the rebel leader met in the capital on Friday.", "negotiation_meeting"),
        ("The delegations agreed on the text of a peace treaty.", "agreement_signed"),
        ("Displaced families began returning home on Sunday.", "humanitarian_access"),
        ("Dozens of prisoners began a hunger strike on Monday.", "protest"),
        ("Dock workers went on strike over unpaid wages.", "protest"),
        ("Hundreds of farmers blocked the main highway on Tuesday.", "protest"),
        ("Youths blocked the roads into the town centre demanding jobs.", "protest"),
        ("The two governments renewed negotiations on the border on Monday.", "negotiation_meeting"),
        ("Government troops captured part of a rebel stronghold near the border.", "armed_clash"),
        ("Police beat up several journalists outside the court.", "attack"),
        ("Gunmen tried to assassinate the provincial governor on Sunday.", "attack"),
        ("The two neighbours signed a non-aggression pact on Friday.", "agreement_signed"),
        ("The army reimposed blockades on the northern towns on Friday.", "blockade"),
        ("Militants carried out 12 shellings of villages in the province.", "shelling"),
        ("Enemy units attempted to seize our positions near the heights.", "armed_clash"),
        ("Our units took retaliatory measures and the attempt was prevented.", "armed_clash"),
        ("The mission ensured the safe return of 5,000 refugees to the city.", "humanitarian_access"),
        ("Food parcels were distributed to 300 families in the village.", "humanitarian_access"),
        ("It was not immediately clear who fired the rockets that hit the town.", "shelling"),
        ("Residents said they could hear heavy gunfire as troops clashed with militants.", "armed_clash"),
    ],
)
def test_wire_phrasing_reports_its_type(body, kind):
    assert kind in [i.type for i in incidents(body)]


@pytest.mark.parametrize("verb", ["launched", "mounted"])
def test_an_offensive_launched_is_one_attack_not_also_a_clash(verb):
    assert [i.type for i in incidents(f"The army {verb} an offensive against the rebels.")] == ["attack"]


@pytest.mark.parametrize(
    "body",
    [
        "Their car came under gunfire near the village.",
        "A soldier was killed by gunfire from across the border.",
        "Gunmen opened fire on a police patrol, killing two officers.",
    ],
)
def test_gunfire_that_hits_a_target_is_one_attack(body):
    assert [i.type for i in incidents(body)] == ["attack"]


def test_gold_mines_are_no_landmines():
    assert "mine_incident" not in [i.type for i in incidents("Gold mines killed the river's fish.")]


def test_soldiers_killed_in_fighting_against_rebels_are_casualties_not_a_clash_of_their_own():
    body = "Four soldiers were killed in fighting against separatists in the east, a spokesman said."
    assert [i.type for i in incidents(body)] == ["casualties"]


@pytest.mark.parametrize(
    "body",
    [
        "The ministry dismissed as groundless reports that its troops had shelled the village.",
        "The region has been plagued by clashes for decades.",
        "The people I met in the camp had fled the fighting last year.",
        "The two sides conducted an exchange of views on the border.",
        "It was not true that the army shelled the town.",
        "The army could shell the town again, officials warned.",
        "The union threatened on Monday to call a general strike.",
        "The parliament held a special session on the budget on Tuesday.",
        "Workers completed the exchange of old banknotes.",
        "The bank conducted a currency swap with its neighbour.",
        "The minister spoke by phone with reporters about the budget.",
        "Families returned home from the holidays on Sunday.",
        "They met in 2019 at a conference in Paris.",
        "The coach phoned the manager after the game.",
        "The company engaged the rebels in talks about the concession.",
    ],
)
def test_dismissed_reports_and_decades_of_violence_are_no_incident(body):
    assert incidents(body) == []


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("On 11 May 2021, Armenian forces shelled Tegh.\n\nThe next day, the army shelled Sotk.", "2021-05-12"),
        ("On May 12, the sides exchanged prisoners. A day earlier, the delegations met in Moscow.", "2021-05-11"),
        ("On May 10, the talks were held in Moscow. On the same day, the sides exchanged prisoners.", "2021-05-10"),
    ],
)
def test_the_next_day_or_the_day_before_shifts_the_day_the_text_just_named(body, day):
    assert incidents(body)[-1].date == day


@pytest.mark.parametrize(
    ("body", "place_id"),
    [
        ("Shelling hit Qubadli on Tuesday.", "gubadli"),
        ("Separatists shelled Dokuchaevsk overnight.", "dokuchaievsk"),
        ("Houthi forces shelled government positions in Al-Dhale on Sunday.", "al-dhale"),
        ("Clashes erupted in Kassala on Monday.", "kassala"),
        ("Fighting broke out in western Tigray on Friday.", "western-tigray"),
        ("M23 rebels seized the mining town of Rubaya on Tuesday.", "rubaya"),
        ("Dissidents attacked a police station in Cauca on Monday.", "cauca"),
    ],
)
def test_places_of_the_bundled_conflicts_are_resolved(body, place_id):
    [found] = incidents(body)
    assert found.place_id == place_id


def russian_incidents(body: str):
    return incidents(body, language="ru")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("На линии соприкосновения произошла перестрелка.", "armed_clash"),
        ("Миротворцы начали выход из региона.", "troop_withdrawal"),
        ("Вице-премьеры провели заседание рабочей группы в Москве.", "negotiation_meeting"),
        ("Миротворцы обеспечили безопасный проход 30 автомобилей по коридору.", "humanitarian_access"),
        ("В город вернулись 1500 беженцев.", "humanitarian_access"),
    ],
)
def test_russian_bulletin_phrasing_reports_its_type(body, kind):
    assert kind in [i.type for i in russian_incidents(body)]
