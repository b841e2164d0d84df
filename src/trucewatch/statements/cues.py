"""Cue words: the verbs (and "according to") that frame speech, in all their forms.

Lemmas come from ``data/lang/en/quotes.yaml``; forms from :mod:`trucewatch.text.verbs`, so a new
verb is one word in the data file. Finding cue words is a set lookup per word, the first filter
every sentence goes through.
"""

from __future__ import annotations

import re

from trucewatch.statements.lexicon import alternation, lexicon, words
from trucewatch.text.verbs import forms


def _inflected(lemmas: frozenset[str]) -> frozenset[str]:
    return frozenset(form for lemma in lemmas for form in forms(lemma))


def _forms(key: str) -> frozenset[str]:
    return _inflected(words("quotes", key))


CUE_FORMS: frozenset[str] = _forms("cues")
# Verbs that report what someone said without introducing it ("called him a “con artist”").
QUOTING_FORMS: frozenset[str] = CUE_FORMS | _forms("quoting")
# "according to X": two-word cue phrases, as (first word, second word); a parse or a scan looks for the first
ACCORDING: frozenset[tuple[str, str]] = frozenset(tuple(p.split()) for p in words("quotes", "according_to"))
ACCORDING_OPENERS: frozenset[str] = frozenset(first for first, _ in ACCORDING)
# Cue forms that are more often nouns: candidates only in a verb-like position (bare and plural forms only).
NOUN_LIKE: frozenset[str] = frozenset(f for lemma in words("quotes", "noun_like") for f in forms(lemma)[:2])
# Cues whose direct object is what was said ("denounced the statement", "voiced the idea").
OBJECT_CUES: frozenset[str] = _forms("object_cues")
# Cues whose "that" opens the content clause.
CLAUSE_CUES: frozenset[str] = CUE_FORMS - NOUN_LIKE - OBJECT_CUES
# Object cues whose bare noun object names an act or a feeling, not words ("expressed condolences").
ACT_CUES: frozenset[str] = _forms("act_cues")
# Objects of an act cue that name words said ("denounced the statement"): a response to them is a statement.
SPEECH_OBJECTS: frozenset[str] = words("quotes", "speech_objects")
# Cues whose object, not a clause, holds the quoted words ("called it a “historic day”"): those words are the statement.
NAMING_CUES: frozenset[str] = _forms("naming_cues")
# Cues whose object and its "of"/"for" phrase are what was said ("accused the army of targeting ...").
CHARGE_CUES: frozenset[str] = _forms("charge_cues")
# Cues whose named addressee is followed by what was said as a to-clause ("urged the troops to ensure ...").
DIRECTIVE_CUES: frozenset[str] = _forms("directive_cues")
# Nouns of an "in" phrase after a cue whose that-clause is what was said ("said in a statement that ...").
SPEECH_VENUES: frozenset[str] = words("quotes", "speech_venues")
# Objects of an act cue that are a stance said aloud ("expressed concern over ..."): a statement.
VOICED_FEELINGS: frozenset[str] = words("quotes", "voiced_feelings")
# Cues whose bare to-infinitive is what was said ("vowed to meet ...", "called to reopen ...").
COMMISSIVE_CUES: frozenset[str] = _forms("commissive_cues")
# Last words of a "speaker" that is an agreement ("the deal called for ...", "according to the deal"): its terms.
AGREEMENT_NOUNS: frozenset[str] = words("quotes", "agreement_nouns")
# Objects of a charge that make it mutual blame ("accused each other of ..."), no one's account of what happened.
RECIPROCAL_OBJECTS: frozenset[str] = words("quotes", "reciprocal_objects")
PRONOUNS: frozenset[str] = words("quotes", "pronouns")
# Objects that carry what was said ("stressed the importance of ...").
CONTENT_NOUNS: frozenset[str] = words("quotes", "content_nouns")
# Function words the dependency rules read ("that", "who", "of", "on"), by role (``parse_words`` in quotes.yaml).
PARSE_WORDS: dict[str, frozenset[str]] = {role: frozenset(w.lower() for w in listed)
                                          for role, listed in lexicon("quotes")["parse_words"].items()}
# Cues whose addressee follows a preposition, before what is asked ("called on Russia to implement ...").
APPEAL_CUES: frozenset[str] = _inflected(PARSE_WORDS["appeal_cues"])
# Any cue form, as a regex alternation: cues that report speech even without a content clause ("X said.").
SPEECH: str = alternation(CUE_FORMS)

_LETTERS = re.compile(r"[A-Za-z]+")
# After a noun-like cue, what makes it a verb: "that", the sentence's end (", APA reports."), a citing word
_VERB_AFTER: frozenset[str] = frozenset({"that", ""}) | {w.split()[0] for w in words("speakers", "citing")}
_TRIGGERS: frozenset[str] = CUE_FORMS | ACCORDING_OPENERS | {"words"}
# "In his words, ...": an according-to frame whose speaker is the possessive
_WORDS_OWNERS: frozenset[str] = words("quotes", "words_owners")
_LAST_WORD = re.compile(r"\w+$")


def _passive_pattern() -> re.Pattern[str]:
    """An auxiliary of the passive, maybe with an adverb ("was not", "is widely"), right before a participle."""
    return re.compile(rf"\b{alternation(words('quotes', 'passive_auxiliaries'))}\s+"
                      rf"(?:(?:{alternation(words('quotes', 'passive_adverbs'))}|\w+ly)\s+)?$", re.I)


_PASSIVE = _passive_pattern()
_PARTICIPLES: frozenset[str] = frozenset(f for f in CUE_FORMS if f.endswith("ed")) | words("quotes", "participles")


def cue_offsets(text: str) -> list[int]:
    """Where cue words (and "according to") start in ``text``: a set lookup per word, not a regex scan."""
    if _TRIGGERS.isdisjoint(_LETTERS.findall(text.lower())):
        return []  # most sentences: one pass in C instead of a Python loop over every word
    found = []
    tokens = list(_LETTERS.finditer(text))
    for n, word in enumerate(tokens):
        lower = word.group().lower()
        following = tokens[n + 1].group().lower() if n + 1 < len(tokens) else ""
        in_words = lower == "in" and following in _WORDS_OWNERS and n + 2 < len(tokens) \
            and tokens[n + 2].group().lower() == "words"
        if (lower, following) in ACCORDING or in_words:
            found.append(word.start())
        elif lower in CUE_FORMS and not (n and word.group()[0].isupper()):  # "Heads of State" is no cue
            if lower in NOUN_LIKE and following not in _VERB_AFTER \
                    and not (n and tokens[n - 1].group().lower() in PRONOUNS):
                continue  # "the report", "a call": a verb only before "that", at the end, citing, or after a pronoun
            found.append(word.start())
    return found


def ends_with_cue(before: str) -> bool:
    """Does ``before`` (right-stripped) end with a cue word and maybe a comma ("he said,")?"""
    tail = before[:-1].rstrip() if before.endswith(",") else before
    word = _LAST_WORD.search(tail[-30:])  # cue words are shorter: only the last word can match
    return word is not None and word.group().lower() in CUE_FORMS


def passive(sentence: str, at: int) -> bool:
    """Is the cue word at ``at`` a passive participle ("was told", "is not mentioned")?"""
    word = _LETTERS.match(sentence, at)
    return word is not None and word.group().lower() in _PARTICIPLES and \
        _PASSIVE.search(sentence, max(0, at - 40), at) is not None
