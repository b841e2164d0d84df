"""build_document on the real seed articles, on container hints, and on hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trucewatch.cleaning.lines import MAX_BODY_CHARS
from trucewatch.documents import build_document, document_id
from trucewatch.records import Document, SourceItem
from trucewatch.sources import make_item

FIXTURES = Path(__file__).parent / "fixtures" / "seeds"
BODY = ("The commission reviewed the reports from both sides and found no violation of the agreement during the "
        "week. Its members will travel to the region again in the spring.")


def item(text: str, content_type: str = "text", **hints: str) -> SourceItem:
    return SourceItem(key="key", source_path="x", locator="", content_type=content_type, raw_text=text, hints=hints)


def spans_ok(doc: Document) -> bool:
    return all(doc.raw_text[s.raw_start:s.raw_start + s.length] == doc.body[s.body_start:s.body_start + s.length]
               for s in doc.body_spans)


@pytest.fixture(scope="module")
def seed_docs(seeds: list[Path]) -> dict[str, tuple[Document, dict]]:
    docs = {}
    for path in seeds:
        unit = make_item(str(path), "", "text", path.read_bytes())
        fixture = json.loads((FIXTURES / f"{path.stem}.json").read_text(encoding="utf-8"))
        docs[path.stem[:3]] = (build_document(unit), fixture)
    return docs


class TestSeeds:
    def test_every_annotated_body_line_is_kept_and_nothing_else(self, seed_docs) -> None:
        for doc, fixture in seed_docs.values():
            assert spans_ok(doc)
            for line in fixture["lines"]:
                start = line["start"] + line.get("prefix", {}).get("length", 0)
                text = doc.raw_text[start:line["end"]].strip()
                offset = doc.raw_offset(doc.body.find(text)) if text in doc.body else None
                if line["label"] == "body":
                    assert offset == start, (fixture["file"], line["line"])
                else:
                    assert text not in doc.body, (fixture["file"], line["line"], line["label"])

    def test_titles_dates_and_credits_match_the_annotations(self, seed_docs) -> None:
        for doc, fixture in seed_docs.values():
            assert doc.title == fixture["title"]
            if fixture["published"]:
                assert (doc.published, doc.published_source) == (fixture["published"], "dateline")
            else:
                assert doc.published is None or doc.published_source == "inferred"
            assert doc.wire == fixture["wire"]
            assert doc.outlet == fixture["outlet"]
            assert doc.language == "en"

    def test_sidebar_dates_are_not_the_publication_date(self, seed_docs) -> None:
        doc, _ = seed_docs["003"]
        assert doc.published.startswith("2020-11-10")
        assert all(b.kind == "related" for b in doc.removed if "2024" in b.text)

    def test_the_wire_dateline_and_the_summary_leave_the_body(self, seed_docs) -> None:
        doc, _ = seed_docs["002"]
        assert doc.body.startswith("On the first anniversary")
        assert {b.kind for b in doc.removed} >= {"title", "standfirst", "credit", "boilerplate"}

    def test_other_line_breaks_give_the_same_result(self, seeds: list[Path], seed_docs) -> None:
        for path in seeds:
            original, _ = seed_docs[path.stem[:3]]
            for sep in ("\r", "\u2028"):  # same length as "\n": every offset must stay the same
                doc = build_document(item(original.raw_text.replace("\n", sep)))
                assert (doc.body, doc.body_spans) == (original.body, original.body_spans)
                assert (doc.title, doc.published, doc.wire) == (original.title, original.published, original.wire)

    def test_removed_blocks_point_at_their_raw_text(self, seed_docs) -> None:
        for doc, _ in seed_docs.values():
            for block in doc.removed:
                assert doc.raw_text[block.raw_start:block.raw_end] == block.text
                assert block.reason


class TestHints:
    def test_container_hints_fill_what_the_text_lacks(self) -> None:
        doc = build_document(item(f"Commission finds no violations\n\n{BODY}\n", published="2019-03-06T08:00:00+00:00",
                                  outlet="aa.com.tr", url="https://www.aa.com.tr/en/x"))
        assert (doc.published, doc.published_source) == ("2019-03-06T08:00:00+00:00", "hint")
        assert doc.outlet == "Anadolu Agency"
        assert doc.url == "https://www.aa.com.tr/en/x"

    def test_a_dateline_in_the_text_beats_the_hint(self) -> None:
        text = f"Commission finds no violations\n\n7 March 2019\n\n{BODY}\n"
        doc = build_document(item(text, published="2019-03-09"))
        assert (doc.published, doc.published_source) == ("2019-03-07", "dateline")

    def test_an_unknown_outlet_hint_is_kept_as_given(self) -> None:
        assert build_document(item(BODY, outlet="Valley Gazette")).outlet == "Valley Gazette"
        assert build_document(item(BODY, url="https://www.valley-gazette.example/news/1")).outlet == \
            "valley-gazette.example"

    def test_id_is_stable(self) -> None:
        assert build_document(item(BODY)).id == document_id(item(BODY))


class TestLanguage:
    def test_body_language(self) -> None:
        russian = ("Комиссия рассмотрела доклады обеих сторон и не нашла нарушений соглашения в течение недели. "
                   "Её члены снова посетят регион весной.")
        assert build_document(item(russian)).language == "ru"
        assert build_document(item(BODY)).language == "en"

    def test_short_text_has_no_language(self) -> None:
        assert build_document(item("Talks resume today.")).language is None


class TestHostileInput:
    @pytest.mark.parametrize("text", [
        "All news\n\nNews archive\n\nShare | Tweet | Print\n",  # only boilerplate
        "\n\n   \n\t\n",
        "####\n\n----\n",
        "x",
    ])
    def test_nothing_left_is_an_empty_body(self, text: str) -> None:
        doc = build_document(item(text))
        assert doc.body == "" and doc.body_spans == []

    def test_a_megabyte_on_one_line_is_kept_up_to_the_body_budget(self) -> None:
        text = ("word " * 200_000) + "end."
        doc = build_document(item(text))
        assert MAX_BODY_CHARS - 5 <= len(doc.body) <= MAX_BODY_CHARS and spans_ok(doc)
        (overflow,) = doc.removed
        assert (overflow.kind, overflow.raw_end) == ("overflow", len(text))
        assert text[:len(doc.body)] == doc.body and text[overflow.raw_start:] == overflow.text

    def test_control_characters_and_rtl_text(self) -> None:
        arabic = "وقال المتحدث باسم الوزارة إن المحادثات ستستمر الأسبوع المقبل في جنيف بحضور الوسطاء."
        text = f"Title \x00 with\x07 controls\n\n{BODY}\u200f\x1b\n\n{arabic}\n"
        doc = build_document(item(text))
        assert BODY in doc.body and spans_ok(doc)
        rtl = build_document(item(f"{arabic}\n\n{arabic}\n"))
        assert rtl.body and rtl.language == "ar" and spans_ok(rtl)

    def test_malformed_html(self) -> None:
        for html in ("<html><body><p>Unclosed <b>bold <div></p></span>", "<<<>>>", "<p>" * 5000, "\x00<html>"):
            doc = build_document(item(html, "html"))
            assert isinstance(doc.body, str) and spans_ok(doc)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
    def test_any_text_gives_a_document_with_exact_spans(self, text: str) -> None:
        doc = build_document(item(text))
        assert spans_ok(doc)
        assert all(0 <= b.raw_start <= b.raw_end <= len(text) for b in doc.removed)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(alphabet=st.sampled_from("<>/=\"' &;pdivbr\n\x00\u202eаб1."), max_size=300))
    def test_any_markup_gives_a_document_with_exact_spans(self, markup: str) -> None:
        doc = build_document(item(markup, "html"))
        assert spans_ok(doc)
