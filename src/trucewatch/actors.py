"""The actor registry: who can speak, under which names, titles and descriptors.

Actors are data (``data/actors/*.yaml``, validated by ``schemas/actors.schema.json``);
this module loads them and finds them in text. Generic descriptors ("the president",
"the Azerbaijani leader", "Armenia's prime minister") are not listed one by one: they
are read from each role's nouns plus the side's name and adjectives, and resolved
against the roles held on the date a statement was made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from trucewatch import datafiles
from trucewatch.datafiles import DataFileError
from trucewatch.text.patterns import by_first_character, first_character_lookahead, folded_by_first_character

_DETERMINER = re.compile(r"^(?:the|a|an|this|that)\s+", re.I)


class RegistryError(DataFileError):
    """A registry file that cannot be read or does not follow the schema."""


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, exclusive
    nouns: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()

    def active(self, on: str | None) -> bool:
        if not on:
            return self.end is None
        day = on[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # person | organisation | state
    side: str  # country code: AZ, AM, RU, TR, ...
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.type == "person"


@dataclass(frozen=True)
class Mention:
    """An actor named in text: ``start``/``end`` are offsets into the searched text."""

    start: int
    end: int
    text: str
    actor_id: str
    how: str  # alias | descriptor


@dataclass
class ActorRegistry:
    actors: dict[str, Actor]
    countries: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._phrases: dict[str, tuple[str, str]] = {}  # lower-cased phrase -> (actor id, how)
        exact: list[str] = []
        folded: list[str] = []
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                self._phrases.setdefault(alias.lower(), (actor.id, "alias"))
                exact.append(alias)
            for descriptor in (*actor.descriptors, *(d for r in actor.roles for d in r.descriptors)):
                phrase = _DETERMINER.sub("", descriptor)
                self._phrases.setdefault(phrase.lower(), (actor.id, "descriptor"))
                folded.append(phrase)
        # Longest first, so "Vladimir Vladimirovich Putin" wins over "Vladimir Vladimirovich".
        # Grouped by first character (text.patterns): which phrase matches where is unchanged, as the phrases are
        # longest first and a group holds every phrase that can start where it does
        exact_alt = by_first_character([re.escape(p) for p in sorted(set(exact), key=len, reverse=True)])
        folded_alt = folded_by_first_character([re.escape(p) for p in sorted(set(folded), key=len, reverse=True)])
        parts = [f"(?P<alias>{exact_alt})"] if exact_alt else []
        if folded_alt:
            parts.insert(0, f"(?P<descriptor>(?i:{folded_alt}))")
        guard = first_character_lookahead(exact, folded)
        self._pattern = re.compile(r"(?<![\w-])" + guard + "(?:" + "|".join(parts) + r")(?![\w-])") if parts else None
        self._adjectives = {a.lower(): code for code, c in self.countries.items() for a in c["adjectives"]}
        self._names = {c["name"].lower(): code for code, c in self.countries.items()}
        self._side_of = {**self._adjectives, **self._names}  # country adjective or name (lower) -> side
        alternatives = "|".join(re.escape(w) for w in sorted(self._side_of, key=len, reverse=True))
        self._side_words = re.compile(rf"(?<![\w-])(?i:{alternatives})(?![\w-])") if alternatives else None
        self._nouns = sorted({n for a in self.actors.values() for r in a.roles for n in r.nouns}, key=len,
                             reverse=True)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Names and fixed descriptors of known actors in ``text[start:end]``, left to right."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            actor_id, how = self._phrases[match.group().lower()]
            found.append(Mention(match.start(), match.end(), match.group(), actor_id, how))
        return found

    def sides(self, text: str) -> list[tuple[int, str]]:
        """(offset, side) of each actor name and country name or adjective in ``text``, in order."""
        found = [(m.start, actor.side) for m in self.mentions(text) if (actor := self.get(m.actor_id))]
        if self._side_words is not None:
            found += [(m.start(), self._side_of[m.group().lower()]) for m in self._side_words.finditer(text)]
        return sorted(found)

    def lookup(self, phrase: str) -> str | None:
        """The actor an exact name, alias or fixed descriptor refers to."""
        entry = self._phrases.get(_DETERMINER.sub("", phrase.strip()).lower())
        return entry[0] if entry else None

    def descriptor_candidates(self, phrase: str, on: str | None = None) -> list[str] | None:
        """Actors a generic descriptor may refer to on date ``on``; None if ``phrase`` is no descriptor.

        Reads "[the] [<adjective>] <noun>", "<noun> of <country>" and "<country>'s <noun>", where
        the noun is one of the role nouns in the registry ("president", "foreign minister", ...).
        """
        words = _DETERMINER.sub("", phrase.strip().rstrip(",.")).lower()
        side: str | None = None
        match = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?(.+)", words)
        if match and match.group(2) in self._names:
            words, side = match.group(1), self._names[match.group(2)]
        match = re.fullmatch(r"(.+?)['’]s\s+(.+)", words)
        if side is None and match and match.group(1) in self._names:
            side, words = self._names[match.group(1)], match.group(2)
        match = re.fullmatch(r"(.+?)\s+(\w+)", words)
        state = self.get(self._phrases.get(match.group(2), ("", ""))[0]) if side is None and match else None
        if match and state is not None and state.type == "state" and match.group(1) in self._nouns:
            side, words = state.side, match.group(1)  # "премьер-министр Армении": a genitive after the noun
        if side is None:
            for adjective, code in self._adjectives.items():
                if words.startswith(adjective.lower() + " "):
                    side, words = code, words[len(adjective) + 1:]
                    break
        if words not in self._nouns:
            return None
        return [a.id for a in self.actors.values()
                if (side is None or a.side == side)
                and any(words in r.nouns and r.active(on) for r in a.roles)]

    def role_nouns(self) -> list[str]:
        return list(self._nouns)


def _actor(entry: dict) -> Actor:
    roles = tuple(Role(r["title"], r.get("from"), r.get("to"), tuple(n.lower() for n in r.get("nouns", ())),
                       tuple(r.get("descriptors", ()))) for r in entry.get("roles", ()))
    return Actor(entry["id"], entry["name"], entry["type"], entry["side"], entry.get("gender"),
                 tuple(entry.get("aliases", ())), tuple(entry.get("descriptors", ())), roles)


def registry_from(documents: Iterable[tuple[str, str]]) -> ActorRegistry:
    """A registry from (YAML text, origin) pairs; later files add actors or replace them by id."""
    actors: dict[str, Actor] = {}
    countries: dict[str, dict] = {}
    for text, origin in documents:
        data = datafiles.parse(text, origin, "actors", RegistryError)
        countries.update(data.get("countries") or {})
        for entry in data["actors"]:
            actors[entry["id"]] = _actor(entry)
    unknown = sorted({a.side for a in actors.values()} - set(countries))
    if unknown:
        raise RegistryError(f"sides without a country entry: {', '.join(unknown)}")
    return ActorRegistry(actors, countries)


def _bundled() -> list[tuple[str, str]]:
    folder = resources.files("trucewatch").joinpath("data/actors")
    return [(item.read_text(encoding="utf-8"), f"bundled {item.name}")
            for item in sorted(folder.iterdir(), key=lambda p: p.name) if item.name.endswith((".yaml", ".yml"))]


@cache
def _cached(extra: tuple[str, ...]) -> ActorRegistry:
    files = _bundled()
    for path in extra:
        try:
            files.append((Path(path).read_text(encoding="utf-8"), path))
        except OSError as error:
            raise RegistryError(f"{path}: cannot read: {error.strerror or error}") from None
    return registry_from(files)


def load_registry(extra_paths: Iterable[str | Path] = ()) -> ActorRegistry:
    """The bundled registry plus the user's files (same schema), loaded once per process."""
    return _cached(tuple(str(p) for p in extra_paths))
