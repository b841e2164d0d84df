"""Reports of one incident: one type (or compatible types), dates in a window, places that can be one, actors.

Every report is kept (each is evidence, with its own counts and attribution); grouping only gives
them one ``incident_id``. What counts as close, per type, is data (``data/incident_grouping.yaml``):

- Types: the same, or compatible (a prisoner exchange and a release of detainees).
- Dates: each date is an interval scaled to its precision (a day; a month is any of its days), and two
  reports can be one incident when their intervals are at most the type's window apart (a day by default,
  which covers time zones and a report dated by its publication day telling of "yesterday"; a week for an
  incident that goes on, a blockade or a withdrawal). A report whose sentence names no date is dated by the day it
  was told on, so its interval reaches a few days back (``undated_lookback_days``). A report dated only to the
  year, or not at all, has no interval: it joins a group by a large count it shares (10 released), else the one
  group of its own place entry, or of a place it lies in below its country (a city's report, the Gaza Strip's
  ceasefire; not a type told of an area, whose spot is one post of many), or, for a type placed where announced
  (a handover, an agreement), of its area of conflict naming the same perpetrator's side, that it fits with more
  evidence than any other and that counts nothing otherwise; when two are as likely, or its type recurs at one
  place (violations counted daily), it stays alone. Still alone, it joins the one likeliest group of its type that
  its own article's other reports are in (an article telling of a withdrawal from the strip and from one of its
  towns tells of one withdrawal). A sentence naming a day without a year ("on Tuesday", "on September 13") keeps
  it out of a group whose members are dated to days that day cannot be.
- Places can be one when they are the same gazetteer entry, when one lies within the other (a village in
  its district: ``within`` or ``admin1`` of the places files), or when a report names no place. Within one area of
  conflict (``areas``), a place naming an area (a country, a region) contradicts no spot of it, two states can be
  one (a border clash each side places on its own soil), and a type told of an area (a blockade) takes any two
  of its places. A type that reports often place where it was announced (a withdrawal "from Moscow") tolerates
  two places when both reports name the same perpetrator's side.
- Actors are compatible when either report names no perpetrator, they name the same side, or one names the
  other's perpetrator at all (each side blaming the other for one shelling): the attributions then stand
  side by side in the group, neither merged into the other.

A report joins a group only if it could be one incident with every member (complete linkage), so an
unplaced report never chains two places into one incident (a type placed where announced needs its place to
fit only one member, or a perpetrator's side shared with one: the group already spans the places it was told
from). Of the groups it could join it takes the one with most positive evidence (the same place entry, the
same perpetrator's side, a shared count, the same day).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from trucewatch.agreements import Place
from trucewatch.records import Incident, stable_id

if TYPE_CHECKING:
    from trucewatch.incidents.gazetteer import Gazetteer


@dataclass(frozen=True)
class GroupingRules:
    default_window: int
    windows: dict[str, int]
    kind_of: dict[str, str]  # type -> the name standing for its compatible types
    announced: frozenset[str]  # types often placed where announced: a shared perpetrator outweighs two places
    shared_count_min: int
    areas: dict[str, str] = field(default_factory=dict)  # place id -> the area of conflict it names a part of
    coarse_kinds: frozenset[str] = frozenset()  # kinds of place that name an area rather than a spot
    wide: frozenset[str] = frozenset()  # types told of an area: any two places of one area can be one
    lookback: int = 0  # days before the day it was told on that a report naming no date can be of
    recurring: frozenset[str] = frozenset()  # types told again and again at one place: no date, no group by place

    def widest(self, kind: str) -> timedelta:
        """The widest window of the types of ``kind``: how long a group of them stays open."""
        types = [t for t, k in self.kind_of.items() if k == kind] or [kind]
        return timedelta(days=max(self.windows.get(t, self.default_window) for t in types))


@cache
def grouping_rules() -> GroupingRules:
    """The bundled ``data/incident_grouping.yaml``, checked against its schema."""
    from trucewatch import datafiles

    data = datafiles.bundled("data/incident_grouping.yaml", "incident-grouping")
    kind_of = {name: min(names) for names in data["compatible_types"] for name in names}
    return GroupingRules(
        data["default_window_days"],
        dict(data["window_days"]),
        kind_of,
        frozenset(data["announced_types"]),
        data["shared_count_min"],
        {place: name for name, members in data.get("areas", {}).items() for place in members},
        frozenset(data.get("coarse_kinds", ())),
        frozenset(data.get("wide_types", ())),
        data.get("undated_lookback_days", 0),
        frozenset(data.get("recurring_types", ())),
    )


@cache
def _names_a_date(sentence: str) -> bool:
    """Whether a sentence names a date of its own (a day, "yesterday"); else its report's date is the day it was
    told on (the publication day), and the incident may be older."""
    from trucewatch.text.dates import date_mentions

    return bool(date_mentions(sentence, None)) or bool(date_mentions(sentence, "2000-01-01"))


@cache
def _can_name(sentence: str, day: date, window: int) -> bool | None:
    """Whether a day a report's sentence names without a year ("on Tuesday", "on September 13") can be ``day``
    (within ``window``), the sentence read as told on that day or in the week after it; None when it names no such
    day. A day counted back from the day it was told ("yesterday") can be any day: it is not read."""
    from trucewatch.text.dates import date_mentions

    def named(told: date) -> dict[int, date]:
        return {m.start: date.fromisoformat(m.value) for m in date_mentions(sentence, told.isoformat())
                if m.precision == "day"}

    week = [named(day + timedelta(days=after)) for after in range(8)]
    fixed = [at for at in week[0] if not all(  # a day that moves with the day it was told on says nothing
        at in week[n + 1] and (week[n + 1][at] - week[n][at]).days == 1 for n in range(2))]
    if not fixed:
        return None
    return any(at in told and abs((told[at] - day).days) <= window for told in week for at in fixed)


def _interval(incident: Incident, lookback: int = 0) -> tuple[date, date] | None:
    """The days the report's date can stand for: one day (or, for a report dated by the day it was told on, that day
    and the ``lookback`` days before it), or every day of a month; None without either."""
    if not incident.date or incident.date_precision not in ("day", "month"):
        return None
    try:
        first = date.fromisoformat(incident.date[:10])
    except ValueError:
        return None
    if incident.date_precision == "day":
        if lookback and not _names_a_date(incident.sentence):
            return first - timedelta(days=lookback), first
        return first, first
    first = first.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _year(incident: Incident) -> int | None:
    """The year a report's date names, if it names one."""
    head = (incident.date or "")[:4]
    return int(head) if head.isdigit() and incident.date_precision in ("day", "month", "year") else None


