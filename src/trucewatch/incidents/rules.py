"""The incident cues of one language, compiled once from ``data/lang/<language>/incidents.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from trucewatch.lang import languages, lexicon
from trucewatch.text import verbs
from trucewatch.text.patterns import by_first_character


def lowered(text: str) -> str:
    """``text`` in lower case, offset for offset (the few characters whose lower case is longer stay as they are):
    every incident pattern matches lowered text, about twice as fast as a case-insensitive pattern."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _compile(pattern: str) -> re.Pattern[str]:
    """A pattern for :func:`lowered` text (the data files' patterns use no upper-case escapes such as \\S)."""
    return re.compile(pattern.lower())


def _alternation(patterns: list[str]) -> str:
    """The patterns as one alternation, longest first; a space matches any whitespace run, an optional space ("air
    ?strikes?") none too."""
    return "|".join(_alternatives(patterns))


def _alternatives(patterns: list[str]) -> list[str]:
    return [p.replace(" ?", r"\s*").replace(" ", r"\s+") for p in sorted(patterns, key=len, reverse=True)]


def _words(patterns: list[str], *, prefilter: bool = False) -> re.Pattern[str]:
    """Regex cues on word boundaries, case-insensitive; a space matches any whitespace run. A ``prefilter`` (searched
    for yes or no) has its alternatives grouped by first letter: the same answer, faster."""
    body = by_first_character(_alternatives(patterns)) if prefilter else _alternation(patterns)
    return _compile(rf"(?<![\w-])(?:{body})(?![\w])")


def lowered_words(patterns: list[str]) -> re.Pattern[str]:
    """Regex cues on word boundaries for :func:`lowered` text (public: the ACLED rules compile theirs alike)."""
    return _words(patterns)


def context_patterns(patterns: list[str] | None, contexts: dict[str, list[str]]) -> list[str]:
    """``patterns`` with each "@name" entry replaced by the list ``contexts[name]`` and each "{name}" inside a
    pattern by that list as one alternation (lists may name others), so a data file writes a word list once."""

    def expand(pattern: str, depth: int = 0) -> str:
        if depth > 5:
            raise ValueError(f"context lists nest too deep: {pattern[:60]}")
        return re.sub(r"\{([a-z_]+)\}", lambda m: _alternation([expand(p, depth + 1) for p in contexts[m.group(1)]])
                      if m.group(1) in contexts else m.group(0), pattern)

    out: list[str] = []
    for pattern in patterns or []:
        names = contexts[pattern[1:]] if pattern.startswith("@") and pattern[1:] in contexts else [pattern]
        out.extend(expand(p) for p in names)
    return out


_SLACK = r"(?:[\w.,’'-]+\s+){0,%d}"  # light syntactic slack: up to n words between a verb and its object


def _inflected(word: str, language: str) -> tuple[str, str]:
    """Every form of a verb (``word``: shell, release, free, ratify, ship, withdraw) as a pattern, and its past
    participles (:mod:`trucewatch.text.verbs`)."""
    return (f"(?:{_alternation(list(verbs.forms(word, language)))})",
            f"(?:{_alternation(list(verbs.past_forms(word, language)))})")


