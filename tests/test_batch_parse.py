"""Parsing a batch of documents at once gives exactly the statements of parsing each alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import need

import trucewatch.statements as statements_module
from trucewatch.actors import load_registry
from trucewatch.evaluation.polnear import read_polnear
from trucewatch.evaluation.quotes import _document
from trucewatch.ingest import ingest
from trucewatch.records import Document
from trucewatch.statements import extract_many, extract_statements
from trucewatch.store import Store
from trucewatch.text.sentences import split_sentences


def _same_both_ways(docs: list[Document], monkeypatch: pytest.MonkeyPatch) -> int:
    registry = load_registry()
    alone = [extract_statements(doc, registry) for doc in docs]
    calls: list[int] = []
    real = statements_module.parse

    def counted(texts):
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(statements_module, "parse", counted)
    together = extract_many([(doc, split_sentences(doc)) for doc in docs], registry)
    assert len(calls) == 1 and calls[0] > len(docs)  # one parser call for the candidates of every document
    assert together == alone
    return sum(map(len, alone))


def test_seeds_parsed_as_a_batch_give_the_same_statements(store: Store, seeds: list[Path], monkeypatch) -> None:
    ingest(seeds, store)
    docs = store.documents()
    empty = Document(id="empty", source_key="empty", source_path="empty", locator="", content_type="text",
                     raw_text="", body="  ", body_spans=[])
    assert _same_both_ways([*docs, empty], monkeypatch) > 40  # not a vacuous comparison


def test_polnear_dev_parsed_as_a_batch_gives_the_same_statements(shared: Path, monkeypatch) -> None:
    folder = shared / "eval" / "polnear" / "data" / "dev"
    need(folder.is_dir(), f"PolNeAR dev split missing at {folder}")
    docs = [_document(d.name, d.text, d.published) for d in read_polnear(folder)]
    assert len(docs) > 50
    assert _same_both_ways(docs, monkeypatch) > 600
