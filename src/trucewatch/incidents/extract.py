"""Incidents in one document: sentences with a cue word, typed, dated, placed, counted, attributed.

Rules over sentences, no parsing: a sentence is looked at only if one cue of any type occurs in
it (the prefilter keeps the stage cheap); each type whose cue is not negated or hypothetical in
its clause ("denied shelling", "threatened to attack", "would withdraw") makes one incident,
or speaks of the background ("after six weeks of heavy fighting"),
unless a more specific type found in the same sentence suppresses it (a shelling is not also a
generic attack). Dates are resolved like ``said_on``: a date the sentence speaks of, nearest the
cue, else the publication day (in an undated report, the day its paragraph just named, else its
dateline). Counts are conservative: a number only counts as killed, released... when the word
saying so follows it closely ("49 servicemen were killed") or precedes it ("killing two"), and vague
counts take ACLED's low values ("dozens" = 12) through :mod:`trucewatch.text.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial
from itertools import pairwise

from trucewatch.actors import ActorRegistry
from trucewatch.incidents.acled import CONTEXT as ACLED_CONTEXT
from trucewatch.incidents.acled import acled_code, fallback_plover
from trucewatch.incidents.gazetteer import Gazetteer, PlaceMention
from trucewatch.incidents.rules import IncidentRules, TypeRule, incident_rules, lowered
from trucewatch.lang import languages
from trucewatch.records import Document, Incident, Sentence, Statement
from trucewatch.text.dates import context_day, date_mentions, find_dates, month_number, named_today, publication_day
from trucewatch.text.numbers import find_numbers
from trucewatch.text.spans import Overlaps

_UNKNOWN_PLACE = re.compile(r"\b(?:in|near|at|towards|outside)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_DATELINE = re.compile(r"\s*,?\s*[^\w\s,.]?\s*[(—–]")  # after a name opening a line: "Moscow, (APP", "BAKU —"
_ORIGIN_CUT = re.compile(r"[.;]")
LOOKAHEAD = 92  # days after an undated page's latest full date that its "June 2" may fall in: written after that date
RECENT = 8  # days before publication that a day named in a paragraph is still the day of its undated sentences
COUNT_GAP = 6  # words at most between a number and the word saying what it counts, in one clause
CONTEXT = 400  # characters before a sentence whose last place name stands for a sentence naming none
# double quotes read as spaces: a scare-quoted word ('the "peacekeepers" were deployed', 'the "provocations"') is
# the word itself to the cues (same length: offsets do not move)
_QUOTES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " ", "\u201e": " "})
_VIOLENT = {"attack", "shelling", "armed_clash", "ceasefire_violation_report", "casualties", "mine_incident"}
_PLACE_RANK = {
    "village": 0,
    "town": 0,
    "city": 0,
    "district": 1,
    "corridor": 1,
    "route": 1,
    "region": 2,
    "line": 3,
    "country": 4,
}


def extract_incidents(
    doc: Document,
    sentences: Sequence[Sentence],
    registry: ActorRegistry,
    gazetteer: Gazetteer,
    statements: Sequence[Statement] = (),
) -> list[Incident]:
    """The incidents ``doc`` reports, one per (sentence, type) (two where a later clause with a day of its own tells
    of another), in text order; a one-off event told again (a second sentence on one meeting) once; none in a
    language with no rules."""
    language = doc.language or "en"
    if language not in languages(having="incidents"):
        return []
    rules = incident_rules(language)
    # without a publication date, the latest full date the page writes is its "now" (only relative dates are
    # resolved against it: an incident the sentence gives no date gets none, the article may be much later)
    # A page that prints no date but names its day ("today 2 June 2022") is read against that day, whatever later
    # dates it writes (a meeting "due on June 10, 2022").
    own = doc.published or named_today(doc.raw_text)
    today = own or context_day(doc.raw_text)
    # an undated page's latest date is the day of its undated sentences only when it is the page's own (a caption's,
    # "today 2 June 2022"), not the date of an event a sentence tells ("since the attack on October 7, 2023")
    page_day = today if own or _page_day(doc.raw_text, today, rules) else None
    low = lowered(doc.body).translate(_QUOTES)  # every pattern of the rules matches lowered text, quotes as spaces
    found: dict[tuple[str, str], Incident] = {}  # a paragraph repeated in a page is one report
    reporter_of = partial(_reporter, statements=statements, overlaps=Overlaps([(s.start, s.end) for s in statements]))
    for sentence in sentences:
        if not rules.any_cue.search(low, sentence.start, sentence.end):
            continue
        for incident in _sentence_incidents(
            doc, low, sentence, rules, registry, gazetteer, reporter_of, today, page_day
        ):
            key = (incident.type, " ".join(incident.sentence.split()), incident.cue, incident.date)
            found.setdefault(key, incident)
    told = partial(_told, doc=doc, low=low, today=today, details=rules.repeat_details)
    return _without_repeats(list(found.values()), rules.repeat_types, told)


def _told(
    incident: Incident, doc: Document, low: str, today: str | None, details: re.Pattern[str] | None
) -> tuple[bool, bool]:
    """What a mention's sentence tells of its own: a date (else its date is the report's, and says nothing), a time of
    day ("at noon", "at 19:00")."""
    dated = bool(date_mentions(doc.body, today, incident.start, incident.end, _lookahead(doc)))
    return dated, bool(details and details.search(low, incident.start, incident.end))


def _without_repeats(
    incidents: list[Incident], repeat_types: frozenset[str], told: Callable[[Incident], tuple[bool, bool]]
) -> list[Incident]:
    """The incidents less the later mentions of one already reported (a second sentence about the same meeting or
    signing), which would count one event twice: the first mention stands for it, with its sentence as evidence."""
    kept: list[Incident] = []
    for incident in incidents:
        earlier = [first for first in kept if first.type == incident.type] if incident.type in repeat_types else []
        if not earlier or not any(_repeats(incident, first, *told(incident)) for first in earlier):
            kept.append(incident)
    return kept


def _repeats(later: Incident, first: Incident, dated: bool, timed: bool) -> bool:
    """Whether ``later`` tells again of ``first`` and adds nothing: the same type, another sentence, a compatible date
    (where it names one) and place, no time of day, count, actor or reporter of its own (another source's account is
    a report of its own)."""
    return (
        later.type == first.type
        and later.sentence_index != first.sentence_index
        and not timed
        and (not dated or _compatible(later.date, first.date))
        and _compatible(later.place_id or later.place, first.place_id or first.place)
        and later.reported_by in (None, first.reported_by)
        and not later.counts.keys() - first.counts.keys()
        and {a["name"] for a in later.actors} <= {a["name"] for a in first.actors}
    )


def _compatible(one: str | None, other: str | None) -> bool:
    """Whether two values can be one: equal, or either unknown; a date only as precise as the less precise one."""
    if not one or not other:
        return True
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _cue(rule: TypeRule, rules: IncidentRules, text: str, start: int = 0) -> re.Match[str] | None:
    """The first cue of ``rule`` in ``text`` that speaks of an incident that happened: not negated,
    hypothetical or background in its clause, not an intention ("agreed to withdraw"), not zero ("no violations"),
    not violence counted over a long period or judged later in its clause ("has killed thousands since 2014",
    "must stop"), not future just
    after it or inside it ("will begin", "over its route are set to begin", "peacekeepers will be
    deployed"), not denied later in the sentence
    ("... is false")."""
    for match in rule.cues.finditer(text, start):
        clause = text[max(0, match.start() - 80) : match.start()]
        cut = list(rules.clause_end.finditer(clause))
        while cut and cut[-1].group().strip() in rules.coordinators and (
            not clause[cut[-1].end() :].strip()
            or (rules.noun_phrase and rules.noun_phrase.fullmatch(clause, cut[-1].end()))
        ):
            cut.pop()  # "called for a ceasefire and the withdrawal of troops", "used mortars and sniper rifles"
        if cut:
            clause = clause[cut[-1].end() :]
        part = text[max(0, match.start() - 80) : match.start()]
        part = part[parts[-1].end() :] if (parts := list(rules.modal_scope_end.finditer(part))) else part
        rest = text[match.end() : match.end() + 100]
        rest = rest[: m.start()] if (m := rules.predicate_end.search(rest)) else rest
        after = text[match.end() : match.end() + 40]
        after = after[: m.start()] if (m := rules.clause_end.search(after)) else after
        if (
            rules.blocked.search(clause)
            or (rules.zero and rules.zero.search(match.group()))
            or (rules.infinitive and not rule.purpose_counts and rules.infinitive.search(clause))
            or (
                rules.nominal_background
                and rules.nominal_background.search(text, max(0, match.start() - 80), match.start() + _article(match))
            )
            or (rules.future and rules.future.match(after.lstrip()))
            or (rules.future_inside and rules.future_inside.search(match.group()))
            or (rules.future_inside and rules.future_inside.search(part))
            or (rules.future_predicate and rules.future_predicate.search(rest))
            or _general(rule, match, text, rules)
            or (rules.denied and rules.denied.search(text, match.end()))
            or _referenced(match, text, rules)
            or _figurative(match, text, rules)
        ):
            continue
        return match
    return None


def _general(rule: TypeRule, cue: re.Match[str], text: str, rules: IncidentRules) -> bool:
    """Whether the cue's clause speaks of violence in general: counted over a long period ("has killed thousands
    since 2014"), or judged ("attacks on civilians must stop", "such clashes are common")."""
    if rule.name not in _VIOLENT or not (rules.period or rules.generic):
        return False
    rest = _clause_after(text, cue.end(), rules)
    return bool((rules.period and rules.period.search(rest)) or (rules.generic and rules.generic.search(rest)))


_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")


def _clause_after(text: str, at: int, rules: IncidentRules) -> str:
    """The 100 characters after ``at`` up to the end of the clause (a relative clause, a comma), a comma inside a
    number ("14,000") not ending it."""
    rest = text[at : at + 100]
    for end in rules.predicate_end.finditer(rest):
        if not _THOUSANDS.match(rest, end.start()):
            return rest[: end.start()]
    return rest


_ARTICLE = re.compile(r"(?:the|a|an)\s+")


def _article(cue: re.Match[str]) -> int:
    """The length of the article a cue opens with ("the meeting"): it belongs to the noun phrase before the noun, so
    "during the meeting" reads as the background it is."""
    article = _ARTICLE.match(cue.group())
    return article.end() if article else 0


def _referenced(cue: re.Match[str], text: str, rules: IncidentRules) -> bool:
    """Whether the cue is inside a phrase naming an agreement as what an act violated ("violation of the truce")."""
    return bool(rules.references) and any(
        r.start() <= cue.start() and cue.end() <= r.end() for r in rules.references.finditer(text)
    )


def _figurative(cue: re.Match[str], text: str, rules: IncidentRules) -> bool:
    """Whether the cue's first word is used in another field's sense, by the phrase around it: a film "shot in" a
    city, a bill "killed", a "clash of opinions", a candidate who "withdrew from the race", a storm that "killed"
    people. Each phrase is searched apart: one may overlap another ("withdrawal from the Union took effect")."""
    window = max(0, cue.start() - 80), min(len(text), cue.end() + 80)
    return any(f.start() <= cue.start() < f.end() for p in rules.figurative for f in p.finditer(text, *window))


def _sentence_incidents(
    doc: Document,
    low: str,
    sentence: Sentence,
    rules: IncidentRules,
    registry: ActorRegistry,
    gazetteer: Gazetteer,
    reporter_of: Callable[[Sentence], Reporter],
    today: str | None,
    page_day: str | None = None,
) -> list[Incident]:
    text, ltext = doc.body[sentence.start : sentence.end], low[sentence.start : sentence.end]
    if rules.terms and rules.terms.search(ltext):  # an agreement's terms restated
        return []
    cues = {rule.name: (rule, m) for rule in rules.types if (m := _cue(rule, rules, ltext))}
    # a type whose precedence words occur in the sentence is not suppressed, and suppresses the types it outranks
    # ("reached an agreement to implement a ceasefire": a ceasefire declared, not an agreement signed)
    first = {rule.name for rule, _ in cues.values() if rule.precedence and rule.precedence.search(ltext)}
    suppressed = {s for rule, _ in cues.values() for s in rule.suppresses}
    suppressed |= {s for rule, _ in cues.values() if rule.name in first for s in rule.outranks}
    suppressed -= first
    kept = [(rule, m) for name, (rule, m) in cues.items() if name not in suppressed]
    if any(not rule.fallback for rule, _ in kept):  # a fallback type only where no other type fired
        kept = [(rule, m) for rule, m in kept if not rule.fallback]
    if not kept:
        return []
    dates = date_mentions(doc.body, today, sentence.start, sentence.end, _lookahead(doc))
    kept += _second_cues(kept, rules, ltext, [d for d in dates if d.precision == "day"], sentence.start)
    undated = (None, None) if dates else _context_date(doc, sentence.start, today, _day_shift(ltext, rules), page_day)
    reporter, span = reporter_of(sentence)
    span = span and (span[0] - sentence.start, span[1] - sentence.start)
    places = [p for p in gazetteer.find(text) if not (span and p.start < span[1] and span[0] < p.end)]
    actors = _actors(text, registry, rules, span)
    hedged = bool(rules.hedges and rules.hedges.search(ltext))
    numbers = find_numbers(text, doc.language or "en")
    incidents = []
    for rule, cue in kept:
        date, precision = _date(_nights(dates, low, rules), sentence.start + cue.start(), doc.published) if dates \
            else undated
        # a report told before its attribution ("..., said the spokesman at the briefing in New York"): a place after
        # the speaker is where it was said, not where it happened
        told = span[1] if span and cue.end() <= span[0] else len(text)
        place = _place([p for p in places if p.start < told], cue, ltext, rules, fired=rule.name in _VIOLENT)
        written = place.text if place else _unknown_place(text[:told])
        if place is None and written is None:  # "in the region", or no place: the one the text was just speaking of
            place = _place_before(doc.body, low, sentence.start, gazetteer, rules)
            written = place.text if place else None
        counts = _counts(ltext, numbers, rule, rules)
        mode, event_type, sub_event_type = rule.plover_mode, rule.acled_event_type, rule.acled_sub_event_type
        for refinement in rule.refine:
            if refinement.words.search(ltext):
                mode = refinement.plover_mode or mode
                event_type = refinement.event_type or event_type
                sub_event_type = refinement.sub_event_type or sub_event_type
                break
        before = low[max(sentence.start - ACLED_CONTEXT, low.rfind("\n\n", 0, sentence.start) + 2) : sentence.start]
        coded = acled_code(doc.language or "en", rule.name, ltext, before)  # the codebook's precedence
        if coded is not None:
            event_type, sub_event_type = coded
        plover_type = rule.plover_type
        if rule.fallback and (plover := fallback_plover(doc.language or "en", sub_event_type)):
            plover_type, mode = plover
        roles = [
            {"name": a["name"], "side": a["side"], "role": "actor" if a["at"] < cue.start() else "target"}
            for a in actors
        ]
        confidence = 0.5 + 0.1 * bool(dates) + 0.1 * bool(place) + 0.1 * bool(roles) + 0.1 * bool(reporter)
        incidents.append(
            Incident(
                doc_id=doc.id,
                start=sentence.start,
                end=sentence.end,
                sentence=text,
                type=rule.name,
                plover_type=plover_type,
                plover_mode=mode,
                acled_event_type=event_type,
                acled_sub_event_type=sub_event_type,
                date=date,
                date_precision=precision,
                place=written,
                place_id=place.place.id if place else None,
                admin1=place.place.admin1 if place else None,
                latitude=place.place.latitude if place else None,
                longitude=place.place.longitude if place else None,
                actors=roles,
                reported_by=reporter,
                counts=counts,
                fatalities=counts.get("killed", 0) if rule.name in _VIOLENT else 0,
                confidence=round(confidence - 0.2 * hedged, 2),
                cue=text[cue.start() : cue.end()],
                sentence_index=sentence.index,
            )
        )
    return incidents


def _second_cues(kept: list, rules: IncidentRules, text: str, days: list, offset: int) -> list:
    """A second incident of a type in one sentence: another cue of it, in a clause of its own after the first, each
    with a day of its own ("the truce took effect on April 2 and was extended on June 2")."""
    more = []
    for rule, first in kept:
        second = _cue(rule, rules, text, first.end())
        cuts = list(rules.clause_end.finditer(text, first.end(), second.start())) if second else []
        if not cuts:
            continue
        split = cuts[-1].start()  # the second cue's clause begins here
        before = {d.value[:10] for d in days if d.start - offset < split}
        after = {d.value[:10] for d in days if d.start - offset >= split}
        if before and after and not before & after:
            more.append((rule, second))
    return more


def _nights(dates: list, low: str, rules: IncidentRules) -> list:
    """``dates`` less the first day of a night written as two days ("on the night from Monday to Tuesday", "overnight
    Saturday into Sunday"): what happened that night is dated by the day it ended in, as a report of it the next
    morning does."""
    if rules.night_span is None or len(dates) < 2:
        return dates
    first_days = set()
    for one, other in pairwise(dates):
        if (
            one.precision == other.precision == "day"
            and _days_between(one.value, other.value) == 1
            and (night := rules.night_span.search(low, max(0, one.start - 25), other.start))
            and night.start() < one.start
        ):
            first_days.add(one.start)
    return [d for d in dates if d.start not in first_days]


def _date(dates, at: int, published: str | None) -> tuple[str | None, str | None]:
    if dates:
        nearest = min(dates, key=lambda d: (d.precision != "day", abs(d.start - at)))
        return nearest.value, nearest.precision
    return publication_day(published)


def _lookahead(doc: Document) -> int:
    """How far after the reference day a yearless date may fall: none for a dated report, :data:`LOOKAHEAD` for an
    undated one (whose reference is only the latest date it writes)."""
    return 0 if doc.published else LOOKAHEAD


def _day_shift(text: str, rules: IncidentRules) -> int | None:
    """Days from the day the text just named to the day a sentence naming none tells of: 1 for "the next day", -1 for
    "the day before", 0 for "on the same day"; None when it says none of these."""
    for pattern, shift in ((rules.next_day, 1), (rules.day_before, -1), (rules.same_day, 0)):
        if pattern and pattern.search(text):
            return shift
    return None


def _context_date(
    doc: Document, start: int, today: str | None, shift: int | None = None, page_day: str | None = None
) -> tuple[str | None, str | None]:
    """The date of a sentence naming none: the day its paragraph just named ("On June 2, ... The meeting was held
    ..."), in a dated report only one of the week before publication (an older one is background), else the
    publication day; in an undated report else the latest day it writes (its dateline, a caption); none when the
    report gives no date at all. A sentence saying "on the same day" (``shift`` 0), "the next day" (1) or "the day
    before" (-1) takes the day the text just named, so shifted, in any report and across paragraphs."""
    if shift is not None:
        days = [
            d for d in date_mentions(doc.body, today, max(0, start - CONTEXT), start, _lookahead(doc))
            if d.precision == "day"
        ]
        if days:
            return (date.fromisoformat(days[-1].value[:10]) + timedelta(days=shift)).isoformat(), "day"
    window = max(0, start - CONTEXT, doc.body.rfind("\n\n", 0, start) + 2)
    days = [d for d in date_mentions(doc.body, today, window, start, _lookahead(doc)) if d.precision == "day"]
    if doc.published:
        recent = [d for d in days if _days_between(d.value, doc.published) in range(RECENT)]
        return (recent[-1].value, "day") if recent else publication_day(doc.published)
    return (days[-1].value, "day") if days else publication_day(page_day)


_SENTENCE_CUT = re.compile(r"[.!?\n]")


def _page_day(raw: str, day: str | None, rules: IncidentRules) -> bool:
    """Whether ``day`` (the latest full date an undated page writes) is the page's own: written at least once in a
    sentence telling of no incident (a caption, a dateline) or named as the day of writing ("today 2 June 2022"), not
    only as the date of an event
    ("since Hamas's attack on October 7, 2023", "signed by May 15, 2024")."""
    if day is None:
        return False
    for found in find_dates(raw):
        if (value := found.day_value()) is None or value.isoformat() != day:
            continue
        starts = [m.end() for m in _SENTENCE_CUT.finditer(raw, max(0, found.start - 300), found.start)]
        start = starts[-1] if starts else max(0, found.start - 300)
        cut = _SENTENCE_CUT.search(raw, found.end)
        if not rules.any_cue.search(lowered(raw[start : cut.start() if cut else len(raw)])):
            return True
        if rules.page_day and rules.page_day.search(lowered(raw[max(0, found.start - 30) : found.start])):
            return True
    return False


def _days_between(day: str, later: str) -> int:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return -1


def _where(mention: PlaceMention, text: str, rules: IncidentRules) -> bool:
    """Whether a name is used as the place of something: not a dateline ("MOSCOW, Sept 20", "Moscow, (APP - ..."),
    not a capital or country speaking or acting for its government ("Baku said", "the Sanaa government",
    "launched by Baku", "accused Baku"); a region or country after a locative word is a place whatever follows it."""
    opens_line = not text[text.rfind("\n", 0, mention.start) + 1 : mention.start].strip()
    if (mention.text.isupper() and len(mention.text) > 3) or (opens_line and _DATELINE.match(text, mention.end)):
        return False
    if rules.acts_before and rules.acts_before.search(text[max(0, mention.start - 20) : mention.start]):
        return False
    if mention.place.kind not in ("city", "town") and _locative(mention, text, rules):
        return True  # a region after a locative word is where ("the ceasefire in Nagorno-Karabakh has been broken")
    return not (rules.speaks_after and rules.speaks_after.match(text, mention.end))


def _locative(mention: PlaceMention, text: str, rules: IncidentRules) -> bool:
    """Whether a locative word comes just before the name ("in the village of Tegh", "near Goris")."""
    return bool(rules.place_before and rules.place_before.search(text[max(0, mention.start - 50) : mention.start]))


def _origin(mention: PlaceMention, cue: re.Match[str], text: str, rules: IncidentRules) -> bool:
    """Whether the name says where fire came from, not where it struck: an origin word before it in its clause,
    with no cue in between ("fired on Kalbajar district from positions in Basarkechar")."""
    if rules.origin_before is None:
        return False
    window = max(0, mention.start - 120)
    origins = list(rules.origin_before.finditer(text, window, mention.start))
    if not origins:
        return False
    after = origins[-1].end()
    return not (_ORIGIN_CUT.search(text, after, mention.start) or after <= cue.start() < mention.start)


def _place(
    places: list[PlaceMention], cue: re.Match[str], text: str, rules: IncidentRules, fired: bool
) -> PlaceMention | None:
    """Where the incident happened: not where fire came from, the most precise place named, one after a locative
    word before others, nearest the cue."""
    ranked = [
        (
            fired and _origin(m, cue, text, rules),
            _PLACE_RANK.get(m.place.kind, 2),
            not _locative(m, text, rules),
            abs(m.start - cue.start()),
            m,
        )
        for m in places
        if _where(m, text, rules)
    ]
    return min(ranked, key=lambda r: r[:4])[4] if ranked else None


def _place_before(body: str, low: str, start: int, gazetteer: Gazetteer, rules: IncidentRules) -> PlaceMention | None:
    """The last place named in the ``CONTEXT`` characters before ``start`` (the text's own place for a sentence that
    names none: "the Mission recorded 20 violations in the region")."""
    window = max(0, start - CONTEXT)
    named = [m for m in gazetteer.find(body, window, start) if _where(m, low, rules)]
    return named[-1] if named else None


def _unknown_place(text: str) -> str | None:
    for match in _UNKNOWN_PLACE.finditer(text):
        if month_number(match.group(1).split()[0]) is None:
            return match.group(1)
    return None


Reporter = tuple[str | None, tuple[int, int] | None]  # who reports a sentence, and the span naming them


def _reporter(sentence: Sentence, statements: Sequence[Statement], overlaps: Overlaps) -> Reporter:
    """Who reports what the sentence says: the speaker of a statement inside it (``overlaps``: their spans)."""
    for n in overlaps.of(sentence.start, sentence.end):
        statement = statements[n]
        if statement.speaker_name or statement.speaker_text:
            span = (statement.speaker_start, statement.speaker_end) if statement.speaker_start is not None else None
            return statement.speaker_name or statement.speaker_text, span
    return None, None


def _actors(text: str, registry: ActorRegistry, rules: IncidentRules, reporter: tuple[int, int] | None) -> list[dict]:
    """Registered actors and sides' forces ("Azerbaijani forces") named in the sentence, but not its reporter."""
    found: dict[str, dict] = {}
    for mention in registry.mentions(text):
        if reporter and mention.start < reporter[1] and reporter[0] < mention.end:
            continue
        actor = registry.get(mention.actor_id)
        if actor is not None:
            found.setdefault(actor.name, {"name": actor.name, "side": actor.side, "at": mention.start})
    forces = _forces(registry, rules)
    if forces is not None:
        pattern, adjectives = forces
        for match in pattern.finditer(text):
            if reporter and match.start() < reporter[1] and reporter[0] < match.end():
                continue
            name = " ".join(match.group().split())
            found.setdefault(
                name.lower(), {"name": name, "side": adjectives[match.group(1).lower()], "at": match.start()}
            )
    return sorted(found.values(), key=lambda a: a["at"])


_FORCES: dict[int, tuple[ActorRegistry, IncidentRules, tuple[re.Pattern[str], dict[str, str]] | None]] = {}


def _forces(registry: ActorRegistry, rules: IncidentRules) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A side's forces ("Azerbaijani troops") as one pattern, and adjective -> side: built once per registry."""
    cached = _FORCES.get(id(registry))
    if cached is None or cached[0] is not registry or cached[1] is not rules:
        adjectives = {a.lower(): code for code, c in registry.countries.items() for a in c["adjectives"]}
        built = (
            (
                re.compile(rf"\b({'|'.join(map(re.escape, adjectives))})\s+(?:{rules.force_nouns})\b", re.IGNORECASE),
                adjectives,
            )
            if rules.force_nouns and adjectives
            else None
        )
        cached = _FORCES[id(registry)] = (registry, rules, built)
    return cached[2]


def _counts(text: str, numbers, rule: TypeRule, rules: IncidentRules) -> dict[str, int]:
    """Counts the type may carry: a number just after the count's word ("killing two"), else followed within a few
    words by it ("49 servicemen were killed")."""
    nearest: dict[str, tuple[int, int]] = {}  # kind -> (distance to its word, number)
    for number in numbers:
        if not float(number.value).is_integer() or number.value <= 0:
            continue
        after = text[number.end : number.end + 60]
        before = text[max(0, number.start - 20) : number.start]
        best: tuple[int, str] | None = None
        for kind in rule.counts:
            pattern = rules.counts.get(kind)
            if pattern is None:
                continue
            if (tail := pattern.search(before)) and not before[tail.end() :].strip(" ,"):
                best = (-1, kind)  # the word just before ("killing two", "killed at least 866") governs the number
                break
            match = pattern.search(after)
            gap = after[: match.start()] if match else ""
            close = match and len(gap.split()) <= COUNT_GAP and not re.search(r"[.;,]", gap)
            if match and close and (best is None or match.start() < best[0]):
                best = (match.start(), kind)
        if best and (best[1] not in nearest or best[0] < nearest[best[1]][0]):  # the number nearest its word
            value = rules.plural_scales.get(text[number.start : number.end].strip(), int(number.value))
            nearest[best[1]] = (best[0], value)
    counts = {kind: value for kind, (_, value) in nearest.items()}
    for kind in rule.counts:
        if kind not in counts and (single := rules.single_counts.get(kind)) and single.search(text):
            counts[kind] = 1
    return counts