def _frame_cues(frame: dict, language: str) -> list[str]:
    """A verb class as cue patterns: every form of each verb (a phrasal verb's first word inflected: "hand over"),
    followed within a few words by one of its objects, but not as a noun ("release of"); the passive ("prisoners were
    released");
    its subjects just before it ("peacekeepers arrived"); a phrasal verb around its object ("pulled its troops
    back"). A frame with neither objects nor subjects is its verbs alone."""
    gap = frame.get("gap", 3)
    forms, participles, separated = [], [], []
    for verb in frame["verbs"]:
        head, _, particle = verb.partition(" ")
        form, participle = _inflected(head, language)
        tail = rf"\s+{particle}" if particle else ""
        forms.append(form + tail)
        participles.append(participle + tail)
        if particle:
            separated.append((form, tail))
    verbs, passive = "|".join(forms), "|".join(participles)
    objects = "|".join(frame.get("objects", []))
    subjects = [rf"(?:{'|'.join(frame['subjects'])})\s+{_SLACK % 3}(?:{verbs})"] if frame.get("subjects") else []
    if not objects:
        return subjects or [rf"(?:{verbs})"]
    return [
        *subjects,
        rf"(?:{verbs})\s+(?!of\s){_SLACK % gap}(?:{objects})",  # "release of": a noun
        rf"(?:{objects})\s+{_SLACK % 3}(?:{frame.get('auxiliaries', _AUXILIARIES)})\s+(?:\w+\s+)?(?:{passive})",
        *(rf"{form}\s+{_SLACK % 2}(?:{objects}){tail}" for form, tail in separated),
    ]  # "pulled its troops back"


_AUXILIARIES = r"was|were|been|being|is|are|got"


@dataclass(frozen=True)
class Refinement:
    words: re.Pattern[str]
    plover_mode: str | None
    event_type: str | None
    sub_event_type: str | None


@dataclass(frozen=True)
class TypeRule:
    name: str
    cues: re.Pattern[str]
    plover_type: str
    plover_mode: str | None
    acled_event_type: str
    acled_sub_event_type: str
    suppresses: frozenset[str]
    refine: tuple[Refinement, ...]
    counts: tuple[str, ...]
    purpose_counts: bool = False  # "to <cue>" is still the event ("gathered to protest")
    fallback: bool = False  # makes an incident only where no other type does (``other_event``)
    precedence: re.Pattern[str] | None = None  # in the sentence: the type is not suppressed, suppresses ``outranks``
    outranks: frozenset[str] = frozenset()


@dataclass
class IncidentRules:
    types: list[TypeRule]
    any_cue: re.Pattern[str]  # the cheap prefilter: a sentence without any cue is not looked at again
    blocked: re.Pattern[str]  # negation, hypotheticals, background: before the cue in its clause
    future: re.Pattern[str] | None  # up to three words after the cue: "patrols will begin", "over it are set to"
    future_inside: re.Pattern[str] | None  # inside a cue with words between its parts: "peacekeepers will be deployed"
    future_predicate: re.Pattern[str] | None  # later in its clause: "joint patrols by ... along the M4 will begin"
    denied: re.Pattern[str] | None  # later in the sentence: "... fired on our positions is false"
    period: re.Pattern[str] | None  # later in its clause, a long period: "has killed thousands since 2014"
    generic: re.Pattern[str] | None  # later in its clause, said of violence in general: "attacks must stop"
    terms: re.Pattern[str] | None  # anywhere in the sentence: an agreement's terms restated ("provides for")
    references: re.Pattern[str] | None  # around a cue: an agreement named as what was violated ("in violation of")
    figurative: tuple[re.Pattern[str], ...]  # over a cue's first word: a word of another field ("killed the bill")
    zero: re.Pattern[str] | None  # inside the cue: "recorded no ceasefire violations"
    infinitive: re.Pattern[str] | None  # just before the cue: "agreed to withdraw"
    nominal_background: re.Pattern[str] | None  # just before the cue, a past event named: "since the attack"
    hedges: re.Pattern[str] | None
    force_nouns: str  # regex alternation
    place_before: re.Pattern[str] | None  # a locative word (and up to three more) just before a name: its place
    speaks_after: re.Pattern[str] | None  # after a city's name: the city speaks for its government ("Baku said")
    acts_before: re.Pattern[str] | None  # just before a name: the name is who acted ("launched by Baku")
    origin_before: re.Pattern[str] | None  # before a name in its clause: fire came from there ("from positions in")
    counts: dict[str, re.Pattern[str]] = field(default_factory=dict)
    single_counts: dict[str, re.Pattern[str]] = field(default_factory=dict)  # a singular noun: one ("нарушение")
    plural_scales: dict[str, int] = field(default_factory=dict)  # "hundreds" -> 200: at least two hundred
    repeat_types: frozenset[str] = frozenset()  # types of one-off events a report tells of more than once (a meeting)
    repeat_details: re.Pattern[str] | None = None  # a time of day a later mention adds ("at noon"): a fact of its own
    same_day: re.Pattern[str] | None = None  # in an undated sentence: the day just named ("on the same day")
    next_day: re.Pattern[str] | None = None  # in an undated sentence: the day after it ("the next day")
    day_before: re.Pattern[str] | None = None  # in an undated sentence: the day before it ("a day earlier")
    page_day: re.Pattern[str] | None = None  # just before a date: the day the page was written ("today 2 June")
    night_span: re.Pattern[str] | None = None  # two days as one night: "on the night from Monday to Tuesday"
    # where a clause ends: a negation or modal before it does not reach a cue after it
    clause_end: re.Pattern[str] = re.compile(r"[,;:()]")
    coordinators: frozenset[str] = frozenset()  # "and": joins two noun phrases when one of them follows
    noun_phrase: re.Pattern[str] | None = None  # a determiner and up to two words: what "and" joins is a noun phrase
    modal_scope_end: re.Pattern[str] = re.compile(r"[,;:()]")  # a modal reaches over "and", not over these
    predicate_end: re.Pattern[str] = re.compile(r"[,;:()]")  # a noun cue's predicate ends here (not in a relative)


