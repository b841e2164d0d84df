"""Speakers read from the context of a statement, on short texts written for the tests: the person the sentence
before a pronoun opens with, descriptors of actors the text has met, documents and their issuers, quoted words
without a cue of speech, and relays citing their source after a time adverbial."""

from __future__ import annotations

import pytest

from trucewatch.actors import load_registry
from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements


def doc(text: str, published: str | None = "2024-05-02") -> Document:
    return Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published=published)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def speakers(text: str, registry) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.speaker_text, s.speaker) for s in extract_statements(doc(text), registry)]


def test_pronoun_is_the_person_the_sentence_before_opens_with(registry):
    text = ("President Ilham Aliyev said on Monday that the talks would continue.\n\n"
            "Samvel Petrosyan, a farmer from the village, watched the soldiers dig trenches near his house.\n\n"
            '"We are afraid to go to our fields," he said.\n\n'
            '"Nobody told us anything," she added.')
    rows = speakers(text, registry)
    assert rows[1][1:] == ("he", "provisional:samvel-petrosyan")
    assert rows[2][1:] == ("she", None)  # "he" was said of him: never "she"


def test_pronoun_keeps_the_last_speaker_when_the_sentence_before_opens_otherwise(registry):
    text = ("President Ilham Aliyev said on Monday that the talks would continue.\n\n"
            "The roads near the village were closed for the night.\n\n"
            '"We are ready," he said.')
    assert speakers(text, registry)[1][1:] == ("he", "ilham-aliyev")


def test_descriptor_is_never_a_registry_actor_of_a_side_the_text_does_not_name(registry):
    text = ("Israeli Prime Minister Benjamin Netanyahu said the war would not end.\n\n"
            '"We will win," the prime minister said.')
    assert speakers(text, registry)[1][1:] == ("the prime minister", "benjamin-netanyahu")


def test_descriptor_still_finds_the_registry_actor_the_text_names(registry):
    text = ("Armenian Prime Minister Nikol Pashinyan said the border would be delimited.\n\n"
            '"We will sign," the prime minister said.')
    assert speakers(text, registry)[1][1:] == ("the prime minister", "nikol-pashinyan")


def test_unknown_rather_than_a_role_holder_of_another_conflict(registry):
    text = 'Fighting went on in Khartoum on Monday.\n\n"We will respond," the minister said.'
    assert speakers(text, registry)[0][1:] == ("the minister", None)


def test_document_speaks_for_the_one_that_published_it(registry):
    text = ("Protesters blocked the road early on Monday morning, according to an official statement published "
            "by the Armenian Ministry of Foreign Affairs.")
    rows = speakers(text, registry)
    assert rows[0][0] == "Protesters blocked the road early on Monday morning"
    assert rows[0][2] == "armenia-mfa"


def test_quoted_words_without_a_cue_of_speech_are_the_reported_source_s(registry):
    text = ("The report of the Kroc Institute said that implementation had slowed since 2019.\n\n"
            "Between 2019 and 2021, the variation has been between four and six points, “diminishing notably in "
            "the final year.”")
    rows = speakers(text, registry)
    assert rows[-1][0].startswith("between four") or rows[-1][0].startswith("diminishing")
    assert rows[-1][2] == "kroc-institute"


def test_relay_citing_its_source_after_a_time_adverbial(registry):
    text = ("Russian peacekeepers have begun leaving Karabakh, TASS reported on Wednesday, citing the Russian "
            "Defence Ministry.")
    rows = speakers(text, registry)
    assert [r[2] for r in rows] == ["russia-mod"]


def test_quotation_paragraph_after_a_paragraph_of_narrative_goes_on_with_the_speaker(registry):
    text = ("Saudi Arabia and the United States said in a joint statement that both sides had violated the truce.\n\n"
            "Fighting continued in the capital on Tuesday.\n\n"
            "“The Sudanese people badly need the humanitarian assistance.”")
    rows = speakers(text, registry)
    assert rows[-1][0].startswith("The Sudanese people")
    assert rows[-1][1] is not None and rows[-1][1] == rows[0][1]


