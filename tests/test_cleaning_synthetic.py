"""The cleaner against the generated corpus, whose true body, title, date and wire are known."""

from __future__ import annotations

import pytest

from trucewatch.cleaning.credits import registry
from trucewatch.documents import build_document
from trucewatch.evaluation.synthetic import as_html, as_text, generate
from trucewatch.records import SourceItem


@pytest.mark.parametrize(("content_type", "render"), [("text", as_text), ("html", as_html)])
def test_generated_pages_come_out_as_written(content_type: str, render) -> None:
    for article in generate(40, seed=11):
        doc = build_document(SourceItem("k", "x", "", content_type, render(article), {}))
        assert doc.body == "\n\n".join(article.paragraphs), article.name
        assert doc.title == article.title
        assert doc.published.startswith(article.published.isoformat())
        assert registry().resolve(doc.wire) == registry().resolve(article.wire)
        if content_type == "html":
            assert doc.outlet == article.outlet
            assert doc.published_source == "meta"
        else:
            assert doc.published_source == "dateline"
