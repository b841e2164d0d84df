"""The bundled demo corpus: what ingest makes of it, and that it is ours to ship."""

from __future__ import annotations

import json
import re
from pathlib import Path

from trucewatch.cli.ingest import demo_corpus
from trucewatch.ingest import ingest

DISCLAIMER = "Demo digest written for Truce Watch from the public record; not a news article."
ORIGINAL = "2020-11-10-ceasefire-signed.txt"
COPY = "2020-11-10-syndicated-copy-ceasefire-signed.txt"


def _units() -> dict[tuple[str, str], tuple[str, str]]:
    """(file name, locator) -> (expected publication day, text) for every unit of the corpus."""
    units = {}
    for path in sorted(demo_corpus().iterdir()):
        if path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                record = json.loads(line)
                units[(path.name, f"line {number}")] = (record["published"][:10], record["text"])
        elif path.suffix in (".txt", ".html"):
            units[(path.name, "")] = (path.name[:10], path.read_text(encoding="utf-8"))
    return units


def test_ingest_yields_every_digest_dated_cleaned_and_one_duplicate_group(store):
    report = ingest([demo_corpus()], store)
    units = _units()
    assert len(units) == 16
    assert report.ingested == 16 and report.duplicates == 1
    assert report.skipped == []
    assert store.count_documents() == {"documents": 16, "duplicates": 1, "duplicate_groups": 1}
    docs = {(Path(d.source_path).name, d.locator): d for d in store.documents()}
    assert set(docs) == set(units)
    for key, (day, _) in units.items():
        assert docs[key].published and docs[key].published[:10] == day, key
        assert docs[key].title, key
        assert "cookie" not in docs[key].body.lower(), key  # banners are boilerplate, not body
    assert docs[(COPY, "")].duplicate_of == docs[(ORIGINAL, "")].id
    assert sum(1 for d in docs.values() if d.duplicate_of) == 1
    assert {d.content_type for d in docs.values()} == {"text", "html"}


def test_every_digest_says_what_it_is():
    for key, (_, text) in _units().items():
        assert DISCLAIMER in text, key
    assert "not a news article" in (demo_corpus().parent / "README.md").read_text(encoding="utf-8")


def test_no_digest_copies_the_seed_articles(seeds):
    """No run of eight words of a digest appears in a real article (paraphrase, short phrases only)."""
    def grams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    seed_grams = set().union(*(grams(p.read_text(encoding="utf-8")) for p in seeds))
    for key, (_, text) in _units().items():
        assert not grams(text) & seed_grams, key
