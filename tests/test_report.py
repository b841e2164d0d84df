"""The HTML report: self-contained, escaped, readable; and the view commands end to end on the demo corpus."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import asdict
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from conftest import need

from trucewatch.agreements import load_agreements
from trucewatch.assess.contradictions import Citation, Contradiction
from trucewatch.assess.stance import observation_record, observe
from trucewatch.assess.status import assess, status_record
from trucewatch.cli import main
from trucewatch.records import BodySpan, Document, EvidenceLink, Statement
from trucewatch.report import ReportData, months, render

AGREEMENT = "karabakh-2020-11-10"
HOSTILE = "<script>alert(\"body\")</script> It's \"quoted\" & <b>bold</b>"
EXTERNAL = re.compile(
    r"""\b(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


def _hostile_report() -> tuple[str, ReportData]:
    agreement = load_agreements()[AGREEMENT]
    sentence = "Azerbaijani troops entered the Aghdam district on 20 November 2020, the Parties said."
    body = f"{HOSTILE}\n\n{sentence}\n\nAliyev said the peacekeepers worked very successfully."
    doc = Document(id="evil0001", source_key="k", source_path="evil.html", locator="", content_type="html",
                   raw_text=body, body=body, body_spans=[BodySpan(0, 0, len(body))],
                   title="<script>alert('title')</script> \"Quotes\" & 'apostrophes'",
                   outlet="<img src=x onerror=alert(1)> Outlet", published="2020-11-20",
                   url="https://example.org/story?a=1&b=<2>")
    start = body.index(sentence)
    links = [EvidenceLink(AGREEMENT, "2", doc.id, start, start + len(sentence), sentence, 1.6, "place Aghdam",
                          signal="done", reported_on="2020-11-20"),
             EvidenceLink(AGREEMENT, "8", doc.id, 0, len(HOSTILE), HOSTILE, 1.0, "<i>reason</i>",
                          speaker="armenia-mfa", said_on="2020-12-14", signal="not_done")]
    quote = "the peacekeepers worked very successfully"
    qs = body.index(quote)
    observations = observe(Statement(doc.id, "indirect", qs, qs + len(quote), quote, speaker="ilham-aliyev",
                                     speaker_name="Ilham <Aliyev>", said_on="2020-12-18"), doc)
    contradiction = Contradiction(
        "claims", AGREEMENT, "8", "2020-12-14", f"summary {HOSTILE}", "reason & <u>why</u>",
        Citation("statement", HOSTILE, doc.id, 0, len(HOSTILE), "ilham-aliyev", "Ilham Aliyev", "2020-12-14", "done"),
        Citation("provision", agreement.provision("8").text, provision="8"))
    as_of = date(2021, 2, 1)
    summary = {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published, "url": doc.url,
               "copies": 2}
    statuses = [status_record(s) for s in assess(agreement, links, as_of)]
    data = ReportData(agreement=agreement, as_of=as_of, statuses=statuses,
                      observations=[observation_record(o) for o in observations],
                      contradictions=[asdict(contradiction)], documents={doc.id: summary}, document_count=1,
                      actor_names={"armenia-mfa": "Ministry of Foreign Affairs of Armenia"})
    return render(data), data


def test_untrusted_text_is_escaped_everywhere():
    html, _ = _hostile_report()
    assert html.count("<script") == 1  # ours, the print helper, with no src
    assert "alert(" not in html.split("<script")[1].split("</script>")[0]
    assert "<img src=x" not in html and "<b>bold</b>" not in html and "<i>reason</i>" not in html
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt; Outlet" in html
    assert "Ilham &lt;Aliyev&gt;" in html or "Ilham Aliyev" in html


def test_report_is_self_contained_and_shows_matrix_evidence_and_states():
    html, data = _hostile_report()
    links = re.compile(r'<a href="https?://[^"]*" rel="noopener noreferrer">')  # followed on a click, never loaded
    assert not EXTERNAL.search(links.sub("", html)), EXTERNAL.search(links.sub("", html))
    assert '<a href="https://example.org/story?a=1&amp;b=&lt;2&gt;" rel="noopener noreferrer">' in html
    keys = months(data.agreement.effective, data.as_of)
    assert keys == ["2020-11", "2020-12", "2021-01", "2021-02"]
    matrix = html.split('<table class="matrix">')[1].split("</table>")[0]
    assert matrix.count('<td class="cell"') == len(data.agreement.provisions) * len(keys)
    assert "Point 2, Nov 20: 3 full since 2020-11-20" in matrix
    assert "Point 8, Dec 20: 0 not initiated" in matrix
    evidence = html.split('id="p-2"')[1].split("</details>")[0]
    assert "3 full" in evidence and "chars" in evidence and "evil0001" in evidence and "2020-11-20" in evidence
    assert "Azerbaijani troops entered the Aghdam district" in evidence
    deadlines = html.split('id="deadlines"')[1].split("</section>")[0]
    assert re.search(r"Aghdam district returned.*?state-met", deadlines, re.S)
    # no evidence by 2021-02-01: "no report", never "overdue" (superseded by the status model of issue 9)
    assert re.search(r"Lachin district returned.*?state-no_report", deadlines, re.S)
    assert "2025-11-10" in deadlines and "running" in deadlines  # the 5-year peacekeeping term
    stance = html.split('id="stance"')[1].split("</section>")[0]
    assert "<svg" in stance and "+2 very positive" in stance and "intensifier" in stance
    assert "+2 syndicated copies" in html


def test_chromium_renders_the_report_offline(tmp_path: Path):
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    need(binary is not None, "chromium not installed (apt-get install -y chromium)")
    html, _ = _hostile_report()
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert '<table class="matrix">' in dom and "Implementation matrix" in dom
    assert dom.count('<details class="provision"') >= 9
    assert "alert(" not in "".join(re.findall(r"<script[^>]*>(.*?)</script>", dom, re.S))
    assert not re.search(r"<(?:script|img|link|iframe)[^>]+(?:src|href)=", dom)


# -- end to end on the demo corpus ------------------------------------------------------------


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stance_command_shows_the_peacekeeper_assessment_moving(demo_db):
    records = json.loads(_run("stance", "--db", demo_db, "--format", "json"))
    aliyev = [r for r in records if r["actor"] == "ilham-aliyev" and r["target"] == "peacekeeping-mission"]
    by_date = {}
    for r in aliyev:
        by_date.setdefault(r["date"], []).append(r["score"])
    assert max(by_date["2020-12-18"]) == 2
    assert min(by_date["2021-02-26"]) < 2 and any("hedge" in r["explanation"] for r in aliyev)
    early = json.loads(_run("stance", "--db", demo_db, "--format", "json", "--as-of", "2020-12-31"))
    assert early and all(r["date"] <= "2020-12-31" for r in early)


def test_contradictions_command_finds_the_claim_and_the_dispute(demo_db):
    found = json.loads(_run("contradictions", "--db", demo_db, "--agreement", AGREEMENT, "--format", "json"))
    text = [c for c in found if c["kind"] == "text"]
    assert any("Turkey" in c["unsupported"] and c["provision"] == "3" and c["first"]["speaker"] == "ilham-aliyev"
               for c in text)
    claims = [c for c in found if c["kind"] == "claims"]
    assert any(c["provision"] == "8" and {c["first"]["signal"], c["second"]["signal"]} == {"done", "not_done"}
               for c in claims)


def test_report_command_writes_one_offline_file(demo_db, tmp_path: Path):
    out = tmp_path / "report.html"
    _run("report", "--db", demo_db, "--agreement", AGREEMENT, "--as-of", "2021-11-30", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert not EXTERNAL.search(html)
    assert html.count('<td class="cell"') == 9 * 13  # nine points, Nov 2020 .. Nov 2021
    assert "Turkey" in html.split('id="contradictions"')[1]
    assert "Kalbajar district returned" in html and "kalbajar-extension" in html
    result = CliRunner().invoke(main, ["report", "--db", demo_db, "--agreement", "nope", "--out", str(out)])
    assert result.exit_code != 0 and "no agreement 'nope'" in result.output
