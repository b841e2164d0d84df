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

PLACES = Path(__file__).resolve().parents[1] / "data" / "places"


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


class Gazetteer:
    """Name variants -> places, matched longest first on word boundaries (case as written for short names)."""

    def __init__(self, places: Iterable[tuple[Place, tuple[str, ...]]]) -> None:
        self.places: dict[str, Place] = {}
        self._names: dict[str, Place] = {}
        for place, names in places:
            self.places[place.id] = place
            for name in names:
                self._names.setdefault(name.lower(), place)
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                                for n in sorted(self._names, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if self._names else None  # lowered text

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Places named in ``text[start:end]``, left to right; a capitalised name only capitalised."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        before = max(0, start - 1)  # one character before, for the word boundary
        found = []
        for match in self._pattern.finditer(lowered(text[before:end]), start - before):
            words = text[before + match.start():before + match.end()]
            place = self._names[" ".join(words.lower().split())]
            if place.name[0].isupper() and words[0].islower():
                continue
            found.append(PlaceMention(before + match.start(), before + match.end(), words, place))
        return found


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
    return Gazetteer(entries.values())
