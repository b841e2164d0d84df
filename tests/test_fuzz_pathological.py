"""The inputs that hung a run (issue 12), kept as regressions: each is processed, or refused with its reason.

These assert results, not times; ``make fuzz`` measures them (docs/fuzzing.md).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from fuzz import inputs
from fuzz.checks import check_document, source_item
from fuzz.inputs import ARTICLE, FLAT, nested, page
from trucewatch.cleaning.html import MAX_DEPTH, flatten
from trucewatch.cleaning.lines import MAX_BODY_CHARS
from trucewatch.documents import build_document
from trucewatch.records import Skip
from trucewatch.sources import read_sources
from trucewatch.statements import MAX_MARKS, TooManyQuotes, extract_statements


def _depth(html: str) -> int:
    depth = deepest = 0
    for match in re.finditer(r"<(/?)(?:blockquote|div|span)>", html):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize(("tag", "levels"), [("blockquote", 1_000), ("div", 3_000), ("span", 5_000)])
def test_deeply_nested_article_keeps_its_text(tag: str, levels: int) -> None:
    body = build_document(source_item(nested(tag, levels), "html")).body
    flat = build_document(source_item(page(FLAT), "html")).body
    assert "Paragraph 119 of the report" in body  # before the cap, libxml2 dropped everything past depth 255
    assert body.split() == flat.split()


def test_flatten_caps_depth_and_keeps_text_and_shallow_pages() -> None:
    deep = "<div>" * 500 + "<p>held</p>" + "</div>" * 500
    flat = flatten(deep)
    assert _depth(flat) == MAX_DEPTH and "<br>held<br>" in flat  # a paragraph too deep still breaks the line
    assert flatten(page(FLAT)) == page(FLAT)  # a page of ordinary depth is passed on untouched
    unclosed = "<div>" * 300 + "text"
    assert flatten(unclosed).count("<div>") == MAX_DEPTH


def test_tag_like_floods_pass_through_flatten() -> None:
    for flood in ("<a" * 100_000, "<!--" * 100_000, "<script>" * 10_000, "</div>" * 100_000):
        assert flatten(flood) == flood


FLOODS = ('50,000 quotations "a"', "a 1 MB line of quote marks", "an article around 1 MB of curly marks")


@pytest.mark.parametrize("flood", [inputs.PATHOLOGICAL[name][1] for name in FLOODS], ids=FLOODS)
def test_a_flood_of_quote_marks_is_refused_with_its_reason(flood: str) -> None:
    doc = build_document(source_item(flood))
    if doc.body.strip():
        with pytest.raises(TooManyQuotes, match=f"over the budget of {MAX_MARKS:,}"):
            extract_statements(doc)
    else:  # a line of marks, alone or around a few sentences: the cleaner already drops it as not prose
        assert doc.removed and re.search(r"\b(?:no|few) words\b", doc.removed[0].reason)


def test_marks_under_the_budget_are_read() -> None:
    text = '"Yes," he said. ' * (MAX_MARKS // 4)  # two marks a sentence: half the budget
    assert len(text) < MAX_BODY_CHARS
    statements = extract_statements(build_document(source_item(text)))
    assert sum(s.kind == "direct" for s in statements) == MAX_MARKS // 4


def test_zero_width_spaces_are_dropped_before_storage_with_a_note() -> None:
    text = "\n\n".join(ARTICLE[:20]).replace(" ", " \u200b").replace("Lachin", "La\u00adchin\u200f")
    doc = check_document(source_item(text))
    assert doc.raw_text == "\n\n".join(ARTICLE[:20])  # the stored text, which every offset points into
    (note,) = [block for block in doc.removed if block.kind == "normalised"]
    assert note.reason == f"{text.count(chr(0x200b)) + 40} invisible format characters removed"
    statements = extract_statements(doc)
    assert sum(s.kind == "direct" for s in statements) == 20
    assert sum(s.speaker_text == "Aliyev" for s in statements) >= 20  # a zero-width space hid the speakers


def test_a_one_megabyte_sentence_is_analysed_up_to_the_body_budget() -> None:
    text = "Aliyev said " + "the ceasefire holds " * 50_000 + "."
    doc = check_document(source_item(text))
    assert len(doc.body) <= MAX_BODY_CHARS and text.startswith(doc.body)
    (overflow,) = [block for block in doc.removed if block.kind == "overflow"]
    assert overflow.raw_end == len(text) and "body budget" in overflow.reason
    assert doc.raw_text[overflow.raw_start:overflow.raw_end] == overflow.text
    (statement,) = extract_statements(doc)  # too long for the parser; the said-that pattern reads it
    assert (statement.kind, statement.speaker_text, statement.start) == ("indirect", "Aliyev", len("Aliyev said "))


def test_a_warc_response_whose_http_headers_cannot_be_read_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(inputs.file_bytes(random.Random(0), ".warc", 1))  # found by the property suite: lost silently
    (unit,) = read_sources([path])
    assert isinstance(unit, Skip) and unit.reason == "record without a readable content type"
