"""The analysis run over stored documents: idempotent, skips copies, survives a failing document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import trucewatch.pipeline as pipeline
from trucewatch.ingest import ingest
from trucewatch.parallel import Mapper
from trucewatch.pipeline import analyse
from trucewatch.store import Store


@pytest.fixture
def seeded(store: Store, seeds: list[Path], tmp_path: Path) -> Store:
    shutil.copy(seeds[0], tmp_path / "syndicated-copy.txt")
    ingest([*seeds, tmp_path / "syndicated-copy.txt"], store)
    return store


def test_analyse_stores_statements_and_links_idempotently(seeded: Store) -> None:
    first = analyse(seeded)
    assert first.documents == 5 and not first.failed  # the copy is not analysed twice
    statements = seeded.statements()
    links = seeded.evidence("karabakh-2020-11-10")
    assert first.statements == len(statements) > 40
    assert first.links["karabakh-2020-11-10"] == len(links) > 20
    assert first.links["minsk-2015-02-12"] == 0  # another conflict's agreement gets no Karabakh evidence
    again = analyse(seeded)
    assert (again.statements, again.links) == (first.statements, first.links)
    assert seeded.statements() == statements and seeded.evidence("karabakh-2020-11-10") == links
    canonical = {d.id for d in seeded.documents(include_duplicates=False)}
    assert {s.doc_id for s in statements} <= canonical
    for link in links:  # every link cites its sentence by offsets into the stored body
        body = seeded.document(link.doc_id).body
        assert body[link.start : link.end] == link.text


def test_a_failing_document_is_reported_and_the_run_goes_on(seeded: Store, monkeypatch) -> None:
    victim = seeded.document_ids(include_duplicates=False)[0]
    real = pipeline.extract_statements

    def flaky(doc, registry=None, sentences=None):
        if doc.id == victim:
            raise ValueError("hostile text")
        return real(doc, registry, sentences)

    monkeypatch.setattr(pipeline, "extract_statements", flaky)
    report = analyse(seeded)
    assert report.failed == [(victim, "ValueError: hostile text")]
    assert report.documents == 5 and report.statements > 0


def test_dask_workers_give_the_same_statements(seeds: list[Path], tmp_path: Path) -> None:
    inline, parallel = Store(str(tmp_path / "a.db")), Store(str(tmp_path / "b.db"))
    for store in (inline, parallel):
        ingest(seeds, store)
    analyse(inline)
    with Mapper(workers=2) as mapper:
        analyse(parallel, mapper=mapper)
    assert inline.statements() == parallel.statements()
    assert inline.evidence("karabakh-2020-11-10") == parallel.evidence("karabakh-2020-11-10")
