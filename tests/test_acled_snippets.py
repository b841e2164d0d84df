"""ACLED sub-event types: the codebook rules of the incident stage, and the snippet evaluation on a made-up TSV.

The real CASE 2021 test set is third-party data and not in the repository; its figures are in
docs/evaluation.md with the command. Every sentence here is made up.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from trucewatch.actors import load_registry
from trucewatch.cli import main
from trucewatch.evaluation.acled_snippets import (
    NONE,
    NOT_ACLED,
    choose,
    evaluate_acled_snippets,
    gold_sub_event,
    predict,
    read_snippets,
    scores,
)
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.acled import acled_code, acled_rules, event_type_of, taxonomy
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences


def incidents(body: str):
    doc = Document.of_text(body, published="2022-03-01", language="en")
    return extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer())


def coded(body: str) -> set[str]:
    return {i.acled_sub_event_type for i in incidents(body)}


@pytest.mark.parametrize(
    ("sentence", "sub_event"),
    [
        ("Two suicide bombers blew themselves up at a market in the town, killing nine people.", "Suicide bomb"),
        ("A suicide attack on the convoy killed four soldiers on Monday.", "Suicide bomb"),
        ("Rebels fired shells filled with chlorine gas at the eastern district, officials said.", "Chemical weapon"),
        ("Soldiers raped three women in the village last week, a rights group said.", "Sexual violence"),
        ("Police fired tear gas to disperse hundreds of protesters outside the ministry.", "Protest with intervention"),
        ("Protesters threw stones at police and set two cars on fire during the demonstration.",
         "Violent demonstration"),
        ("Security forces opened fire on peaceful protesters, killing six demonstrators.",
         "Excessive force against protesters"),
        ("Thousands of people marched peacefully through the capital on Sunday to protest the new law.",
         "Peaceful protest"),
        ("An angry mob lynched a man accused of theft in the market town.", "Mob violence"),
        ("Gunmen abducted a local official on the road to the capital on Friday.", "Abduction/forced disappearance"),
        ("Militants hurled a grenade at a police vehicle, injuring three officers.", "Grenade"),
        ("Warplanes bombed the northern villages on Tuesday, the monitoring group said.", "Air/drone strike"),
        ("Artillery shells hit the border town overnight, wounding five residents.",
         "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded near the army convoy, killing two soldiers.", "Remote explosive/landmine/IED"),
        ("Police seized dozens of rifles and thousands of rounds of ammunition in a raid on the farm.",
         "Disrupted weapons use"),
        ("Rebels seized control of the town after the army withdrew without a fight.",
         "Non-violent transfer of territory"),
        ("Insurgents captured the district centre after heavy fighting with troops.",
         "Non-state actor overtakes territory"),
        ("Government troops recaptured the village from the militants after fierce clashes.",
         "Government regains territory"),
        ("The army has set up a new military base near the border crossing.", "Headquarters or base established"),
        ("Dozens of shops were looted in the township overnight.", "Looting/property destruction"),
        ("Police arrested more than 40 opposition activists in the capital on Thursday.", "Arrests"),
        ("Gunmen attacked a church during the morning service, killing eleven worshippers.", "Attack"),
        ("About 200 soldiers defected to the rebel side last week, a commander said.", "Change to group/activity"),
        ("The two sides agreed a three-day ceasefire on Sunday.", "Agreement"),
        ("Rebels and government troops clashed near the river crossing, leaving four dead.", "Armed clash"),
    ],
)
def test_codebook_rules_give_the_sub_event_type(sentence: str, sub_event: str) -> None:
    assert sub_event in coded(sentence), (sentence, coded(sentence))


def test_the_event_type_comes_from_the_taxonomy() -> None:
    found = incidents("Warplanes bombed the northern villages on Tuesday, the monitoring group said.")
    assert {(i.acled_event_type, i.acled_sub_event_type) for i in found} == {
        ("Explosions/Remote violence", "Air/drone strike")}


def test_a_disaster_is_no_acled_event() -> None:
    assert incidents("A strong earthquake killed at least twelve people in the mountain villages on Monday.") == []
    found = incidents("A gas cylinder exploded in a market, killing four people.")  # an accident: no ACLED codes
    assert found and all(i.acled_event_type == "" and i.acled_sub_event_type == "" for i in found)


def test_an_arrest_is_the_extra_type_with_its_own_plover_code() -> None:
    (arrest,) = incidents("Police arrested more than 40 opposition activists in the capital on Thursday.")
    assert (arrest.type, arrest.plover_type, arrest.acled_event_type) == ("other_event", "COERCE",
                                                                          "Strategic developments")


def test_the_extra_type_only_where_no_other_type_fires() -> None:
    found = incidents("Troops shelled the village and arrested two men, the mayor said.")
    assert "other_event" not in {i.type for i in found}
    assert "shelling" in {i.type for i in found}


def test_weapon_words_do_not_recode_an_agreement() -> None:
    assert acled_code("en", "ceasefire_declared", "the sides agreed a ceasefire after a week of heavy shelling") == (
        "Strategic developments", "Agreement")
    assert acled_code("en", "attack", "the village came under heavy shelling") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_no_rule_keeps_the_incident_types_own_codes() -> None:
    assert acled_code("en", "humanitarian_access", "the convoy delivered food to the town") is None
    assert acled_code("xx", "attack", "anything") is None  # a language without the file


def test_with_words_may_come_from_the_paragraph_just_before() -> None:
    sentence = "police fired rubber bullets at them."
    assert acled_code("en", "casualties", sentence) != ("Protests", "Protest with intervention")
    assert acled_code("en", "casualties", sentence, "thousands of demonstrators gathered in the square. ") == (
        "Protests", "Protest with intervention")


def test_data_files_name_every_sub_event_type_once() -> None:
    data = taxonomy()
    subs = [s for names in data["event_types"].values() for s in names]
    assert len(subs) == len(set(subs)) == 25
    assert sorted(data["precedence"]) == sorted(subs)
    assert {v for v in data["label_codes"]["case2021"].values() if v} == set(subs)
    assert {r.sub_event_type for r in acled_rules("en").rules} <= set(subs)
    assert event_type_of()["Grenade"] == "Explosions/Remote violence"


def test_choose_prefers_the_codebook_precedence_then_confidence() -> None:
    assert choose([("Armed clash", 0.9), ("Suicide bomb", 0.5)]) == "Suicide bomb"
    assert choose([("Armed clash", 0.5), ("Agreement", 0.5)]) == "Agreement"
    assert choose([("", 0.9)]) is None
    assert choose([]) is None


def test_scores_weigh_each_gold_class_by_its_support() -> None:
    result = scores([("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("C", NONE)])
    per = result["per_type"]
    assert per["A"] == {"precision": 1.0, "recall": 0.667, "f1": 0.8, "support": 3, "predicted": 2}
    assert per["B"]["f1"] == pytest.approx(0.667, abs=1e-3)
    assert per["C"]["f1"] == 0.0
    assert result["accuracy"] == 0.6
    assert result["weighted_f1"] == pytest.approx(round((0.8 * 3 + 0.667 * 1 + 0) / 5, 3), abs=1e-3)
    assert result["macro_f1"] == pytest.approx(round((0.8 + 0.667 + 0) / 3, 3), abs=1e-3)


TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tWarplanes bombed the northern villages on Tuesday, the monitoring group said.\tAIR_STRIKE\n"
    "2\tPolice arrested more than 40 opposition activists in the capital on Thursday.\tARREST\n"
    "3\tA strong earthquake shook the coastal region on Monday morning\tNATURAL_DISASTER\n"
    "4\tThe weather was mild and sunny across the region this week.\tGRENADE\n"
    "5\tPolice fired tear gas to disperse hundreds of protesters outside the ministry\tPROTEST_WITH_INTER\n"
)


def test_read_snippets_selects_odd_or_even_ids(tmp_path) -> None:
    path = tmp_path / "set.tsv"
    path.write_text(TSV, encoding="utf-8")
    assert [s.id for s in read_snippets(path, "odd")] == ["1", "3", "5"]
    assert [s.id for s in read_snippets(path, "even")] == ["2", "4"]
    assert len(read_snippets(path)) == 5
    with pytest.raises(ValueError):
        read_snippets(path, "some")


def test_label_codes_map_to_codebook_names() -> None:
    assert gold_sub_event("ART_MISS_ATTACK") == "Shelling/artillery/missile attack"
    assert gold_sub_event("NON_VIOL_TERRIT_TRANSFER") == "Non-violent transfer of territory"
    assert gold_sub_event("DIPLO") is None
    with pytest.raises(ValueError):
        gold_sub_event("NO_SUCH_CODE")


def test_a_snippet_cut_before_its_full_stop_is_still_read() -> None:
    assert predict("Police fired tear gas to disperse hundreds of protesters outside the ministry")[0] == (
        "Protest with intervention")


def test_evaluation_counts_every_snippet(tmp_path) -> None:
    path = tmp_path / "set.tsv"
    path.write_text(TSV, encoding="utf-8")
    result = evaluate_acled_snippets(path, "all")
    acled, every = result["acled"], result["all"]
    assert acled["n"] == 4 and every["n"] == 5  # the disaster is no ACLED type
    assert acled["per_type"]["Grenade"]["recall"] == 0.0  # no incident in it: counted wrong
    assert acled["accuracy"] == 0.75 and acled["coverage"] == 0.75
    assert every["per_type"][NOT_ACLED] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1,
                                            "predicted": 2}
    assert {"gold": "Grenade", "predicted": NONE, "n": 1} in result["confusions"]


def test_cli_prints_the_scores(tmp_path) -> None:
    path = tmp_path / "set.tsv"
    path.write_text(TSV, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "acled-snippets", str(path), "--ids", "odd", "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert report["ids"] == "odd" and report["acled"]["n"] == 2 and report["all"]["n"] == 3
    table = runner.invoke(main, ["eval", "acled-snippets", str(path), "--ids", "even", "--confusions"])
    assert table.exit_code == 0 and "weighted F1" in table.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    assert runner.invoke(main, ["eval", "acled-snippets", str(bad)]).exit_code != 0
