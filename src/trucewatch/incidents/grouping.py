"""Reports of one incident: same type, dates within a day, places that can be one, compatible actors.

Every report is kept (each is evidence, with its own counts and attribution); grouping only gives
them one ``incident_id``. Places can be one when they are the same gazetteer entry, when one lies
within the other (a village in its district: ``within`` or ``admin1`` of the places files), or when
a report names no place (it does not contradict one that does). Actors are compatible when either
report names no perpetrator, they name the same side, or one names the other's perpetrator at all
(each side blaming the other for one shelling): the attributions then stand side by side in the
group, neither merged into the other. Reports without a day are never grouped (nothing says they
are the same event). A report joins a group only if it could be one incident with every member
(complete linkage), so an unplaced report never chains two places into one incident.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from trucewatch.agreements import Place
from trucewatch.records import Incident, stable_id

MAX_DAYS_APART = 1


def _day(incident: Incident) -> date | None:
    if incident.date_precision != "day" or not incident.date:
        return None
    try:
        return date.fromisoformat(incident.date[:10])
    except ValueError:
        return None


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


def same_place(a: Incident, b: Incident, places: Mapping[str, Place]) -> bool:
    """Whether two reports' places can be one (see the module docstring)."""
    if a.place_id and b.place_id:
        return a.place_id == b.place_id or _within(a.place_id, b.place_id, places) or _within(
            b.place_id, a.place_id, places)
    if a.place and b.place and not (a.place_id or b.place_id):
        return " ".join(a.place.lower().split()) == " ".join(b.place.lower().split())
    return True


def same_incident(a: Incident, b: Incident, places: Mapping[str, Place]) -> bool:
    day_a, day_b = _day(a), _day(b)
    return (a.type == b.type and day_a is not None and day_b is not None
            and abs((day_a - day_b).days) <= MAX_DAYS_APART and same_place(a, b, places) and compatible(a, b))


def _shape(incident: Incident) -> tuple:
    """What :func:`same_incident` reads of a report: members of one shape answer alike, so each is asked once."""
    place = " ".join(incident.place.lower().split()) if incident.place else None
    return (_day(incident), incident.place_id, place, frozenset(_sides(incident, "actor")),
            frozenset(_sides(incident)))


class _Group:
    """An incident being built: its reports, its first day and one report of each shape among them."""

    def __init__(self, first: Incident) -> None:
        self.members = [first]
        self.first_day = _day(first)
        self.shapes = {_shape(first): first}

    def accepts(self, report: Incident, places: Mapping[str, Place]) -> bool:
        return all(same_incident(report, member, places) for member in self.shapes.values())

    def add(self, report: Incident) -> None:
        self.members.append(report)
        self.shapes.setdefault(_shape(report), report)


def group_incidents(reports: Iterable[Incident], places: Mapping[str, Place] | None = None) -> dict[str, str]:
    """Report id -> incident id (a stable id of the group's first report); a report alone is its own incident.

    ``places``: the gazetteer's places by id (default: the bundled gazetteer), for "lies within".
    Reports are read in date order, so a group whose first day is more than a day before the report's
    can take no more reports and is closed: each report is compared with the open groups of its type
    only, and with one member of each shape, which keeps a large store linear rather than quadratic."""
    if places is None:
        from trucewatch.incidents.gazetteer import load_gazetteer

        places = load_gazetteer().places
    groups: list[_Group] = []
    open_by_type: dict[str, list[_Group]] = {}
    for report in sorted(reports, key=lambda r: (_day(r) or date.max, r.doc_id, r.start)):
        day = _day(report)
        if day is None:
            groups.append(_Group(report))
            continue
        candidates = [g for g in open_by_type.get(report.type, ())
                      if (day - g.first_day).days <= MAX_DAYS_APART]
        open_by_type[report.type] = candidates
        for group in candidates:
            if group.accepts(report, places):
                group.add(report)
                break
        else:
            candidates.append(_Group(report))
            groups.append(candidates[-1])
    return {report.id: stable_id("ig", min(r.id for r in group.members)) for group in groups
            for report in group.members}
