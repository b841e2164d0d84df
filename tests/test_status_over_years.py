"""The 2020 Karabakh statement's status over four years, read from the real-dev reports as the product reads them.

The dev split's Karabakh reports (2020-2025, English; the pipeline has no Russian statement rules yet) are
ingested as a news feed would give them, with the publication date of the page's metadata where it has one
(MANIFEST.tsv), and analysed. The status at three dates must read as the public record does where the corpus
reports it, and ``no evidence`` where it does not. Held-out reports (numbers divisible by 4) are left out.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import need
from trucewatch.agreements import load_agreements
from trucewatch.assess.status import DISPUTED, NO_EVIDENCE, REGRESSED, TERMINATED, evidence_date
from trucewatch.assess.views import compute_status
from trucewatch.ingest import ingest
from trucewatch.pipeline import analyse
from trucewatch.store import Store

KARABAKH = "karabakh-2020-11-10"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def karabakh_store(shared: Path, tmp_path_factory):
    corpus = shared / "corpus" / "real-dev"
    need((corpus / "MANIFEST.tsv").is_file(), f"real-dev manifest missing from {corpus}")
    folder = tmp_path_factory.mktemp("karabakh-years")
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t")
                if r["topic"].startswith("karabakh") and int(r["file"][:3]) % 4]  # dev split only
    need(len(rows) > 40, "real-dev Karabakh reports missing")
    with (folder / "karabakh.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            record = {"text": (corpus / row["file"]).read_text(encoding="utf-8")}
            if when := row["publication_date_from_metadata"] or row["date_visible_in_text"]:
                record["published"] = when
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    store = Store(str(folder / "store.db"))
    ingest([folder / "karabakh.jsonl"], store)
    analyse(store)
    yield store
    store.close()


def statuses(store: Store, on: str) -> dict[str, dict]:
    agreement = load_agreements()[KARABAKH]
    return {r["provision"]: r for r in compute_status(store, agreement, date.fromisoformat(on))}


def test_no_evidence_is_dated_before_the_signing(karabakh_store):
    agreement = load_agreements()[KARABAKH]
    dated = [(when, x.text) for x in karabakh_store.evidence(KARABAKH) if (when := evidence_date(x))]
    assert dated and all(when >= agreement.signed for when, _ in dated), min(dated)


def test_mid_2021_the_ceasefire_holds_the_peacekeepers_are_deployed(karabakh_store):
    found = statuses(karabakh_store, "2021-06-30")
    assert found["1"]["status"] in (2, 3)  # "a truce ... halted the violence" (November 2020)
    assert found["1"]["incidents"]["count"] > 0  # and the violations reported so far are counted beside it
    assert found["3"]["status"] == 3  # peacekeepers arrived and patrol (November 2020)
    assert found["6"]["status"] != 0  # a handover postponed before its amended deadline is pending, not failure
    for silent in ("4", "7", "9"):  # nothing dated reports on them by then
        assert found[silent]["status"] == NO_EVIDENCE, (silent, found[silent]["history"])


def test_mid_2023_the_lachin_corridor_is_blockaded(karabakh_store):
    found = statuses(karabakh_store, "2023-06-30")
    corridor = found["6"]
    assert corridor["status"] in (REGRESSED, DISPUTED)
    assert any(h["to"] in (REGRESSED, DISPUTED) and "2022-12" in h["on"] for h in corridor["history"])
    assert corridor["incidents"]["by_type"].get("blockade", 0) > 0
    assert found["5"]["status"] in (1, 2, 3)  # the monitoring centre is not reported closed yet
    assert found["4"]["status"] == NO_EVIDENCE and found["7"]["status"] == NO_EVIDENCE


def test_end_2024_the_monitoring_centre_is_closed_and_the_peacekeepers_withdrawn(karabakh_store):
    found = statuses(karabakh_store, "2024-12-31")
    assert found["5"]["status"] == TERMINATED and found["5"]["since"].startswith("2024-04")
    assert found["3"]["status"] in (REGRESSED, TERMINATED) and found["3"]["since"].startswith("2024-04")
    assert found["4"]["status"] == TERMINATED  # the early withdrawal ended the peacekeeping term on the record
    assert found["6"]["status"] in (REGRESSED, DISPUTED, TERMINATED)
    assert found["7"]["status"] == NO_EVIDENCE  # no report of returns in these texts
    for record in found.values():  # every change cites the evidence that moved it, or the record's amendment
        assert all(h["evidence"] or "ended (" in h["reason"] for h in record["history"])
