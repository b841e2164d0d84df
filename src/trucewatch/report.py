"""The report: one self-contained HTML file an analyst can open offline, print or mail.

Everything is inline (CSS, a few lines of JS, SVG charts drawn here), so the file
loads nothing. Article text is untrusted: the template autoescapes every value
and the SVG helpers escape every string they write.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from trucewatch.agreements import AGREEMENT_LEVEL, Agreement
from trucewatch.assess.contradictions import Contradiction
from trucewatch.assess.stance import StanceObservation, series
from trucewatch.assess.status import DISPUTED, LABELS, Status, StatusChange, assess, evidence_date
from trucewatch.records import Document, EvidenceLink

COLOURS: dict[Status | None, str] = {0: "#d9534f", 1: "#f0ad4e", 2: "#9acd32", 3: "#2e8b57",
                                     DISPUTED: "#7b4fa0", None: "#eceff1"}
SIGNAL_COLOURS = {"done": "#2e8b57", "advanced": "#9acd32", "started": "#f0ad4e", "not_done": "#d9534f",
                  "violated": "#a52a2a", "disputed": "#7b4fa0", None: "#90a4ae"}


@dataclass(frozen=True)
class Cell:
    """One provision at the end of one month: its status then, and the evidence of that month."""

    status: Status | None  # None: the month ends before the agreement took effect
    links: int
    change: StatusChange | None  # the last change up to then

    @property
    def colour(self) -> str:
        return COLOURS[self.status]

    @property
    def title(self) -> str:
        if self.status is None:
            return "before the agreement"
        text = LABELS[self.status]
        if self.change:
            text += f" since {self.change.on} ({self.change.reason})"
        return f"{text}; {self.links} evidence link{'s' if self.links != 1 else ''} this month"


@dataclass
class ReportData:
    agreement: Agreement
    as_of: date
    documents: Mapping[str, Document]  # canonical documents by id
    links: list[EvidenceLink]
    observations: list[StanceObservation] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    duplicates: Mapping[str, int] = field(default_factory=dict)  # canonical id -> number of copies
    actor_names: Mapping[str, str] = field(default_factory=dict)
    generated: str = ""


def months(start: date, end: date) -> list[str]:
    """Month keys ``YYYY-MM`` from ``start`` to ``end`` inclusive."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _month_end(key: str) -> date:
    year, month = map(int, key.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])


def link_date(link: EvidenceLink) -> str | None:
    when = evidence_date(link)
    return when.isoformat() if when else None


def matrix(agreement: Agreement, links: list[EvidenceLink], as_of: date) -> tuple[list[str], dict[str, list[Cell]]]:
    """Provision x month: the status (``status.assess``) at the end of each month up to ``as_of``."""
    keys = months(agreement.effective, as_of)
    counts = Counter((x.provision, d[:7]) for x in links if (d := link_date(x)))
    rows: dict[str, list[Cell]] = {p.number: [] for p in agreement.provisions}
    for key in keys:
        for state in assess(agreement, links, min(_month_end(key), as_of)):
            if state.provision in rows:
                rows[state.provision].append(Cell(state.status, counts[(state.provision, key)],
                                                  state.history[-1] if state.history else None))
    return keys, rows


# -- SVG charts ---------------------------------------------------------------------------


def _x(day: str, start: date, end: date, left: float, width: float) -> float:
    span = max((end - start).days, 1)
    return left + width * ((date.fromisoformat(day) - start).days / span)


