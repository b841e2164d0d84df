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
from fuzz.inputs import ARTICLE, FLAT, PARAGRAPH, nested, page
from trucewatch.cleaning.html import MAX_DEPTH, flatten
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
    else:  # a line of marks alone: the cleaner already drops it as no words
        assert doc.removed and "no words" in doc.removed[0].reason


def test_marks_under_the_budget_are_read() -> None:
    text = PARAGRAPH * (MAX_MARKS // 4)  # two marks a paragraph: half the budget
    statements = extract_statements(build_document(source_item(text)))
    assert sum(s.kind == "direct" for s in statements) == MAX_MARKS // 4


def test_a_zero_width_space_after_every_space_keeps_the_quotations() -> None:
    text = "\n\n".join(ARTICLE[:20]).replace(" ", " \u200b")
    statements = extract_statements(check_document(source_item(text)))
    assert sum(s.kind == "direct" for s in statements) == 20


def test_a_one_megabyte_sentence_is_read_by_the_patterns() -> None:
    text = "Aliyev said " + "the ceasefire holds " * 50_000 + "."
    doc = check_document(source_item(text))
    (statement,) = extract_statements(doc)  # too long for the parser; the said-that pattern reads it
    assert (statement.kind, statement.speaker_text, statement.start) == ("indirect", "Aliyev", len("Aliyev said "))
    assert statement.end == len(text) - len(" .")


def test_a_warc_response_whose_http_headers_cannot_be_read_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(inputs.file_bytes(random.Random(0), ".warc", 1))  # found by the property suite: lost silently
    (unit,) = read_sources([path])
    assert isinstance(unit, Skip) and unit.reason == "record without a readable content type"