def _days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)


def _sides(incident: Incident, role: str | None = None) -> frozenset[str]:
    return frozenset(a["side"] for a in incident.actors if a.get("side") and (role is None or a.get("role") == role))


def _actors_fit(
    doers_a: frozenset[str], sides_a: frozenset[str], doers_b: frozenset[str], sides_b: frozenset[str]
) -> bool:
    if not doers_a or not doers_b or doers_a & doers_b:
        return True
    return doers_a <= sides_b or doers_b <= sides_a


def compatible(a: Incident, b: Incident) -> bool:
    """Whether two reports' actors can describe one incident (see the module docstring)."""
    return _actors_fit(_sides(a, "actor"), _sides(a), _sides(b, "actor"), _sides(b))


def _within(inner: str, outer: str, places: Mapping[str, Place]) -> bool:
    """Whether gazetteer place ``inner`` lies in ``outer`` (its ``within`` chain, or its admin area's name)."""
    target = places.get(outer)
    place = places.get(inner)
    for _ in range(8):  # a chain deeper than village < district < region < country is a data error
        if place is None or target is None:
            return False
        if place.admin1 and place.admin1 == target.name and place.id != target.id:
            return True
        if place.within is None:
            return False
        if place.within == outer:
            return True
        place = places.get(place.within)
    return False


def _nested(place_id: str, places: Mapping[str, Place]) -> list[str]:
    """The place and the places its ``within`` chain reaches below a country (a town, its district, its region)."""
    chain = [place_id]
    for _ in range(8):
        place = places.get(chain[-1])
        outer = places.get(place.within) if place is not None and place.within else None
        if outer is None or outer.id in chain or outer.kind == "country":
            break
        chain.append(outer.id)
    return chain


def _area(place_id: str | None, places: Mapping[str, Place], rules: GroupingRules) -> str | None:
    """The area of conflict a gazetteer place lies in: the area listing it or a place its ``within`` chain reaches."""
    for _ in range(8):
        if place_id is None:
            return None
        if place_id in rules.areas:
            return rules.areas[place_id]
        place = places.get(place_id)
        place_id = place.within if place is not None else None
    return None


def _written(incident: Incident) -> str | None:
    return " ".join(incident.place.lower().split()) if incident.place else None


