"""Reported speech in a language read by patterns alone (Russian), on sentences written for the tests."""

from __future__ import annotations

import pytest

from trucewatch.actors import load_registry
from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements


def rows(text: str) -> list[tuple[str, str, str | None]]:
    doc = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2023-03-11",
                   language="ru")
    return [(s.kind, s.text, s.speaker) for s in extract_statements(doc, load_registry())]


@pytest.mark.parametrize(("text", "expected"), [
    ("Дмитрий Песков заявил журналистам, что переговоры продолжатся на следующей неделе.",
     ("indirect", "переговоры продолжатся на следующей неделе", "dmitry-peskov")),
    ("Обстановка на линии соприкосновения остается спокойной, заявил на брифинге Игорь Конашенков.",
     ("indirect", "Обстановка на линии соприкосновения остается спокойной", "igor-konashenkov")),
    ("По словам Пескова, решение пока не принято.", ("indirect", "решение пока не принято", "dmitry-peskov")),
    ("«Режим тишины соблюдается», — сказал Песков.", ("direct", "Режим тишины соблюдается", "dmitry-peskov")),
])
def test_russian_frames(text, expected):
    assert rows(text) == [expected]


def test_this_news_reports_the_sentence_before_and_he_is_the_last_speaker():
    text = ("Колонна миротворцев прошла через Лачинский коридор. Об этом сообщило Минобороны РФ. "
            "Никол Пашинян заявил, что Ереван ждет доклада. Он попросил Москву направить наблюдателей в регион.")
    assert rows(text) == [
        ("indirect", "Колонна миротворцев прошла через Лачинский коридор", "russia-mod"),
        ("indirect", "Ереван ждет доклада", "nikol-pashinyan"),
        ("indirect", "направить наблюдателей в регион", "nikol-pashinyan"),
    ]
