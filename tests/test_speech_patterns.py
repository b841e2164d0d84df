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


# Made-up sentences of the shapes Russian wire copy reports speech in: every gender and number of the verb,
# inflected names resolved to registry actors, ministries and press services, agencies that only relay.
@pytest.mark.parametrize(("text", "expected"), [
    ("«Мы готовы к переговорам», — заявила Мария Захарова.",
     ("direct", "Мы готовы к переговорам", "maria-zakharova")),
    ("„Ситуация остается стабильной“, — подчеркнул Лавров.",
     ("direct", "Ситуация остается стабильной", "sergey-lavrov")),
    ("«Огонь не открывался», сообщили в Минобороны Армении.",
     ("direct", "Огонь не открывался", "armenia-mod")),
    ("«Когда начнется вывод?» — спросил Пашинян.", ("direct", "Когда начнется вывод?", "nikol-pashinyan")),
    ("Президент Азербайджана Ильхам Алиев заявил: «Мы восстановили суверенитет страны».",
     ("direct", "Мы восстановили суверенитет страны", "ilham-aliyev")),
    ("Песков: «Решение пока не принято».", ("direct", "Решение пока не принято", "dmitry-peskov")),
    ("По словам Пескова, «решение пока не принято».", ("direct", "решение пока не принято", "dmitry-peskov")),
    ("По словам Алиева, переговоры идут успешно.", ("indirect", "переговоры идут успешно", "ilham-aliyev")),
    ("По мнению Пашиняна, мирный договор может быть подписан в этом году.",
     ("indirect", "мирный договор может быть подписан в этом году", "nikol-pashinyan")),
    ("Как заявили в Минобороны Азербайджана, армянские подразделения обстреляли позиции.",
     ("indirect", "армянские подразделения обстреляли позиции", "azerbaijan-mod")),
    ("Как сообщает пресс-служба МИД Азербайджана, министр провел встречу с послом.",
     ("indirect", "министр провел встречу с послом", "azerbaijan-mfa")),
    ("Азербайджан утверждает, что протестующие не мешают движению по дороге.",
     ("indirect", "протестующие не мешают движению по дороге", "azerbaijan")),
    ("В МИД России заявили, что Москва обеспокоена ситуацией на границе.",
     ("indirect", "Москва обеспокоена ситуацией на границе", "russia-mfa")),
    ("В Кремле заявили, что Россия не планирует выводить миротворцев из региона.",
     ("indirect", "Россия не планирует выводить миротворцев из региона", "kremlin")),
    ("Ранее Алиев заявлял, что Азербайджан не допустит реваншизма.",
     ("indirect", "Азербайджан не допустит реваншизма", "ilham-aliyev")),
    ("Министр обороны России Сергей Шойгу сообщил, что миротворцы развернуты в регионе.",
     ("indirect", "миротворцы развернуты в регионе", "sergei-shoigu")),
    ("В заявлении МИД Армении говорится, что Баку нарушил договоренности.",
     ("indirect", "Баку нарушил договоренности", "armenia-mfa")),
    ("Армянские военные обстреляли позиции в Кельбаджарском районе, утверждают в Минобороны Азербайджана.",
     ("indirect", "Армянские военные обстреляли позиции в Кельбаджарском районе", "azerbaijan-mod")),
    ("— Мы готовы к переговорам, — заявил Алиев журналистам.",
     ("direct", "Мы готовы к переговорам", "ilham-aliyev")),
])
def test_russian_shapes(text, expected):
    assert rows(text) == [expected]


@pytest.mark.parametrize("text", [
    "Как сообщает ТАСС со ссылкой на Минобороны России, колонна прошла через коридор.",
    "Колонна прошла через коридор, сообщает «Интерфакс» со ссылкой на Минобороны России.",
    "Колонна прошла через коридор. Об этом сообщает ТАСС со ссылкой на Минобороны России.",
    "«Колонна прошла через коридор», — приводит РИА Новости слова представителя Минобороны России.",
])
def test_an_agency_relays_the_source_it_cites(text):
    (statement,) = rows(text)
    assert "олонна прошла через коридор" in statement[1] and statement[2] == "russia-mod"


