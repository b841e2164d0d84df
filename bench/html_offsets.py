"""How much of an HTML page's body keeps its offsets into the page, and what the alignment costs.

    .venv/bin/python bench/html_offsets.py [--docs 1000] [--repeat 5]

Three sets of generated pages: ``plain`` (``synthetic.as_html``: text in <p>, quotes as
&quot;), ``marked-up`` (the same with links around actors and places, typographic
entities and paragraphs hard-wrapped in the source, as real pages are) and ``large``
(marked-up pages inside ~150 kB of menus, scripts and inline data). For each set:
the share of body characters (whitespace aside) inside a span, with the verbatim-only
lookup used before :mod:`trucewatch.cleaning.align` as the baseline, the share with a
start offset (``Document.raw_offset`` not None), and the best time per page of
``align`` alone, against trafilatura's extraction of the same pages.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable

from trucewatch.cleaning.align import align
from trucewatch.cleaning.html import extract_html
from trucewatch.cleaning.lines import clean_text
from trucewatch.documents import _verbatim
from trucewatch.evaluation.synthetic import ACTORS, PLACES, as_html, generate
from trucewatch.records import BodySpan

LINKED = re.compile("|".join(re.escape(name) for name in ACTORS + PLACES))


def marked_up(page: str) -> str:
    """Links and emphasis inside paragraphs, curly quotes as entities, source lines wrapped at ~70 columns."""
    page = LINKED.sub(lambda m: f'<a href="/tag/{len(m.group())}">{m.group()}</a>', page)
    page = page.replace("&quot;", "&#8220;", 1).replace(" said", " <em>said</em>").replace(", ", ",&nbsp;", 3)
    return re.sub(r"(<p>.*?</p>)", lambda m: re.sub(r"(.{60,70}?) ", "\\1\n    ", m.group(1)), page)


def large(page: str) -> str:
    menu = "".join(f'<li class="menu-item"><a href="/section/{i}" title="Section {i}">Section {i}</a></li>\n'
                   for i in range(1200))
    data = json.dumps({"items": [{"id": i, "headline": f"Story {i} & more"} for i in range(1500)]})
    return page.replace("<body>", f"<body><ul>{menu}</ul><script>var feed = {data};</script>", 1)


def verbatim_only(body: str, pieces: list[tuple[int, int]], html: str) -> list[BodySpan]:
    """The lookup before alignment: a line gets a span only where the page holds it verbatim."""
    spans, cursor = [], 0
    for start, end in pieces:
        found = html.find(body[start:end], cursor)
        if found >= 0:
            spans.append(BodySpan(start, found, end - start))
            cursor = found + end - start
    return spans


def shares(body: str, spans: list[BodySpan]) -> tuple[int, int, int]:
    """Non-space body characters: all, inside a span, with a start offset (inside, or right after a span)."""
    inside = bytearray(len(body) + 1)
    after = set()
    for span in spans:
        inside[span.body_start:span.body_start + span.length] = b"\x01" * span.length
        after.add(span.body_start + span.length)
    chars = [i for i, c in enumerate(body) if not c.isspace()]
    return len(chars), sum(inside[i] for i in chars), sum(1 for i in chars if inside[i] or i in after)


def best_ms(function: Callable[[], object], count: int, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) / count * 1000)
    return round(min(timings), 3)


def measure(name: str, pages: list[str], repeat: int) -> dict:
    inputs = []
    start = time.perf_counter()
    for page in pages:
        text = extract_html(page).text
        body, text_spans, _ = _verbatim(clean_text(text), text)
        inputs.append((body, [(s.body_start, s.body_start + s.length) for s in text_spans], page))
    extract_ms = (time.perf_counter() - start) / len(pages) * 1000
    totals = {"before": [0, 0, 0], "after": [0, 0, 0]}
    for body, pieces, page in inputs:
        for key, spans in (("before", verbatim_only(body, pieces, page)), ("after", align(body, pieces, page))):
            assert all(page[s.raw_start:s.raw_start + s.length] == body[s.body_start:s.body_start + s.length]
                       for s in spans)
            totals[key] = [a + b for a, b in zip(totals[key], shares(body, spans), strict=True)]
    align_ms = best_ms(lambda: [align(*args) for args in inputs], len(inputs), repeat)
    return {"set": name, "pages": len(pages), "mean_page_chars": round(sum(map(len, pages)) / len(pages)),
            "in_span_before": round(totals["before"][1] / totals["before"][0], 4),
            "in_span_after": round(totals["after"][1] / totals["after"][0], 4),
            "with_offset_after": round(totals["after"][2] / totals["after"][0], 4),
            "align_ms": align_ms, "extract_and_clean_ms": round(extract_ms, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plain = [as_html(article) for article in generate(args.docs, seed=5)]
    rich = [marked_up(page) for page in plain]
    sets = [("plain", plain), ("marked-up", rich), ("large", [large(page) for page in rich[:max(1, args.docs // 10)]])]
    for name, pages in sets:
        print(json.dumps(measure(name, pages, args.repeat)), flush=True)


if __name__ == "__main__":
    main()
