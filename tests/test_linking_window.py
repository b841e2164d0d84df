"""No evidence dated before an agreement's signing, over the bundled demo and the annotated seed articles."""

from __future__ import annotations

from pathlib import Path

from trucewatch.actors import load_registry
from trucewatch.agreements import load_agreements
from trucewatch.assess.status import evidence_date
from trucewatch.cli.ingest import demo_corpus
from trucewatch.documents import build_document
from trucewatch.linking import link_document
from trucewatch.records import Document, SourceItem, Statement
from trucewatch.sources import read_sources
from trucewatch.statements import extract_statements
from trucewatch.text.sentences import split_sentences


def _links_out_of_window(paths: list[Path]) -> list[str]:
    agreements, registry = load_agreements(), load_registry()
    found, linked = [], 0
    for item in read_sources([str(p) for p in paths]):
        if not isinstance(item, SourceItem):
            continue
        doc = build_document(item)
        sentences = split_sentences(doc)
        statements = extract_statements(doc, registry, sentences)
        for agreement in agreements.values():
            for link in link_document(doc, sentences, statements, agreement):
                linked += 1
                day = evidence_date(link)
                if day is not None and day < agreement.signed:
                    found.append(f"{Path(item.source_path).name}: {agreement.id} {link.provision} {day}")
    assert linked, "nothing was linked: the check would pass vacuously"
    return found


def test_no_demo_evidence_before_the_signing():
    assert _links_out_of_window(sorted(Path(demo_corpus()).glob("*.txt"))) == []


def test_no_seed_evidence_before_the_signing(seeds):
    assert _links_out_of_window(seeds) == []


def test_a_statement_said_before_the_signing_is_not_evidence():
    agreement = load_agreements()["karabakh-2020-11-10"]
    text = "Reports from Armenia and Azerbaijan.\n\nThe ceasefire was violated near Martuni, the ministry said."
    doc = Document.of_text(text, published="2020-12-01")
    start = text.index("The ceasefire")
    end = text.index(", the ministry")

    def linked(said_on: str) -> set[str]:
        statement = Statement(
            doc_id="d", kind="indirect", start=start, end=end, text=text[start:end], speaker="az-mod", said_on=said_on
        )
        return {x.provision for x in link_document(doc, split_sentences(doc), [statement], agreement)}

    assert linked("2020-11-30") == {"1"}
    assert linked("2020-10-20") == set()  # a statement from the war, reported after the signing
