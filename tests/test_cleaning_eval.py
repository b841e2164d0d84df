"""The cleaning evaluator (on the seeds and on deliberately wrong predictions) and the data files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from trucewatch.cleaning.data import load
from trucewatch.cli import main
from trucewatch.documents import build_document
from trucewatch.evaluation.cleaning import evaluate, load_fixtures
from trucewatch.records import BodySpan, Document, SourceItem

FIXTURES = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def corpus(seeds: list[Path]) -> Path:
    return seeds[0].parent


def test_fixtures_cover_every_non_empty_line(seeds: list[Path]) -> None:
    fixtures = {f["file"]: f for f in load_fixtures(FIXTURES)}
    assert set(fixtures) == {p.name for p in seeds}
    for path in seeds:
        lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.strip()]
        assert [entry["line"] for entry in fixtures[path.name]["lines"]] == lines


def test_the_cleaner_meets_the_targets_on_the_seeds(corpus: Path) -> None:
    result = evaluate(FIXTURES, corpus)
    assert result["body_recall"] == 1.0
    assert result["body_precision"] == 1.0
    assert result["explicit_date_accuracy"] == 1.0
    assert result["span_errors"] == 0


def whole_text(item: SourceItem) -> Document:
    """The old placeholder: everything is body."""
    doc = build_document(item)
    return replace(doc, body=item.raw_text, body_spans=[BodySpan(0, 0, len(item.raw_text))])


def drop_last_paragraph(item: SourceItem) -> Document:
    doc = build_document(item)
    return replace(doc, body_spans=doc.body_spans[:-1], published="1999-01-01", published_source="dateline",
                   title="wrong", wire="Reuters")


def test_keeping_everything_is_caught(corpus: Path) -> None:
    result = evaluate(FIXTURES, corpus, build=whole_text)
    assert result["body_recall"] == 1.0
    assert result["body_precision"] < 0.75
    leaked = {line["label"] for row in result["rows"] for line in row["leaked"]}
    assert {"title", "dateline", "related", "disclaimer", "caption", "credit"} <= leaked


def test_dropping_lines_and_wrong_metadata_are_caught(corpus: Path) -> None:
    result = evaluate(FIXTURES, corpus, build=drop_last_paragraph)
    assert result["body_recall"] == pytest.approx(1 - 5 / result["content_lines"], abs=1e-3)
    assert result["date_accuracy"] == 0.0
    assert result["title_accuracy"] == 0.0
    assert result["wire_accuracy"] == 0.0


def test_a_broken_span_is_counted(corpus: Path) -> None:
    def shifted(item: SourceItem) -> Document:
        doc = build_document(item)
        return replace(doc, body_spans=[replace(s, raw_start=s.raw_start + 1) for s in doc.body_spans])

    result = evaluate(FIXTURES, corpus, build=shifted)
    assert result["span_errors"] > 0 and result["body_recall"] < 1.0


def test_cli_reports_the_scores(corpus: Path) -> None:
    run = CliRunner().invoke(main, ["eval", "cleaning", "--corpus", str(corpus), "--fixtures", str(FIXTURES),
                                    "--format", "json"])
    assert run.exit_code == 0, run.output
    assert '"body_recall": 1.0' in run.output
    table = CliRunner().invoke(main, ["eval", "cleaning", "--corpus", str(corpus), "--fixtures", str(FIXTURES)])
    assert table.exit_code == 0 and "body_precision=1.0" in table.output


def test_data_files_validate_and_the_schema_rejects_mistakes() -> None:
    import json
    from importlib import resources

    outlets = load("outlets")["outlets"]
    assert {"tass", "anadolu", "apa", "reuters", "caucasian-knot"} <= {o["id"] for o in outlets}
    assert load("boilerplate")["rules"]
    schema = json.loads(resources.files("trucewatch").joinpath("schemas/outlets.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"outlets": [{"id": "x", "name": "X", "aliases": ["X1"]}]}, schema)  # no kind
