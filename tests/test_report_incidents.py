"""The report's incidents: scoped to the agreement's region, counted per day and area, mapped offline, escaped."""

from __future__ import annotations

import re
from dataclasses import replace

from test_report import EXTERNAL, HOSTILE, _hostile_report

from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.records import Incident
from trucewatch.report import INCIDENTS_SHOWN, PLACES_SHOWN, render, summarise_incidents

HOSTILE_PLACE = "<img src=x onerror=alert(1)> Hill"


def _incident(place_id: str | None, day: str, kind: str = "shelling", sentence: str = "Shelling was reported.",
              sides: tuple[str, ...] = ("AZ",), place: str | None = None) -> Incident:
    known = load_gazetteer().places.get(place_id) if place_id else None
    return Incident("evil0001", 0, len(sentence), sentence, kind, "ASSAULT", date=day, date_precision="day",
                    place=place or (known.name if known else None), place_id=place_id,
                    admin1=known.admin1 if known else None, latitude=known.latitude if known else None,
                    longitude=known.longitude if known else None,
                    actors=[{"name": s, "side": s, "role": "actor"} for s in sides])


def _with(incidents: list[Incident]) -> tuple[str, object]:
    _, data = _hostile_report()
    data.incidents = summarise_incidents(incidents, data.agreement)
    return render(data), data


def _section(html: str) -> str:
    return html.split('id="incidents"')[1].split("</section>")[0]


def test_map_has_one_marker_per_place_with_its_coordinates():
    gazetteer = load_gazetteer().places
    reports = [_incident("shusha", "2020-11-20"), _incident("shusha", "2020-11-21"),
               _incident("lachin", "2020-12-01", "blockade"), _incident("aghdam", "2020-11-20", "territory_handover"),
               _incident(None, "2020-11-22", place="somewhere unknown")]
    html, data = _with(reports)
    svg = _section(html).split('<svg class="map"')[1].split("</svg>")[0]
    markers = re.findall(r'<g class="place" data-lat="([-\d.]+)" data-lon="([-\d.]+)"><circle cx="([\d.]+)" '
                         r'cy="([\d.]+)"', svg)
    expected = {(round(gazetteer[p].latitude, 4), round(gazetteer[p].longitude, 4)) for p in ("shusha", "lachin",
                                                                                              "aghdam")}
    assert {(float(lat), float(lon)) for lat, lon, _, _ in markers} == expected and len(markers) == 3
    # the projection keeps the geography: further east is further right, further north is higher up
    by_lon = sorted(markers, key=lambda m: float(m[1]))
    assert [float(m[2]) for m in by_lon] == sorted(float(m[2]) for m in markers)
    by_lat = sorted(markers, key=lambda m: -float(m[0]))
    assert [float(m[3]) for m in by_lat] == sorted(float(m[3]) for m in markers)
    assert f"{gazetteer['shusha'].name} (2)" in svg  # labelled with its count
    assert data.incidents.unplaced == 1 and data.incidents.total == 5
    assert not re.search(r"https?://|<image", svg)  # no tiles


def test_incidents_outside_the_region_or_the_parties_are_not_counted():
    reports = [_incident("shusha", "2020-11-20"), _incident(None, "2020-11-20", sides=("UA",)),
               _incident(None, "2020-11-21", sides=("AM",), place="a village")]
    outside = [p for p in load_gazetteer().places.values()
               if p.latitude is not None and p.id not in _hostile_report()[1].agreement.places()]
    reports.append(_incident(outside[0].id, "2020-11-20"))
    summary = summarise_incidents(reports, _hostile_report()[1].agreement)
    assert (summary.total, summary.elsewhere) == (2, 2)


def test_per_day_and_area_counts_and_caps():
    reports = [_incident("shusha", f"2020-12-{day:02d}") for day in range(1, 29)]
    reports += [_incident("lachin", f"2021-01-{day:02d}", "blockade") for day in range(1, 29)]
    html, _ = _with(reports)
    section = _section(html)
    table = section.split('<table class="areas">')[1].split("</table>")[0]
    foot = table.split("<tfoot>")[1]
    assert re.findall(r"<th>(\d+)</th>", foot)[-1] == str(len(reports))
    assert table.count('<td class="date">') == len({r.date for r in reports})
    assert section.count("<blockquote>") == INCIDENTS_SHOWN < len(reports)
    assert f"{INCIDENTS_SHOWN} newest of {len(reports)}" in section
    newest = re.findall(r"<b>(\d{4}-\d\d-\d\d)</b>", section)
    assert newest[0] == "2021-01-28" and newest == sorted(newest, reverse=True)
    timeline = section.split('aria-label="Incident reports per')[1].split("</svg>")[0]
    assert "shelling" in timeline and "blockade" in timeline


def test_map_shows_at_most_the_cap_of_places():
    many = [replace(_incident(None, "2020-11-20"), place=f"p{i}", latitude=39 + i / 1000, longitude=46 + i / 1000)
            for i in range(PLACES_SHOWN + 5)]
    _, data = _with(many)
    assert data.incidents.total == 0  # no place of the agreement's region: not its incidents
    data.agreement = replace(data.agreement, gazetteer=None)  # no region: every report counts
    data.incidents = summarise_incidents(many, data.agreement)
    svg = _section(render(data)).split('<svg class="map"')[1].split("</svg>")[0]
    assert svg.count('<g class="place"') == PLACES_SHOWN < len(data.incidents.places)


def test_hostile_incident_text_is_escaped_and_nothing_is_loaded():
    reports = [_incident("shusha", "2020-11-20", sentence=HOSTILE, place=HOSTILE_PLACE),
               replace(_incident(None, "2020-11-21", place=HOSTILE_PLACE), reported_by="<b>bold</b> ministry",
                       counts={"<i>killed</i>": 2})]
    html, _ = _with(reports)
    section = _section(html)
    assert "<img src=x" not in html and "<b>bold</b>" not in html and "<i>killed</i>" not in html
    assert html.count("<script") == 1
    assert "&lt;img src=x onerror=alert(1)&gt; Hill" in section
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in section
    links = re.compile(r'<a href="https?://[^"]*" rel="noopener noreferrer">')
    assert not EXTERNAL.search(links.sub("", html))


def test_report_size_stays_bounded_as_incidents_grow():
    """Counts beside, lists capped: twenty times the incidents adds little to the file."""
    places = ("shusha", "lachin", "aghdam", "kalbajar")
    sizes = []
    for per_day in (1, 20):
        reports = [_incident(places[(day + n) % len(places)], f"2021-01-{day:02d}", sentence=f"Report {n} of {day}.")
                   for day in range(1, 32) for n in range(per_day)]
        html, data = _with(reports)
        assert data.incidents.total == len(reports)
        sizes.append(len(_section(html)))
    assert sizes[1] < sizes[0] * 1.2, sizes
