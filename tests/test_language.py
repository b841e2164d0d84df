"""Language detection: clear prose by its function words, the rest by lingua, with the same answers."""

from __future__ import annotations

import re

import pytest

from trucewatch.datafiles import parse
from trucewatch.lang import LexiconError
from trucewatch.text.language import SAMPLE, by_function_words, count_letters, detect_language, detector

ENGLISH = (
    "The foreign minister said on Tuesday that the two sides had agreed to withdraw their troops from the "
    "line of contact, and that the observers would be allowed into the area after the exchange of "
    "prisoners, which is expected to take place by the end of the month."
)
FRENCH = (
    "Le ministre des affaires étrangères a déclaré mardi que les deux parties étaient convenues de retirer "
    "leurs troupes de la ligne de contact, et que les observateurs pourraient entrer dans la zone après "
    "l'échange de prisonniers, attendu avant la fin du mois."
)
GERMAN = (
    "Der Außenminister sagte am Dienstag, die beiden Seiten hätten vereinbart, ihre Truppen von der "
    "Kontaktlinie abzuziehen, und die Beobachter dürften nach dem Austausch der Gefangenen, der bis zum "
    "Ende des Monats erwartet wird, in das Gebiet."
)
SPANISH = (
    "El ministro de asuntos exteriores dijo el martes que las dos partes habían acordado retirar sus tropas "
    "de la línea de contacto, y que los observadores podrían entrar en la zona después del intercambio de "
    "prisioneros, previsto para finales de mes."
)
TURKISH = (
    "Dışişleri bakanı salı günü yaptığı açıklamada, iki tarafın birliklerini temas hattından çekmeyi kabul "
    "ettiğini ve gözlemcilerin ay sonuna kadar gerçekleşmesi beklenen esir takasından sonra bölgeye "
    "girebileceğini söyledi."
)
RUSSIAN = (
    "Министр иностранных дел заявил во вторник, что стороны договорились отвести войска от линии "
    "соприкосновения, а наблюдатели смогут войти в район после обмена пленными до конца месяца."
)


def lingua(text: str) -> str | None:
    found = detector().detect_language_of(text[:SAMPLE])
    return found.iso_code_639_1.name.lower() if found else None


def test_clear_english_prose_is_known_by_its_function_words() -> None:
    assert by_function_words(ENGLISH) == "en"
    assert detect_language(ENGLISH) == "en" == lingua(ENGLISH)


@pytest.mark.parametrize(
    ("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es"), (TURKISH, "tr"), (RUSSIAN, "ru")]
)
def test_other_languages_go_to_lingua(text: str, code: str) -> None:
    assert by_function_words(text) is None
    assert detect_language(text) == code == lingua(text)


def test_a_sample_with_another_script_or_few_words_goes_to_lingua() -> None:
    assert by_function_words(ENGLISH + " " + RUSSIAN) is None  # within the sample: Cyrillic letters
    assert by_function_words("The minister said that the talks would resume at the end of the week.") is None
    assert detect_language(ENGLISH[:60] + " " + RUSSIAN) == lingua(ENGLISH[:60] + " " + RUSSIAN)


def test_a_detection_file_off_its_schema_is_refused() -> None:
    with pytest.raises(LexiconError, match="function_words"):
        parse("function_words: [the the]\n", "test", "lang-detection", LexiconError)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2020-11-10 | 14:00",
        "snake_case and CamelCase",
        ENGLISH,
        "“Quoted,” she said — café, naïve, x² ½ ٣",
        RUSSIAN,
        TURKISH,
        "𝐁𝐨𝐥𝐝 ﬁ Ⅻ 中文 ١٢٣",
    ],
)
def test_letters_are_counted_as_the_letter_regex_finds_them(text: str) -> None:
    assert count_letters(text) == len(re.findall(r"[^\W\d_]", text))
