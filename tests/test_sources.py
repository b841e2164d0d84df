"""Reading sources: every kind of bad input becomes a skip with a reason, never an exception."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from trucewatch.records import Skip, SourceItem
from trucewatch.sources import read_sources

ARTICLE = "Officials said the ceasefire held overnight along the line of contact.\n"


def read(*paths: Path, **kwargs) -> tuple[list[SourceItem], list[Skip]]:
    units = list(read_sources(paths, **kwargs))
    return [u for u in units if isinstance(u, SourceItem)], [u for u in units if isinstance(u, Skip)]


def test_folders_are_walked_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE)
    (tmp_path / "a.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    items, skips = read(tmp_path)
    assert [Path(i.source_path).name for i in items] == ["a.html", "two.txt"]
    assert [i.content_type for i in items] == ["html", "text"]
    assert skips == []


def test_keys_depend_on_content_and_place(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    first = read(path)[0][0].key
    assert read(path)[0][0].key == first
    path.write_text(ARTICLE + "Update.\n")
    assert read(path)[0][0].key != first


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "broken-link.txt").symlink_to(tmp_path / "gone.txt")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # a sparse 200 MB file: never read, only measured
        handle.truncate(200_000_000)
    items, skips = read(tmp_path, tmp_path / "missing.txt")
    reasons = {Path(s.source_path).name: s.reason for s in skips}
    assert items == []
    assert reasons["binary.txt"] == "binary content, not text"
    assert reasons["empty.txt"] == "empty"
    assert reasons["image.png"] == "unsupported file type '.png'"
    assert reasons["broken-link.txt"].startswith("unreadable")
    assert reasons["huge.txt"].startswith("too large for one article: 200 MB")
    assert reasons["missing.txt"] == "no such file or folder"


def test_other_encodings_are_decoded(tmp_path: Path) -> None:
    russian = "Миротворцы продолжают выполнять задачи в зоне конфликта. " * 5
    (tmp_path / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("Café owners in Baku said the ceasefire was holding.".encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    items, skips = read(tmp_path)
    texts = {Path(i.source_path).name: i.raw_text for i in items}
    assert skips == []
    assert texts["cp1251.txt"] == russian
    assert texts["utf16.txt"] == ARTICLE
    assert texts["latin1.txt"].startswith("Café")
    assert texts["bom.txt"] == ARTICLE


def test_mostly_utf8_with_broken_bytes_keeps_the_text(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes(ARTICLE.encode() * 20 + b"\xff\xfe broken tail " + ARTICLE.encode())
    items, _ = read(tmp_path)
    assert items[0].raw_text.count("ceasefire") == 21


def test_mostly_utf8_broken_bytes_are_counted_in_a_note(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes("Baku, Zoë said the café was shut. ".encode() + b"\xff\xfe tail.")
    items, _ = read(tmp_path)
    assert items[0].raw_text.startswith("Baku, Zoë said the café")
    assert items[0].hints["normalised"] == "broken encoding: 2 invalid UTF-8 byte sequences replaced by U+FFFD"


def test_a_few_legacy_bytes_read_as_windows_1252_not_a_guessed_central_european_page(tmp_path: Path) -> None:
    # Latin-1 bytes, a broken UTF-8 lead byte (\xc3 before "(") and a stray \xff\xfe: no run is UTF-8.
    (tmp_path / "mixed.txt").write_bytes(b"Caf\xe9 ceasefire \xff\xfe broken \xc3( text\n said the minister.\n")
    items, _ = read(tmp_path)
    assert items[0].raw_text == "Café ceasefire ÿþ broken Ã( text\n said the minister.\n"
    assert items[0].hints["normalised"] == "not UTF-8: decoded as cp1252"


def test_jsonl_records_and_their_problems(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "title": "Ceasefire holds", "published": "2020-11-12", "outlet": "Wire"}),
        "{not json",
        json.dumps({"html": f"<p>{ARTICLE}</p>", "url": "https://example.org/a"}),
        json.dumps({"url": "https://example.org/only-url"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"title": "no body"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items, skips = read(tmp_path)
    assert [(i.locator, i.content_type) for i in items] == [("line 1", "text"), ("line 3", "html")]
    assert items[0].hints == {"title": "Ceasefire holds", "published": "2020-11-12", "outlet": "Wire"}
    assert items[1].hints == {"url": "https://example.org/a"}
    assert {s.locator: s.reason.split(":")[0] for s in skips} == {
        "line 2": "invalid JSON",
        "line 4": "record has only a url; fetching pages is not supported",
        "line 5": "JSON record is not an object",
        "line 7": "record has no text or html field (--map text=FIELD names it)",
    }


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    with gzip.open(path, "wb") as raw:
        writer = WARCWriter(raw, gzip=False)
        for url, mime, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_responses_are_read_and_non_text_ignored(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz", [
        ("https://example.org/a", "text/html; charset=utf-8", f"<html><p>{ARTICLE}</p></html>".encode()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG"),
        ("https://example.org/b", "text/html", f"<html><p>{ARTICLE} Second.</p></html>".encode()),
    ])
    (tmp_path / "broken.warc").write_bytes(b"this is not a warc file at all\n" * 3)
    items, skips = read(tmp_path)
    assert [i.hints["url"] for i in items] == ["https://example.org/a", "https://example.org/b"]
    assert all("crawled" in i.hints for i in items)
    assert [s.reason.split(":")[0] for s in skips] == ["broken WARC archive"]
