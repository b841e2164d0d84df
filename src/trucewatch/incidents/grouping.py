"""Reports of one incident: one type (or compatible types), dates in a window, places that can be one, actors.

Every report is kept (each is evidence, with its own counts and attribution); grouping only gives
them one ``incident_id``. What counts as close, per type, is data (``data/incident_grouping.yaml``):

- Types: the same, or compatible (a prisoner exchange and a release of detainees).
- Dates: each date is an interval scaled to its precision (a day; a month is any of its days), and two
  reports can be one incident when their intervals are at most the type's window apart (a day by default,
  which covers time zones and a report dated by its publication day telling of "yesterday"; a week for an
  incident that goes on, a blockade or a withdrawal). A report dated only to the year, or not at all, has
  no interval: it is grouped only by a large count it shares with the group (10 released), else alone.
- Places can be one when they are the same gazetteer entry, when one lies within the other (a village in
  its district: ``within`` or ``admin1`` of the places files), or when a report names no place. A type that
  reports often place where it was announced (a withdrawal "from Moscow") tolerates two places when both
  reports name the same perpetrator's side.
- Actors are compatible when either report names no perpetrator, they name the same side, or one names the
  other's perpetrator at all (each side blaming the other for one shelling): the attributions then stand
  side by side in the group, neither merged into the other.

A report joins a group only if it could be one incident with every member (complete linkage), so an
unplaced report never chains two places into one incident; of the groups it could join it takes the one
with most positive evidence (the same place entry, the same perpetrator's side, a shared count, the same day).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from trucewatch.agreements import Place
from trucewatch.records import Incident, stable_id


@dataclass(frozen=True)
class GroupingRules:
    default_window: int
    windows: dict[str, int]
    kind_of: dict[str, str]  # type -> the name standing for its compatible types
    announced: frozenset[str]  # types often placed where announced: a shared perpetrator outweighs two places
    shared_count_min: int

    def window(self, a: Incident, b: Incident) -> int:
        return max(self.windows.get(a.type, self.default_window), self.windows.get(b.type, self.default_window))

    @property
    def widest(self) -> int:
        return max([self.default_window, *self.windows.values()])


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
    )


def _interval(incident: Incident) -> tuple[date, date] | None:
    """The days the report's date can stand for: one day, or every day of a month; None without either."""
    if not incident.date or incident.date_precision not in ("day", "month"):
        return None
    try:
        first = date.fromisoformat(incident.date[:10])
    except ValueError:
        return None
    if incident.date_precision == "day":
        return first, first
    first = first.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)


def _sides(incident: Incident, role: str | None = None) -> set[str]:
    return {a["side"] for a in incident.actors if a.get("side") and (role is None or a.get("role") == role)}


def compatible(a: Incident, b: Incident) -> bool:
    """Whether two reports' actors can describe one incident (see the module docstring)."""
    doers_a, doers_b = _sides(a, "actor"), _sides(b, "actor")
    if not doers_a or not doers_b or doers_a & doers_b:
        return True
    return doers_a <= _sides(b) or doers_b <= _sides(a)


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


def _written(incident: Incident) -> str | None:
    return " ".join(incident.place.lower().split()) if incident.place else None


def same_place(a: Incident, b: Incident, places: Mapping[str, Place]) -> bool:
    """Whether two reports' places can be one (see the module docstring)."""
    if a.place_id and b.place_id:
        return (
            a.place_id == b.place_id
            or _within(a.place_id, b.place_id, places)
            or _within(b.place_id, a.place_id, places)
        )
    if a.place and b.place and not (a.place_id or b.place_id):
        return _written(a) == _written(b)
    return True


def _kind(incident: Incident, rules: GroupingRules) -> str:
    return rules.kind_of.get(incident.type, incident.type)


def same_incident(a: Incident, b: Incident, places: Mapping[str, Place], rules: GroupingRules | None = None) -> bool:
    """Whether two reports can be of one incident: compatible types, dates in the window (an undated report does
    not contradict a date: it is grouped only by a shared count), places that can be one, compatible actors."""
    rules = rules or grouping_rules()
    span_a, span_b = _interval(a), _interval(b)
    return (
        _kind(a, rules) == _kind(b, rules)
        and (span_a is None or span_b is None or _days_apart(span_a, span_b) <= rules.window(a, b))
        and (
            same_place(a, b, places)
            or (
                a.type in rules.announced
                and b.type in rules.announced
                and bool(_sides(a, "actor") & _sides(b, "actor"))
            )
        )
        and compatible(a, b)
    )