def _places_fit(a: _Facts, b: _Facts, places: Mapping[str, Place]) -> bool:
    """Whether two reports' places can be one: the same entry or one within the other; two places of one area of
    conflict when one names an area and the other a spot (a region and a town of the conflict, however the gazetteer
    nests them), when both are states (a border clash each side places on its own soil) or when the type is told of
    an area (a blockade); the same words when the gazetteer knows neither; any place beside a report naming none.
    Two coarse places of one kind (two regions) are two areas, two spots (two villages) two spots."""
    if a.place_id and b.place_id:
        one, other = a.place_id, b.place_id
        if one == other or _within(one, other, places) or _within(other, one, places):
            return True
        if a.area is None or a.area != b.area:
            return False
        return (a.wide and b.wide) or a.coarse != b.coarse or a.kind_of_place == b.kind_of_place == "country"
    if a.written and b.written and not (a.place_id or b.place_id):
        return a.written == b.written
    return True


class _PlaceFit:
    """:func:`_places_fit` over one gazetteer, each pair of places answered once: a store names few places."""

    def __init__(self, places: Mapping[str, Place]) -> None:
        self.places = places
        self.known: dict[tuple, bool] = {}

    def __call__(self, a: _Facts, b: _Facts) -> bool:
        key = (a.place_id, a.written, a.wide, b.place_id, b.written, b.wide)
        fit = self.known.get(key)
        if fit is None:
            fit = self.known[key] = _places_fit(a, b, self.places)
        return fit


def same_place(a: Incident, b: Incident, places: Mapping[str, Place], rules: GroupingRules | None = None) -> bool:
    """Whether two reports' places can be one (see the module docstring)."""
    rules = rules or grouping_rules()
    return _places_fit(_facts(a, rules, places), _facts(b, rules, places), places)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What :func:`same_incident` reads of a report, read once: reports of one shape answer alike."""

    kind: str  # the type, or the name standing for its compatible types
    type: str
    window: int  # days its type's reports can be apart
    span: tuple[date, date] | None
    year: int | None  # the year its date names, however precise (a report dated only to a year has no span)
    place_id: str | None
    written: str | None
    doers: frozenset[str]
    sides: frozenset[str]
    area: str | None  # the area of conflict its place lies in
    coarse: bool  # its place names an area (a country, a region), not a spot
    kind_of_place: str | None  # the gazetteer kind of its place (a country, a town)
    wide: bool  # its type is told of an area (a blockade, a withdrawal)
    nested: tuple[str, ...] = ()  # its place and the places it lies within


def _facts(incident: Incident, rules: GroupingRules, places: Mapping[str, Place]) -> _Facts:
    place = places.get(incident.place_id) if incident.place_id else None
    return _Facts(
        rules.kind_of.get(incident.type, incident.type),
        incident.type,
        rules.windows.get(incident.type, rules.default_window),
        _interval(incident, rules.lookback),
        _year(incident),
        incident.place_id,
        _written(incident),
        _sides(incident, "actor"),
        _sides(incident),
        _area(incident.place_id, places, rules),
        place is not None and place.kind in rules.coarse_kinds,
        place.kind if place is not None else None,
        incident.type in rules.wide,
        tuple(_nested(incident.place_id, places)) if incident.place_id else (),
    )


def _fits(a: _Facts, b: _Facts, places: _PlaceFit, rules: GroupingRules, *, place: bool = True) -> bool:
    """Whether two reports can be one incident; without ``place``, whatever their places."""
    if a.kind != b.kind:
        return False
    if a.span is not None and b.span is not None:
        if _days_apart(a.span, b.span) > max(a.window, b.window):
            return False
    elif a.year is not None and b.year is not None and a.year != b.year:
        return False  # a report dated only to a year fits the days of its year only
    if place and not (places(a, b) or _announced_by(a, b, rules)):
        return False
    return _actors_fit(a.doers, a.sides, b.doers, b.sides)


def _announced_by(a: _Facts, b: _Facts, rules: GroupingRules) -> bool:
    """Two reports of a type often placed where it was announced, naming the same perpetrator's side."""
    return a.type in rules.announced and b.type in rules.announced and bool(a.doers & b.doers)


def same_incident(a: Incident, b: Incident, places: Mapping[str, Place], rules: GroupingRules | None = None) -> bool:
    """Whether two reports can be of one incident: compatible types, dates in the window (an undated report does
    not contradict a date: it is grouped only by a shared count), places that can be one, compatible actors."""
    rules = rules or grouping_rules()
    return _fits(_facts(a, rules, places), _facts(b, rules, places), _PlaceFit(places), rules)


