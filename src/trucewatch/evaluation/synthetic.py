"""A deterministic generator of news-like articles, for benchmarks and scale tests.

The text is made from templates about a ceasefire (no third-party text), wrapped in
the boilerplate real pages carry: a repeated title, a dateline, a credit line, a
cookie banner, other headlines with their own dates. Some articles are syndicated
copies of earlier ones with different boilerplate and small edits, so duplicate
grouping has work to do.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PLACES = ["Lachin", "Kalbajar", "Aghdam", "Shusha", "Fuzuli", "Hadrut", "Martuni", "Askeran", "Gubadli"]
ACTORS = ["the Russian Defence Ministry", "the Azerbaijani Foreign Ministry", "the Armenian Foreign Ministry",
          "the Kremlin", "a spokesperson for the peacekeeping contingent", "the Azerbaijani president",
          "the Armenian prime minister"]
OUTLETS = ["Caspian Wire", "Highland Daily", "Steppe Post", "Lakeside Herald"]
WIRES = ["TASS", "APA", "AA", "Interfax", "Reuters"]
SENTENCES = [
    "{actor} said on {weekday} that the ceasefire along the line of contact near {place} was holding.",
    "Peacekeepers set up {n} new observation posts around {place}, {actor} said.",
    "\"The situation in the area of responsibility is stable,\" {actor} said in a statement.",
    "According to {actor}, {n} detainees were handed over in an exchange mediated by the peacekeepers.",
    "The handover of the {place} district was completed ahead of the agreed deadline.",
    "Engineers cleared {n} hectares of mines near {place} over the past week.",
    "{actor} accused the other side of violating the ceasefire near {place} on {weekday}.",
    "Work on restoring the road through {place} continued, with {n} vehicles passing daily.",
    "Residents displaced from {place} began returning under the supervision of the UN refugee agency.",
    "The working group on transport links met for the {nth} time to discuss the railway through {place}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NTH = ["second", "third", "fourth", "fifth"]
COOKIE = "This website uses cookies to improve your experience. Accept"


@dataclass(frozen=True)
class SyntheticArticle:
    name: str
    title: str
    published: date
    outlet: str
    wire: str
    paragraphs: tuple[str, ...]
    copy_of: str | None = None

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _article(rng: random.Random, index: int) -> SyntheticArticle:
    place = rng.choice(PLACES)
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        sentences = [
            rng.choice(SENTENCES).format(actor=rng.choice(ACTORS), place=rng.choice(PLACES),
                                         weekday=rng.choice(WEEKDAYS), n=rng.randint(2, 400), nth=rng.choice(NTH))
            for _ in range(rng.randint(1, 3))
        ]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    return SyntheticArticle(
        name=f"article-{index:06d}", title=f"Ceasefire report {index}: situation around {place}",
        published=date(2020, 11, 10) + timedelta(days=rng.randint(0, 400)), outlet=rng.choice(OUTLETS),
        wire=rng.choice(WIRES), paragraphs=tuple(paragraphs))


def _syndicated(rng: random.Random, original: SyntheticArticle, index: int) -> SyntheticArticle:
    paragraphs = list(original.paragraphs)
    edited = rng.randrange(len(paragraphs))
    paragraphs[edited] = paragraphs[edited].replace(" said", " stated", 1)
    return SyntheticArticle(
        name=f"article-{index:06d}", title=original.title, published=original.published,
        outlet=rng.choice([o for o in OUTLETS if o != original.outlet]), wire=original.wire,
        paragraphs=tuple(paragraphs), copy_of=original.name)


def generate(count: int, *, seed: int = 7, duplicate_rate: float = 0.1) -> list[SyntheticArticle]:
    rng = random.Random(seed)
    articles: list[SyntheticArticle] = []
    for index in range(count):
        if articles and rng.random() < duplicate_rate:
            articles.append(_syndicated(rng, rng.choice(articles), index))
        else:
            articles.append(_article(rng, index))
    return articles


def as_text(article: SyntheticArticle) -> str:
    """A plain-text page as a scraper leaves it: title twice, dateline, credit, banner, sidebar."""
    sidebar = "\n\n".join(f"{(article.published + timedelta(days=30 + i)).strftime('%B %d, %Y')} 12:0{i}\n\n"
                          f"Other headline number {i}" for i in range(3))
    return (f"{article.title}\n\n{article.title}\n\n{article.published.strftime('%d %B %Y')}\n\n"
            + "\n\n".join(article.paragraphs)
            + f"\n\nBased on materials from {article.wire}\n\n{COOKIE}\n\nAll news\n\n{sidebar}\n")


def as_html(article: SyntheticArticle) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    nav = "".join(f'<li><a href="/news/{i}">Section {i}</a></li>' for i in range(8))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(article.title)} | {article.outlet}</title>
<meta property="og:title" content="{html.escape(article.title)}">
<meta property="og:site_name" content="{article.outlet}">
<meta property="article:published_time" content="{article.published.isoformat()}T09:30:00+00:00">
</head><body><header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(article.title)}</h1>
<time datetime="{article.published.isoformat()}">{article.published.strftime('%d %B %Y')}</time>
{body}
<p class="credit">Source: {article.wire}</p></article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Another story about the region</a></li></ul></aside>
<footer><p>{COOKIE}</p><p>&copy; {article.outlet}</p></footer></body></html>
"""


def layout(articles: list[SyntheticArticle], folder: Path, *, html_share: float = 0.5,
           jsonl_share: float = 0.0) -> dict[tuple[str, str], SyntheticArticle]:
    """Where each article goes: (file path, locator) -> article; formats spread evenly and deterministically."""
    placed: dict[tuple[str, str], SyntheticArticle] = {}
    line = 0
    for index, article in enumerate(articles):
        slot = (index * 0.6180339887) % 1.0
        if slot < jsonl_share:
            line += 1
            placed[(str(folder / "feed.jsonl"), f"line {line}")] = article
        else:
            suffix = ".html" if slot < jsonl_share + html_share else ".txt"
            placed[(str(folder / article.name[-3:] / f"{article.name}{suffix}"), "")] = article
    return placed


def write_corpus(articles: list[SyntheticArticle], folder: Path, *, html_share: float = 0.5,
                 jsonl_share: float = 0.0) -> Path:
    """Write articles as .txt and .html files (and optionally one .jsonl feed) under ``folder``."""
    feed = []
    for (path, locator), article in layout(articles, folder, html_share=html_share,
                                           jsonl_share=jsonl_share).items():
        if locator:
            feed.append({"text": "\n\n".join(article.paragraphs), "title": article.title,
                         "published": article.published.isoformat(), "outlet": article.outlet})
            continue
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(as_html(article) if target.suffix == ".html" else as_text(article), encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    if feed:
        (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in feed) + "\n", encoding="utf-8")
    return folder
