"""Generators of hostile inputs, shared by the property suite (tests/test_fuzz_properties.py) and `make fuzz`.

Plain ``random.Random`` builders, so a failure of the long run is replayed from its seed alone;
the property suite draws a seed and a size with hypothesis and calls the same builders.
"""

from __future__ import annotations

import gzip
import json
import random

# News words (cues, dates, numbers, names, agreement terms) beside the marks and characters that broke readers.
WORDS = ("said", "told", "according to", "he", "she", "the ministry", "Aliyev", "Pashinyan", "Putin", "Lachin",
         "Kalbajar", "Aghdam", "corridor", "peacekeepers", "ceasefire", "withdrawal", "prisoners", "exchange",
         "statement", "trilateral", "November", "Nov.", "10", "2020", "yesterday", "last week", "on Tuesday",
         "999999999 days ago", "three", "dozens", "about 30", "1,960", "Reuters", "(AFP)", "MOSCOW,", "-", "—",
         "that", "\"", "“", "”", "«", "»", "„", "'", "‘", "’", ",", ".", ":", "?", "\n", "\n\n", " ", "\u200b",
         "\x00", "\ufeff", "\r\n", "\t", "é", "Ə", "我", "🙂", "&amp;", "<", ">", "[", "{")
CHARS = "aA0 .,:;\"“”«»„'‘’()[]{}<>&#\n\t\r\u200b\u00a0\x00\ufeff—–-éƏ我🙂\\/"
TAGS = ("p", "div", "span", "blockquote", "b", "i", "a", "li", "ul", "table", "tr", "td", "h1", "section",
        "article", "font", "br", "img", "script", "style", "title", "meta", "!--")
PUBLISHED = ("0001-01-01", "9999-12-31", "2020-11-10", "2021-02-29", "1969-12-31", "", "garbage", None)
SUFFIXES = (".txt", ".html", ".jsonl", ".warc", ".warc.gz")


def text(rng: random.Random, size: int) -> str:
    """Words, marks and odd characters in runs: a news-like text or a flood of one thing."""
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        roll = rng.random()
        if roll < 0.7:
            parts.append(rng.choice(WORDS))
            parts.append(" " if rng.random() < 0.8 else "")
        elif roll < 0.9:
            parts.append("".join(rng.choice(CHARS) for _ in range(rng.randint(1, 12))))
        else:  # a flood: one word or mark repeated
            parts.append(rng.choice(WORDS) * rng.randint(2, 200))
    return "".join(parts)[:size]


def html(rng: random.Random, size: int) -> str:
    """Markup: tags nested, unclosed, stray or deep around text, entities and comments."""
    out: list[str] = []
    open_tags: list[str] = []
    while sum(map(len, out)) < size:
        roll = rng.random()
        tag = rng.choice(TAGS)
        if roll < 0.3:
            out.append(f"<{tag}>")
            open_tags.append(tag)
        elif roll < 0.45 and open_tags:
            out.append(f"</{open_tags.pop()}>")
        elif roll < 0.5:
            out.append(f"</{tag}>")  # stray
        elif roll < 0.53:  # deep nesting
            depth = rng.randint(10, 400)
            out.append(f"<{tag}>" * depth + text(rng, 50) + f"</{tag}>" * rng.randint(0, depth))
        else:
            out.append(text(rng, rng.randint(1, 120)).replace("\x00", ""))
    return "".join(out)[:size]


