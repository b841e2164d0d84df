"""The report's evidence filter and "what changed since": controls on data attributes, driven in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

from test_report import _hostile_report

from trucewatch.report import render

FILTERS = ("text", "provision", "speaker", "side", "outlet", "from", "to")


def _report() -> tuple[str, object]:
    _, data = _hostile_report()
    data.actor_sides = {"armenia-mfa": "AM"}
    return render(data), data


def test_filter_controls_and_the_data_attributes_they_read():
    html, data = _report()
    form = html.split('id="evidence-filter"')[1].split("</form>")[0]
    assert [f for f in FILTERS if f'data-filter="{f}"' in form] == list(FILTERS)
    speakers = form.split('data-filter="speaker"')[1].split("</select>")[0]
    assert '<option value="armenia-mfa">Ministry of Foreign Affairs of Armenia</option>' in speakers
    assert '<option value="AM">AM</option>' in form.split('data-filter="side"')[1].split("</select>")[0]
    outlets = form.split('data-filter="outlet"')[1].split("</select>")[0]
    assert "&lt;img src=x onerror=alert(1)&gt; Outlet" in outlets and "<img" not in outlets
    items = re.findall(r'<div class="item" data-provision="([^"]*)" data-speaker="([^"]*)" data-side="([^"]*)" '
                       r'data-outlet="([^"]*)" data-date="([^"]*)">', html)
    shown = sum(len(r["evidence"]) for r in data.statuses)
    assert len(items) == shown and shown > 1
    assert ("8", "armenia-mfa", "AM", "&lt;img src=x onerror=alert(1)&gt; Outlet", "2020-12-14") in items
    assert any(p == "2" and s == "" and d == "2020-11-20" for p, s, _, _, d in items)
    evidence = html.split('id="p-8"')[1].split("</details>")[0]  # each item links to its source, never loads it
    assert '· <a href="https://example.org/story?a=1&amp;b=&lt;2&gt;" rel="noopener noreferrer">source</a>' in evidence


def test_changes_since_lists_status_changes_after_the_date():
    html, data = _report()
    rows = re.findall(r'<tr data-date="([^"]+)"( hidden)?>', html.split('id="changes"')[1].split("</section>")[0])
    expected = sorted((h["on"] for r in data.statuses for h in r["history"]), reverse=True)
    assert [day for day, _ in rows] == expected and expected
    since = data.changed_since.isoformat()
    assert all(bool(hidden) == (day <= since) for day, hidden in rows)
    assert f'id="since" value="{since}"' in html


def test_filters_work_in_a_browser(chromium, tmp_path: Path):
    html, data = _report()
    page_file = tmp_path / "report.html"
    page_file.write_text(html, encoding="utf-8")
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(page_file.as_uri())
    assert loaded == [page_file.as_uri()]  # nothing else fetched

    def visible() -> list[str]:
        return page.eval_on_selector_all(
            ".item[data-provision]", "els => els.filter(e => !e.parentNode.hidden).map(e => e.dataset.provision)")

    everything = visible()
    assert len(everything) > 1
    page.select_option('[data-filter="speaker"]', "armenia-mfa")
    assert visible() == ["8"]
    assert page.is_hidden("#p-2") and page.is_visible("#p-8")
    page.select_option('[data-filter="speaker"]', "")
    page.fill('[data-filter="from"]', "2020-12-01")
    assert visible() == ["8"]
    page.fill('[data-filter="from"]', "")
    page.fill('[data-filter="text"]', "aghdam")
    assert set(visible()) == {"2"} or set(visible()) <= {"2", "6"}
    page.fill('[data-filter="text"]', "")
    assert sorted(visible()) == sorted(everything)
    days = sorted(h["on"] for r in data.statuses for h in r["history"])
    page.fill("#since", days[0])
    shown = page.eval_on_selector_all("table.changes tr[data-date]", "els => els.filter(e => !e.hidden).length")
    assert shown == sum(day > days[0] for day in days)
    # the phone layout: nothing wider than the screen except inside scrolling boxes
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
