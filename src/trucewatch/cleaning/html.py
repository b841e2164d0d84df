"""HTML pages: main text and metadata by trafilatura (publication date by htmldate inside it).

The extracted text still carries captions, credits and "Read also" lines, so the
plain-text cleaner runs over it afterwards (see :func:`trucewatch.documents.build_document`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from trucewatch.cleaning.invisible import strip_invisible

# trafilatura and htmldate log every page they find hard to parse; a corpus run is not the place.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

DATE_PARAMS = {"extensive_search": False, "original_date": True}  # the first publication, from metadata only


@dataclass(frozen=True)
class Page:
    text: str  # paragraphs separated by newlines
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD from metadata
    sitename: str | None = None
    url: str | None = None  # the page's canonical link or og:url


MAX_DEPTH = 100  # real pages nest a few dozen deep; libxml2 drops everything past 255, trafilatura crawls past 1,000
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"))
# Comments and raw-text elements (their "<" is no tag), then tags: group 2 is "/" for an end tag, group 3 the name.
# No "<" inside a tag, so a flood of "<a" without ">" fails at the next "<", not at the end of the page.
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)[^<>]*>",
                  re.S | re.I)


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the tags nested deeper than ``max_depth`` dropped (their text kept); unchanged when shallower.

    One linear pass over the tags, an element stack as a browser keeps it (an end tag closes
    up to its element, a stray one is ignored), so no parser ever sees a pathological depth.
    """
    stack: list[str] = []
    dropped: dict[str, int] = {}  # start tags dropped, by name: their end tags go too
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for match in _TAG.finditer(html):
        name = (match.group(3) or "").lower()
        if not name or name in _VOID or match.group(0).endswith("/>"):
            continue
        dropped_as = "<br>" if name in BLOCKS else ""  # a dropped paragraph still breaks the line
        if dropped_as and cuts and cuts[-1][1] == match.start() and cuts[-1][2]:
            dropped_as = ""  # a run of dropped tags breaks it once: thousands of empty lines cost the extractor
        if not match.group(2):
            if len(stack) < max_depth:
                stack.append(name)
            else:
                dropped[name] = dropped.get(name, 0) + 1
                cuts.append((*match.span(), dropped_as))
        elif dropped.get(name):
            dropped[name] -= 1
            cuts.append((*match.span(), dropped_as))
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name):]
    if not cuts:
        return html
    pieces, cursor = [], 0
    for start, end, replacement in cuts:
        pieces += [html[cursor:start], replacement]
        cursor = end
    pieces.append(html[cursor:])
    return "".join(pieces)


_TITLE_START = re.compile(r"<title\b[^<>]*>[^<]*", re.I)
_TITLE_END = re.compile(r"</title\s*>", re.I)


def close_title(html: str) -> str:
    """``html`` with a ``<title>`` that is never closed closed at the next tag; unchanged otherwise.

    A title is raw text to the parser: unclosed, it swallows the rest of the page, tags and all, and the
    page has no body. A title holds no tags, so the next one ends it.
    """
    start = _TITLE_START.search(html)
    if start is None or _TITLE_END.search(html, start.end()):
        return html
    return f"{html[:start.end()]}</title>{html[start.end():]}"


def extract_html(html: str, url: str | None = None) -> Page:
    """Main text and metadata of a page; a page trafilatura cannot read falls back to all its text.

    Markup nested deeper than :data:`MAX_DEPTH` is flattened first (:func:`flatten`), an unclosed title
    closed (:func:`close_title`).
    """
    html = close_title(flatten(html))
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_recall=True, date_extraction_params=DATE_PARAMS)
    except Exception:  # malformed markup trips lxml in many ways; the fallback below still reads it
        found = None
    if found is None:
        return Page(strip_invisible(all_text(html))[0])
    text = found.text if (found.text or "").strip() else all_text(html)  # too little for trafilatura: keep it all
    own_url = found.url if (found.url or "").startswith(("http://", "https://")) else None
    title = strip_invisible(found.title)[0] if found.title else None  # entities (&#8203;) decode to them
    return Page(strip_invisible(text)[0], title or None, found.date or None, found.sitename or None, own_url)


BLOCKS = ("p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
          "header", "footer", "figcaption", "pre", "dd", "dt")


def all_text(html: str) -> str:
    """Every text of a page, a line per block element: for fragments trafilatura does not treat as pages."""
    try:
        root = lxml_html.fromstring(html)
        for element in root.xpath("//script|//style|//noscript|//template"):
            if element is not root:
                element.drop_tree()
        for element in root.iter(*BLOCKS):
            element.tail = "\n" + (element.tail or "")
        return root.text_content()
    except Exception:  # lxml refuses some garbage outright ("Document is empty" and the like)
        return ""

