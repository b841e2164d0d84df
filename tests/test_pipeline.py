"""The analysis run over stored documents: idempotent, skips copies, survives a failing document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import trucewatch.statements as statements_module
from trucewatch.agreements import load_agreements
from trucewatch.ingest import ingest
from trucewatch.parallel import Mapper
from trucewatch.pipeline import Pipeline, PipelineConfig, PipelineError, analyse, components
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
    assert (again.documents, again.unchanged, again.statements) == (0, 5, 0)  # nothing new: nothing redone
    assert seeded.statements() == statements and seeded.evidence("karabakh-2020-11-10") == links
    canonical = {d.id for d in seeded.documents(include_duplicates=False)}
    assert {s.doc_id for s in statements} <= canonical
    for link in links:  # every link cites its sentence by offsets into the stored body
        body = seeded.document(link.doc_id).body
        assert body[link.start : link.end] == link.text


def test_ids_are_stable_across_forced_reruns_and_every_item_records_its_run(seeded: Store) -> None:
    first = analyse(seeded)
    ids = ({s.id for s in seeded.statements()}, {link.id for link in seeded.evidence("karabakh-2020-11-10")})
    forced = analyse(seeded, force=True)
    assert forced.documents == 5 and forced.run_id != first.run_id
    assert ({s.id for s in seeded.statements()}, {link.id for link in seeded.evidence("karabakh-2020-11-10")}) == ids
    assert all(len(i) > 10 and ":" not in i for i in ids[0] | ids[1])  # derived from content, not offsets alone
    runs = seeded.runs()
    assert [r["id"] for r in runs[:2]] == [forced.run_id, first.run_id]
    assert runs[0]["status"] == "finished" and runs[0]["counts"]["documents"] == 5
    assert runs[0]["code_version"].startswith("0.") and runs[0]["agreements_hash"] and runs[0]["data_hash"]
    assert set(runs[0]["stages"]) == {"sentences", "statements", "links", "incidents"}


def test_an_incremental_run_equals_a_full_run(seeds: list[Path], tmp_path: Path) -> None:
    incremental, full = Store(str(tmp_path / "inc.db")), Store(str(tmp_path / "full.db"))
    ingest(seeds[:3], incremental)
    analyse(incremental)
    ingest(seeds, incremental)
    added = analyse(incremental)
    assert (added.documents, added.unchanged) == (2, 3)
    ingest(seeds, full)
    analyse(full)
    assert incremental.statements() == full.statements()
    for agreement in ("karabakh-2020-11-10", "karabakh-2021-01-11"):
        assert incremental.evidence(agreement) == full.evidence(agreement)


def test_a_changed_agreement_file_relinks_without_reparsing(seeded: Store, tmp_path: Path, monkeypatch) -> None:
    bundled = Path(load_agreements()["karabakh-2020-11-10"].path).read_text(encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(bundled.replace("id: karabakh-2020-11-10", "id: my-accord", 1), encoding="utf-8")
    config = PipelineConfig(agreement_paths=(str(mine),))
    analyse(seeded, config=config)
    statements = seeded.statements()
    mine.write_text(mine.read_text(encoding="utf-8").replace("short_title:", "# edited\nshort_title:", 1),
                    encoding="utf-8")

    def no_parsing(*args, **kwargs):
        raise AssertionError("statements were extracted again")

    monkeypatch.setattr(statements_module, "extract_many", no_parsing)  # extract_statements goes through it
    relinked = analyse(seeded, config=config)
    assert relinked.documents == 5 and not relinked.failed  # stale: the agreement data changed
    assert relinked.links["my-accord"] > 20 and seeded.statements() == statements
    assert seeded.runs()[0]["agreements_hash"] != seeded.runs()[1]["agreements_hash"]


def test_a_stale_analysis_version_is_detected(seeded: Store, monkeypatch) -> None:
    analyse(seeded)
    monkeypatch.setattr(components, "code_version", lambda: "0.1.0+changed")
    assert analyse(seeded).documents == 5  # new code: every document is redone
    assert analyse(seeded).documents == 0


def test_a_document_that_becomes_a_copy_loses_its_results(seeded: Store) -> None:
    analyse(seeded)
    victim, canonical = seeded.document_ids(include_duplicates=False)[:2]
    seeded.set_duplicate_of(victim, canonical)
    report = analyse(seeded)
    assert report.forgotten == 1 and not seeded.statements(victim)


def test_a_language_without_rules_is_reported_not_run_through_english(store: Store, tmp_path: Path) -> None:
    french = ("Le ministère de la Défense a déclaré que le cessez-le-feu était respecté dans la région. "
              "Selon un porte-parole, aucune violation n'a été enregistrée en vingt-quatre heures. ") * 4
    (tmp_path / "fr.txt").write_text(french, encoding="utf-8")
    ingest([tmp_path / "fr.txt"], store)
    report = analyse(store)
    assert report.not_analysed == {"fr": 1} and report.statements == 0
    assert store.analysis_skips()[0][1].startswith("no rules for fr")


def test_russian_reported_speech_is_analysed_by_its_own_rules(store: Store, tmp_path: Path) -> None:
    russian = ("Министерство обороны России сообщило, что режим прекращения огня соблюдается. "
               "«Нарушений за сутки не зафиксировано», — заявил официальный представитель ведомства. ") * 4
    (tmp_path / "ru.txt").write_text(russian, encoding="utf-8")
    ingest([tmp_path / "ru.txt"], store)
    report = analyse(store)
    assert report.not_analysed == {} and report.statements > 0


def test_a_failing_document_is_reported_and_the_run_goes_on(seeded: Store, monkeypatch) -> None:
    bodies = {doc_id: seeded.document(doc_id).body for doc_id in seeded.document_ids(include_duplicates=False)}
    real = statements_module.parse
    chosen: list[str] = []  # ids hash the source path, so the victim is picked among the documents parsed

    def flaky(texts):  # the batch's parse fails with it, then its own parse: the others are redone alone
        if not chosen:
            chosen.append(min(doc_id for doc_id, body in bodies.items() if any(t in body for t in texts)))
        if any(text in bodies[chosen[0]] for text in texts):
            raise ValueError("hostile text")
        return real(texts)

    monkeypatch.setattr(statements_module, "parse", flaky)
    report = analyse(seeded)
    assert report.failed == [(chosen[0], "ValueError: hostile text")]
    assert report.documents == 5 and report.statements > 0
    monkeypatch.undo()
    retried = analyse(seeded)  # a failed document has no analysis version: the next run retries it
    assert (retried.documents, retried.failed) == (1, [])


def test_unknown_or_misordered_stages_are_refused() -> None:
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(PipelineConfig(stages=("sentences", "sentiment")))
    with pytest.raises(PipelineError, match="needs sentences"):
        Pipeline(PipelineConfig(stages=("statements",)))


def test_dask_workers_give_the_same_statements(seeds: list[Path], tmp_path: Path) -> None:
    inline, parallel = Store(str(tmp_path / "a.db")), Store(str(tmp_path / "b.db"))
    for store in (inline, parallel):
        ingest(seeds, store)
    analyse(inline)
    with Mapper(workers=2) as mapper:
        analyse(parallel, mapper=mapper)
    assert inline.statements() == parallel.statements()
    assert inline.evidence("karabakh-2020-11-10") == parallel.evidence("karabakh-2020-11-10")
