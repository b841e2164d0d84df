"""The report: one self-contained HTML file an analyst can open offline, print or mail.

Everything is inline (CSS, a few lines of JS, SVG charts drawn here), so the file
loads nothing. Article text is untrusted: the template autoescapes every value
and the SVG helpers escape every string they write.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from trucewatch.agreements import AGREEMENT_LEVEL, Agreement
from trucewatch.assess.incidents import in_region
from trucewatch.assess.stance import StanceObservation, observation_from_record, series
from trucewatch.assess.status import DISPUTED, LABELS, NO_EVIDENCE, REGRESSED, TERMINATED, Status
from trucewatch.assess.views import contradictions_view, stance_view, status_view
from trucewatch.records import Incident
from trucewatch.store import Store

# Nothing reported is grey, never red: silence in the corpus is not a failure to implement.
COLOURS: dict[Status | None, str] = {NO_EVIDENCE: "#cfd8dc", 0: "#d9534f", 1: "#f0ad4e", 2: "#9acd32", 3: "#2e8b57",
                                     DISPUTED: "#7b4fa0", REGRESSED: "#c05621", TERMINATED: "#37474f",
                                     None: "#eceff1"}
SIGNAL_COLOURS = {"done": "#2e8b57", "advanced": "#9acd32", "started": "#f0ad4e", "not_done": "#d9534f",
                  "violated": "#a52a2a", "disputed": "#7b4fa0", "reversed": "#c05621", "terminated": "#37474f",
                  None: "#90a4ae"}
# What the report shows of long lists, newest first, so it stays a readable file on a large corpus;
# the listings (`trucewatch status|stance|contradictions --format jsonl`) have everything.
EVIDENCE_SHOWN = 20  # per provision
OBSERVATIONS_SHOWN = 20  # per stance card (its chart draws up to POINTS_DRAWN)
POINTS_DRAWN = 200
CARDS_SHOWN = 40
CONTRADICTIONS_SHOWN = 50
INCIDENTS_SHOWN = 30  # newest incident reports listed (all: `trucewatch events --format jsonl`)
PLACES_SHOWN = 60  # most reported places on the map
AREAS_SHOWN = 8  # columns of the per-day, per-area table (the rest summed as "other")
DAYS_SHOWN = 60  # rows of that table, newest days first
TYPES_DRAWN = 8  # incident types coloured apart in the timeline (the rest drawn as "other")
TYPE_PALETTE = ("#c92a2a", "#e8590c", "#f59f00", "#2b8a3e", "#1971c2", "#7048e8", "#0c8599", "#a61e4d")
CHANGES_WINDOW = 30  # days: the default "what changed since" when no previous as-of is given


@dataclass(frozen=True)
class Cell:
    """One provision at the end of one month: its status then, and the evidence of that month."""

    status: Status | None  # None: the month ends before the agreement took effect
    links: int
    change: Mapping | None  # the last change up to then (a status record's history entry)

    @property
    def colour(self) -> str:
        return COLOURS[self.status]

    @property
    def title(self) -> str:
        if self.status is None:
            return "before the agreement"
        text = LABELS[self.status]
        if self.change:
            text += f" since {self.change['on']} ({self.change['reason']})"
        return f"{text}; {self.links} evidence link{'s' if self.links != 1 else ''} this month"


@dataclass
class Place:
    """One place on the incident map: where reports resolved to, and how many."""

    name: str
    latitude: float
    longitude: float
    admin1: str | None
    reports: int = 0


@dataclass
class IncidentSummary:
    """The stored incident reports of the agreement's region and period, counted; only the newest kept whole.

    Built in one pass over a stream, so a store of any size gives a report of bounded size.
    """

    total: int = 0
    elsewhere: int = 0  # reports in the period placed outside the agreement's region, or naming no party
    unplaced: int = 0  # in scope but with no coordinates
    by_day_type: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_day_area: Counter[tuple[str, str]] = field(default_factory=Counter)
    places: dict[str, Place] = field(default_factory=dict)
    newest: deque[Incident] = field(default_factory=lambda: deque(maxlen=INCIDENTS_SHOWN))

    @property
    def types(self) -> Counter[str]:
        return _over_days(self.by_day_type)

    @property
    def areas(self) -> Counter[str]:
        return _over_days(self.by_day_area)


def _over_days(by_day: Counter[tuple[str, str]]) -> Counter[str]:
    """Per-(day, key) counts summed over the days."""
    found: Counter[str] = Counter()
    for (_day, key), n in by_day.items():
        found[key] += n
    return found


def summarise_incidents(reports: Iterable[Incident], agreement: Agreement) -> IncidentSummary:
    """Count the dated reports of ``reports`` that bear on ``agreement``: placed in its gazetteer's region, or
    unplaced with one of its parties taking part; without a gazetteer, every report counts."""
    summary = IncidentSummary()
    for report in reports:
        if not report.date:
            continue
        placed = report.latitude is not None and report.longitude is not None
        if not in_region(report, agreement):
            summary.elsewhere += 1
            continue
        day = report.date[:10]
        summary.total += 1
        summary.by_day_type[day, report.type] += 1
        summary.by_day_area[day, report.admin1 or report.place or "unplaced"] += 1
        summary.newest.append(report)
        if not placed:
            summary.unplaced += 1
            continue
        key = report.place_id or f"{report.latitude:.3f},{report.longitude:.3f}"
        place = summary.places.setdefault(key, Place(report.place or key, report.latitude, report.longitude,
                                                     report.admin1))
        place.reports += 1
    return summary


@dataclass
class ReportData:
    """What the report shows, as the assessment views return it (``trucewatch.assess.views``)."""

    agreement: Agreement
    as_of: date
    statuses: list[dict]  # status_view records
    observations: list[dict] = field(default_factory=list)  # stance_view records
    contradictions: list[dict] = field(default_factory=list)  # contradictions_view records
    documents: Mapping[str, Mapping] = field(default_factory=dict)  # id -> Store.document_summaries entry
    document_count: int = 0  # documents giving evidence
    actor_names: Mapping[str, str] = field(default_factory=dict)
    actor_sides: Mapping[str, str] = field(default_factory=dict)  # actor id -> side, for the evidence filter
    generated: str = ""
    as_of_note: str = ""  # how as_of was chosen, when it was not given
    since: date | None = None  # "what changed since": the previous as-of; a month before as_of when not given
    incidents: IncidentSummary = field(default_factory=IncidentSummary)

    @property
    def changed_since(self) -> date:
        return self.since or self.as_of - timedelta(days=CHANGES_WINDOW)


def gather(store: Store, agreement: Agreement, as_of: date, *, actor_names: Mapping[str, str] | None = None,
           actor_sides: Mapping[str, str] | None = None, generated: str = "", as_of_note: str = "",
           since: date | None = None) -> ReportData:
    """The report's data from the store: the three views and the summaries of the documents it cites."""
    data = ReportData(agreement, as_of, status_view(store, agreement, as_of), stance_view(store, agreement, as_of),
                      contradictions_view(store, agreement, as_of), document_count=store.count_evidence_documents(
                          agreement.id), actor_names=actor_names or {}, actor_sides=actor_sides or {},
                      generated=generated, as_of_note=as_of_note, since=since)
    data.incidents = summarise_incidents(store.incidents(date_from=agreement.effective.isoformat(),
                                                         date_to=as_of.isoformat()), agreement)
    data.documents = store.document_summaries(cited(data))
    return data


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


