"""The word lists of the statements stage: ``data/lang/<language>/{quotes,speakers}.yaml``.

Which verbs cue speech, which words stop a speaker phrase, which titles precede a name: all
language knowledge an editor may extend, so it is data, read once per process.
"""

from __future__ import annotations

from typing import Any

from trucewatch import lang
from trucewatch.lang import alternation

__all__ = ["alternation", "lexicon", "words"]

LANGUAGE = "en"


def lexicon(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    """``data/lang/<language>/<name>.yaml`` through the one per-language loader (:func:`trucewatch.lang.lexicon`)."""
    return lang.lexicon(language, name)


def words(name: str, key: str) -> frozenset[str]:
    """One word list of ``name``, lower-cased."""
    return frozenset(w.lower() for w in lexicon(name)[key])
