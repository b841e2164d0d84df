"""The workspace as an analyst uses it, in real Chromium: matrix, search, reject, correct a speaker, re-analyse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trucewatch.pipeline import analyse
from trucewatch.store import Store

AGREEMENT = "karabakh-2020-11-10"


def _matrix(page, base: str) -> dict[str, tuple[str, int]]:
    page.goto(f"{base}/agreements/{AGREEMENT}?as_of=2021-12-31")
    rows = {}
    for row in page.locator("table.matrix tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        rows[row.get_attribute("data-provision")] = (cells[2], int(cells[4]))
    return rows


def _signed_in_reviewer(demo_db: str, tmp_path: Path, chromium, serve_app, name: str):
    """A copy of the demo store served, and a Chromium page signed in as reviewer ``name`` that accepts every
    confirm dialog and collects the page's script errors: (store, base url, page, errors)."""
    from trucewatch.web import create_app

    db = tmp_path / "browser.db"
    shutil.copy(demo_db, db)
    store = Store(str(db))
    token = store.add_user(name, "reviewer")
    base = serve_app(create_app(store))
    page = chromium.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Reject this evidence link?" and the like
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/login")
    page.fill("input[name=token]", token)
    page.click("form.login button[type=submit]")
    return store, base, page, errors


@pytest.mark.slow
def test_review_in_the_browser_survives_reanalysis(demo_db: str, tmp_path: Path, chromium, serve_app) -> None:
    pytest.importorskip("fastapi")
    store, base, page, errors = _signed_in_reviewer(demo_db, tmp_path, chromium, serve_app, "rev1")
    assert "rev1 (reviewer)" in page.inner_text("header")

    before = _matrix(page, base)
    # provisions whose evidence moved them on (not "no evidence", not "0 not initiated")
    started = [(p, v) for p, v in before.items() if v[1] > 0 and not v[0].startswith(("0", "no evidence"))]
    provision, (label, count) = min(started, key=lambda item: item[1][1])

    page.fill("header input[name=q]", "Lachin")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Lachin")
    assert page.locator("ul.results li").count() > 0

    page.goto(f"{base}/agreements/{AGREEMENT}/provisions/{provision}?as_of=2021-12-31")
    for _ in range(count):  # reject every link that counts for the provision
        page.locator("table.evidence tbody tr:not(.rejected) button.reject").first.click()
        page.wait_for_load_state()
    after = _matrix(page, base)
    assert after[provision][1] == 0
    assert after[provision][0] != label  # with no evidence left, the status changed
    assert {p: v for p, v in after.items() if p != provision} == {p: v for p, v in before.items() if p != provision}

    page.goto(f"{base}/statements")
    row = page.locator("table.statements tbody tr").first
    statement_id = row.get_attribute("id")
    row.locator("input[name=speaker]").fill("Vladimir Putin")
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(f"tr[id='{statement_id}'] td.speaker").inner_text() == "Vladimir Putin"

    analyse(store, force=True)
    page.goto(f"{base}/statements")
    assert page.locator(f"tr[id='{statement_id}'] td.speaker").inner_text() == "Vladimir Putin"
    assert _matrix(page, base)[provision] == after[provision]
    page.goto(f"{base}/audit")
    assert page.locator("table.audit tbody tr").count() == count + 1
    assert errors == []
    page.close()
    store.close()


@pytest.mark.slow
def test_hand_records_status_incidents_and_contradictions_in_the_browser(demo_db: str, tmp_path: Path, chromium,
                                                                         serve_app) -> None:
    pytest.importorskip("fastapi")
    store, base, page, errors = _signed_in_reviewer(demo_db, tmp_path, chromium, serve_app, "rev2")

    # an incident no news source carries, from a field report typed in by hand
    page.goto(f"{base}/record")
    form = page.locator("form.record.incident")
    form.locator("input[name=title]").fill("Patrol report 12")
    form.locator("input[name=outlet]").fill("field team south")
    form.locator("textarea[name=source_text]").fill("Two mortar rounds fell near the school in Martuni at dawn.")
    form.locator("select[name=type]").select_option("shelling")
    form.locator("input[name=on]").fill("2021-05-03")
    form.locator("input[name=place]").fill("Martuni")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/incidents")
    page.goto(f"{base}/incidents?outlet=field+team+south")
    row = page.locator("table.incidents tbody tr").first
    assert row.locator("td.place").inner_text() == "Martuni" and "by hand: rev2" in row.inner_text()

    # correct its place, then see the correction
    row.locator("input[name=place]").fill("Hadrut")
    row.locator("button.correct").click()
    page.wait_for_load_state()
    assert page.locator("table.incidents tbody tr td.place").first.inner_text() == "Hadrut"

    # a status set by hand, with its reason, shown over the machine's and kept by a re-analysis
    page.goto(f"{base}/agreements/{AGREEMENT}/provisions/4?as_of=2021-12-31")
    machine = page.inner_text("#status")
    page.select_option("form.status-form select[name=status]", "disputed")
    page.fill("form.status-form input[name=note]", "our team saw the road closed")
    page.click("form.status-form button[type=submit]")
    page.wait_for_load_state()
    assert page.inner_text("#status") == "disputed" and page.inner_text(".machine-status") == machine

    # a contradiction that is not one
    page.goto(f"{base}/agreements/{AGREEMENT}/contradictions?as_of=2021-12-31")
    first = page.locator("table.contradictions tbody tr").first
    contradiction = first.get_attribute("id")
    first.locator("button.dismiss").click()
    page.wait_for_load_state()
    assert "not a contradiction (rev2)" in page.locator(f"tr[id='{contradiction}']").inner_text()

    analyse(store, force=True)
    assert _matrix(page, base)["4"][0] == f"disputed (by hand; machine: {machine})"
    page.goto(f"{base}/incidents?outlet=field+team+south")
    assert page.locator("table.incidents tbody tr td.place").first.inner_text() == "Hadrut"
    page.goto(f"{base}/statements?side=AZ")
    assert page.locator("table.statements tbody tr").count() > 0
    assert errors == []
    page.close()
    store.close()
