"""Verb forms: every inflection of a lemma, from the regular rules and the language's irregular forms.

The one place that inflects verbs: quote cues (``statements.cues``), incident verb classes
(``incidents.rules``) and the camps' speech verbs (``assess.contradictions``) all list lemmas in
their data files and get the forms here, so "withdraw" or "tell" is spelled out once, in
``data/lang/<language>/verbs.yaml``. Forms that never occur ("admited" beside "admitted") cost
nothing in a lookup, so doubtful spellings are generated both ways rather than guessed.
"""

from __future__ import annotations

import re
from functools import cache

from trucewatch import lang

# consonant, vowel, consonant at the end: the final consonant may double (admit -> admitted, ship -> shipped)
_MAY_DOUBLE = re.compile(r"[^aeiou][aeiou][bdglmnprt]$")
_SIBILANT = ("s", "x", "z", "ch", "sh")


@cache
def _irregular(language: str) -> dict[str, tuple[str, ...]]:
    return {lemma: tuple(forms) for lemma, forms in lang.lexicon(language, "verbs")["irregular"].items()}


def _regular(lemma: str) -> tuple[tuple[str, str], tuple[str, ...], tuple[str, ...]]:
    """(lemma, third person), past forms, -ing forms by the spelling rules."""
    if lemma.endswith("ee"):
        return (lemma, lemma + "s"), (lemma + "d",), (lemma + "ing",)
    if lemma.endswith("e"):
        return (lemma, lemma + "s"), (lemma + "d",), (lemma[:-1] + "ing",)
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies"), (lemma[:-1] + "ied",), (lemma + "ing",)
    if lemma.endswith(_SIBILANT):
        return (lemma, lemma + "es"), (lemma + "ed",), (lemma + "ing",)
    stems = (lemma, lemma + lemma[-1]) if _MAY_DOUBLE.search(lemma) else (lemma,)
    return (lemma, lemma + "s"), tuple(s + "ed" for s in stems), tuple(s + "ing" for s in stems)


@cache
def forms(lemma: str, language: str = "en") -> tuple[str, ...]:
    """Every form of ``lemma``: the lemma and its third person first (the two forms a noun may share), then the
    past, -ing and irregular forms. Lower case; a phrasal verb is inflected on its first word by the caller."""
    present, past, ing = _regular(lemma.lower())
    return tuple(dict.fromkeys((*present, *past, *ing, *_irregular(language).get(lemma.lower(), ()))))


@cache
def past_forms(lemma: str, language: str = "en") -> tuple[str, ...]:
    """The forms that may be a past participle ("released", "withdrawn", "told"): the regular past and every
    irregular form (over-generation is harmless where they are matched after an auxiliary)."""
    _, past, _ = _regular(lemma.lower())
    return tuple(dict.fromkeys((*past, *_irregular(language).get(lemma.lower(), ()))))


__all__ = ["forms", "past_forms"]