def matrix(agreement: Agreement, statuses: list[dict], as_of: date) -> tuple[list[str], dict[str, list[Cell]]]:
    """Provision x month: the status at the end of each month up to ``as_of``, and that month's evidence count.

    Read from each status record's history: the status on a day is the last change made by then.
    """
    keys = months(agreement.effective, as_of)
    rows: dict[str, list[Cell]] = {p.number: [] for p in agreement.provisions}
    for record in statuses:
        if record["provision"] not in rows:
            continue
        counts = Counter(x["date"][:7] for x in record["evidence"] if x["date"])
        for key in keys:
            end = min(_month_end(key), as_of).isoformat()
            change = next((h for h in reversed(record["history"]) if h["on"] <= end), None)
            rows[record["provision"]].append(Cell(change["to"] if change else NO_EVIDENCE, counts[key], change))
    return keys, rows


def newest(items: list[dict], shown: int) -> list[dict]:
    """The ``shown`` newest of dated records (undated last), newest first."""
    return sorted(items, key=lambda x: (x["date"] is not None, x["date"] or ""), reverse=True)[:shown]


def stance_cards(data: ReportData) -> list[dict]:
    """One card per (actor, target), most observed first: its chart and its newest observations."""
    observations = [observation_from_record(o) for o in data.observations]
    cards = []
    for (actor, _target), group in series(observations).items():
        drawn = group[-POINTS_DRAWN:]
        cards.append({"actor": data.actor_names.get(actor) or group[0].actor_name or actor,
                      "target": group[0].target_name, "total": len(group),
                      "svg": stance_svg(drawn, data.agreement.effective, data.as_of),
                      "observations": list(reversed(group[-OBSERVATIONS_SHOWN:]))})
    cards.sort(key=lambda c: (-c["total"], c["actor"], c["target"]))  # movement first
    return cards[:CARDS_SHOWN]