def jsonl(rng: random.Random, size: int) -> bytes:
    """Feed lines: records with odd fields and values, broken JSON, deep brackets."""
    lines: list[str] = []
    while sum(map(len, lines)) < size:
        roll = rng.random()
        if roll < 0.6:
            record = {key: text(rng, rng.randint(0, 200)) for key in rng.sample(
                ["text", "html", "url", "title", "published", "outlet"], rng.randint(0, 6))}
            if rng.random() < 0.3:
                record["published"] = rng.choice([p for p in PUBLISHED if p is not None])
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
        elif roll < 0.8:
            lines.append(json.dumps(rng.choice([[], 1, "x", None, {"text": 5}, {"text": ["a"]}])))
        else:
            lines.append(rng.choice(["{", "[" * rng.randint(1, 5000), '{"text": "\\ud800"}', "", "\x00"]))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def warc(rng: random.Random, size: int) -> bytes:
    """WARC records, some well formed, some without headers, lengths or their colon."""
    records: list[bytes] = []
    while sum(map(len, records)) < size:
        body = (html(rng, rng.randint(0, 300)) if rng.random() < 0.5 else text(rng, rng.randint(0, 300)))
        payload = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}".encode("utf-8", "replace")
        headers = ["WARC/1.0", f"WARC-Type: {rng.choice(['response', 'request', 'warcinfo', 'resource'])}",
                   "WARC-Target-URI: " + rng.choice(["http://example.com/a", "http://[::1", "", "x"]),
                   f"WARC-Date: {rng.choice(['2020-11-10T00:00:00Z', 'never'])}",
                   "Content-Type: application/http; msgtype=response",
                   f"Content-Length: {rng.choice([len(payload), len(payload) + 7, 0, -1])}"]
        if rng.random() < 0.2:
            headers.pop(rng.randrange(len(headers)))
        if rng.random() < 0.1:
            headers.insert(1, "a header line without its colon")
        records.append("\r\n".join(headers).encode() + b"\r\n\r\n" + payload + b"\r\n\r\n")
    return b"".join(records)


def file_bytes(rng: random.Random, suffix: str, size: int) -> bytes:
    """The bytes of a file named ``*suffix``: its format, or random bytes, or a truncation of either."""
    if rng.random() < 0.1:
        return rng.randbytes(size)
    if suffix == ".txt":
        data = text(rng, size).encode(rng.choice(["utf-8", "utf-16", "latin-1"]), "replace")
    elif suffix == ".html":
        data = html(rng, size).encode("utf-8", "replace")
    elif suffix == ".jsonl":
        data = jsonl(rng, size)
    else:
        data = warc(rng, size)
        if suffix == ".warc.gz":
            data = gzip.compress(data)
    return data[:rng.randint(0, len(data))] if rng.random() < 0.1 else data


# The inputs that hung a run in issue 12, rebuilt (no article text copied): tests/test_fuzz_pathological.py asserts
# what comes of each, `fuzz/run.py --pathological` times them.
PARAGRAPH = ('"The ceasefire holds along the whole line of contact," Aliyev said on Tuesday. '
             "The defence ministry said that no violations were reported overnight in the district of Lachin. ")
ARTICLE = [f"{PARAGRAPH} Paragraph {n} of the report." for n in range(120)]  # about 23 KB
FLAT = "".join(f"<p>{p}</p>" for p in ARTICLE)


def page(inner: str) -> str:
    return f"<html><head><title>Ceasefire</title></head><body>{inner}</body></html>"


def nested(tag: str, levels: int) -> str:
    return page(f"<{tag}>" * levels + FLAT + f"</{tag}>" * levels)


PATHOLOGICAL: dict[str, tuple[str, str]] = {
    "baseline: the same 23 KB article, flat HTML": ("html", page(FLAT)),
    "baseline: 1 MB of ordinary sentences": ("text", PARAGRAPH[79:] * 10_500),
    "1,000 nested <blockquote> around a 23 KB article": ("html", nested("blockquote", 1_000)),
    "3,000 nested <div>": ("html", nested("div", 3_000)),
    "5,000 nested <span>": ("html", nested("span", 5_000)),
    '50,000 quotations "a"': ("text", '"a" ' * 50_000),
    "a 1 MB line of quote marks": ("text", '"' * 1_000_000),
    "an article around 1 MB of curly marks": ("text", PARAGRAPH + "“" * 1_000_000 + PARAGRAPH),
    "a zero-width space after every space (23 KB)": ("text", "\n\n".join(ARTICLE).replace(" ", " \u200b")),
    "a 1 MB single sentence": ("text", "Aliyev said " + "the ceasefire holds " * 50_000 + "."),
    "500,000 unclosed <a": ("html", "<a" * 500_000),
    "a 400 KB paragraph of questions glued to sentences": (
        "text", "Talks resume\n\n" + "The delegations met. What did they say next? The same points. " * 6_000),
}
