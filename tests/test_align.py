"""Offsets from the cleaned body of an HTML page back into the page: align, Document.raw_offset, `trucewatch quotes`."""

from __future__ import annotations

import html as htmllib
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trucewatch.cleaning.align import align
from trucewatch.cli import main
from trucewatch.documents import build_document
from trucewatch.evaluation.synthetic import as_html, generate
from trucewatch.records import BodySpan, Document, SourceItem

PAGE = Path(__file__).parent / "fixtures" / "html" / "inline-links.html"


def aligned(html: str, *paragraphs: str) -> Document:
    """A document whose body is ``paragraphs`` (as an extractor would give them), aligned to ``html``."""
    body = "\n\n".join(paragraphs)
    ranges, start = [], 0
    for paragraph in paragraphs:
        ranges.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    spans = align(body, ranges, html)
    assert_exact(html, body, spans)
    return Document("d", "k", "page.html", "", "html", html, body, spans)


def assert_exact(raw: str, body: str, spans: list[BodySpan]) -> None:
    assert all(raw[s.raw_start:s.raw_start + s.length] == body[s.body_start:s.body_start + s.length] for s in spans)
    assert all(s.length > 0 and s.raw_start >= 0 and s.raw_start + s.length <= len(raw) for s in spans)
    assert all(a.body_start + a.length <= b.body_start for a, b in pairwise(spans))  # sorted, disjoint


def uncovered(doc: Document) -> str:
    """The body characters inside no span, paragraph breaks aside."""
    inside = set()
    for s in doc.body_spans:
        inside.update(range(s.body_start, s.body_start + s.length))
    return "".join(c for i, c in enumerate(doc.body) if i not in inside and c != "\n")


def original(doc: Document, text: str) -> str:
    """The page's text for the first occurrence of ``text`` in the body, tags and entities included."""
    start = doc.body.index(text)
    return doc.raw_text[doc.raw_offset(start):doc.raw_offset(start + len(text), end=True)]


def test_inline_tags_split_a_paragraph_into_exact_spans() -> None:
    html = ('<p>The minister <a href="/p/aliyev" title="a > b">Ilham Aliyev</a> said <em>no</em> talks '
            'were <strong>planned</strong>.</p>')
    doc = aligned(html, "The minister Ilham Aliyev said no talks were planned.")
    assert uncovered(doc) == ""
    assert len(doc.body_spans) == 7  # "The minister ", "Ilham Aliyev", " said ", "no", " talks were ", "planned", "."
    assert original(doc, "Ilham Aliyev") == "Ilham Aliyev"
    assert original(doc, "no talks were planned") == "no</em> talks were <strong>planned"
    end = doc.body.index(" said")
    assert doc.raw_offset(end, end=True) == html.index("</a>")  # an end stays before the closing tag
    assert doc.raw_offset(end) == html.index(" said")  # a start is where the next character is


def test_entities_have_no_span_but_map_to_their_bounds() -> None:
    entities = ["&amp;", "&#8212;", "&#x201C;", "&#x201d;", "&eacute;", "&eacute;", "&nbsp;", "&#8217;"]
    html = ("<p>Stepanakert &amp; Baku &#8212; the &#x201C;Lachin corridor&#x201d; is open, says "
            "&eacute;t&eacute; report;&nbsp;Azerbaijan&#8217;s view.</p>")
    text = "Stepanakert & Baku — the “Lachin corridor” is open, says été report; Azerbaijan’s view."
    doc = aligned(html, text)
    assert uncovered(doc) == "&—“”éé ’"
    decoded = [i for i, c in enumerate(text) if c in "&—“”é’" or (c == " " and text[i - 1] == ";")]
    assert [html[doc.raw_offset(i):doc.raw_offset(i + 1, end=True)] for i in decoded] == entities


def test_reflowed_whitespace_is_skipped_between_exact_spans() -> None:
    html = "<p>\n      The talks\n      resumed on   Monday\tin\r\nGeneva.\n    </p>"
    doc = aligned(html, "The talks resumed on Monday in Geneva.")
    assert [doc.body[s.body_start:s.body_start + s.length] for s in doc.body_spans] == [
        "The talks", "resumed on", "Monday", "in", "Geneva."]
    assert original(doc, "talks resumed") == "talks\n      resumed"


def test_script_style_noscript_template_and_comments_are_not_text() -> None:
    sentence = "The talks resumed in Geneva."
    html = (f'<script>var s = "{sentence}";</script><style>p:after {{content: "{sentence}"}}</style>'
            f"<noscript>{sentence}</noscript><!-- {sentence} --><template>{sentence}</template>"
            f"<![CDATA[{sentence}]]><p>{sentence}</p>")
    doc = aligned(html, sentence)
    assert doc.body_spans == [BodySpan(0, html.rindex(sentence), len(sentence))]


def test_paragraphs_the_extractor_moved_or_repeated_are_found() -> None:
    first = "Peacekeepers set up new observation posts around Lachin on Monday."
    caption = "Peacekeepers near Lachin."
    second = "The handover of the district was completed ahead of the agreed deadline."
    html = f"<p>{first}</p><figure><figcaption>{caption}</figcaption></figure><p>{second}</p><p>{first}</p>"
    for order in ([caption, first, second], [first, second, caption], [second, first, caption, first]):
        doc = aligned(html, *order)
        assert uncovered(doc) == ""
        starts = [doc.raw_offset(doc.body.index(p)) for p in order]
        assert starts[order.index(caption)] == html.index(caption)
        assert starts[order.index(second)] == html.index(second)
    doc = aligned(html, first, second, first)  # a repeated paragraph maps to its next occurrence
    assert [s.raw_start for s in doc.body_spans] == [html.index(first), html.index(second), html.rindex(first)]


