"""Per-language word lists: ``data/lang/<language>/<name>.yaml``, each checked against
``schemas/lang-<name>.schema.json``.

Linguistic knowledge (month names, relative-date words, number words, quote cues...) is data,
one folder per language: supporting a new language means adding a folder, not editing code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from trucewatch import datafiles


class LexiconError(datafiles.DataFileError):
    """A language data file that is missing or does not follow its schema."""


def _folder():
    return resources.files("trucewatch").joinpath("data/lang")


@cache
def languages(having: str | None = None) -> tuple[str, ...]:
    """Language codes with a folder under ``data/lang/`` (with a ``<having>.yaml`` file when given), sorted."""
    folder = _folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(entry.name for entry in folder.iterdir() if entry.is_dir()
                        and (having is None or entry.joinpath(f"{having}.yaml").is_file())))


@cache
def lexicon(language: str, name: str) -> dict[str, Any]:
    """``data/lang/<language>/<name>.yaml``, validated; read once per process."""
    if not _folder().joinpath(language, f"{name}.yaml").is_file():
        raise LexiconError(f"no {name} data for language {language!r} (data/lang/{language}/{name}.yaml)")
    return datafiles.bundled(f"data/lang/{language}/{name}.yaml", f"lang-{name}", LexiconError)


def lexicons(name: str) -> dict[str, dict[str, Any]]:
    """Every language's ``<name>.yaml``, by language code: for rules that apply whatever the language."""
    return {language: lexicon(language, name) for language in languages(having=name)}


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` (longest first): a space matches any run of whitespace and an
    apostrophe either apostrophe, so word lists stay plain text. No words match nothing (not the empty string)."""
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+").replace("'", "['’]")
               for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + ("|".join(escaped) or "(?!)") + ")"


def literal_alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` exactly as written, in their order (a space is one space); a word
    ending in "*" allows any ending ("refus*"). No words match nothing: a rule with no list does not fire."""
    return "(?:" + ("|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)
                    or "(?!)") + ")"
