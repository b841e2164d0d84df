"""The word lists of the statements stage: ``data/lang/<language>/{quotes,speakers}.yaml``.

Which verbs cue speech, which words stop a speaker phrase, which titles precede a name: all
language knowledge an editor may extend, so it is data, read once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from trucewatch import datafiles

LANGUAGE = "en"


@cache
def lexicon(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    """``data/lang/<language>/<name>.yaml``, valid against ``schemas/<name>.schema.json``."""
    return datafiles.bundled(f"data/lang/{language}/{name}.yaml", name)


def words(name: str, key: str) -> frozenset[str]:
    """One word list of ``name``, lower-cased."""
    return frozenset(w.lower() for w in lexicon(name)[key])


def alternation(items: frozenset[str] | list[str]) -> str:
    """A regex alternation of ``items``, longest first so that no word shadows a longer one."""
    return "|".join(re.escape(w) for w in sorted(items, key=lambda w: (-len(w), w)))
