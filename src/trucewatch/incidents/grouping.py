"""Reports of one incident, across documents: same type, same place, dates within a day, compatible actors.

Every report is kept (each is evidence, with its own counts and attribution); grouping only gives
them one ``incident_id``. Actors are compatible when either report names no perpetrator, they
name the same side, or one names the other's perpetrator at all (each side blaming the other
for one shelling): the attributions then stand side by side in the group, neither merged into the other.
Reports without a place or a date are never grouped (nothing says they are the same event).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trucewatch.records import Incident, stable_id


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _place_key(incident: Incident) -> str | None:
    if incident.place_id:
        return incident.place_id
    return " ".join(incident.place.lower().split()) if incident.place else None


def _sides(incident: Incident, role: str | None = None) -> set[str]:
    return {a["side"] for a in incident.actors if a.get("side") and (role is None or a.get("role") == role)}


def compatible(a: Incident, b: Incident) -> bool:
    """Whether two reports' actors can describe one incident (see the module docstring)."""
    doers_a, doers_b = _sides(a, "actor"), _sides(b, "actor")
    if not doers_a or not doers_b or doers_a & doers_b:
        return True
    return doers_a <= _sides(b) or doers_b <= _sides(a)


def group_incidents(reports: Iterable[Incident]) -> dict[str, str]:
    """Report id -> incident id (a stable id of the group's first report); singletons map to their own group."""
    reports = list(reports)
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str], list[int]] = {}
    for index, report in enumerate(reports):
        key = _place_key(report)
        if key is not None and _day(report.date) is not None and report.date_precision == "day":
            buckets.setdefault((report.type, key), []).append(index)
    for members in buckets.values():
        members.sort(key=lambda i: _day(reports[i].date))
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if (_day(reports[j].date) - _day(reports[i].date)).days > 1:
                    break
                if reports[i].doc_id != reports[j].doc_id and compatible(reports[i], reports[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[Incident]] = {}
    for index, report in enumerate(reports):
        groups.setdefault(root(index), []).append(report)
    return {report.id: stable_id("ig", min(r.id for r in members))
            for members in groups.values() for report in members}