def cited(data: ReportData) -> set[str]:
    """Ids of the documents the report cites (and so lists as sources)."""
    ids = {x["doc_id"] for r in data.statuses for x in newest(r["evidence"], EVIDENCE_SHOWN)}
    ids |= {x["doc_id"] for r in data.statuses for d in r["deadlines"] for x in d["evidence"][:2]}
    ids |= {h["evidence"]["doc_id"] for h in changes(data) if h["evidence"]}
    ids |= {i.doc_id for i in data.incidents.newest}
    ids |= {o.doc_id for card in stance_cards(data) for o in card["observations"]}
    for c in newest(data.contradictions, CONTRADICTIONS_SHOWN):
        ids |= {side["doc_id"] for side in (c["first"], c["second"]) if side["doc_id"]}
    return ids


def filter_options(data: ReportData) -> dict[str, list[tuple[str, str]]]:
    """The values the evidence filter offers, as (value, label): only what the shown evidence carries."""
    shown = [x for r in data.statuses for x in newest(r["evidence"], EVIDENCE_SHOWN)]
    speakers = {x["speaker"] for x in shown if x["speaker"]}
    outlets = {d["outlet"] for x in shown if (d := data.documents.get(x["doc_id"])) and d.get("outlet")}
    sides = {data.actor_sides[s] for s in speakers if data.actor_sides.get(s)}
    return {"speaker": sorted(((s, data.actor_names.get(s) or s) for s in speakers), key=lambda o: o[1].lower()),
            "side": [(s, s) for s in sorted(sides)], "outlet": [(o, o) for o in sorted(outlets, key=str.lower)]}


def changes(data: ReportData) -> list[dict]:
    """Every status change up to ``as_of``, newest first, with its provision; the page hides those before "since"."""
    found = [{**h, "provision": r["provision"], "topic": r["topic"]} for r in data.statuses for h in r["history"]
             if h["on"] <= data.as_of.isoformat()]
    return sorted(found, key=lambda h: (h["on"], h["provision"]), reverse=True)


# -- SVG charts ---------------------------------------------------------------------------


def _x(day: str, start: date, end: date, left: float, width: float) -> float:
    span = max((end - start).days, 1)
    return left + width * ((date.fromisoformat(day) - start).days / span)


