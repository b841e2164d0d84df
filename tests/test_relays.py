"""Relaying agencies are sources, not speakers (texts written for the tests)."""

from __future__ import annotations

import pytest

from trucewatch.actors import load_registry
from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements
from trucewatch.statements.relays import is_relay


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def speakers(text: str, registry) -> list[tuple[str | None, str | None]]:
    doc = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2021-03-01")
    return [(s.speaker_text, s.speaker) for s in extract_statements(doc, registry)]


@pytest.mark.parametrize("phrase", ["TASS", "the Russian TASS news agency", "daily Hürriyet", "AzVision.az",
                                    "local media", "Reuters news agency"])
def test_agencies_outlets_and_websites_are_relays(phrase):
    assert is_relay(phrase)


@pytest.mark.parametrize("phrase", ["Peskov", "the Defence Ministry", "the State Security Service agency", "U.S."])
def test_speakers_are_not_relays(phrase):
    assert not is_relay(phrase)


@pytest.mark.parametrize("text", [
    '"The talks went well and we expect progress," Peskov told TASS.',
    "According to Reuters, Peskov said the peacekeepers would stay for five more years.",
    "Peskov told Interfax that the peacekeepers would stay for five more years.",
    "The peacekeepers would stay for five more years, Interfax reported, citing Peskov.",
    "The peacekeepers would stay for five more years, Dmitry Peskov said, AzVision.az reports.",
    '"The peacekeepers will stay for five more years," the agency TASS quoted Peskov as saying.',
])
def test_the_relayed_speaker_speaks_never_the_agency(registry, text):
    assert [actor for _, actor in speakers(text, registry)] == ["dmitry-peskov"]


def test_the_agency_speaks_when_nobody_else_is_named(registry):
    rows = speakers("Interfax reported that the peacekeepers would stay for five more years.", registry)
    assert rows == [("Interfax", "provisional:interfax")]


def test_an_outlet_signing_its_own_news_says_nothing(registry):
    assert speakers("The peacekeepers would stay for five more years, APA reports.", registry) == []


@pytest.mark.parametrize("source", ["a recent survey by Reuters", "a recent Reuters survey of voter lists",
                                    "a new report by Interfax"])
def test_a_document_an_outlet_made_is_the_source(registry, source):
    text = f"The new rules are helping the ruling party in the largest cities, according to {source}."
    rows = speakers(text, registry)
    assert len(rows) == 1 and rows[0][0] == source