def with_place_read(report: Incident, gazetteer: Gazetteer) -> Incident:
    """A report whose place a reviewer rewrote, with the gazetteer entry of the new name (none if the gazetteer does
    not know it), so grouping compares the corrected place rather than the one the machine resolved."""
    name = (report.place or "").strip()
    whole = [m for m in gazetteer.find(name) if m.start == 0 and m.end == len(name)]
    place = whole[0].place if whole else None
    return replace(
        report,
        place_id=place.id if place else None,
        admin1=place.admin1 if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
    )


def _large_counts(incident: Incident, rules: GroupingRules) -> list[tuple[str, int]]:
    return sorted((kind, n) for kind, n in incident.counts.items() if n >= rules.shared_count_min)


class _Group:
    """An incident being built: its reports, the earliest end of their dates, each shape of report among them, and
    what its members share as evidence (places, perpetrators' sides, counts, days)."""

    def __init__(self, first: Incident, facts: _Facts) -> None:
        self.members: list[Incident] = []
        self.shapes: set[_Facts] = set()
        self.earliest_end: date | None = None
        self.place_ids: set[str] = set()
        self.doers: set[str] = set()
        self.counts: set[tuple[str, int]] = set()
        self.days: set[date] = set()
        self.add(first, facts)

    def accepts(self, facts: _Facts, places: _PlaceFit, rules: GroupingRules) -> bool:
        if facts.type not in rules.announced:
            return all(_fits(facts, shape, places, rules) for shape in self.shapes)
        # placed where announced: dates and actors must fit every member, the place one of them
        return all(_fits(facts, shape, places, rules, place=False) for shape in self.shapes) and any(
            places(facts, s) or _announced_by(facts, s, rules)
            for s in self.shapes
        )

    def evidence(self, report: Incident, facts: _Facts) -> int:
        """Positive evidence that ``report`` is of this incident rather than another it could join."""
        return (
            2 * (report.place_id in self.place_ids)
            + (report.place_id not in self.place_ids and bool(self.place_ids & set(facts.nested)))
            + bool(facts.doers & self.doers)
            + 2 * bool(self.counts.intersection(report.counts.items()))
            + (facts.span is not None and facts.span[0] in self.days)
        )

    def names_other_day(self, report: Incident, facts: _Facts) -> bool:
        """Whether an undated ``report``'s sentence names a day ("on Tuesday") none of the group's days can be."""
        fits = [_can_name(report.sentence, day, 0) for day in self.days]
        return bool(fits) and fits[0] is not None and not any(fits)

    def counts_differ(self, report: Incident) -> bool:
        """Whether ``report`` counts a thing (killed, released) that the group counts otherwise and never alike."""
        told = {(kind, n) for kind, n in report.counts.items() if any(k == kind for k, _ in self.counts)}
        return bool(told) and not told & self.counts

    def add(self, report: Incident, facts: _Facts) -> None:
        self.members.append(report)
        self.shapes.add(facts)
        if facts.span is not None:
            end = facts.span[1]
            self.earliest_end = end if self.earliest_end is None else min(self.earliest_end, end)
            if facts.span[0] == end:
                self.days.add(end)
        if report.place_id:
            self.place_ids.add(report.place_id)
        self.doers |= facts.doers
        self.counts.update(report.counts.items())


def _by_evidence(groups: Iterable[_Group], report: Incident, facts: _Facts) -> list[tuple[int, _Group]]:
    """``groups`` with their evidence for ``report``, most first (in their order among equals)."""
    return sorted(((g.evidence(report, facts), g) for g in groups), key=lambda eg: -eg[0])


def _join(
    groups: Iterable[_Group],
    report: Incident,
    facts: _Facts,
    places: _PlaceFit,
    rules: GroupingRules,
    found: list[_Group],
) -> _Group:
    """Add ``report`` to the group of ``groups`` with most evidence that accepts it, else to a new group."""
    for _, group in _by_evidence(groups, report, facts):  # the likeliest first: most are never asked
        if group.accepts(facts, places, rules):
            group.add(report, facts)
            return group
    found.append(_Group(report, facts))
    return found[-1]