def timeline_svg(data: ReportData) -> Markup:
    """Evidence per week as bars on labelled axes, with deadlines, amendments and related events marked and named."""
    start, end = data.agreement.effective, data.as_of
    width, height, left, top, bottom = 1100, 300, 48, 112, 260
    inner = width - left - 20
    weeks: Counter[int] = Counter()
    for when in (x["date"] for r in data.statuses for x in r["evidence"]):
        if when and start.isoformat() <= when <= end.isoformat():
            weeks[(date.fromisoformat(when) - start).days // 7] += 1
    total_weeks = max((end - start).days // 7 + 1, 1)
    peak = max(weeks.values(), default=1)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Evidence over time with deadlines">', _axes(start, end, left, inner, top, bottom, peak)]
    for week, count in sorted(weeks.items()):
        bar_w = inner / total_weeks
        h = (bottom - top) * count / peak
        parts.append(f'<rect x="{left + week * bar_w:.1f}" y="{bottom - h:.1f}" width="{max(bar_w - 1, 1):.1f}" '
                     f'height="{h:.1f}" fill="#5c7cfa"><title>{count} evidence links in week of '
                     f'{date.fromordinal(start.toordinal() + week * 7).isoformat()}'
                     f'</title></rect>')
    shown = [m for m in _markers(data.agreement) if start <= m[0] <= end]
    for number, (when, label, colour) in enumerate(shown, 1):
        x = _x(when.isoformat(), start, end, left, inner)
        y = 34 + 22 * ((number - 1) % 4)  # four rows, so the numbers of neighbouring markers do not overprint
        parts.append(f'<g class="marker"><line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{bottom}" '
                     f'stroke="{colour}" stroke-dasharray="3,3"/><circle cx="{x:.1f}" cy="{y}" r="8" '
                     f'fill="{colour}"/><text x="{x:.1f}" y="{y + 3.5}" class="mark" text-anchor="middle">{number}'
                     f'</text><title>{escape(when.isoformat())}: {escape(label)}</title></g>')
    parts.append(f'<text x="{left}" y="14" class="axis">evidence links per week (peak {peak}); '
                 f'numbered: deadlines (red), amendments (orange), related events (blue), listed below</text></svg>')
    parts.append('<ol class="markers">' + "".join(
        f'<li><span class="badge" style="background:{colour}">{number}</span>{escape(when.isoformat())} · '
        f'{escape(label)}</li>' for number, (when, label, colour) in enumerate(shown, 1)) + "</ol>")
    return Markup("".join(parts))


def _axes(start: date, end: date, left: float, inner: float, top: float, bottom: float, peak: int) -> str:
    """A time axis (a tick per month, labelled so that about twelve labels show) and a count axis (0, half, peak)."""
    keys = months(start, end)
    every = max(len(keys) // 12, 1)
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{left + inner}" y2="{bottom}" stroke="#888"/>'
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#888"/>']
    for index, key in enumerate(keys):
        x = _x(f"{key}-01", start, end, left, inner) if f"{key}-01" >= start.isoformat() else left
        parts.append(f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}" stroke="#888"/>')
        if index % every == 0:
            parts.append(f'<text x="{x + 2:.1f}" y="{bottom + 18}" class="tick">{escape(_month_label(key))}</text>')
    for value in sorted({0, peak // 2, peak}):
        y = bottom - (bottom - top) * value / max(peak, 1)
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left + inner}" y2="{y:.1f}" stroke="#eee"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{value}</text>')
    return "".join(parts)


def _month_label(key: str) -> str:
    return datetime.strptime(key, "%Y-%m").strftime("%b %y")


def _markers(agreement: Agreement) -> list[tuple[date, str, str]]:
    found = [(d.due, f"point {p.number} deadline: {d.description}", "#d9534f")
             for p in agreement.provisions for d in p.deadlines]
    found += [(a.new_due or a.date, f"amendment: {a.description}", "#f0ad4e") for a in agreement.amendments]
    found += [(e.date, f"{i.title}: {e.what}", "#1c7ed6") for i in agreement.instruments for e in i.events]
    found += [(i.date, i.title, "#1c7ed6") for i in agreement.instruments if not i.events]
    return sorted(found)


def incident_timeline_svg(summary: IncidentSummary, start: date, end: date) -> Markup:
    """Incident reports per day (per week over a year or more), stacked by type, the commonest types coloured apart."""
    width, height, left, top, bottom = 1100, 240, 48, 40, 200
    inner = width - left - 20
    step = 7 if (end - start).days > 365 else 1
    kinds = [k for k, _ in summary.types.most_common(TYPES_DRAWN)]
    colour = {k: TYPE_PALETTE[i] for i, k in enumerate(kinds)}
    bins: dict[int, Counter[str]] = {}
    for (day, kind), n in summary.by_day_type.items():
        offset = (date.fromisoformat(day) - start).days
        if 0 <= offset <= (end - start).days:
            bins.setdefault(offset // step, Counter())[kind if kind in colour else "other"] += n
    peak = max((sum(c.values()) for c in bins.values()), default=1)
    bar_w = inner / max((end - start).days // step + 1, 1)
    unit = "week" if step == 7 else "day"
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Incident reports per {unit}">',
             _axes(start, end, left, inner, top, bottom, peak)]
    for index, counts in sorted(bins.items()):
        y = float(bottom)
        first = date.fromordinal(start.toordinal() + index * step).isoformat()
        for kind in [*kinds, "other"]:
            if counts[kind]:
                h = (bottom - top) * counts[kind] / peak
                y -= h
                parts.append(f'<rect x="{left + index * bar_w:.1f}" y="{y:.1f}" width="{max(bar_w - 0.5, 1):.1f}" '
                             f'height="{h:.1f}" fill="{colour.get(kind, "#adb5bd")}"><title>{unit} of {first}: '
                             f'{counts[kind]} {escape(kind.replace("_", " "))}</title></rect>')
    parts.append(f'<text x="{left}" y="14" class="axis">incident reports per {unit}, by type (peak {peak})</text>'
                 '</svg>')
    counts = [(k, summary.types[k]) for k in kinds] + [("other", summary.total - sum(summary.types[k] for k in kinds))]
    legend = "".join(f'<span><i style="background:{colour.get(k, "#adb5bd")}"></i>{escape(k.replace("_", " "))} '
                     f'({n})</span>' for k, n in counts if n)
    return Markup("".join(parts) + f'<div class="legend">{legend}</div>')


def map_svg(summary: IncidentSummary) -> Markup:
    """The most reported places on an equirectangular projection of their bounding box: no tiles, no network.

    A marker's area grows with its reports; every marker is labelled; a graticule gives the degrees.
    """
    places = sorted(summary.places.values(), key=lambda p: (-p.reports, p.name))[:PLACES_SHOWN]
    if not places:
        return Markup("")
    lats, lons = [p.latitude for p in places], [p.longitude for p in places]
    pad = 0.15
    south, north = min(lats) - pad, max(lats) + pad
    mid = math.radians((south + north) / 2)
    west, east = min(lons) - pad, max(lons) + pad
    width, margin = 900, 36  # the height follows the box's shape, up to 700
    scale = min((width - 2 * margin) / ((east - west) * math.cos(mid)), (700 - 2 * margin) / (north - south))
    height = round((north - south) * scale + 2 * margin)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return margin + (lon - west) * math.cos(mid) * scale, margin + (north - lat) * scale

    parts = [f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-label="Map of incident places">'
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4f7f9"/>']
    grid = _grid_step(max(north - south, east - west))
    lat = math.ceil(south / grid) * grid
    while lat <= north:
        _x0, y = xy(lat, west)
        parts.append(f'<line x1="{margin}" y1="{y:.1f}" x2="{width - margin}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="4" y="{y + 3:.1f}" class="tick">{lat:.{_decimals(grid)}f}°N</text>')
        lat += grid
    lon = math.ceil(west / grid) * grid
    while lon <= east:
        x, _y0 = xy(north, lon)
        parts.append(f'<line x1="{x:.1f}" y1="{margin}" x2="{x:.1f}" y2="{height - margin}" class="grid"/>'
                     f'<text x="{x:.1f}" y="{height - 8}" class="tick" text-anchor="middle">'
                     f'{lon:.{_decimals(grid)}f}°E</text>')
        lon += grid
    peak = max(p.reports for p in places)
    for place in places:
        x, y = xy(place.latitude, place.longitude)
        r = 4 + 14 * math.sqrt(place.reports / peak)
        parts.append(f'<g class="place" data-lat="{place.latitude:.4f}" data-lon="{place.longitude:.4f}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/><text x="{x + r + 3:.1f}" y="{y + 4:.1f}" '
                     f'class="label">{escape(place.name)} ({place.reports})</text><title>{escape(place.name)}'
                     f'{", " + escape(place.admin1) if place.admin1 else ""}: {place.reports} incident reports'
                     f'</title></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _grid_step(span: float) -> float:
    return next(step for step in (0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 45) if span / step <= 8)


def _decimals(step: float) -> int:
    return 0 if step >= 1 else 2 if step == 0.25 else 1


def area_table(summary: IncidentSummary) -> tuple[list[str], list[tuple[str, list[int], int]], list[int]]:
    """OSCE-style counts: the newest days as rows, the most reported areas as columns (then "other"), with totals."""
    areas = [a for a, _ in summary.areas.most_common(AREAS_SHOWN)]
    days: dict[str, list[int]] = {}
    for (day, area), n in summary.by_day_area.items():
        row = days.setdefault(day, [0] * (len(areas) + 1))
        row[areas.index(area) if area in areas else len(areas)] += n
    rows = [(day, counts, sum(counts)) for day, counts in sorted(days.items(), reverse=True)[:DAYS_SHOWN]]
    totals = [summary.areas[a] for a in areas] + [summary.total - sum(summary.areas[a] for a in areas)]
    return areas, rows, totals


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
    keys, rows = matrix(agreement, data.statuses, data.as_of)
    statuses = {r["provision"]: r for r in data.statuses}
    contradictions = newest(data.contradictions, CONTRADICTIONS_SHOWN)
    sources = sorted(data.documents.values(), key=lambda d: (d["published"] or "9999", d["title"] or "", d["id"]))
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=agreement, as_of=data.as_of.isoformat(), as_of_note=data.as_of_note, generated=data.generated,
        months=keys, rows=rows, labels=LABELS, colours=COLOURS, signal_colours=SIGNAL_COLOURS, statuses=statuses,
        agreement_level=AGREEMENT_LEVEL, documents=data.documents, names=data.actor_names, sides=data.actor_sides,
        filters=filter_options(data), changes=changes(data), since=data.changed_since.isoformat(),
        timeline=timeline_svg(data), stance=stance_cards(data),
        incidents=data.incidents, incident_timeline=incident_timeline_svg(data.incidents, agreement.effective,
                                                                          data.as_of),
        incident_map=map_svg(data.incidents), areas=area_table(data.incidents), contradictions=contradictions,
        sources=sources,
        newest=newest, shown={"evidence": EVIDENCE_SHOWN, "observations": OBSERVATIONS_SHOWN,
                              "cards": CARDS_SHOWN, "contradictions": CONTRADICTIONS_SHOWN,
                              "places": PLACES_SHOWN, "days": DAYS_SHOWN},
        counts={"documents": data.document_count, "links": sum(len(r["evidence"]) for r in data.statuses),
                "observations": len(data.observations), "contradictions": len(data.contradictions),
                "cards": len(series(observation_from_record(o) for o in data.observations))},
    )
