"""Sources users have: news API exports with their own field names, RSS/Atom feeds, original URLs."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trucewatch.cli import main
from trucewatch.documents import build_document
from trucewatch.news_apis import parse_map
from trucewatch.records import Skip, SourceItem
from trucewatch.sources import read_sources

TEXT = "Officials said the ceasefire held overnight along the line of contact, and no shots were reported."


def read(*paths, **kwargs) -> tuple[list[SourceItem], list[Skip]]:
    units = list(read_sources(paths, **kwargs))
    return [u for u in units if isinstance(u, SourceItem)], [u for u in units if isinstance(u, Skip)]


def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_news_api_records_are_detected_per_record(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "mixed.jsonl", [
        {"source": {"id": None, "name": "Example Wire"}, "title": "Truce holds", "url": "https://ex.org/newsapi",
         "description": "Short summary.", "publishedAt": "2020-11-12T08:00:00Z",
         "content": TEXT + " More follows… [+2345 chars]"},
        {"url": "https://ex.org/gdelt", "title": "Truce holds", "seendate": "20201112T081500Z",
         "domain": "ex.org", "language": "English"},
        {"url": "https://ex.org/mc", "title": "Truce holds", "publish_date": "2020-11-12 09:00:00",
         "media_name": "Example Daily", "text": TEXT},
        {"source": {"name": "Example Wire"}, "publishedAt": "2020-11-13T08:00:00Z", "description": TEXT},
    ])
    items, skips = read(feed)
    by_line = {i.locator: i for i in items}
    newsapi = by_line["line 1"]
    assert newsapi.raw_text == TEXT + " More follows"  # NewsAPI's truncation note trimmed
    assert newsapi.hints == {"url": "https://ex.org/newsapi", "title": "Truce holds",
                             "published": "2020-11-12T08:00:00Z", "outlet": "Example Wire"}
    assert by_line["line 3"].hints == {"url": "https://ex.org/mc", "title": "Truce holds",
                                       "published": "2020-11-12 09:00:00", "outlet": "Example Daily"}
    assert by_line["line 4"].raw_text == TEXT  # no content: the description
    assert [(s.locator, s.reason) for s in skips] == [
        ("line 2", "GDELT DOC record has only a url; fetching pages is not supported")]


def test_a_map_names_the_fields_of_other_exports(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "other.jsonl", [
        {"story": {"body": TEXT, "headline": "Truce holds"}, "link": "https://ex.org/a", "when": "2020-11-12",
         "by": ["Example Daily"]},
        {"story": {"headline": "No body"}},
    ])
    field_map = parse_map(["text=story.body", "title=story.headline", "url=link", "published=when",
                           "outlet=by.0"])
    items, skips = read(feed, field_map=field_map)
    assert [i.raw_text for i in items] == [TEXT]
    assert items[0].hints == {"url": "https://ex.org/a", "title": "Truce holds", "published": "2020-11-12",
                              "outlet": "Example Daily"}
    assert [s.reason for s in skips] == ["record has no text or html field (--map text=FIELD names it)"]
    unmapped, _ = read(feed)
    assert unmapped == []
    with pytest.raises(ValueError, match="'body'"):
        parse_map(["body"])
    with pytest.raises(ValueError, match="FIELD one of"):
        parse_map(["author=by"])


def test_the_gdelt_compact_date_is_read(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "gdelt.jsonl", [{"url": "https://ex.org/g", "seendate": "20201112T081500Z",
                                              "domain": "ex.org", "text": TEXT}])
    items, _ = read(feed)
    assert items[0].hints["published"] == "2020-11-12T08:15:00+00:00"
    assert build_document(items[0]).published.startswith("2020-11-12")


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Daily</title><link>https://ex.org/</link>
<item><title>Truce holds</title><link>https://ex.org/1</link><guid>ex-1</guid>
<pubDate>Thu, 12 Nov 2020 08:00:00 +0300</pubDate><description>&lt;p&gt;{TEXT}&lt;/p&gt;</description></item>
<item><title>Second day</title><link>https://ex.org/2</link><guid>ex-2</guid>
<pubDate>Fri, 13 Nov 2020 08:00:00 +0300</pubDate><description>{TEXT} Second day.</description></item>
<item><title>Only a title</title><link>https://ex.org/3</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title><id>urn:ex</id>
<updated>2020-11-12T08:00:00Z</updated>
<entry><title>Truce holds</title><id>urn:ex:1</id><link href="https://ex.org/atom/1"/>
<published>2020-11-12T08:00:00Z</published><updated>2020-11-12T09:00:00Z</updated>
<summary>Short.</summary><content type="html">&lt;p&gt;{TEXT}&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_and_atom_feeds_become_one_unit_per_entry(tmp_path: Path) -> None:
    (tmp_path / "daily.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://ex.org/</loc></url></urlset>")
    (tmp_path / "garbage.xml").write_bytes(b"\x00\x01 not xml at all <<<")
    items, skips = read(tmp_path)
    assert [(Path(i.source_path).name, i.locator) for i in items] == [
        ("daily.rss", "entry ex-1"), ("daily.rss", "entry ex-2"), ("wire.atom", "entry urn:ex:1")]
    first, _, atom = items
    assert first.content_type == "html" and TEXT in first.raw_text
    assert first.hints == {"url": "https://ex.org/1", "title": "Truce holds",
                           "published": "Thu, 12 Nov 2020 08:00:00 +0300", "outlet": "Example Daily"}
    assert atom.content_type == "html" and TEXT in atom.raw_text  # the content, not the shorter summary
    assert atom.hints["published"] == "2020-11-12T08:00:00Z" and atom.hints["outlet"] == "Example Wire"
    doc = build_document(first)
    assert (doc.url, doc.published[:10], doc.outlet, doc.title) == (
        "https://ex.org/1", "2020-11-12", "Example Daily", "Truce holds")
    reasons = {(Path(s.source_path).name, s.locator): s.reason for s in skips}
    assert reasons[("daily.rss", "entry https://ex.org/3")] == "feed entry without content or summary"
    assert reasons[("sitemap.xml", "")] == "feed without entries"
    assert reasons[("garbage.xml", "")].startswith(("not an RSS or Atom feed", "feed without entries"))
    assert all(s.key for s in skips)  # a re-run passes over them without reading again


def test_feed_keys_survive_new_entries_on_top(tmp_path: Path) -> None:
    path = tmp_path / "daily.rss"
    path.write_text(RSS, encoding="utf-8")
    before = {i.locator: i.key for i in read(path)[0]}
    newer = RSS.replace("<item>", f"<item><title>New</title><guid>ex-0</guid><description>{TEXT} New."
                                  "</description></item><item>", 1)
    path.write_text(newer, encoding="utf-8")
    after = {i.locator: i.key for i in read(path)[0]}
    assert set(after) == set(before) | {"entry ex-0"}
    assert all(after[locator] == key for locator, key in before.items())


class _Feed(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path == "/feed.rss"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        if found:
            self.wfile.write(RSS.encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_url_named_explicitly_is_fetched(feed_server: str) -> None:
    items, skips = read(f"{feed_server}/feed.rss", f"{feed_server}/missing.rss")
    assert [i.locator for i in items] == ["entry ex-1", "entry ex-2"]
    assert all(i.source_path == f"{feed_server}/feed.rss" for i in items)
    assert [s.reason for s in skips if s.source_path.endswith("missing.rss")] == [
        "could not fetch the feed: Not Found"]


def test_html_pages_keep_their_canonical_url(tmp_path: Path) -> None:
    page = ('<html><head><title>Truce holds</title><link rel="canonical" href="https://ex.org/story">'
            f'</head><body><article><h1>Truce holds</h1><p>{TEXT}</p><p>{TEXT}</p></article></body></html>')
    (tmp_path / "saved.html").write_text(page, encoding="utf-8")
    items, _ = read(tmp_path)
    assert build_document(items[0]).url == "https://ex.org/story"
    hinted = SourceItem(**{**items[0].__dict__, "hints": {"url": "https://ex.org/from-the-crawl"}})
    assert build_document(hinted).url == "https://ex.org/from-the-crawl"


def test_ingest_command_takes_maps_and_refuses_bad_ones(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "other.jsonl", [{"body": TEXT, "link": "https://ex.org/a"}])
    db = str(tmp_path / "t.db")
    bad = CliRunner().invoke(main, ["ingest", str(feed), "--db", db, "--map", "body"])
    assert bad.exit_code == 2 and "--map" in bad.output
    good = CliRunner().invoke(main, ["ingest", str(feed), "--db", db, "-q", "--map", "text=body",
                                     "--map", "url=link"])
    assert good.exit_code == 0, good.output
    listed = CliRunner().invoke(main, ["documents", "--db", db, "--format", "jsonl"])
    assert json.loads(listed.output.splitlines()[0])["url"] == "https://ex.org/a"


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                   max_size=5), max_leaves=20)
_keys = st.sampled_from(["text", "content", "description", "publishedAt", "seendate", "publish_date", "source",
                         "media_name", "url", "title", "html", "domain"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(_keys, _json, max_size=6), min_size=1, max_size=5),
       mapping=st.dictionaries(st.sampled_from(["text", "url", "published", "outlet"]),
                               st.sampled_from(["source", "source.name", "a.0.b", "title", "0"]), max_size=2))
def test_any_api_record_is_an_item_or_a_skip(tmp_path: Path, records: list[dict], mapping: dict) -> None:
    feed = _jsonl(tmp_path / "fuzz.jsonl", records)
    units = list(read_sources([feed], field_map=mapping))
    assert len(units) == len(records)
    assert all(isinstance(u, SourceItem) or u.key for u in units)  # skips keyed: a re-run passes over them


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(RSS)), noise=st.binary(max_size=30))
def test_truncated_or_corrupt_feeds_never_raise(tmp_path: Path, cut: int, noise: bytes) -> None:
    (tmp_path / "broken.rss").write_bytes(RSS.encode()[:cut] + noise)
    units = list(read_sources([tmp_path / "broken.rss"]))
    assert units and all(isinstance(u, SourceItem | Skip) for u in units)