@pytest.mark.parametrize("second", [
    "Сообщается, что пострадавших среди миротворцев нет.",
    "Также отмечается, что пострадавших среди миротворцев нет.",
    "«Пострадавших среди миротворцев нет», — отмечается в сообщении.",
    "В министерстве отметили, что пострадавших среди миротворцев нет.",
    "По его данным, пострадавших среди миротворцев нет.",
])
def test_an_unnamed_source_is_the_one_reported_just_before(second):
    text = f"Министерство обороны Армении сообщило о нарушении режима прекращения огня. {second}"
    assert rows(text) == [("direct" if "«" in second else "indirect", "Пострадавших среди миротворцев нет"
                           if "«" in second else "пострадавших среди миротворцев нет", "armenia-mod")]


def test_a_clause_after_a_semicolon_has_its_own_frame():
    text = ("Пятеро военных погибли при обстреле; президент Азербайджана Ильхам Алиев принес извинения "
            "и обещал наказать виновных.")
    assert rows(text) == [("indirect", "наказать виновных", "ilham-aliyev")]


def test_a_report_about_speech_is_not_what_the_next_sentence_relays():
    text = "Министерство обороны России рассказало о нарушении режима. Об этом пишет ТАСС со ссылкой на ведомство."
    assert rows(text) == []


def test_a_pronoun_is_the_last_person_named():
    text = "Пашинян выступил в парламенте. По его словам, Армения не будет участвовать в учениях."
    assert rows(text) == [("indirect", "Армения не будет участвовать в учениях", "nikol-pashinyan")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Переговоры продолжатся на следующей неделе, сказал ТАСС Песков.",
     ("indirect", "Переговоры продолжатся на следующей неделе", "dmitry-peskov")),
    ("Путин провел переговоры с Алиевым, а Песков заявил, что встреча была продуктивной.",
     ("indirect", "встреча была продуктивной", "dmitry-peskov")),
])
def test_the_agency_told_and_the_clause_before_are_no_part_of_the_speaker(text, expected):
    assert rows(text) == [expected]


@pytest.mark.parametrize("text", [
    "Ранее сообщалось, что колонна миротворцев прошла через коридор.",
    "Как сообщалось ранее, колонна миротворцев прошла через коридор.",
    "Стороны заявили о готовности к переговорам.",
    "По предварительным данным, погибли двое военных.",
])
def test_the_outlets_own_reporting_and_topics_are_no_statements(text):
    assert rows(f"Песков заявил, что переговоры продолжатся на следующей неделе. {text}") == [
        ("indirect", "переговоры продолжатся на следующей неделе", "dmitry-peskov")]


def test_quoted_words_in_a_sentence_are_its_subjects():
    assert rows("Песков назвал ситуацию на границе «очень тревожной».") == [
        ("partial", "очень тревожной", "dmitry-peskov")]
    assert rows("Ситуация на границе остается напряженной, сообщает «Интерфакс».") == []  # the outlet's name
    assert rows("Пашинян заявил журналистам в интервью «Первому каналу» о готовности к миру.") == []


@pytest.mark.parametrize(("text", "day"), [
    ("Песков заявил в среду, что переговоры продолжатся на следующей неделе.", "2023-03-08"),
    ("В пятницу Пашинян заявил, что Армения готова подписать мирный договор.", "2023-03-10"),
])
def test_the_day_of_the_frame_in_the_accusative_is_when_it_was_said(text, day):
    doc = Document.of_text(text, published="2023-03-11", language="ru")  # a Saturday
    assert [s.said_on for s in extract_statements(doc, load_registry())] == [day]


@pytest.mark.parametrize("text", [
    "«Переговоры продолжатся», — заявил Песков, добавив, что Москва готова предоставить площадку.",
    "Переговоры продолжатся, заявил Песков, подчеркнув, что Москва готова предоставить площадку.",
    "Песков заявил, что переговоры продолжатся, добавив, что Москва готова предоставить площадку.",
])
def test_a_participle_adds_the_speakers_next_statement(text):
    assert [(t.lower(), s) for _, t, s in rows(text)] == [
        ("переговоры продолжатся", "dmitry-peskov"), ("москва готова предоставить площадку", "dmitry-peskov")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Армянский премьер также заявил, что коридор должен быть под контролем миротворцев.", "nikol-pashinyan"),
    ("Премьер-министр Армении Никол Пашинян на встрече с президентом России заявил, что коридор перекрыт.",
     "nikol-pashinyan"),
    ("Омбудсмен Армении Арман Татоян заявил, что пленные не террористы.", "arman-tatoyan"),
])
def test_russian_descriptors_occasions_and_names_after_a_state(text, speaker):
    assert [r[2] for r in rows(text)] == [speaker]
