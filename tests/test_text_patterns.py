"""Alternations grouped by first character: the same yes/no answers and match starts as the plain alternation."""

from __future__ import annotations

import re

import pytest

from trucewatch.incidents.rules import incident_rules, lowered
from trucewatch.lang import languages
from trucewatch.text.patterns import by_first_character, folded_by_first_character

ALTERNATIVES = ["shell(?:ed|ing|s)", "shells?", "mortars?", "a?ir strikes?", "(?:rockets?|shells?) hit", "x|shelling",
                "s{2}", "sniper", "\\bsn", "[sm]ortar", "ceasefire violations?", "c"]
TEXTS = ["Shelling resumed", "the shells hit", "mortar fire", "air strikes", "rockets hit", "x marks", "ss", "snipers",
         "sortar", "no ceasefire violation", "c", "nothing", "", "xshell"]


def test_grouped_alternation_finds_the_same_matches():
    grouped = by_first_character(ALTERNATIVES)
    assert grouped.startswith("s(?:hell(?:ed|ing|s)|hells?|niper)|m(?:ortars?)|c(?:easefire violations?)")
    assert "|x|shelling|s{2}|\\bsn|[sm]ortar|c" in grouped  # a top-level bar, a quantifier, no plain letter: as is
    for flags in (0, re.IGNORECASE):
        plain, fast = re.compile(f"(?:{'|'.join(ALTERNATIVES)})", flags), re.compile(f"(?:{grouped})", flags)
        for text in TEXTS:
            assert [m.start() for m in fast.finditer(text.lower())] == [m.start() for m in plain.finditer(text.lower())]


@pytest.mark.parametrize("language", sorted({"en", *languages(having="incidents")}))
def test_incident_prefilter_fires_when_some_type_cue_does(language: str):
    rules = incident_rules(language)
    words = sorted({w for t in rules.types for w in re.findall(r"[^\W\d_]{3,}", t.cues.pattern)})
    texts = [f"{a} {b}" for a, b in zip(words, words[1:] + words[:1], strict=True)] + [" ".join(words)] + TEXTS
    for text in map(lowered, texts):
        assert bool(rules.any_cue.search(text)) == any(t.cues.search(text) for t in rules.types), text


PHRASES = ["Army Chief", "army", "Ministry of Defence", "ministry", "MoD", "Arm", "a", "Δ", "Ödeme", "öde"]
PHRASE_TEXTS = ["The army chief said", "ARMY CHIEF", "the Ministry of Defence and the MoD", "arm armour a",
                "ödeme ÖDEME Öde", "δ Δ", "nothing here", ""]


def test_case_insensitive_grouping_matches_the_same_phrases():
    """Longest first, grouped under lower-case first letters: each match the same phrase at the same place."""
    alternatives = [re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)]
    grouped = folded_by_first_character(alternatives)
    assert grouped.startswith("m(?:inistry\\ of\\ Defence|inistry|oD)|a(?:rmy\\ Chief|rmy|rm)")
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)
    fast = re.compile(rf"(?<![\w-])(?:{grouped})(?![\w-])", re.I)
    for text in PHRASE_TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_first_letters_that_fold_together_stay_ungrouped():
    """The long s matches "s" case-insensitively but is not its lower case: two groups would both fit one position
    and could change which phrase wins there, so the alternatives stay as they are."""
    assert folded_by_first_character(["\u017fword", "short"]) == "\u017fword|short"
    assert folded_by_first_character(["Sword", "short"]) == "s(?:word|hort)"
