"""RSS and Atom feeds (feedparser): each entry is a unit, its content or summary the text.

The entry's link, title and publication date and the feed's title become hints (url, title,
published, outlet). An entry is located by its id (else its link), so a feed fetched again later,
with new entries on top, yields the same keys for the entries it had.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator

from trucewatch.records import Skip, SkipOrItem

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FETCH_TIMEOUT = 30  # seconds


def is_url(path: object) -> bool:
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))


def fetch_feed(url: str, max_bytes: int) -> Iterator[SkipOrItem]:
    """Entries of the feed at ``url``: fetched only because the user named it."""
    from trucewatch import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"trucewatch/{__version__} (feed reader)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        yield Skip(url, "", f"could not fetch the feed: {getattr(error, 'reason', None) or error}")
        return
    if len(data) > max_bytes:
        yield Skip(url, "", f"feed too large: over {max_bytes / 1e6:.0f} MB")
        return
    yield from read_feed(data, url)


def read_feed(data: bytes, path: str) -> Iterator[SkipOrItem]:
    """Every entry of a feed document, or a skip saying why there is none."""
    import feedparser

    from trucewatch.sources import make_item, unit_key

    try:
        feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as error:  # feedparser is lenient, but its XML back-ends raise on some garbage
        yield Skip(path, "", f"broken feed: {type(error).__name__}: {error}", key=unit_key(path, "", data))
        return
    if not feed.entries:
        problem = feed.get("bozo_exception") if feed.get("bozo") else None
        reason = f"not an RSS or Atom feed: {problem}" if problem else "feed without entries"
        yield Skip(path, "", reason, key=unit_key(path, "", data))
        return
    outlet = str(feed.feed.get("title") or "").strip()
    for number, entry in enumerate(feed.entries, start=1):
        locator = f"entry {entry.get('id') or entry.get('link') or number}"
        hints = {name: str(value).strip() for name, value in (
            ("url", entry.get("link")), ("title", entry.get("title")), ("published", entry.get("published")),
            ("outlet", outlet)) if value and str(value).strip()}
        text, mime = _content(entry)
        if not text.strip():
            yield Skip(path, locator, "feed entry without content or summary",
                       key=unit_key(path, locator, repr(sorted(hints.items())).encode()))
            continue
        yield make_item(path, locator, "html" if "html" in mime else "text", text, hints)


def _content(entry) -> tuple[str, str]:
    """The longest of the entry's contents and its summary, with its MIME type."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    return max(candidates, key=lambda c: len(c[0].strip()))
