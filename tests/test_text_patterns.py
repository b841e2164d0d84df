"""Alternations grouped by first character: the same yes/no answers and match starts as the plain alternation."""

from __future__ import annotations

import re

import pytest

from trucewatch.incidents.rules import incident_rules, lowered
from trucewatch.lang import languages
from trucewatch.text.patterns import by_first_character

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
