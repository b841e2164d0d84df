"""ACLED event and sub-event types of incidents, from the codebook's definitions in data files.

``data/acled.yaml`` names ACLED's types and their precedence; ``data/lang/<language>/acled.yaml`` holds ordered
rules over an incident's sentence (the first that matches codes it, so the order is the codebook's precedence:
a suicide bomb before the attack it was, protesters' violence before the force used on them, the weapon among
explosions), the words that make a violent incident no ACLED event (an earthquake, an industrial blast), and
cues of events ACLED codes that the ceasefire-monitoring cues miss (merged into the incident rules by
:func:`trucewatch.incidents.rules.incident_rules`). A sentence no rule fits keeps its incident type's codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from trucewatch import datafiles
from trucewatch.incidents.rules import context_patterns, lowered_words
from trucewatch.lang import languages, lexicon

CONTEXT = 300  # characters of a sentence's paragraph before it that a rule's `with` words may come from
# incident types that are violence, whose sentence may instead tell of a disaster or an accident
VIOLENT = frozenset({"attack", "shelling", "armed_clash", "ceasefire_violation_report", "casualties", "mine_incident",
                     "other_event"})


@cache
def taxonomy() -> dict:
    """``data/acled.yaml``: event types with their sub-event types, the precedence, data sets' label codes."""
    return datafiles.bundled("data/acled.yaml", "acled")


@cache
def event_type_of() -> dict[str, str]:
    return {sub: event for event, subs in taxonomy()["event_types"].items() for sub in subs}


@dataclass(frozen=True)
class AcledRule:
    event_type: str
    sub_event_type: str
    words: re.Pattern[str] | None  # any in the sentence; None: the rule holds for its types
    context: re.Pattern[str] | None  # any in the sentence or just before it in its paragraph
    unless: re.Pattern[str] | None  # none in the sentence
    types: frozenset[str]  # incident types it may code; empty: any


@dataclass(frozen=True)
class AcledRules:
    rules: tuple[AcledRule, ...]
    not_event: re.Pattern[str] | None
    not_event_unless: re.Pattern[str] | None
    not_event_any: re.Pattern[str] | None  # no ACLED event whatever the incident type (a sanctions announcement)


def _pattern(patterns: list[str] | None, contexts: dict[str, list[str]]) -> re.Pattern[str] | None:
    return lowered_words(context_patterns(patterns, contexts)) if patterns else None


@cache
def acled_rules(language: str = "en") -> AcledRules | None:
    """The compiled rules of ``data/lang/<language>/acled.yaml``; None for a language without the file."""
    if language not in languages(having="acled"):
        return None
    data = lexicon(language, "acled")
    contexts = data.get("contexts", {})
    events = event_type_of()
    rules = tuple(
        AcledRule(events[spec["sub_event_type"]], spec["sub_event_type"], _pattern(spec.get("words"), contexts),
                  _pattern(spec.get("with"), contexts), _pattern(spec.get("unless"), contexts),
                  frozenset(spec.get("types", ())))
        for spec in data["rules"]
    )
    not_events = data.get("not_events", {})
    return AcledRules(rules, _pattern(not_events.get("words"), contexts), _pattern(not_events.get("unless"), contexts),
                      _pattern(data.get("not_events_any"), contexts))


@cache
def fallback_plover(language: str, sub_event_type: str) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) of an ``other_event`` incident of ACLED ``sub_event_type`` (an arrest coerces, a
    defection mobilizes), or None to keep the type's own."""
    if language not in languages(having="acled"):
        return None
    spec = lexicon(language, "acled").get("other_event", {}).get("plover_by_sub_event", {}).get(sub_event_type)
    return (spec["type"], spec.get("mode")) if spec else None


def _conflict(compiled: AcledRules, text: str) -> bool:
    return bool(compiled.not_event_unless and compiled.not_event_unless.search(text))


def acled_code(language: str, incident_type: str, sentence: str, before: str = "") -> tuple[str, str] | None:
    """(event type, sub-event type) of an incident of ``incident_type`` told by ``sentence`` (lowered), ``before``
    the lowered text of its paragraph just before it; ("", "") when it is no ACLED event (a disaster, an
    accident); None when no rule fits (the incident type's own codes stand)."""
    compiled = acled_rules(language)
    if compiled is None:
        return None
    if compiled.not_event_any and compiled.not_event_any.search(sentence):
        return "", ""
    if incident_type in VIOLENT and compiled.not_event and not _conflict(compiled, sentence) and (
        compiled.not_event.search(sentence) or (compiled.not_event.search(before) and not _conflict(compiled, before))
    ):
        return "", ""  # a disaster, an accident told in the sentence or just before it ("an explosion at a plant...")
    for rule in compiled.rules:
        if rule.types and incident_type not in rule.types:
            continue
        if rule.words is not None and not rule.words.search(sentence):
            continue
        if rule.context is not None and not (rule.context.search(sentence) or rule.context.search(before)):
            continue
        if rule.unless is not None and rule.unless.search(sentence):
            continue
        return rule.event_type, rule.sub_event_type
    return None