def timeline_svg(data: ReportData) -> Markup:
    """Evidence per week as bars, with the agreement's deadlines, amendments and related events marked."""
    start, end = data.agreement.effective, data.as_of
    width, height, left, top, bottom = 1100, 230, 40, 60, 190
    inner = width - left - 20
    weeks: Counter[int] = Counter()
    for link in data.links:
        when = link_date(link)
        if when and start.isoformat() <= when <= end.isoformat():
            weeks[(date.fromisoformat(when) - start).days // 7] += 1
    total_weeks = max((end - start).days // 7 + 1, 1)
    peak = max(weeks.values(), default=1)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Evidence over time with deadlines">']
    for week, count in sorted(weeks.items()):
        bar_w = inner / total_weeks
        h = (bottom - top) * count / peak
        parts.append(f'<rect x="{left + week * bar_w:.1f}" y="{bottom - h:.1f}" width="{max(bar_w - 1, 1):.1f}" '
                     f'height="{h:.1f}" fill="#5c7cfa"><title>{count} evidence links in week of '
                     f'{date.fromordinal(start.toordinal() + week * 7).isoformat()}'
                     f'</title></rect>')
    for key in months(start, end):
        x = _x(f"{key}-01", start, end, left, inner) if f"{key}-01" >= start.isoformat() else left
        parts.append(f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}" stroke="#888"/>'
                     f'<text x="{x + 2:.1f}" y="{bottom + 18}" class="tick">{escape(_month_label(key))}</text>')
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{left + inner}" y2="{bottom}" stroke="#888"/>')
    for when, label, colour in _markers(data.agreement):
        if not start <= when <= end:
            continue
        x = _x(when.isoformat(), start, end, left, inner)
        parts.append(f'<g class="marker"><line x1="{x:.1f}" y1="{top - 26}" x2="{x:.1f}" y2="{bottom}" '
                     f'stroke="{colour}" stroke-dasharray="3,3"/><circle cx="{x:.1f}" cy="{top - 26}" r="4" '
                     f'fill="{colour}"/><title>{escape(when.isoformat())}: {escape(label)}</title></g>')
    parts.append(f'<text x="{left}" y="14" class="axis">evidence links per week (peak {peak}); '
                 f'dashed: deadlines (red), amendments (orange), related events (blue)</text></svg>')
    return Markup("".join(parts))


def _month_label(key: str) -> str:
    return datetime.strptime(key, "%Y-%m").strftime("%b %y")


def _markers(agreement: Agreement) -> list[tuple[date, str, str]]:
    found = [(d.due, f"point {p.number} deadline: {d.description}", "#d9534f")
             for p in agreement.provisions for d in p.deadlines]
    found += [(a.new_due or a.date, f"amendment: {a.description}", "#f0ad4e") for a in agreement.amendments]
    found += [(e.date, f"{i.title}: {e.what}", "#1c7ed6") for i in agreement.instruments for e in i.events]
    found += [(i.date, i.title, "#1c7ed6") for i in agreement.instruments if not i.events]
    return found


def stance_svg(observations: list[StanceObservation], start: date, end: date, low: float = -2,
               high: float = 2) -> Markup:
    """One actor's assessments of one target: points on the graded scale joined in date order."""
    width, height, left, top, bottom = 520, 150, 70, 12, 124
    inner = width - left - 16
    dated = [o for o in observations if o.date]

    def y(score: float) -> float:
        return top + (high - score) / (high - low) * (bottom - top)

    parts = [f'<svg class="stance" viewBox="0 0 {width} {height}" role="img" aria-label="stance over time">']
    for score, label in ((2, "very +"), (1, "positive"), (0, "neutral"), (-1, "negative"), (-2, "very −")):
        if low <= score <= high:
            parts.append(f'<line x1="{left}" y1="{y(score):.1f}" x2="{left + inner}" y2="{y(score):.1f}" '
                         f'stroke="{"#999" if score == 0 else "#e3e3e3"}"/>'
                         f'<text x="{left - 6}" y="{y(score) + 4:.1f}" class="tick" text-anchor="end">'
                         f'{label}</text>')
    points = [(_x(o.date, start, end, left, inner) if start.isoformat() <= o.date <= end.isoformat()
               else (left if o.date < start.isoformat() else left + inner), y(o.score), o) for o in dated]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#5c7cfa" stroke-width="2"/>')
    for x, yy, o in points:
        colour = "#2e8b57" if o.score > 0 else "#d9534f" if o.score < 0 else "#777"
        parts.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="5" fill="{colour}"><title>{escape(o.date)}: '
                     f'{o.score:+g} {escape(o.label)} — {escape(o.explanation)}</title></circle>')
    parts.append(f'<text x="{left}" y="{height - 4}" class="tick">{escape(start.isoformat())}</text>'
                 f'<text x="{left + inner}" y="{height - 4}" class="tick" text-anchor="end">'
                 f'{escape(end.isoformat())}</text></svg>')
    return Markup("".join(parts))


# -- rendering ----------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("trucewatch", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["month"] = _month_label
    return env


def render(data: ReportData) -> str:
    """The report as one HTML string."""
    agreement = data.agreement
    keys, rows = matrix(agreement, data.links, data.as_of)
    statuses = {s.provision: s for s in assess(agreement, data.links, data.as_of)}
    cited = {x.doc_id for s in statuses.values() for x in s.evidence}
    cited |= {o.doc_id for o in data.observations}
    cited |= {c.first.doc_id for c in data.contradictions} | {c.second.doc_id for c in data.contradictions}
    sources = sorted(data.documents.values(), key=lambda d: (d.published or "9999", d.title or "", d.id))
    charts = [{"actor": data.actor_names.get(actor) or group[0].actor_name or actor, "target": group[0].target_name,
               "svg": stance_svg(group, agreement.effective, data.as_of), "observations": group}
              for (actor, _target), group in series(data.observations).items()]
    charts.sort(key=lambda c: (-len(c["observations"]), c["actor"], c["target"]))  # movement first
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=agreement, as_of=data.as_of.isoformat(), generated=data.generated, months=keys, rows=rows,
        labels=LABELS, colours=COLOURS, signal_colours=SIGNAL_COLOURS, statuses=statuses,
        agreement_level=AGREEMENT_LEVEL, documents=data.documents, link_date=link_date, names=data.actor_names,
        timeline=timeline_svg(data), stance=charts, contradictions=data.contradictions, sources=sources,
        cited=cited, duplicates=data.duplicates,
        counts={"documents": len(data.documents), "links": len(data.links), "observations": len(data.observations),
                "contradictions": len(data.contradictions)},
    )
