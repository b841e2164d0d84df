"""Stored incident reports counted toward the provisions they bear on.

A provision names the incident types that bear on it (``incidents`` in the agreement file: shelling and
violation reports for a ceasefire, releases and exchanges for a prisoner provision). Its tally counts the
dated reports of those types in the agreement's region, from its signing to the as-of date, so a status
reads "3 full · 14 incident reports in the period (shelling 9, ...)". Reports are counted, not judged:
they inform the analyst beside the status and do not move it (the evidence links do).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from trucewatch.agreements import Agreement, Provision
from trucewatch.records import Incident


def in_region(report: Incident, agreement: Agreement) -> bool:
    """Whether a report bears on ``agreement``: placed in its gazetteer's region, or unplaced with one of its
    parties taking part; without a gazetteer, every report does."""
    region = set(agreement.places())
    if not region:
        return True
    placed = report.latitude is not None and report.longitude is not None
    if report.place_id or placed:
        return report.place_id in region
    return bool({p.id for p in agreement.parties if p.role == "party"} & {a.get("side") for a in report.actors})


def outside_places(agreement: Agreement, provision: Provision) -> set[str]:
    """The places whose reports do not count toward ``provision``: its ``outside`` places, and those another
    provision names and this one does not (a handover of Aghdam is point 2's, not point 6's)."""
    own, outside = set(provision.indicators.places), set(provision.indicators.outside)
    if own:
        outside |= {pid for p in agreement.provisions for pid in p.indicators.places} - own
    return outside


@dataclass(frozen=True)
class IncidentTally:
    """The reports of a provision's incident types in the period: how many, of which types, the last date."""

    count: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None

    @property
    def summary(self) -> str:
        if not self.count:
            return ""
        kinds = ", ".join(f"{kind.replace('_', ' ')} {n}" for kind, n in
                          sorted(self.by_type.items(), key=lambda item: (-item[1], item[0])))
        return (f"{self.count} incident report{'s' if self.count != 1 else ''} in the period "
                f"({self.first} to {self.last}: {kinds})")


def tally(agreement: Agreement, provision: Provision, reports: Iterable[Incident], as_of: date) -> IncidentTally:
    """Count the dated reports of ``provision``'s incident types between the signing and ``as_of``.

    A report placed outside the provision's zone (its ``outside`` places), or at a place another provision
    names and this one does not (a handover of Aghdam is point 2's, not point 6's), does not count toward it.
    """
    if not provision.incidents:
        return IncidentTally()
    outside = outside_places(agreement, provision)
    counts: Counter[str] = Counter()
    days: list[date] = []
    for report in reports:
        when = _day(report.date)
        if (when is None or not agreement.signed <= when <= as_of or report.type not in provision.incidents
                or report.place_id in outside or not in_region(report, agreement)):
            continue
        counts[report.type] += 1
        days.append(when)
    return IncidentTally(sum(counts.values()), dict(counts), min(days, default=None), max(days, default=None))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
