"""HTML pages: trafilatura's text and metadata, then the same line cleaning, with spans back into the page."""

from __future__ import annotations

from trucewatch.cleaning.html import extract_html
from trucewatch.documents import build_document
from trucewatch.records import SourceItem

P1 = ("The two delegations met in Geneva on Tuesday to discuss the exchange of detainees, officials said. "
      "Both sides called the talks constructive &amp; useful.")
P2 = ("A second round is planned for next month, according to a statement published after the meeting. "
      "Observers from the Red Cross attended the session.")
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Talks resume | Valley Gazette</title>
<meta property="og:title" content="Talks on detainees resume in Geneva">
<meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2019-03-04T10:15:00+04:00">
</head><body><nav><a href="/">Home</a> <a href="/news">All news</a></nav>
<article><h1>Talks on detainees resume in Geneva</h1>
<p>{P1}</p><p>{P2}</p><p>Read also: Ministers to meet again in May</p><p>Based on materials from TASS</p></article>
<footer><p>© 2019 Valley Gazette. All rights reserved.</p></footer></body></html>"""


def build(html: str, **hints: str):
    return build_document(SourceItem("k", "page.html", "", "html", html, hints))


def test_metadata_comes_from_the_page() -> None:
    page = extract_html(PAGE)
    assert page.title == "Talks on detainees resume in Geneva"
    assert page.date == "2019-03-04"
    assert page.sitename == "Valley Gazette"


def test_body_is_cleaned_like_plain_text() -> None:
    doc = build(PAGE)
    assert doc.title == "Talks on detainees resume in Geneva"
    assert doc.body.split("\n\n") == [P1.replace("&amp;", "&"), P2]
    assert (doc.published, doc.published_source) == ("2019-03-04", "meta")
    assert doc.outlet == "Valley Gazette"
    assert doc.wire == "TASS"
    assert {b.kind for b in doc.removed} >= {"related", "credit"}
    assert "All rights reserved" not in doc.body and "All news" not in doc.body


def test_spans_map_the_body_back_into_the_page_around_entities() -> None:
    doc = build(PAGE)
    assert all(doc.raw_text[s.raw_start:s.raw_start + s.length] == doc.body[s.body_start:s.body_start + s.length]
               for s in doc.body_spans)
    assert doc.raw_offset(0) == PAGE.index(P1)
    assert doc.raw_offset(doc.body.index("Observers")) == PAGE.index("Observers")
    amp = doc.body.index("&")  # decoded from "&amp;": no span of its own, mapped to the entity's bounds
    assert not any(s.body_start <= amp < s.body_start + s.length for s in doc.body_spans)
    assert PAGE[doc.raw_offset(amp):doc.raw_offset(amp + 1, end=True)] == "&amp;"


def test_hints_beat_page_metadata_for_title_and_outlet() -> None:
    doc = build(PAGE, title="Geneva talks", outlet="reuters.com")
    assert doc.title == "Geneva talks"
    assert doc.outlet == "Reuters"


def test_a_page_without_article_markup_falls_back_to_its_text() -> None:
    doc = build("<div>" + P2 + "</div>")
    assert doc.body == P2


def test_an_unclosed_title_does_not_swallow_the_page() -> None:
    doc = build(f"<html><head><title>Talks resume<body><p>{P2}<div><p>Shelling <b>continued in <i>the town</p></html")
    assert P2 in doc.body
    assert doc.title == "Talks resume"


def test_removed_blocks_point_into_the_page_only_where_it_holds_them_verbatim() -> None:
    menu = "".join(f"<p>Menu &amp; item {n}</p><p>Plain item {n}</p>" for n in range(300))
    doc = build(f"<html><body><article><p>{P1}</p><p>{P2}</p>{menu}</article></body></html>")
    blocks = [b for b in doc.removed if "item" in b.text]
    assert len(blocks) == 600  # one forward alignment, not a search of the page per block
    for block in blocks:
        if "&" in block.text:  # the page spells it "&amp;"
            assert (block.raw_start, block.raw_end) == (-1, -1)
        else:
            assert doc.raw_text[block.raw_start:block.raw_end] == block.text
    plain = [b.raw_start for b in blocks if b.raw_start >= 0]
    assert plain == sorted(plain) and len(plain) == 300