def _only_fit(groups: Iterable[_Group], report: Incident, facts: _Facts, places: _PlaceFit,
              rules: GroupingRules) -> _Group | None:
    """The one group of ``groups`` an undated report fits with more evidence than any other, or None: without a
    date, a report is one incident with another only when nothing else it could be is as likely. Of groups with as
    much evidence, one told by more documents than any other is likelier (the incident most outlets tell of)."""
    best: list[_Group] = []
    top = 0
    for evidence, group in _by_evidence(groups, report, facts):
        if evidence <= 0 or (best and evidence < top):
            break
        if group.accepts(facts, places, rules) and not group.counts_differ(report) and not group.names_other_day(
                report, facts):
            best.append(group)
            top = evidence
    if len(best) > 1:
        told = sorted(((len({r.doc_id for r in g.members}), g) for g in best), key=lambda ng: -ng[0])
        return told[0][1] if told[0][0] > told[1][0] else None
    return best[0] if best else None


def _move_to(best: _Group | None, report: Incident, facts: _Facts, groups: list[_Group]) -> _Group:
    """``report``, alone in the last group of ``groups``, moved to ``best`` (if any): the group it is then in."""
    if best is None:
        return groups[-1]
    groups.pop()
    best.add(report, facts)
    return best


def group_incidents(
    reports: Iterable[Incident], places: Mapping[str, Place] | None = None, rules: GroupingRules | None = None
) -> dict[str, str]:
    """Report id -> incident id (a stable id of the group's first report); a report alone is its own incident.

    ``places``: the gazetteer's places by id (default: the bundled gazetteer), for "lies within".
    Dated reports are read in date order, so a group none of whose members can still be within its kind's
    widest window of the report is closed: each report is compared with the open groups of its kind only, and with
    one member of each shape, which keeps a large store linear rather than quadratic. Undated reports come
    last and are compared only with the groups holding a large count they give, then those of their place (or
    area) and those of their own article."""
    if places is None:
        from trucewatch.incidents.gazetteer import load_gazetteer

        places = load_gazetteer().places
    rules = rules or grouping_rules()
    fit = _PlaceFit(places)
    groups: list[_Group] = []
    open_by_kind: dict[str, list[_Group]] = {}
    by_count: dict[tuple[str, str, int], dict[_Group, None]] = defaultdict(dict)  # (kind, count, n) -> groups
    by_place: dict[tuple[str, str], dict[_Group, None]] = defaultdict(dict)  # (kind, place id) -> groups
    by_area: dict[tuple[str, str], dict[_Group, None]] = defaultdict(dict)  # (kind, area of conflict) -> groups
    by_doc: dict[tuple[str, str], dict[_Group, None]] = defaultdict(dict)  # (kind, document) -> groups
    read = [(_facts(r, rules, places), r) for r in reports]
    read.sort(key=lambda fr: ((fr[0].span or (date.max,))[0], fr[1].doc_id, fr[1].start))
    for facts, report in read:
        if facts.span is None:  # undated (date.max sorts them last): a shared large count, else the one group
            candidates = dict.fromkeys(g for c in _large_counts(report, rules) for g in by_count[facts.kind, *c])
            group = _join(candidates, report, facts, fit, rules, groups)
            if len(group.members) == 1 and facts.place_id and facts.type not in rules.recurring:  # else its place's
                near = _nested(facts.place_id, places) if not facts.wide else [facts.place_id]
                candidates = dict.fromkeys(g for p in near for g in by_place.get((facts.kind, p), ()))
                if facts.area and facts.type in rules.announced and facts.doers:
                    candidates.update((g, None) for g in by_area.get((facts.kind, facts.area), ())
                                      if facts.doers & g.doers)
                group = _move_to(_only_fit(candidates, report, facts, fit, rules), report, facts, groups)
            if len(group.members) == 1:  # else the one likeliest incident its own article tells of
                told = (g for g in by_doc.get((facts.kind, report.doc_id), ()) if g is not group)
                group = _move_to(_only_fit(told, report, facts, fit, rules), report, facts, groups)
        else:
            widest = rules.widest(facts.kind)
            still_open = [g for g in open_by_kind.get(facts.kind, ()) if g.earliest_end + widest >= facts.span[0]]
            open_by_kind[facts.kind] = still_open
            known = len(groups)
            group = _join(still_open, report, facts, fit, rules, groups)
            if len(groups) > known:
                still_open.append(group)
        for count in _large_counts(report, rules):
            by_count[facts.kind, *count][group] = None
        if facts.place_id:
            by_place[facts.kind, facts.place_id][group] = None
        if facts.area:
            by_area[facts.kind, facts.area][group] = None
        by_doc[facts.kind, report.doc_id][group] = None
    ids = {}
    for group in groups:
        incident_id = stable_id("ig", min(r.id for r in group.members))
        ids.update((r.id, incident_id) for r in group.members)
    return ids
