"""Grouping reports of one incident across articles, and the source metadata that dates the reports."""

from __future__ import annotations

import pytest

from trucewatch.documents import build_document
from trucewatch.records import SourceItem
from trucewatch.text.dates import url_date


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/world/2024/04/17/peacekeepers-leave/", "2024-04-17"),
        ("https://news.example.org/2023/07/the-talks-stall.html", "2023-07"),
        ("https://news.example.org/20201119/corridor-1585213399.html?in=t", "2020-11-19"),
        ("https://news.example.org/2024-04-17-peacekeepers-leave", "2024-04-17"),
        ("http://proxy.example?url=https%3A%2F%2Fnews.example.org%2F2022%2F09%2F13%2Fclashes", "2022-09-13"),
        ("https://web.archive.org/web/20201109235223/https://news.example.org/world-54882564", None),
        ("https://news.example.org/2023/02/30/no-such-day", None),
        ("https://news.example.org/articles/1202301", None),
        (None, None),
    ],
)
def test_url_date_reads_a_dated_path_and_nothing_else(url, expected):
    assert url_date(url) == expected


def _item(text: str, **hints: str) -> SourceItem:
    return SourceItem(key=text[:20], source_path="a.txt", locator="", content_type="text", raw_text=text, hints=hints)


def test_a_date_in_the_url_dates_a_page_below_a_date_printed_in_it():
    body = "Peacekeepers left the region.\n\nThe convoy crossed the bridge on Tuesday, officials said.\n"
    dated = build_document(_item(body, url="https://news.example.org/2024/04/17/convoy/"))
    assert (dated.published, dated.published_source) == ("2024-04-17", "url")
    printed = build_document(_item("18 April 2024\n\n" + body, url="https://news.example.org/2024/04/17/convoy/"))
    assert (printed.published, printed.published_source) == ("2024-04-18", "dateline")
    hinted = build_document(_item(body, url="https://news.example.org/2024/04/17/convoy/", published="2024-04-16"))
    assert (hinted.published, hinted.published_source) == ("2024-04-16", "hint")
    month = build_document(_item(body, url="https://news.example.org/2024/04/convoy/"))
    assert (month.published, month.published_source) == ("2024-04", "url")