def _large_counts(incident: Incident, rules: GroupingRules) -> set[tuple[str, int]]:
    return {(kind, n) for kind, n in incident.counts.items() if n >= rules.shared_count_min}


def _shape(incident: Incident) -> tuple:
    """What :func:`same_incident` reads of a report: members of one shape answer alike, so each is asked once."""
    return (
        incident.type,
        _interval(incident),
        incident.place_id,
        _written(incident),
        frozenset(_sides(incident, "actor")),
        frozenset(_sides(incident)),
    )


class _Group:
    """An incident being built: its reports, the earliest end of their dates, one report of each shape, and what
    its members share as evidence (places, perpetrators' sides, counts, days)."""

    def __init__(self, first: Incident) -> None:
        self.members: list[Incident] = []
        self.shapes: dict[tuple, Incident] = {}
        self.earliest_end: date | None = None
        self.place_ids: set[str] = set()
        self.doers: set[str] = set()
        self.counts: set[tuple[str, int]] = set()
        self.days: set[date] = set()
        self.add(first)

    def accepts(self, report: Incident, places: Mapping[str, Place], rules: GroupingRules) -> bool:
        return all(same_incident(report, member, places, rules) for member in self.shapes.values())

    def evidence(self, report: Incident) -> int:
        """Positive evidence that ``report`` is of this incident rather than another it could join."""
        span = _interval(report)
        return (
            2 * (report.place_id in self.place_ids)
            + bool(_sides(report, "actor") & self.doers)
            + 2 * bool(set(report.counts.items()) & self.counts)
            + (span is not None and span[0] in self.days)
        )

    def add(self, report: Incident) -> None:
        self.members.append(report)
        self.shapes.setdefault(_shape(report), report)
        span = _interval(report)
        if span is not None:
            self.earliest_end = span[1] if self.earliest_end is None else min(self.earliest_end, span[1])
            if span[0] == span[1]:
                self.days.add(span[0])
        if report.place_id:
            self.place_ids.add(report.place_id)
        self.doers |= _sides(report, "actor")
        self.counts |= set(report.counts.items())


def _best(
    groups: Iterable[_Group], report: Incident, places: Mapping[str, Place], rules: GroupingRules
) -> _Group | None:
    fitting = [g for g in groups if g.accepts(report, places, rules)]
    return max(fitting, key=lambda g: g.evidence(report)) if fitting else None


def group_incidents(
    reports: Iterable[Incident], places: Mapping[str, Place] | None = None, rules: GroupingRules | None = None
) -> dict[str, str]:
    """Report id -> incident id (a stable id of the group's first report); a report alone is its own incident.

    ``places``: the gazetteer's places by id (default: the bundled gazetteer), for "lies within".
    Dated reports are read in date order, so a group none of whose members can still be within the widest
    window of the report is closed: each report is compared with the open groups of its kind only, and with
    one member of each shape, which keeps a large store linear rather than quadratic. Undated reports come
    last and are compared only with the groups holding a large count they give."""
    if places is None:
        from trucewatch.incidents.gazetteer import load_gazetteer

        places = load_gazetteer().places
    rules = rules or grouping_rules()
    widest = timedelta(days=rules.widest)
    groups: list[_Group] = []
    open_by_kind: dict[str, list[_Group]] = {}
    by_count: dict[tuple[str, str, int], dict[_Group, None]] = defaultdict(dict)  # (kind, count, n) -> groups
    undated = []
    for report in sorted(reports, key=lambda r: ((_interval(r) or (date.max,))[0], r.doc_id, r.start)):
        span = _interval(report)
        if span is None:
            undated.append(report)
            continue
        kind = _kind(report, rules)
        candidates = [g for g in open_by_kind.get(kind, ()) if g.earliest_end + widest >= span[0]]
        open_by_kind[kind] = candidates
        group = _best(candidates, report, places, rules)
        if group is None:
            group = _Group(report)
            candidates.append(group)
            groups.append(group)
        else:
            group.add(report)
        for count in _large_counts(report, rules):
            by_count[kind, *count][group] = None
    for report in undated:
        kind = _kind(report, rules)
        counts = _large_counts(report, rules)
        group = _best(dict.fromkeys(g for c in counts for g in by_count[kind, *c]), report, places, rules)
        if group is None:
            group = _Group(report)
            groups.append(group)
        else:
            group.add(report)
        for count in counts:
            by_count[kind, *count][group] = None
    return {
        report.id: stable_id("ig", min(r.id for r in group.members)) for group in groups for report in group.members
    }