def test_text_the_extractor_added_or_dropped_is_worked_around() -> None:
    html = ("<ul><li>Engineers cleared mines.</li></ul><table><tr><td>Lachin</td><td>Kalbajar</td></tr></table>"
            "<p>The statement was signed on 10 November<sup>[1]</sup> by the three leaders in Moscow.</p>"
            "<p>Both sides <script>track()</script> agreed to continue.</p>")
    doc = aligned(html, "- Engineers cleared mines.", "| Lachin | Kalbajar |",
                  "The statement was signed on 10 November by the three leaders in Moscow.",
                  "Both sides  agreed to continue.")
    # the bullet, the cell bars, the space before "by" (after the footnote) and the gap left by the script
    assert uncovered(doc) == "- " + "|  |  |" + " " + "  "
    assert original(doc, "Kalbajar") == "Kalbajar"
    assert original(doc, "by the three leaders") == "by the three leaders"


def test_a_paragraph_not_on_the_page_gets_no_span() -> None:
    doc = aligned("<p>The talks resumed in Geneva.</p>", "Nothing like this is on the page.",
                  "The talks resumed in Geneva.")
    assert uncovered(doc) == "Nothing like this is on the page."
    assert doc.raw_offset(0) is None and doc.raw_offset(doc.body.index("The talks")) == 3


def test_right_to_left_and_non_ascii_text() -> None:
    html = ("<p dir='rtl'>قال <a href='/x'>المتحدث</a> باسم&nbsp;الوزارة إن المحادثات ستستمر.</p>"
            "<p>Ереван и Баку — переговоры 😀 продолжатся.</p>")
    doc = aligned(html, "قال المتحدث باسم الوزارة إن المحادثات ستستمر.", "Ереван и Баку — переговоры 😀 продолжатся.")
    assert uncovered(doc) == " "  # the no-break space
    assert original(doc, "المتحدث باسم") == "المتحدث</a> باسم"


@pytest.mark.parametrize("html", [
    "<html><body><p>Unclosed <b>bold <div></p></span>", "a < b and c > d <3", "<<<>>>", "<!-- unclosed comment",
    "<script>unclosed script", '<a title="unclosed>text after', "&#99999999; &#xD800; &; &&& &#; &x", "\x00<p>\x00",
    "<![CDATA[x", "</>", "<p>" * 5000 + "deep", "<" + "a " * 3000, "&amp" * 2000,
])
def test_malformed_html_never_crashes(html: str) -> None:
    words = re.findall(r"\w+", html)
    paragraphs = [" ".join(words[:5]), "not on the page at all"] if words else ["x"]
    aligned(html, *paragraphs)


def test_a_huge_page() -> None:
    sentence = "The working group on transport links met for the fourth time."
    html = "<ul>" + "<li><a href='/s'>Section</a></li>\n" * 60_000 + f"</ul><p>{sentence}</p>" + "<div>x</div>" * 60_000
    doc = aligned(html, "Section", sentence)
    assert doc.raw_offset(doc.body.index(sentence)) == html.index(sentence)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("<>/=\"' &;#x0123pabscriptyle!-[]\n\t\xa0аб."), max_size=300), st.data())
def test_any_markup_and_any_paragraphs_give_exact_spans(html: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(html)), max_size=6)))
    paragraphs = [html[a:b].strip() for a, b in pairwise(cuts)]
    aligned(html, *[p for p in paragraphs if p])


def test_trafilatura_pages_keep_every_verbatim_character() -> None:
    raw = PAGE.read_text(encoding="utf-8")
    doc = build_document(SourceItem("k", str(PAGE), "", "html", raw))
    assert_exact(raw, doc.body, doc.body_spans)
    assert set(uncovered(doc)) == {" ", "“", "”", "&", '"'}  # entities, and spaces next to tags or reflowed
    assert original(doc, "Russian Defence Ministry said") == 'Russian Defence Ministry</a> said'


def _normal(raw: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]*>", "", raw)).split())


@pytest.fixture(scope="module")
def quoted_pages(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pages")
    pages = [PAGE]
    for article in generate(8, seed=3):
        if any('"' in p for p in article.paragraphs):
            pages.append(folder / f"{article.name}.html")
            pages[-1].write_text(as_html(article), encoding="utf-8")
    return pages


def test_quotes_of_html_pages_have_offsets_into_the_page(quoted_pages: list[Path]) -> None:
    strict = tagged = 0
    for path in quoted_pages:
        result = CliRunner().invoke(main, ["quotes", str(path), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        raw = path.read_text(encoding="utf-8")
        records = [json.loads(line) for line in result.output.splitlines()]
        assert records, path
        for record in records:
            for start, end, text in ((record["start"], record["end"], record["text"]),
                                     (record["speaker_start"], record["speaker_end"], record["speaker_text"])):
                if text is None:
                    continue
                assert start is not None and end is not None, record
                original_text = raw[start:end]
                if "<" not in original_text and "&" not in original_text and "\n" not in original_text:
                    assert original_text == text
                    strict += 1
                else:
                    assert _normal(original_text) == " ".join(text.split())
                    tagged += "<" in original_text
    assert strict >= 10 and tagged >= 2
