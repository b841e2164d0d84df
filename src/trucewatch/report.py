"""The report: one self-contained HTML file an analyst can open offline, print or mail.

Everything is inline (CSS, a few lines of JS, SVG charts drawn here), so the file
loads nothing. Article text is untrusted: the template autoescapes every value
and the SVG helpers escape every string they write.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from trucewatch.agreements import AGREEMENT_LEVEL, Agreement
from trucewatch.contradictions import Contradiction
from trucewatch.records import Document, EvidenceLink
from trucewatch.stance import StanceObservation, series

# PAM-style implementation scale (0 not started .. 3 completed), plus disputed.
LEVELS = {0: "not started", 1: "minimal", 2: "intermediate", 3: "complete"}
SIGNAL_LEVEL = {"done": 3, "advanced": 2, "started": 1, "not_done": 0, "violated": 0}
COLOURS = {0: "#d9534f", 1: "#f0ad4e", 2: "#9acd32", 3: "#2e8b57", "disputed": "#7b4fa0", None: "#eceff1"}
SIGNAL_COLOURS = {"done": "#2e8b57", "advanced": "#9acd32", "started": "#f0ad4e", "not_done": "#d9534f",
                  "violated": "#a52a2a", "disputed": "#7b4fa0", None: "#90a4ae"}


@dataclass(frozen=True)
class Cell:
    """One provision in one month: the evidence level seen so far and the links that set it."""

    level: int | None
    disputed: bool
    links: int

    @property
    def colour(self) -> str:
        return COLOURS["disputed"] if self.disputed else COLOURS[self.level]

    @property
    def title(self) -> str:
        if self.level is None and not self.disputed:
            return "no evidence yet"
        state = "disputed" if self.disputed else f"{self.level} {LEVELS[self.level]}"
        return f"{state} ({self.links} link{'s' if self.links != 1 else ''} this month)"


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


def link_date(link: EvidenceLink, documents: Mapping[str, Document]) -> str | None:
    doc = documents.get(link.doc_id)
    value = link.said_on or (doc.published if doc else None)
    return value[:10] if value else None


def matrix(agreement: Agreement, links: Iterable[EvidenceLink], documents: Mapping[str, Document],
           as_of: date) -> tuple[list[str], dict[str, list[Cell]]]:
    """Provision x month cells. A month shows the highest level reported so far; it is disputed when,
    in that month, actors of the evidence disagree (a completion and a denial)."""
    keys = months(agreement.effective, as_of)
    per_month: dict[tuple[str, str], list[EvidenceLink]] = defaultdict(list)
    for link in links:
        when = link_date(link, documents)
        if when and when[:7] in keys and when <= as_of.isoformat():
            per_month[(link.provision, when[:7])].append(link)
    rows: dict[str, list[Cell]] = {}
    for provision in agreement.provisions:
        level: int | None = None
        cells = []
        for key in keys:
            found = per_month.get((provision.number, key), [])
            levels = [SIGNAL_LEVEL[x.signal] for x in found if x.signal in SIGNAL_LEVEL]
            if levels:
                level = max(level if level is not None else -1, *levels)
            signals = {x.signal for x in found}
            disputed = "disputed" in signals or ("done" in signals and bool(signals & {"not_done", "violated"}))
            cells.append(Cell(level, disputed, len(found)))
        rows[provision.number] = cells
    return keys, rows


# -- SVG charts ---------------------------------------------------------------------------


def _x(day: str, start: date, end: date, left: float, width: float) -> float:
    span = max((end - start).days, 1)
    return left + width * ((date.fromisoformat(day) - start).days / span)


def timeline_svg(data: ReportData) -> Markup:
    """Evidence per week as bars, with the agreement's deadlines, amendments and related events marked."""
    start, end = data.agreement.effective, data.as_of
    width, height, left, top, bottom = 1100, 210, 40, 46, 170
    inner = width - left - 20
    weeks: Counter[int] = Counter()
    for link in data.links:
        when = link_date(link, data.documents)
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
        parts.append(f'<g class="marker"><line x1="{x:.1f}" y1="{top - 30}" x2="{x:.1f}" y2="{bottom}" '
                     f'stroke="{colour}" stroke-dasharray="3,3"/><circle cx="{x:.1f}" cy="{top - 30}" r="4" '
                     f'fill="{colour}"/><title>{escape(when.isoformat())}: {escape(label)}</title></g>')
    parts.append(f'<text x="{left}" y="12" class="axis">evidence links per week (peak {peak}); '
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


def _deadlines(data: ReportData) -> list[dict]:
    """Each deadline with its amended date and the first evidence that it was met."""
    rows = []
    as_of = data.as_of.isoformat()
    for provision in data.agreement.provisions:
        done = sorted(d for d in (link_date(x, data.documents) for x in data.links
                                  if x.provision == provision.number and x.signal == "done") if d and d <= as_of)
        for deadline in provision.deadlines:
            amended = [a for a in data.agreement.amendments if a.deadline == deadline.id and a.new_due]
            due = amended[-1].new_due if amended else deadline.due
            met = done[0] if done else None
            if met:
                state = "met" if met <= due.isoformat() else "met late"
            else:
                state = "overdue" if due.isoformat() < as_of else "pending"
            rows.append({"provision": provision.number, "description": deadline.description,
                         "due": deadline.due.isoformat(), "amended": due.isoformat() if amended else None,
                         "amendment": amended[-1].description if amended else None, "evidence": met,
                         "state": state})
    return rows


def _terms(data: ReportData) -> list[dict]:
    rows = []
    for provision in data.agreement.provisions:
        term = provision.term
        if term is None:
            continue
        ends = term.duration.after(term.starts)
        notice = term.notice.before(ends) if term.notice else None
        renewal = (f"renews automatically for {term.renewal}" if term.automatic and term.renewal
                   else f"renewable for {term.renewal}" if term.renewal else "no renewal")
        state = "running" if data.as_of < ends else "expired or renewed"
        rows.append({"provision": provision.number, "duration": str(term.duration), "starts": term.starts.isoformat(),
                     "ends": ends.isoformat(), "notice_by": notice.isoformat() if notice else None,
                     "notice_who": term.notice_by, "renewal": renewal, "state": state,
                     "days_left": (ends - data.as_of).days})
    return rows


def render(data: ReportData) -> str:
    """The report as one HTML string."""
    agreement = data.agreement
    keys, rows = matrix(agreement, data.links, data.documents, data.as_of)
    by_provision: dict[str, list[EvidenceLink]] = defaultdict(list)
    as_of = data.as_of.isoformat()
    for link in sorted(data.links, key=lambda x: (link_date(x, data.documents) or "9999", x.doc_id, x.start)):
        if (link_date(link, data.documents) or "") <= as_of:
            by_provision[link.provision].append(link)
    cited = {x.doc_id for links in by_provision.values() for x in links}
    cited |= {o.doc_id for o in data.observations}
    cited |= {c.first.doc_id for c in data.contradictions} | {c.second.doc_id for c in data.contradictions}
    sources = sorted((d for d in data.documents.values()),
                     key=lambda d: (d.published or "9999", d.title or "", d.id))
    charts = []
    for (actor, _target), group in sorted(series(data.observations).items()):
        charts.append({"actor": data.actor_names.get(actor) or group[0].actor_name or actor,
                       "target": group[0].target_name, "svg": stance_svg(group, agreement.effective, data.as_of),
                       "observations": group})
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=agreement, as_of=as_of, generated=data.generated, months=keys, rows=rows, levels=LEVELS,
        colours=COLOURS, signal_colours=SIGNAL_COLOURS, evidence=by_provision, agreement_level=AGREEMENT_LEVEL,
        documents=data.documents, link_date=lambda x: link_date(x, data.documents),
        names=data.actor_names, timeline=timeline_svg(data), stance=charts, contradictions=data.contradictions,
        deadlines=_deadlines(data), terms=_terms(data), sources=sources, cited=cited,
        duplicates=data.duplicates, counts={"documents": len(data.documents), "links": len(data.links),
                                            "observations": len(data.observations),
                                            "contradictions": len(data.contradictions)},
    )
