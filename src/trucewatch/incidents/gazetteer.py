"""Places with coordinates: every bundled gazetteer (``data/places/*.yaml``) plus the user's, found in text.

An incident's place is resolved only to a gazetteer entry named in its sentence; a name the
gazetteer does not know is kept as written with no coordinates, and a country never gets a
point (a town is never placed at a country's centre).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from trucewatch import datafiles
from trucewatch.agreements import Place, place_from_entry
from trucewatch.incidents.rules import lowered
from trucewatch.lang import lexicons

PLACES = Path(__file__).resolve().parents[1] / "data" / "places"


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class Inflection:
    """How names of an inflecting language change their ending in text ("Нагорный Карабах" -> "в Нагорном
    Карабахе"): the letters of its script, endings a word drops, and how many letters may follow the stem."""

    letters: str
    strip: tuple[str, ...]
    up_to: int

    def pattern(self, name: str) -> str | None:
        """A name of this script as a pattern allowing each word any ending; None for a name of another script."""
        words = name.split()
        if not all(re.fullmatch(rf"{self.letters}+", w) for w in words):
            return None
        stems = []
        for word in words:
            cut = next(
                (e for e in sorted(self.strip, key=len, reverse=True) if word.endswith(e) and len(word) - len(e) >= 3),
                "",
            )
            stems.append(re.escape(word[: len(word) - len(cut)]) + f"{self.letters}{{0,{self.up_to}}}")
        return r"\s+".join(stems)


class Gazetteer:
    """Name variants -> places, matched longest first on word boundaries (case as written for short names); a name
    of an inflecting language with any ending."""

    def __init__(self, places: Iterable[tuple[Place, tuple[str, ...]]], inflections: Iterable[Inflection] = ()) -> None:
        self.places: dict[str, Place] = {}
        self._names: dict[str, Place] = {}
        self._capitalised: dict[str, bool] = {}  # a name -> written capitalised only ("Tegh"; not "al-Bureij")
        for place, names in places:
            self.places[place.id] = place
            for name in names:
                self._names.setdefault(name.lower(), place)
                key = " ".join(name.lower().split())
                self._capitalised[key] = self._capitalised.get(key, True) and name[:1].isupper()
        patterns: dict[str, str] = {}
        self._inflected: list[tuple[re.Pattern[str], Place]] = []
        for inflection in inflections:
            for name, place in self._names.items():
                if (pattern := inflection.pattern(name)) is not None:
                    patterns[name] = pattern
                    self._inflected.append((re.compile(pattern), place))
        plain = _trie_pattern([n for n in self._names if n not in patterns])
        alternatives = "|".join([plain, *(patterns[n] for n in sorted(patterns, key=len, reverse=True))])
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if self._names else None  # lowered text

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Places named in ``text[start:end]``, left to right; a name the gazetteer writes capitalised only capitalised
        (a variant it writes in lower case, "al-Bureij", "bridge over the Hakari river", as written)."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        before = max(0, start - 1)  # one character before, for the word boundary
        found = []
        for match in self._pattern.finditer(lowered(text[before:end]), start - before):
            words = text[before + match.start() : before + match.end()]
            key = " ".join(words.lower().split())
            place = self._names.get(key) or self._inflected_place(match.group())
            if self._capitalised.get(key, place.name[0].isupper()) and words[0].islower():
                continue
            found.append(PlaceMention(before + match.start(), before + match.end(), words, place))
        return found

    def _inflected_place(self, words: str) -> Place:
        return next(place for pattern, place in self._inflected if pattern.fullmatch(" ".join(words.split())))


def _trie_pattern(names: Iterable[str]) -> str:
    """The names as one pattern sharing their common beginnings ("gaza(?:\\s+city|\\s+strip)?"): with hundreds of
    places, a plain alternation is tried name by name at every position of the text; a longer name is still tried
    before its beginning, as in a longest-first alternation."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(" " if char.isspace() else char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [_char(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie) if trie else "(?!)"


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _entries(path: Path) -> list[tuple[Place, tuple[str, ...]]]:
    entries = []
    for entry in datafiles.read(path, "places")["places"]:
        place = place_from_entry(entry)
        if place.kind == "country":  # a country's centre is no incident's place
            place = replace(place, latitude=None, longitude=None)
        entries.append((place, place.names))
    return entries


@cache
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled gazetteers and ``extra`` files (same schema); a later file's id replaces an earlier one's."""
    entries: dict[str, tuple[Place, tuple[str, ...]]] = {}
    for path in [*sorted(PLACES.glob("*.yaml")), *(Path(p) for p in extra)]:
        for place, names in _entries(path):
            entries[place.id] = (place, names)
    return Gazetteer(entries.values(), _inflections())


def _inflections() -> list[Inflection]:
    """The name endings of every language whose incident rules give them (``place_endings``)."""
    return [
        Inflection(e["letters"], tuple(e["strip"]), e["up_to"])
        for data in lexicons("incidents").values()
        if (e := data.get("place_endings"))
    ]
