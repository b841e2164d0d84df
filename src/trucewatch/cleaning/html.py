"""HTML pages: main text and metadata by trafilatura (publication date by htmldate inside it).

The extracted text still carries captions, credits and "Read also" lines, so the
plain-text cleaner runs over it afterwards (see :func:`trucewatch.documents.build_document`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

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


def extract_html(html: str, url: str | None = None) -> Page:
    """Main text and metadata of a page; a page trafilatura cannot read falls back to all its text."""
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_recall=True, date_extraction_params=DATE_PARAMS)
    except Exception:  # malformed markup trips lxml in many ways; the fallback below still reads it
        found = None
    if found is None:
        return Page(all_text(html))
    text = found.text if (found.text or "").strip() else all_text(html)  # too little for trafilatura: keep it all
    own_url = found.url if (found.url or "").startswith(("http://", "https://")) else None
    return Page(text, found.title or None, found.date or None, found.sitename or None, own_url)


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