# a night word, then up to a few words (the first day) and "to", "into" or "and" before the second day
_NIGHT_SPAN = r"(?<![\w-])(?:{words})\s+(?:(?:from|of|between)\s+)?(?:\w+\s+){0,3}?(?:\S+\s+){0,2}?(?:to|into|and)\s+"


def _boundary(words: list[str]) -> re.Pattern[str]:
    """Punctuation that ends a clause, or one of ``words`` between spaces."""
    return _compile(r"[,;:()]" + (rf"|\s(?:{_alternation(words)})\s" if words else ""))


def _optional(data: dict, key: str, template: str | None = None) -> re.Pattern[str] | None:
    """The words listed under ``key`` as one pattern (``template`` places their alternation at ``{words}``);
    None when the language file lists none."""
    if not data.get(key):
        return None
    return _words(data[key]) if template is None else _compile(template.replace("{words}", _alternation(data[key])))


@cache
def incident_rules(language: str = "en") -> IncidentRules:
    data = lexicon(language, "incidents")
    cues = {
        name: [*spec.get("cues", []), *(c for f in spec.get("frames", []) for c in _frame_cues(f, language))]
        for name, spec in data["types"].items()
    }
    types = []
    for name, spec in data["types"].items():
        refine = tuple(
            Refinement(_words(r["words"]), r.get("plover_mode"), r.get("event_type"), r.get("sub_event_type"))
            for r in spec.get("refine", [])
        )
        types.append(
            TypeRule(
                name,
                _words(cues[name]),
                spec["plover"]["type"],
                spec["plover"].get("mode"),
                spec["acled"]["event_type"],
                spec["acled"]["sub_event_type"],
                frozenset(spec.get("suppresses", [])),
                refine,
                tuple(data.get("type_counts", {}).get(name, [])),
                spec.get("purpose_counts", False),
                precedence=_words(spec["precedence"]["words"]) if spec.get("precedence") else None,
                outranks=frozenset(spec.get("precedence", {}).get("over", [])),
            )
        )
    for name, extra in _acled_detect(language).items():  # events ACLED codes that the cues above miss
        if name in cues:
            cues[name] = [*cues[name], *extra]
            types = [replace(r, cues=_words(cues[name])) if r.name == name else r for r in types]
    other = _acled_other(language)
    if other is not None:
        cues["other_event"] = other.pattern_list
        types.append(other.rule)
    all_cues = [c for type_cues in cues.values() for c in type_cues]
    forces = _alternation(data.get("force_nouns", []))
    return IncidentRules(
        types=types,
        any_cue=_words(all_cues, prefilter=True),
        blocked=_words([*data["negation"], *data["hypothetical"], *data.get("background", [])]),
        future=_optional(data, "future_after", r"(?:[\w'’-]+\s+){0,3}?(?:{words})(?![\w])"),
        future_inside=_optional(data, "future_after"),
        future_predicate=_optional(data, "future_predicate"),
        denied=_optional(data, "denial_after"),
        period=_optional(data, "period_after"),
        generic=_optional(data, "generic_after"),
        terms=_optional(data, "terms"),
        references=_optional(data, "references"),
        figurative=tuple(_words([p]) for p in data.get("figurative", [])),  # apart: one may overlap another
        zero=_optional(data, "zero"),
        infinitive=_optional(data, "infinitive_before", r"(?<![\w-])(?:{words})\s+$"),
        nominal_background=_optional(data, "background_nominal", r"(?<![\w-])(?:{words})$"),
        hedges=_optional(data, "hedges"),
        force_nouns=forces,
        place_before=_optional(data, "place_before", r"(?<![\w-])(?:{words})\s+(?:[\w'’-]+\s+){0,3}$"),
        speaks_after=_optional(data, "speaks_after", r"\s*(?:,\s*)?(?:{words})(?![\w])"),
        origin_before=_optional(data, "origin_before"),
        acts_before=_optional(data, "acts_before", r"(?<![\w-])(?:{words})\s+$"),
        counts={kind: _words(words) for kind, words in data.get("counts", {}).items()},
        single_counts={kind: _words(words) for kind, words in data.get("single_counts", {}).items()},
        plural_scales={word.lower(): value for word, value in data.get("plural_scales", {}).items()},
        repeat_types=frozenset(data.get("repeat_types", [])),
        repeat_details=_optional(data, "repeat_details"),
        same_day=_optional(data, "same_day"),
        next_day=_optional(data, "next_day"),
        day_before=_optional(data, "day_before"),
        page_day=_optional(data, "page_day_before", r"(?<![\w-])(?:{words})[\s,:]*$"),
        night_span=_optional(data, "night_span", _NIGHT_SPAN),
        clause_end=_boundary(data.get("clause_ends", [])),
        coordinators=frozenset(data.get("coordinators", [])),
        noun_phrase=_optional(data, "noun_phrase_openers", r"(?:{words})\s+(?:[\w-]+\s+){0,2}"),
        modal_scope_end=_boundary(data.get("modal_scope_ends", [])),
        predicate_end=_boundary(data.get("predicate_ends", [])),
    )


def _acled_detect(language: str) -> dict[str, list[str]]:
    """Cues of ``data/lang/<language>/acled.yaml`` ``detect`` by incident type (its context lists expanded)."""
    if language not in languages(having="acled"):
        return {}
    data = lexicon(language, "acled")
    return {name: context_patterns(words, data.get("contexts", {}))
            for name, words in data.get("detect", {}).items() if name != "other_event"}


@dataclass(frozen=True)
class _Other:
    rule: TypeRule
    pattern_list: list[str]


def _acled_other(language: str) -> _Other | None:
    """The extra type ``other_event`` (a strategic development ACLED codes, outside the ceasefire-monitoring
    types) with its ``detect`` cues, or None."""
    if language not in languages(having="acled"):
        return None
    data = lexicon(language, "acled")
    words = context_patterns(data.get("detect", {}).get("other_event"), data.get("contexts", {}))
    spec = data.get("other_event")
    if not words or spec is None:
        return None
    rule = TypeRule("other_event", _words(words), spec["plover"]["type"], spec["plover"].get("mode"),
                    spec["acled"]["event_type"], spec["acled"]["sub_event_type"], frozenset(), (), (), fallback=True)
    return _Other(rule, words)
