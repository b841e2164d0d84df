"""Per-language data files: every bundled one validates, and a missing one is a clear error."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from trucewatch.datafiles import parse
from trucewatch.lang import LexiconError, alternation, languages, lexicon
from trucewatch.pipeline.stages import rule_languages

FOLDER = resources.files("trucewatch").joinpath("data/lang")
FILES = sorted((lang.name, f.name.removesuffix(".yaml")) for lang in FOLDER.iterdir() if lang.is_dir()
               for f in lang.iterdir() if f.name.endswith(".yaml"))


@pytest.mark.parametrize(("language", "name"), FILES)
def test_every_bundled_language_file_follows_its_schema(language: str, name: str) -> None:
    assert isinstance(lexicon(language, name), dict)


def test_languages_having_a_file() -> None:
    assert set(languages(having="dates")) >= {"en", "ru"}
    assert set(languages(having="numbers")) >= {"en", "ru"}
    assert languages(having="no-such-lexicon") == ()


def test_a_missing_file_names_the_language_and_the_file() -> None:
    with pytest.raises(LexiconError, match=re.escape("data/lang/xx/dates.yaml")):
        lexicon("xx", "dates")


def test_a_file_off_its_schema_is_refused() -> None:
    with pytest.raises(LexiconError, match="months"):
        parse("months: [[january]]\n", "test", "lang-dates", LexiconError)


def test_a_folder_with_only_dates_is_no_statement_rules(tmp_path, monkeypatch) -> None:
    import trucewatch.lang as lang

    for code, files in {"en": ["quotes"], "ru": ["speech", "dates"], "fr": ["dates", "numbers"]}.items():
        (tmp_path / code).mkdir()
        for name in files:
            (tmp_path / code / f"{name}.yaml").write_text("{}\n")
    monkeypatch.setattr(lang, "_folder", lambda: tmp_path)
    languages.cache_clear()
    try:
        assert languages() == ("en", "fr", "ru") and rule_languages() == ("en", "ru")
    finally:
        languages.cache_clear()


def test_alternation_matches_longest_first_and_any_spacing() -> None:
    pattern = re.compile(alternation(["up to", "up", "today's"]))
    assert pattern.match("up  to").group() == "up  to"
    assert pattern.match("today’s").group() == "today’s"
    assert re.compile(alternation([])).search("any text at all") is None  # a missing list fires no rule


def test_literal_alternation_keeps_words_as_written_and_an_empty_list_matches_nothing() -> None:
    from trucewatch.lang import literal_alternation

    pattern = re.compile(literal_alternation(["yet to", "refus*", "n't"]))
    assert pattern.fullmatch("yet to") and not pattern.fullmatch("yet  to")
    assert pattern.fullmatch("refused") and pattern.fullmatch("n't") and not pattern.fullmatch("n’t")
    assert re.compile(literal_alternation([])).search("any text at all") is None
