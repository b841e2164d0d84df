"""Language of a body, as an ISO 639-1 code, or None when the text is too short or unclear.

Clear prose is recognised first by its function words (``data/lang/<language>/detection.yaml``): a
Latin-script sample made largely of one language's commonest words is in that language, and costs a
set lookup per word instead of lingua's n-gram models (about a millisecond a document, most of the
language test). Anything else goes to lingua, restricted to the languages a South Caucasus news
stream plausibly contains (fewer candidates: faster and fewer confusions) and built once per process;
its models load lazily, the first time a language needs them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from trucewatch.lang import lexicons

if TYPE_CHECKING:
    from lingua import LanguageDetector

LANGUAGES = (
    "ENGLISH",
    "RUSSIAN",
    "AZERBAIJANI",
    "ARMENIAN",
    "GEORGIAN",
    "TURKISH",
    "UKRAINIAN",
    "FRENCH",
    "GERMAN",
    "SPANISH",
    "PERSIAN",
    "ARABIC",
)
MIN_LETTERS = 40  # below this, guesses are unreliable (a caption, a headline fragment)
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
SAMPLE = 500  # characters: enough for news prose (same answers as 1,000 on real-dev and PolNeAR dev), half the cost
MIN_WORDS = 30  # a sample of fewer words goes to lingua whatever it holds
MIN_SHARE = 0.2  # share of function words from which a sample is taken as that language without lingua
_WORD = re.compile(r"[^\W\d_]+")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")  # a letter of another script


@cache
def detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder  # only where a text needs it: cleaning counts letters here

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(0.2).build()


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {language: frozenset(words["function_words"]) for language, words in lexicons("detection").items()}


def count_letters(text: str) -> int:
    r"""How many characters of ``text`` are letters (what the regex ``[^\W\d_]`` matches), counted in C for
    ASCII: a regex's list of single letters cost ~50 µs per 200 characters, a tenth of cleaning a document."""
    letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():
        return letters
    return letters + sum(1 for c in _NOT_ASCII.findall(text) if c.isalnum() and not c.isdecimal())


def detect_language(text: str) -> str | None:
    sample = text[:SAMPLE]
    if count_letters(sample) < MIN_LETTERS:
        return None
    known = by_function_words(sample)
    if known:
        return known
    language = detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


def by_function_words(sample: str) -> str | None:
    """The language whose function words make at least ``MIN_SHARE`` of a Latin-script sample's words, else None."""
    if _NOT_LATIN.search(sample):
        return None
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    shares = {
        language: sum(word in common for word in words) / len(words) for language, common in _function_words().items()
    }
    best = max(shares, key=shares.get, default=None)
    return best if best is not None and shares[best] >= MIN_SHARE else None
