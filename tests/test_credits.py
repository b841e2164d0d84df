"""Outlets and wire credits: resolving names, hosts and hints never raises on a malformed URL."""

from __future__ import annotations

import pytest

from trucewatch.cleaning.credits import registry, url_host
from trucewatch.documents import build_document
from trucewatch.records import SourceItem

BODY = "The ministers met in Geneva on Tuesday to discuss the withdrawal of forces from the line of contact."


@pytest.mark.parametrize("value", ["http://[::1", "https://[zz]/x", "//[", "http://[::1]:99999999"])
def test_malformed_urls_resolve_to_no_outlet(value: str) -> None:
    assert registry().resolve(value) is None


def test_url_host() -> None:
    assert url_host("https://www.Example.org/news/1") == "example.org"
    assert url_host("example.org") == "example.org"
    assert url_host("http://[::1") == ""


def test_a_known_domain_still_resolves() -> None:
    outlet = next(o for o in registry().outlets if o.domains)
    assert registry().resolve(f"https://www.{outlet.domains[0]}/a/b") == outlet


def test_a_malformed_url_hint_gives_a_document_without_a_host_outlet() -> None:
    item = SourceItem(key="key", source_path="x", locator="", content_type="text", raw_text=BODY,
                      hints={"url": "http://[::1"})
    doc = build_document(item)
    assert doc.outlet is None
