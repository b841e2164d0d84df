"""The incident stage: typed, dated, placed, counted incidents; denials and hypotheticals left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from trucewatch.actors import load_registry
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences


def document(body: str, published: str = "2021-05-14", language: str = "en") -> Document:
    return Document.of_text(body, published=published, language=language)


def incidents(body: str, published: str = "2021-05-14", language: str = "en"):
    """The incident stage over one invented text, as the pipeline runs it (shared by the incident tests)."""
    doc = document(body, published, language)
    return extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer())


def test_shelling_is_typed_dated_placed_and_mapped_to_acled_and_plover():
    [found] = incidents("Azerbaijani forces shelled Tegh on Tuesday, the ministry said.")
    assert found.type == "shelling"
    assert (found.acled_event_type, found.acled_sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert found.plover_type == "ASSAULT"
    assert (found.date, found.date_precision) == ("2021-05-11", "day")  # the Tuesday before publication
    assert (found.place, found.place_id, found.admin1) == ("Tegh", "tegh", "Syunik")
    assert found.latitude and found.longitude
    assert {"name": "Azerbaijani forces", "side": "AZ", "role": "actor"} in found.actors
    assert (
        found.id.startswith("in_")
        and found.id == incidents("Azerbaijani forces shelled Tegh on Tuesday, the ministry said.")[0].id
    )


def test_name_variants_resolve_to_one_place_and_drones_refine_the_sub_event():
    [a] = incidents("Drone strikes hit Stepanakert overnight.")
    [b] = incidents("Drone strikes hit Khankendi overnight.")
    assert a.place_id == b.place_id == "khankendi" and (a.place, b.place) == ("Stepanakert", "Khankendi")
    assert a.acled_sub_event_type == "Air/drone strike" and a.plover_mode == "aerial"


@pytest.mark.parametrize(
    "body",
    [
        "The ministry denied that its troops shelled Shusha.",
        "Baku threatened to attack the positions.",
        "The army would withdraw from Lachin if the talks failed.",
        "Both sides called for a ceasefire.",
    ],
)
def test_denials_and_hypotheticals_are_not_incidents(body):
    assert incidents(body) == []


def test_counts_are_conservative_and_typed():
    [casualties] = incidents("Three soldiers were killed and dozens wounded near Sotk.")
    assert casualties.type == "casualties"
    assert casualties.counts == {"killed": 3, "wounded": 12} and casualties.fatalities == 3
    [release] = incidents("Azerbaijan handed over 10 captured Armenian soldiers to Armenia on Saturday.")
    assert release.type == "detainee_release" and release.counts == {"released": 10} and release.fatalities == 0


def test_unknown_place_is_kept_as_written_without_coordinates_and_a_country_gets_no_point():
    [unknown] = incidents("Residents held a protest near Zorakan village.")
    assert unknown.place == "Zorakan" and unknown.place_id is None and unknown.latitude is None
    [country] = incidents("Hundreds of people held a protest in Armenia on Sunday.")
    assert country.place_id == "armenia" and country.latitude is None and country.longitude is None


def test_sentence_without_a_cue_gives_nothing_and_no_date_falls_back_to_publication():
    assert incidents("The weather in Goris was mild.") == []
    [found] = incidents("Russian peacekeepers were deployed in the Lachin corridor.", "2020-11-13")
    assert found.type == "peacekeeper_deployment" and (found.date, found.date_precision) == ("2020-11-13", "day")


def test_analyse_stores_incidents_and_reads_them_back_with_filters(store, tmp_path: Path):
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Shelling near Goris\n\nGORIS, May 14, 2021 - Azerbaijani forces shelled Goris on "
        "Thursday. Two civilians were wounded. The sides met in Moscow on Friday.\n",
        encoding="utf-8",
    )
    ingest([tmp_path / "a.txt"], store)
    report = analyse(store)
    stored = list(store.incidents())
    assert report.incidents == len(stored) >= 2
    assert {i.type for i in stored} >= {"shelling", "negotiation_meeting"}
    assert [i.type for i in store.incidents(types=["shelling"])] == ["shelling"]
    assert all(i.date >= "2021-05-14" for i in store.incidents(date_from="2021-05-14"))
    assert all(i.date <= "2021-05-13" for i in store.incidents(date_to="2021-05-13"))
    again = analyse(store, force=True)
    assert {i.id for i in store.incidents()} == {i.id for i in stored} and again.incidents == len(stored)


def test_scoring_matches_by_sentence_and_type_and_checks_date_counts_and_place():
    from trucewatch.evaluation.incidents import score_document

    body = "Azerbaijani forces shelled Tegh on Tuesday. Two soldiers were killed near Goris. The weather was fine."
    doc = document(body)
    sentences = split_sentences(doc)
    predicted = extract_incidents(doc, sentences, load_registry(), load_gazetteer())
    note = {
        "incidents": [
            {
                "sentence": "Azerbaijani forces shelled Tegh on Tuesday",
                "type": "shelling",
                "date": "2021-05-11",
                "place": "Tegh",
                "counts": {},
            },
            {
                "sentence": "Two soldiers were killed near Goris",
                "type": "casualties",
                "date": "2021-05-01",
                "place": "Goris",
                "counts": {"killed": 2},
            },
            {"sentence": "The weather was fine", "type": "protest", "place": None, "counts": {}},
        ]
    }
    metrics = score_document(note, doc, sentences, predicted).metrics()
    assert (metrics["gold"], metrics["predicted"], metrics["matched"]) == (3, 2, 2)
    assert metrics["date_right"] == 0.5 and metrics["counts_exact"] == 1.0 and metrics["place_resolved"] == 1.0


def test_a_user_gazetteer_without_coordinates_is_valid_and_adds_places(tmp_path: Path):
    from trucewatch.incidents.gazetteer import load_gazetteer as load

    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "places:\n  - {id: zorakan, name: Zorakan, kind: village, variants: [Zorakan village]}\n", encoding="utf-8"
    )
    [mention] = load((str(extra),)).find("Shots were fired near Zorakan village.")
    assert (mention.place.id, mention.text, mention.place.latitude) == ("zorakan", "Zorakan village", None)


def test_the_lexicon_schema_holds_acled_names_exactly():
    from trucewatch.datafiles import DataFileError, parse

    bad = (
        "types:\n  shelling:\n    cues: [shelled]\n    plover: {type: ASSAULT}\n"
        "    acled: {event_type: Battles, sub_event_type: Shelling}\nnegation: [denied]\nhypothetical: [if]\n"
    )
    with pytest.raises(DataFileError, match="acled/sub_event_type"):
        parse(bad, "incidents.yaml", "lang-incidents")


def test_an_undated_article_resolves_weekdays_against_the_latest_date_it_names_and_dates_by_the_paragraph():
    body = (
        "The talks of 3 May 2021 ended without a deal. Azerbaijani forces shelled Tegh on Tuesday. "
        "Two soldiers were killed near Goris.\n\nTroops withdrew from Lachin."
    )
    shelling, casualties, withdrawal = incidents(body, None)
    assert (shelling.type, shelling.date, shelling.date_precision) == ("shelling", "2021-04-27", "day")
    assert (casualties.type, casualties.date) == ("casualties", "2021-04-27")  # the day its paragraph just named
    assert (withdrawal.type, withdrawal.date) == ("troop_withdrawal", "2021-05-03")  # the report's latest day
    [undated] = incidents("Two soldiers were killed near Goris.", None)
    assert (undated.date, undated.date_precision) == (None, None)  # no date where the report gives none


def test_grouping_score_counts_pairs_of_gold_incidents_across_articles_only():
    from trucewatch.evaluation.incidents import grouping_score

    gold = {"001.txt#0": "g", "002.txt#0": "g", "003.txt#0": "g", "001.txt#1": "g"}
    predicted = {"001.txt#0": "x", "002.txt#0": "x", "003.txt#0": None, "001.txt#1": "x", "004.txt#0": "x"}
    score = grouping_score(gold, predicted)
    # gold pairs across articles: 1-2, 1-3, 2-3, 1b-2, 1b-3 (1-1b is one article); predicted: 1-2, 1b-2, 1-4, 1b-4, 2-4
    assert (score["gold_pairs"], score["predicted_pairs"]) == (5, 5)
    assert (score["precision"], score["recall"]) == (0.4, 0.4)


def test_a_party_is_no_place_and_a_sentence_naming_none_takes_the_place_just_spoken_of():
    [downing] = incidents("Azerbaijan has admitted shooting down a helicopter over Armenia on Monday.")
    assert downing.place_id == "armenia"  # "Azerbaijan has admitted": a party, not where
    body = "Monitors spent the day near Goris. They recorded twelve ceasefire violations in the area."
    [violations] = incidents(body)
    assert (violations.type, violations.place, violations.place_id) == ("ceasefire_violation_report", "Goris", "goris")
    assert incidents("Monitors recorded no ceasefire violations near Goris.") == []
    assert incidents("Joint patrols will begin near Goris next week.") == []
    assert incidents("The claim that its troops shelled Goris is false, the ministry said.") == []


def test_russian_reports_are_incidents_with_counts_and_analyse_stores_them(store, tmp_path: Path):
    def russian(body: str):
        doc = document(body, None)
        doc.language = "ru"
        return extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer())

    [found] = russian("За сутки зафиксировано три нарушения режима прекращения огня. Переговоры не состоялись.")
    assert (found.type, found.counts, found.plover_type) == ("ceasefire_violation_report", {"violations": 3}, "ASSAULT")
    assert russian("Стороны не подписали соглашение.") == []
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse

    (tmp_path / "ru.txt").write_text(
        "Сводка\n\nМиротворцы сообщили, что за сутки зафиксировано три нарушения "
        "режима прекращения огня. Пострадавших нет, сообщили в штабе миротворцев.\n",
        encoding="utf-8",
    )
    ingest([tmp_path / "ru.txt"], store)
    analyse(store)
    assert [i.type for i in store.incidents()] == ["ceasefire_violation_report"]


@pytest.mark.parametrize(
    "body",
    [
        "Both sides agreed to withdraw their troops from Lachin.",
        "Inspectors started investigating the attack near Goris.",
        "Villages near Goris were occupied by the army for nearly three decades.",
        "The ministry ruled out any casualties among its soldiers.",
    ],
)
def test_intentions_investigations_and_states_are_not_incidents(body):
    assert [i.type for i in incidents(body)] == []


def test_began_to_withdraw_is_an_incident_and_people_gathering_to_protest_is_a_protest():
    assert [i.type for i in incidents("Russian troops began to withdraw from Lachin on Monday.")] == [
        "troop_withdrawal"
    ]
    assert [i.type for i in incidents("Hundreds gathered in Goris to protest against the border deal.")] == ["protest"]


@pytest.mark.parametrize(
    ("body", "sub_event"),
    [
        ("Rebels seized the town of Goris on Monday.", "Non-state actor overtakes territory"),
        ("The army recaptured the town of Goris on Monday.", "Government regains territory"),
        ("Gunmen abducted two aid workers near Goris on Monday.", "Abduction/forced disappearance"),
        ("A suicide bomber struck a checkpoint near Goris on Monday.", "Suicide bomb"),
    ],
)
def test_acled_sub_events_follow_who_did_what(body, sub_event):
    assert sub_event in {i.acled_sub_event_type for i in incidents(body)}


def test_hyphenated_words_fill_a_cue_gap_and_agreeing_to_renew_a_truce_declares_it():
    assert "agreement_signed" in {
        i.type for i in incidents("The cabinet approved the U.S.-brokered hostage-release agreement on Friday.")
    }
    assert "ceasefire_declared" in {
        i.type for i in incidents("Both parties agreed to renew the armistice in Goris for two more months.")
    }


@pytest.mark.parametrize(
    ("body", "place_id"),
    [
        ("Moscow, (Agency - 17th Apr) Russian peacekeepers began withdrawing from Lachin.", "lachin"),  # a dateline
        ("Azerbaijan regained Lachin following a military operation launched by Baku.", "lachin"),  # Baku acted
        ("The Sanaa government said the coalition shelled Hodeidah.", "hodeidah"),  # Sanaa is its government
        (
            "Units fired on positions in Kalbajar district from positions located in Vardenis.",
            "kalbajar",
        ),  # fire's origin
        ("Units stationed in Vardenis fired on positions in Kalbajar district.", "vardenis"),  # no origin word: nearest
    ],
)
def test_a_dateline_an_agent_a_government_and_where_fire_came_from_are_not_the_place(body, place_id):
    [found] = incidents(body)
    assert found.place_id == place_id
