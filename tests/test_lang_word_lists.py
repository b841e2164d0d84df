"""Rules whose words moved from code to ``data/lang/<language>/*.yaml`` read them from there: changing a list
changes what the rule does, and another language's list is read beside English (invented sentences)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import partial
from types import ModuleType
from typing import Any

import pytest

import trucewatch.statements.lexicon as statements_lexicon
from trucewatch import lang, linking
from trucewatch.cleaning import lines
from trucewatch.cleaning.lines import Unit, classify
from trucewatch.linking import detect_signal
from trucewatch.records import Sentence
from trucewatch.statements import attribution, cues, document, frames, relays, speakers
from trucewatch.statements.attribution import Attribution

Lists = dict[str, dict[str, list[str]]]


def _patched(real: Callable[[str], dict[str, dict[str, Any]]], name: str, lists: Lists):
    """``lexicons`` with ``lists`` (language -> key -> words) laid over the bundled ``name`` files."""
    def lexicons(wanted: str) -> dict[str, dict[str, Any]]:
        found = real(wanted)
        if wanted != name:
            return found
        return {code: {**found.get(code, {}), **lists.get(code, {})} for code in {*found, *lists}}
    return lexicons


def _rebuilt(monkeypatch, module: ModuleType, *cached: str) -> Iterator[Callable[..., Any]]:
    """``module`` rebuilt with English lists of one data file replaced (its patterns are compiled on import; the
    functions named in ``cached`` are cleared first), then restored: yields ``use(name, **lists)``."""
    real = statements_lexicon.lexicon

    def use(name: str, **lists: list[str]) -> Any:
        def lexicon(wanted: str, language: str = "en") -> dict[str, Any]:
            return {**real(wanted, language), **(lists if wanted == name else {})}

        monkeypatch.setattr(statements_lexicon, "lexicon", lexicon)
        for function in cached:
            getattr(module, function).cache_clear()
        return importlib.reload(module)

    yield use
    monkeypatch.undo()
    importlib.reload(module)


# -- linking: the words before a status cue (status.yaml) ------------------------------------------------------------

def _lexicon_patcher(monkeypatch, module: ModuleType, name: str, cached: Callable[..., Any]
                     ) -> Iterator[Callable[..., None]]:
    """A fixture's body: ``use(**lists)`` replaces lists of ``module``'s lexicon ``name`` and clears ``cached``."""
    real = module.lexicons

    def use(**lists: dict[str, list[str]]) -> None:
        monkeypatch.setattr(module, "lexicons", _patched(real, name, lists))
        cached.cache_clear()

    cached.cache_clear()
    yield use
    monkeypatch.undo()
    cached.cache_clear()


@pytest.fixture
def status(monkeypatch) -> Iterator[Callable[..., None]]:
    yield from _lexicon_patcher(monkeypatch, linking, "status", linking._status_words)


DONE = {"done": ("returned",), "violated": ("violations",)}


@pytest.mark.parametrize(("text", "key", "words", "before", "after"), [
    ("the district was not returned", "negation", ["never"], "not_done", "done"),
    ("the district wasn't returned", "negation_endings", [], "not_done", "done"),
    ("the district will be returned", "modals", ["shall"], None, "done"),
    ("the district is to be returned", "modals_near", [], None, "done"),
    ("observers will monitor and report the ceasefire violations", "modals", [], None, "violated"),
    ("since the district was returned, calm has held", "time_clause", ["until"], None, "done"),
])
def test_a_status_rule_reads_its_english_list(status, text, key, words, before, after) -> None:
    assert detect_signal(text, DONE)[0] == before
    status(en={key: words})
    assert detect_signal(text, DONE)[0] == after


def test_a_russian_status_list_is_read_beside_the_english_one(status) -> None:
    cues = {"done": ("возвращён",)}
    assert detect_signal("район не возвращён", cues)[0] == "done"  # no Russian list today: the rule does not fire
    status(ru={"negation": ["не"]})
    assert detect_signal("район не возвращён", cues)[0] == "not_done"
    assert detect_signal("the district was not returned", DONE)[0] == "not_done"  # English still read


# -- cleaning: caption words (credits.yaml) -------------------------------------------------------------------------

@pytest.fixture
def captions(monkeypatch) -> Iterator[Callable[..., None]]:
    yield from _lexicon_patcher(monkeypatch, lines, "credits", lines._captions)


def kind(text: str) -> str:
    unit = Unit([(0, len(text))], text)
    classify(unit, None)
    return unit.kind


@pytest.mark.parametrize(("text", "language", "key", "words"), [
    ("Press photo: the ministry", "en", "caption_nouns", ["video"]),
    ("Picture by Jane Doe", "en", "caption_credit_words", ["credit"]),
    ("Photo Jane Doe", "en", "caption_openers", []),
    ("Troops at the border crossing (Getty Images)", "en", "caption_marks", ["shutterstock"]),
    ("Фото пресс-службы", "ru", "caption_openers", []),
    ("Видео: пресс-служба", "ru", "caption_nouns", ["фото"]),
])
def test_a_caption_rule_reads_its_list(captions, text, language, key, words) -> None:
    assert kind(text) == "caption"
    captions(**{language: {key: words}})
    assert kind(text) != "caption"


# -- statements: relays (speakers.yaml, quotes.yaml) ----------------------------------------------------------------

@pytest.fixture
def reloaded(monkeypatch) -> Iterator[Callable[..., Any]]:
    """The relays module rebuilt with English lists of ``name`` replaced."""
    yield from _rebuilt(monkeypatch, relays, "_document_pattern")


def test_relay_time_words_are_read(reloaded) -> None:
    assert relays._CITING.match(" on Friday, citing Peskov.").group("who") == "Peskov"
    assert reloaded("speakers", citing_time_openers=["late"])._CITING.match(" on Friday, citing Peskov.") is None


def test_the_words_ending_a_cited_source_are_read(reloaded) -> None:
    text = ", citing Peskov as saying the talks failed"
    assert relays._CITING.match(text).group("who") == "Peskov"
    assert reloaded("speakers", citing_ends=["who"])._CITING.match(text).group("who") != "Peskov"


def test_the_content_opener_after_a_cited_source_is_read(reloaded) -> None:
    assert relays._AFTER_CITED.match(", that the talks").end() == 7
    assert reloaded("speakers", citing_content_openers=["whether"])._AFTER_CITED.match(", that the talks").end() == 2


def test_the_words_after_a_quoted_speaker_are_read(reloaded) -> None:
    assert relays._QUOTED.match(" Peskov as saying").group("who") == "Peskov"
    assert relays._QUOTED_AS.match(" Peskov as saying") is not None
    changed = reloaded("speakers", quoting_tails=["as stating"], quoted_as_saying=["as stating"])
    assert changed._QUOTED.match(" Peskov as saying") is None
    assert changed._QUOTED_AS.match(" Peskov as saying") is None


def test_the_words_naming_a_documents_maker_are_read(reloaded) -> None:
    assert relays.names_document("a survey conducted by Gallup")
    assert not reloaded("quotes", relay_document_makers=["by"]).names_document("a survey conducted by Gallup")


# -- statements: passive cues, issuers, leading times and weekdays (quotes.yaml, speakers.yaml, dates.yaml) ----------

@pytest.fixture
def english(monkeypatch) -> Callable[..., None]:
    """English lists of ``name`` replaced, for the statements pattern builders (called again by each test)."""
    real_lang = lang.lexicon

    def use(name: str, **lists: Any) -> None:
        def by_language(language: str, wanted: str) -> dict[str, Any]:
            found = real_lang(language, wanted)
            return {**found, **lists} if (language, wanted) == ("en", name) else found

        def statements(wanted: str, language: str = "en") -> dict[str, Any]:
            return by_language(language, wanted)

        monkeypatch.setattr(lang, "lexicon", by_language)
        monkeypatch.setattr(statements_lexicon, "lexicon", statements)
        monkeypatch.setattr(frames, "lexicon", statements)

    return use


def _passive(monkeypatch, sentence: str) -> bool:
    monkeypatch.setattr(cues, "_PASSIVE", cues._passive_pattern())
    return cues.passive(sentence, sentence.rindex("told"))


@pytest.mark.parametrize(("sentence", "key", "words"), [
    ("The envoy was told", "passive_auxiliaries", ["is"]),
    ("The envoy was not told", "passive_adverbs", ["also"]),
])
def test_a_passive_cue_reads_its_words(english, monkeypatch, sentence, key, words) -> None:
    assert _passive(monkeypatch, sentence)
    english("quotes", **{key: words})
    assert not _passive(monkeypatch, sentence)


def test_the_time_before_an_issuers_by_is_read(english) -> None:
    text = " published late Friday by the ministry."
    assert attribution._issued_by().match(text).group("issuer") == "the ministry"
    english("dates", time_openers=["on"])
    assert attribution._issued_by().match(text) is None


def test_the_words_ending_an_issuer_are_read(english) -> None:
    text = " published by the ministry on Friday"
    assert attribution._issued_by().match(text).group("issuer") == "the ministry"
    english("speakers", issuer_stops=["that"])
    assert attribution._issued_by().match(text).group("issuer") == "the ministry on Friday"


def test_the_time_opening_reported_speech_is_read(english) -> None:
    text = "late Friday, the talks had failed"
    assert document._leading_time().match(text).end() == len("late Friday, ")
    english("dates", time_openers=["on"])
    assert document._leading_time().match(text) is None


def test_the_part_of_a_day_after_a_weekday_is_read(english) -> None:
    text = "Friday evening, the talks had failed"
    assert document._leading_time().match(text).end() == len("Friday evening, ")
    english("dates", day_parts=["night"])
    assert document._leading_time().match(text).end() == len("Friday ")


def test_a_weekday_after_a_bare_cue_is_read_from_the_date_words(english) -> None:
    assert frames._weekday().match("Monday")
    english("dates", weekdays=[["lundi", "lun"]])
    assert not frames._weekday().match("Monday")
    assert frames._weekday().match("Lundi")


@pytest.fixture
def frames_with(monkeypatch) -> Iterator[Callable[..., Any]]:
    """The frames module rebuilt with English lists of ``name`` replaced."""
    yield from _rebuilt(monkeypatch, frames)


def _sentence(text: str) -> Sentence:
    return Sentence("invented", 0, 0, len(text), text)


def test_an_impersonal_passive_closing_a_sentence_reads_the_passive_auxiliaries(frames_with) -> None:
    text = "The ceasefire held in the north, it was reported."
    assert frames.frame_tail(text, _sentence(text), []) is None
    assert frames_with("quotes", passive_auxiliaries=["is"]).frame_tail(text, _sentence(text), []) is not None


def test_a_subject_pronoun_after_a_cue_reads_the_other_subject_pronouns(frames_with) -> None:
    assert frames._SUBJECT_PRONOUN.match("you")
    assert not frames_with("quotes", other_subject_pronouns=["thou"])._SUBJECT_PRONOUN.match("you")


@pytest.mark.parametrize(("text", "key", "words"), [
    ("The envoy has been quoted as saying the ceasefire held in the north.", "quoted_auxiliaries", ["was"]),
    ("The envoy was quoted as stating the ceasefire held in the north.", "quoted_as_gerunds", ["saying"]),
    ("The envoy was quoted as telling reporters the ceasefire held.", "quoted_as_telling", ["informing"]),
])
def test_a_quoted_as_frame_reads_its_words(frames_with, text, key, words) -> None:
    assert frames.frame_quoted_as(text, _sentence(text)) is not None
    assert frames_with("quotes", **{key: words}).frame_quoted_as(text, _sentence(text)) is None


def test_a_quoting_cue_is_known_by_its_stem(reloaded) -> None:
    text = "Interfax quoted Peskov as saying the talks failed."
    item = Attribution("indirect", 34, len(text) - 1, 9, 15, 0, 8, 0)
    assert relays._quotes_someone(text, item)
    assert not reloaded("speakers", quoting_stems=["cit"])._quotes_someone(text, item)


# -- statements: speaker phrases (speakers.yaml) --------------------------------------------------------------------

@pytest.fixture
def speakers_with(monkeypatch) -> Iterator[Callable[..., Any]]:
    """The speakers module rebuilt with English speaker lists replaced."""
    for use in _rebuilt(monkeypatch, speakers):
        yield partial(use, "speakers")


def _rest(pattern, phrase: str) -> str | None:
    match = pattern.match(phrase)
    return match.group("rest") if match else None


@pytest.mark.parametrize(("pattern", "phrase", "key", "words"), [
    ("_SOURCE", "two senior sources in the ministry", "source_determiners", ["the"]),  # a source in an institution
    ("_SOURCE", "sources within the ministry", "source_prepositions", ["in"]),
    ("_DOCUMENT_BY", "their first joint annual statement by the ministry", "document_determiners", ["the"]),
    ("_DOCUMENT_BY", "a statement from the ministry", "document_prepositions", ["by"]),  # a document's issuer
])
def test_the_institution_behind_a_source_or_a_document_reads_its_words(speakers_with, pattern, phrase, key,
                                                                        words) -> None:
    assert _rest(getattr(speakers, pattern), phrase) == "the ministry"
    assert _rest(getattr(speakers_with(**{key: words}), pattern), phrase) is None


def test_the_sources_just_quoted_read_their_determiners(speakers_with) -> None:
    assert speakers._SAME_SOURCE.match("these sources")
    assert not speakers_with(same_source_determiners=["the"])._SAME_SOURCE.match("these sources")


def test_an_organisation_already_named_reads_its_determiners(speakers_with) -> None:
    assert speakers._GENERIC.match("this ministry")
    assert not speakers_with(generic_determiners=["the"])._GENERIC.match("this ministry")


def test_a_title_in_apposition_reads_its_articles(speakers_with) -> None:
    text = "Maria Lind, the ministry's spokeswoman, said"
    assert speakers._APPOSED_TITLE.search(text).group("title") == "ministry's spokeswoman"
    assert speakers_with(apposition_articles=["a"])._APPOSED_TITLE.search(text) is None


def test_a_titles_complement_reads_its_prepositions(speakers_with) -> None:
    assert speakers._COMPLEMENT.sub("", "secretary of state") == "secretary"
    assert speakers_with(complement_prepositions=["for"])._COMPLEMENT.sub("", "secretary of state") \
        == "secretary of state"


@pytest.fixture
def cues_with(monkeypatch) -> Iterator[Callable[..., Any]]:
    """The cues module rebuilt with English quote lists replaced."""
    for use in _rebuilt(monkeypatch, cues):
        yield partial(use, "quotes")


ACCORDING = "According to the ministry, the ceasefire held in the north."


def test_an_according_to_phrase_is_found_by_its_words(cues_with) -> None:
    assert cues.cue_offsets(ACCORDING) == [0]
    changed = cues_with(according_to=["as per"])
    assert changed.cue_offsets(ACCORDING) == []
    assert changed.cue_offsets("As per the ministry, the ceasefire held in the north.") == [0]


def test_an_according_to_frame_reads_its_phrase(frames_with) -> None:
    assert frames.frame_according(ACCORDING, _sentence(ACCORDING), 0) is not None
    assert frames_with("quotes", according_to=["as per"]).frame_according(ACCORDING, _sentence(ACCORDING), 0) is None


@pytest.mark.parametrize(("after", "key", "words"), [
    (", who lost the primaries.", "appositive_relatives", ["whom"]),
    (", professor at Yale.", "appositive_prepositions", ["of"]),
])
def test_an_appositive_after_a_speakers_name_reads_its_words(frames_with, after, key, words) -> None:
    assert frames._AFTER_NAME.match(after)
    assert not frames_with("quotes", **{key: words})._AFTER_NAME.match(after)
