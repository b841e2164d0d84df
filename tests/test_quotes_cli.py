"""`trucewatch quotes` on a file (offsets into the original text) and on a stored document."""

from __future__ import annotations

import json

from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.store import Store

ARTICLE = ("\n\n   Ceasefire holds\n\n"
           "Azerbaijani President Ilham Aliyev spoke to reporters in Baku.\n\n"
           "“The ceasefire is observed,” he said on Friday.\n\n"
           "The Kremlin said that the peacekeepers had set up new posts.\n")


def test_quotes_on_a_path_gives_offsets_into_the_original_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    raw = path.read_text(encoding="utf-8")
    assert [(r["kind"], r["speaker"], r["speaker_text"]) for r in records] == [
        ("direct", "Ilham Aliyev", "he"), ("indirect", "Kremlin", "The Kremlin")]
    for record in records:
        assert raw[record["start"]:record["end"]] == record["text"]
        assert raw[record["speaker_start"]:record["speaker_end"]] == record["speaker_text"]


def test_quotes_on_a_stored_document_shows_its_statements_and_writes_nothing(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "store.db")
    ingested = CliRunner().invoke(main, ["ingest", str(path), "--db", db, "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    store = Store(db)
    (doc_id,) = store.document_ids()
    doc = store.document(doc_id)
    result = CliRunner().invoke(main, ["quotes", doc.id, "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    shown = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in shown] == ["Ilham Aliyev", "Kremlin"]
    assert all(doc.body[r["start"]:r["end"]] == r["text"] for r in shown)
    assert store.statements(doc.id) == []  # a read command: only `analyse` writes results
    store.close()
    missing = CliRunner().invoke(main, ["quotes", "no-such-doc", "--db", db])
    assert missing.exit_code != 0 and "neither a file nor a document id" in missing.output


def test_a_file_ingest_would_skip_says_why_as_ingest_does(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for command in ("quotes", "events"):
        result = CliRunner().invoke(main, [command, str(empty)])
        assert result.exit_code == 0, result.output
        assert f"skipped {empty}: empty" in result.stderr.splitlines()
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "The minister said the talks went well."}\n{"text": \n', encoding="utf-8")
    lines = CliRunner().invoke(main, ["quotes", str(feed)]).stderr.splitlines()
    assert any(line.startswith(f"skipped {feed} line 2: ") for line in lines), lines
