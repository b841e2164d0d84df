"""Reported (indirect) speech: where what was said ends, and which frames report it."""

from trucewatch.actors import load_registry
from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements


def statements(text: str) -> list[tuple[str, str | None]]:
    doc = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2020-11-10")
    return [(s.text, s.speaker_text) for s in extract_statements(doc, load_registry())]


def test_a_participle_of_speech_or_a_concession_after_a_comma_is_no_longer_what_was_said():
    assert statements("The senator said he did not believe the claims, arguing that the vote was fair.")[0] == (
        "he did not believe the claims", "The senator")
    assert statements("He claimed that the new tax plan was smart, although he refused to release his returns.") \
        == [("the new tax plan was smart", "He")]


def test_a_participle_of_speech_after_reported_speech_is_a_second_statement_of_the_same_speaker():
    text = "The minister said the troops would stay in the region, adding that talks would resume in June."
    assert statements(text) \
        == [("the troops would stay in the region", "The minister"), ("talks would resume in June", "The minister")]


def test_urging_a_named_addressee_reports_the_to_clause_but_urging_a_pronoun_or_agreeing_is_no_statement():
    assert statements("The president urged the army commanders to ensure the safety of all residents.") == [
        ("to ensure the safety of all residents", "The president")]
    assert statements("Moscow urged them to step back from the confrontation.") == []
    assert statements("The two sides agreed to withdraw their troops from the border.") == []


def test_a_clause_with_its_own_speaker_and_cue_ends_the_first_statement():
    text = "Officials said the convoy reached the town on Friday, but aid workers said it was turned back."
    assert statements(text) == [("the convoy reached the town on Friday", "Officials"),
                                ("it was turned back", "aid workers")]


def test_blaming_the_other_side_in_a_with_clause_is_mutual_blame_not_a_statement():
    assert statements("The fighting resumed last week, with both sides blaming the other for the violence.") == []
    assert statements("The fighting resumed last week, with officials blaming the rebels for the violence.") == [
        ("the rebels for the violence", "officials")]


def test_a_noun_of_words_said_with_a_that_clause_reports_its_owner_s_speech():
    text = ("The spokesman was asked to comment on local media reports that the convoy had been turned back "
            "at the border.")
    assert ("the convoy had been turned back at the border", "local media") in statements(text)
    assert statements("There were reports that the convoy had been turned back.") == []


def test_a_noun_of_words_said_that_the_tagger_reads_as_a_verb_still_frames_its_clause():
    text = "The spokesman had been asked to comment on Azerbaijani media reports that the withdrawal had begun."
    assert ("the withdrawal had begun", "Azerbaijani media") in statements(text)


def test_a_closing_frame_reports_only_the_clause_before_one_with_its_own_speaker_and_cue():
    text = ("The chance of choosing the town as the site is growing, and the defense ministry has said works for the "
            "center were going on, the daily newspaper reported, citing military experts.")
    assert ("The chance of choosing the town as the site is growing", "military experts") in statements(text)


def test_an_activity_going_on_in_an_adverbial_clause_is_no_speaker():
    text = "The two sides reaffirmed their commitment to the truce on Sunday, even as fighting continued."
    assert all(speaker != "fighting" for _, speaker in statements(text))


def test_said_in_a_statement_that_reports_the_clause_the_parser_hung_on_the_statement():
    text = "The border agency, which works with the aid groups, said in a statement that from Monday it will let " \
           "only half of the trucks through."
    assert [t for t, _ in statements(text)] == ["from Monday it will let only half of the trucks through"]


def test_a_voiced_concern_is_what_was_said_but_condolences_are_an_act():
    assert statements("The foreign ministry expressed its deep concern about the rising tension at the border.") \
        == [("its deep concern about the rising tension at the border", "The foreign ministry")]
    assert statements("The minister expressed condolences to the families of the victims.") == []


def test_a_vow_or_call_to_act_reports_its_to_clause():
    assert statements("The State Department has called to reopen the road to people and goods.") == [
        ("to reopen the road to people and goods", "The State Department")]
    assert [t for t, _ in statements("The prime minister vowed to meet the protesters in the village soon.")] \
        == ["to meet the protesters in the village soon"]


def test_a_descriptor_and_a_name_in_apposition_before_a_closing_cue_frame_the_sentence():
    text = "Both sides respect the truce and the region is calm, the commander of the new mission, John Smith, " \
           "said on Saturday."
    assert [t for t, _ in statements(text)] == ["Both sides respect the truce and the region is calm"]


def test_a_second_cue_with_its_own_that_clause_or_a_while_clause_is_a_second_statement():
    text = "He stressed that all the papers he signed were forged and claimed that his lawyer was threatened."
    assert statements(text) == [("all the papers he signed were forged", "He"), ("his lawyer was threatened", "He")]
    text = "Smith said in May that the country was ready for talks, while Jones later announced the talks had begun."
    assert statements(text) == [("the country was ready for talks", "Smith"), ("the talks had begun", "Jones")]


def test_an_agreement_as_speaker_states_its_terms_not_anyone_s_words():
    assert statements("According to the deal, the army was to leave the district by the end of the month.") == []
    assert statements("The deal called for joint patrols of both forces around the main road.") == []
    assert statements("The ministry said the truce held overnight.") == [("the truce held overnight", "The ministry")]