def test_quotation_three_paragraphs_after_the_speaker_is_not_carried_over(registry):
    text = ("President Ilham Aliyev said that the talks would continue.\n\n"
            "Fighting continued in the capital on Tuesday.\n\n"
            "Roads to the city were closed for the night.\n\n"
            "“Nobody has asked the people of the region what they want from these talks.”")
    rows = speakers(text, registry)
    assert rows[-1][0].startswith("Nobody")
    assert rows[-1][2] is None


@pytest.mark.parametrize(("text", "expected"), [
    ('UN Secretary-General Antonio Guterres arrived in Geneva on Monday.\n\n'
     '"We need a ceasefire now," the UN chief said.',
     ("the UN chief", "antonio-guterres")),
    ("Foreign Ministry spokeswoman Maria Lind held a briefing on Tuesday.\n\n"
     '"The talks are over," the ministry\'s spokeswoman said.',
     ("the ministry's spokeswoman", "provisional:maria-lind")),
    ('Farmer Anna Sorel, 45, lost her crop in the flood.\n\n"We have nothing left," the 45-year-old said.',
     ("the 45-year-old", "provisional:anna-sorel")),
    ('Hospital director Lena Holm spoke to reporters.\n\n"We are out of beds," the director said.',
     ("the director", "provisional:lena-holm")),
    ('The harbour was closed after a blast that Mayor Bill de Blasio called deliberate.\n\n'
     '"Stay away," the mayor said.',
     ("the mayor", "provisional:bill-de-blasio")),
    ('Maria Lind, the ministry\'s spokeswoman, held a briefing.\n\n"No comment," the spokeswoman said.',
     ("the spokeswoman", "provisional:maria-lind")),
    ('Indiana Gov. Mike Pence spoke in Ohio.\n\n"We will win," the Indiana governor said.',
     ("the Indiana governor", "provisional:mike-pence")),
])
def test_definite_description_is_the_person_introduced_with_its_words(registry, text, expected):
    assert speakers(text, registry)[-1][1:] == expected


def test_description_nobody_was_introduced_with_is_kept_as_written(registry):
    text = ('Real estate developer Marcus Feld bought the tower last year.\n\n'
            '"It was a bargain," the New York businessman said.')
    statement = extract_statements(doc(text), registry)[-1]
    assert (statement.speaker, statement.speaker_name) == (None, "New York businessman")


def test_description_is_the_head_of_a_title_not_its_complement(registry):
    text = ('The court ruled against Republican Secretary of State Jon Husted on Friday.\n\n'
            '"We will appeal," the state said.')
    assert speakers(text, registry)[-1][2] != "provisional:jon-husted"


def test_whoever_quotes_someone_as_saying_relays_them(registry):
    text = 'The agency quoted Defence Minister Zakir Hasanov as saying: "The army is ready."'
    assert speakers(text, registry)[0][2] == "zakir-hasanov"


def ru_speakers(text: str, registry) -> list[tuple[str | None, str | None]]:
    document = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2024-05-02",
                        language="ru")
    return [(s.speaker, s.speaker_name) for s in extract_statements(document, registry)]


def test_russian_role_alone_is_the_person_introduced_with_it(registry):
    text = ("Министр иностранных дел Азербайджана Джейхун Байрамов провел встречу в Баку.\n\n"
            "«Мы готовы к миру», — заявил министр.")
    assert ru_speakers(text, registry)[-1][0] == "jeyhun-bayramov"


def test_unknown_cyrillic_name_after_its_title_is_a_provisional_person(registry):
    text = "«Мы не допустим провокаций», — заявил замминистра обороны Иван Сидоров."
    assert ru_speakers(text, registry) == [("provisional:иван-сидоров", "Иван Сидоров")]


def test_a_known_speaker_named_in_the_frame_inside_a_split_quotations_marks_is_resolved(registry):
    text = "«Переговоры продолжатся, — сказал Алиев, — но только на наших условиях»."
    assert ru_speakers(text, registry)[0][0] == "ilham-aliyev"
