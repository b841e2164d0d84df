"""The assessment views: stored and reused while the evidence is unchanged, one as-of default, a bounded report."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.assess import views
from trucewatch.records import BodySpan, Document, EvidenceLink, Statement
from trucewatch.report import EVIDENCE_SHOWN, gather, render
from trucewatch.store import AnalysisRows, Store

KARABAKH = "karabakh-2020-11-10"
SENTENCE = "Azerbaijani troops entered the Aghdam district, the ministry said."
QUOTE = "the peacekeepers worked very successfully"


@pytest.fixture(scope="module")
def agreement():
    return load_agreements()[KARABAKH]


def _doc(n: int, published: str) -> Document:
    body = f"{SENTENCE}\n\nAliyev said {QUOTE}. Report number {n}."
    return Document(id=f"doc{n:05d}", source_key=f"key{n}", source_path=f"{n}.txt", locator="", content_type="text",
                    raw_text=body, body=body, body_spans=[BodySpan(0, 0, len(body))], title=f"Report {n}",
                    outlet="Wire", published=published)


def _fill(store: Store, count: int, run_id: str = "r1", first: date = date(2020, 11, 11), number: int = 0
          ) -> list[Document]:
    """``count`` documents, one a day, each with a 'done' link on point 2 and a stance-bearing statement."""
    docs = [_doc(number + n, (first + timedelta(days=n)).isoformat()) for n in range(count)]
    store.add_documents([(d, b"\0" * 1024, []) for d in docs])
    rows = []
    for d in docs:
        start = d.body.index(QUOTE)
        statement = Statement(d.id, "indirect", start, start + len(QUOTE), QUOTE, speaker="ilham-aliyev",
                              speaker_name="Ilham Aliyev", said_on=d.published)
        link = EvidenceLink(KARABAKH, "2", d.id, 0, len(SENTENCE), SENTENCE, 1.5, "place Aghdam", signal="done",
                            reported_on=d.published)
        rows.append(AnalysisRows(d.id, {}, statements=[statement], links={KARABAKH: [link]}))
    store.write_analysis(run_id, rows)
    return docs


def _failing(*_args):
    raise AssertionError("recomputed although nothing changed")


def test_a_second_read_is_a_query_until_a_new_run_changes_the_evidence(tmp_path, agreement, monkeypatch):
    store = Store(str(tmp_path / "views.db"))
    _fill(store, 3)
    as_of = date(2021, 1, 1)
    status = views.status_view(store, agreement, as_of)
    stance = views.stance_view(store, agreement, as_of)
    contradictions = views.contradictions_view(store, agreement, as_of)
    point2 = next(r for r in status if r["provision"] == "2")
    assert point2["status"] == 3 and len(point2["evidence"]) == 3
    assert stance and all(o["actor"] == "ilham-aliyev" for o in stance)

    for name in ("compute_status", "compute_stance", "compute_contradictions"):
        monkeypatch.setattr(views, name, _failing)
    assert views.status_view(store, agreement, as_of) == status
    assert views.stance_view(store, agreement, as_of) == stance
    assert views.contradictions_view(store, agreement, as_of) == contradictions
    with pytest.raises(AssertionError, match="recomputed"):  # another date is another assessment
        views.status_view(store, agreement, date(2021, 1, 2))

    _fill(store, 1, run_id="r2", first=date(2020, 12, 1), number=3)  # a new analysis run writes more evidence
    with pytest.raises(AssertionError, match="recomputed"):
        views.status_view(store, agreement, as_of)
    with pytest.raises(AssertionError, match="recomputed"):
        views.stance_view(store, agreement, as_of)
    monkeypatch.undo()
    assert len(next(r for r in views.status_view(store, agreement, as_of) if r["provision"] == "2")["evidence"]) == 4
    store.close()


def test_as_of_defaults_to_the_newest_evidence_else_today(tmp_path):
    store = Store(str(tmp_path / "empty.db"))
    assert views.default_as_of(store, KARABAKH) == (date.today(), "no evidence: today")
    docs = _fill(store, 5)
    assert views.default_as_of(store, KARABAKH) == (date.fromisoformat(docs[-1].published), "newest evidence")
    assert views.default_as_of(store, "minsk-2015-02-12")[1] == "no evidence: today"
    store.close()


def test_report_size_stays_bounded_as_evidence_grows(tmp_path, agreement):
    sizes = {}
    for count in (EVIDENCE_SHOWN + 5, 600):
        store = Store(str(tmp_path / f"report{count}.db"))
        _fill(store, count)
        as_of = date(2022, 12, 31)
        html = render(gather(store, agreement, as_of))
        sizes[count] = len(html)
        point2 = html.split('id="p-2"')[1].split("</details>")[0]
        assert point2.count("<li>") == EVIDENCE_SHOWN
        assert f"{count} evidence links" in point2 and f"{count - EVIDENCE_SHOWN} more" in point2
        assert "trucewatch status" in point2 and "--format jsonl" in point2
        matrix = html.split('<table class="matrix">')[1].split("</table>")[0]
        november = [cell for cell in matrix.split("<td ") if "Point 2, Nov 20:" in cell]
        assert len(november) == 1 and f">{min(count, 20)}</div>" in november[0]  # evidence counted in its cell
        sources = html.split('id="sources"')[1].split("</section>")[0]
        assert sources.count("<tr>") <= EVIDENCE_SHOWN * 3 + 1  # only the documents cited above
        store.close()
    assert sizes[600] < sizes[EVIDENCE_SHOWN + 5] * 1.6  # 24x the evidence: more months in the matrix, no more rows
