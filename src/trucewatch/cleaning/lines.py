"""Plain-text cleaning: which lines of a text are the article, and why the others are not.

No library does this for text that has already lost its HTML, so it is done
here with explainable rules and one global decision:

1. The text is cut into units: lines, or paragraphs of hard-wrapped lines.
2. Each unit is classified on its own: a date line, a caption, a credit line, a
   phrase rule from ``data/boilerplate.yaml`` (cookies, navigation, disclaimers,
   "Read also"...), a menu, capitals, a line in another script than the text,
   a sentence, or a short line without sentence punctuation.
3. The article is the run of units with the best score: sentences add their
   length, short and removable lines cost a little (so subheadings and captions
   inside the article are bridged), and lines that mark the edge of an article
   (dates, navigation, disclaimers, notes) cost a lot. This keeps every body
   paragraph, even a short real sentence, and drops lists of other headlines
   with their own dates after the article, however well-written they are. When an
   end-of-article line separates the prose under the title from a stronger run
   further down, the prose under the title is the article (a short item above
   longer summaries of other news).
   Before the run is chosen, a few units are read in context: a fragment a stored
   excerpt is cut off on is prose, a headline under a bare "Read also" is a link,
   one short sentence above page furniture is the headline.
4. Units before the run are the header (title, dateline, standfirst, captions);
   units after it are the tail (related items, credits, banners). Inside the run,
   a wire dateline opening the first paragraphs, a label opening a paragraph
   ("Details:") and a note or agency closing one ("(pickup previous)", "— Reuters")
   are cut off into blocks of their own. The title loses the site name written
   with it ("... | Reuters"), which is kept as ``site``.

Every removed unit gets a ``kind`` and a human-readable ``reason``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from trucewatch.cleaning.credits import Outlet, registry
from trucewatch.cleaning.data import load
from trucewatch.lang import lexicons, literal_alternation
from trucewatch.text.dates import DateLine, FoundDate, date_line, find_dates, labelled_date, year_from_weekday
from trucewatch.text.language import count_letters
from trucewatch.text.marks import BULLET
from trucewatch.text.patterns import by_first_character

SHORT = 5.0  # cost of a short line without sentence punctuation (a subheading inside the article)
SOFT = 15.0  # cost of a removable line that may sit inside an article (caption, credit, share buttons)
HARD = 250.0  # cost of a line that marks the edge of the article
STANDFIRST_MAX = 500  # characters: a summary above a wire dateline is one or two sentences
# Budgets: a body is analysed up to this many characters, the rest kept as an "overflow" block with its reason.
# A long feature is 20-40 KB. The later stages cost in proportion to the length (bench/long_documents.py: 500 KB
# costs 8-9 times 60 KB), so the cap is set by issue 12's budget instead: 1 MB of ordinary prose, cleaned and
# analysed up to the cap, within five times a 23 KB article (tests/test_fuzz_budget.py; about 4 at 80 KB).
# A line this long with under a fifth of letters is a flood of marks or symbols, not prose.
MAX_BODY_CHARS = 80_000
SYMBOL_LINE_CHARS = 1_000

_LINE = re.compile(r"[^\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\**\s*$")  # a footnote mark may follow
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"'”’»]?\s+[\"“«]?[A-Z][a-z]")
# a site name such as "News.Az", "www.example.co.uk", "Фонтанка.Ру"
_DOMAIN = re.compile(r"\w[\w-]*(?:\.[\w-]+)*\.(?:[a-z]{2,3}|com|info|news|online|today|ру|рф)\b", re.IGNORECASE)
_MENU_SPLIT = re.compile(r"\s+[|›»>•·/–-]\s+")


@dataclass
class Unit:
    """A line, or a paragraph of hard-wrapped lines, with what the cleaner decided about it."""

    pieces: list[tuple[int, int]]  # raw spans of its lines (stripped)
    text: str  # the lines joined by a space
    kind: str = ""
    reason: str = ""
    weight: float = 0.0
    date: DateLine | None = None
    agency: str | None = None
    script: str | None = None
    closing: str = ""  # why it is no body sentence when it closes the article (an author's note)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class Cleaned:
    """The outcome of cleaning one plain text."""

    units: list[Unit]  # every unit; kind "body" for kept ones, "subheading" for headings inside the article
    title: str | None = None
    site: str | None = None  # the outlet the title named ("... | Reuters"), taken off the title
    dates: list[tuple[str, FoundDate]] = field(default_factory=list)  # (where, date), best first
    wires: list[str] = field(default_factory=list)  # credited agencies, best first

    @property
    def body_units(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "body"]


# ---------------------------------------------------------------- units


def split_units(raw: str) -> list[Unit]:
    """Non-blank lines, with hard-wrapped paragraphs joined into one unit."""
    blocks: list[list[tuple[int, int]]] = []
    previous_end = 0
    for match in _LINE.finditer(raw):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if not blocks or len(_BREAK.findall(raw, previous_end, start)) >= 2:
            blocks.append([])
        blocks[-1].append((start, end))
        previous_end = end
    units: list[Unit] = []
    for block in blocks:
        texts = [raw[s:e] for s, e in block]
        width = _wrap_width(texts)
        current: list[tuple[int, int]] = [block[0]]
        for index in range(1, len(block)):
            if (width and len(texts[index - 1]) >= 0.75 * width) or _continues(texts[index - 1], texts[index]):
                current.append(block[index])
            else:
                units.append(_unit(raw, current))
                current = [block[index]]
        units.append(_unit(raw, current))
    return units


def _unit(raw: str, pieces: list[tuple[int, int]]) -> Unit:
    return Unit(pieces, " ".join(raw[s:e] for s, e in pieces))


def _continues(line: str, following: str) -> bool:
    """A line broken mid-sentence: no closing punctuation, and the next line starts in lower case."""
    return not _SENTENCE_END.search(line) and following[:1].islower()


def _wrap_width(lines: list[str]) -> int | None:
    """The width at which a block's lines were cut (e-mail, wire printouts), or None.

    Wrapped prose fills most lines to nearly the same width (50-100 columns), and many
    of its lines start in lower case, mid-sentence; a list of headlines does not.
    A filled line then continues on the next; a short one ends its paragraph.
    """
    if len(lines) < 3:
        return None
    # the width most filled lines reach: the fifth-longest line of twenty, as one long line (a paragraph's last
    # line left unwrapped) would set a width the others never fill
    widest = sorted((len(line) for line in lines), reverse=True)[len(lines) // 5]
    if not 50 <= widest <= 100:
        return None
    filled = sum(len(line) >= 0.75 * widest for line in lines)
    lowercase_starts = sum(line[:1].islower() for line in lines[1:])
    return widest if filled * 2 >= len(lines) and lowercase_starts * 4 >= len(lines) - 1 else None


# ---------------------------------------------------------------- scripts


SCRIPTS = {  # letters of the scripts a regional news stream is written in (Unicode blocks)
    "Latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "Cyrillic": re.compile(r"[\u0400-\u052F]"),
    "Armenian": re.compile(r"[\u0531-\u058F]"),
    "Georgian": re.compile(r"[\u10A0-\u10FF\u1C90-\u1CBF]"),
    "Arabic": re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "Hebrew": re.compile(r"[\u05D0-\u05EA]"),
    "Greek": re.compile(r"[\u0370-\u03FF]"),
}
_LETTER = re.compile(r"[^\W\d_]")


# Every letter of the scripts above but Latin falls in these ranges: a text with none is Latin or has no letters.
_NOT_LATIN = re.compile(r"[\u0370-\u06FF\u10A0-\u10FF\u1C90-\u1CBF\uFB50-\uFDFF\uFE70-\uFEFF]")


def script_of(text: str) -> str | None:
    """The writing system of most letters in (the start of) ``text``."""
    sample = text[:200]
    if not _NOT_LATIN.search(sample):  # most lines: one search instead of counting seven scripts
        return "Latin" if SCRIPTS["Latin"].search(sample) else None
    counts = {name: len(pattern.findall(sample)) for name, pattern in SCRIPTS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def _document_script(units: list[Unit]) -> str | None:
    weights: dict[str, int] = {}
    for unit in units:
        script = unit.script = script_of(unit.text)
        if script:
            weights[script] = weights.get(script, 0) + min(len(unit.text), 500)
    return max(weights, key=weights.__getitem__) if weights else None


# ---------------------------------------------------------------- classification


@dataclass(frozen=True)
class Rule:
    kind: str
    reason: str
    max_chars: int
    boundary: bool
    pattern: re.Pattern[str]
    keywords: re.Pattern[str] | None  # a cheap test before the pattern: one of these words must occur
    cut: str = ""  # "head" or "end": a label opening or a note closing a body paragraph, cut off it
    anchored: bool = False  # the pattern is tried at the start only: cheaper than the keywords, so tried first

    def may_match(self, lower: str) -> bool:
        return self.keywords is None or self.keywords.search(lower) is not None

    def matches(self, lower: str) -> bool:
        """The pattern and the keywords both found, the cheaper test first."""
        if self.anchored:
            return self.pattern.search(lower) is not None and self.may_match(lower)
        return self.may_match(lower) and self.pattern.search(lower) is not None


def _any_of(words: Iterable[str]) -> re.Pattern[str] | None:
    """One search in C for "does any keyword occur" (a Python loop of ``in`` tests cost a third of classify),
    grouped by first character (whether one occurs is unchanged: text.patterns)."""
    words = sorted(words, key=len, reverse=True)
    return re.compile(by_first_character(list(map(re.escape, words)))) if words else None


@cache
def rules() -> tuple[Rule, ...]:
    compiled = []
    for rule in load("boilerplate")["rules"]:
        body = "|".join(f"(?:{p})" for p in rule["patterns"])
        anchored = {
            "line": rf"^(?:{body})\W*$",
            "start": rf"^(?:{body})",
            "search": body,
            "head": rf"^(?:{body})",
            "end": rf"(?:{body})\W*$",
        }[rule["match"]]
        compiled.append(
            Rule(
                rule["kind"],
                rule["reason"],
                rule.get("max_chars", 10_000),
                rule.get("boundary", False),
                re.compile(anchored),
                _any_of(rule.get("keywords", ())),
                rule["match"] if rule["match"] in ("head", "end") else "",
                anchored=rule["match"] in ("line", "start", "head"),
            )
        )
    return tuple(compiled)


def is_sentence(text: str) -> bool:
    """Prose: closed by sentence punctuation with at least two words, long enough to be prose anyway, or a
    sentence followed by the start of another (a paragraph cut off mid-sentence)."""
    words = text.count(" ") + 1
    return (
        (words >= 2 and bool(_SENTENCE_END.search(text[-12:])))
        or words >= 25
        or (words >= 12 and bool(_INNER_SENTENCE_END.search(text)))
    )


_STOP = re.compile(r"[.!?…]")


def _label_run(text: str) -> bool:
    """Tags, topics or other items' headlines run together on one line (their breaks lost): long enough to
    pass for prose by length, but with no sentence mark and most words capitalised, as prose never is."""
    words = text.split()
    if len(words) < 25 or _STOP.search(text):
        return False
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in words)
    return capitalised >= 0.6 * len(words)


_WORD = re.compile(r"[^\W\d_]+")


def _publication_of_two(text: str) -> DateLine | None:
    """A line of two dates and their labels ("Published 10 Nov 2020 Updated 11 Nov 2020", "Updated: ...,
    Published: ..."): the date its publication label names, where :func:`date_line` reads one date or the
    update. A sentence naming two dates has more words than labels, or a full stop."""
    if len(text) > 120 or _SENTENCE_END.search(text):
        return None
    dates = find_dates(text)
    if len(dates) < 2:
        return None
    found = labelled_date(text)
    if found is None:
        return None
    rest, cursor = [], 0
    for date in dates:
        rest.append(text[cursor : date.start])
        cursor = date.end
    rest.append(text[cursor:])
    return DateLine(found, updated=False) if len(_WORD.findall(" ".join(rest))) <= 6 else None


@dataclass(frozen=True)
class _Captions:
    """Caption patterns, for the lower-cased line, from the ``caption_*`` words of ``data/lang/*/credits.yaml`` (every
    language's together: a Russian caption may carry an English credit)."""

    caption: re.Pattern[str]  # "Photo: AFP", "Фото: пресс-служба", "... (Getty Images)"
    bare: re.Pattern[str]  # "Photo Jane Doe", "Фото пресс-службы": a caption unless it is a sentence of prose
    keywords: re.Pattern[str]  # a word any caption holds: a quick test before the others


@cache
def _captions() -> _Captions:
    def listed(key: str) -> list[str]:
        return list(dict.fromkeys(w.lower() for data in lexicons("credits").values() for w in data.get(key, ())))

    nouns, openers, marks = listed("caption_nouns"), listed("caption_openers"), listed("caption_marks")
    return _Captions(
        caption=re.compile(rf"(?:^|[\s.,;(\[]){literal_alternation(nouns)}\s*"
                           rf"(?:{literal_alternation(listed('caption_credit_words'))}\b|:|/|©)"
                           rf"|^(?:{literal_alternation(openers)}|©)\b|\b{literal_alternation(marks)}"),
        bare=re.compile(rf"^{literal_alternation(openers)}\b"),
        keywords=re.compile(literal_alternation(dict.fromkeys([*nouns, *openers, *marks, "©"]))),
    )


def classify(unit: Unit, script: str | None) -> None:
    """Set the unit's provisional kind, reason and weight from the unit alone."""
    text = unit.text
    letters = count_letters(text[:200])
    found = _publication_of_two(text) or date_line(text)
    if found:
        unit.date = found
        return _set(unit, "date", "a date line", HARD)
    if not letters and not _LETTER.search(text):
        return _set(unit, "boilerplate", "no words, only symbols or numbers", SOFT)
    if len(text) > SYMBOL_LINE_CHARS and count_letters(text) < 0.2 * len(text):
        return _set(unit, "boilerplate", "few words in a flood of symbols or marks: not prose", SOFT)
    lower = _MARKDOWN_HEADING.sub("", text.lower())
    captions = _captions()
    if len(text) <= 300 and captions.keywords.search(lower) and (caption := captions.caption.search(lower)) and not (
        captions.bare.match(caption.group()) and is_sentence(text)  # "Фото моста опубликовали ...": a sentence
    ):
        return _set(unit, "caption", "photo or video caption", SOFT)
    agency = registry().credit(text)
    if agency:
        unit.agency = agency
        return _set(unit, "credit", f"credit line naming {agency}", SOFT)
    for rule in rules():
        if rule.cut:
            continue
        if len(text) <= rule.max_chars and rule.matches(lower):
            if rule.kind == "byline" and _AUTHOR_NOTE.match(text) and is_sentence(text):
                unit.closing = rule.reason  # prose unless it closes the article (see _author_notes)
                break
            if _names_as_prose(rule.kind, text):
                continue
            return _set(unit, rule.kind, rule.reason, HARD if rule.boundary else SOFT)
    parts = _MENU_SPLIT.split(text)
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and (
        (len(text) <= 200 and not is_sentence(text)) or (len(parts) >= 6 and not _STOP.search(text))
    ):  # a long menu passes for prose by its length alone
        return _set(unit, "boilerplate", "navigation menu (short items separated by | or -)", HARD)
    if _label_run(text):
        return _set(unit, "boilerplate", "a long run of capitalised words without a sentence: labels or links", SOFT)
    if letters >= 10 and len(text) <= 300 and text.upper() == text != text.lower() and " " in text:
        return _set(unit, "boilerplate", "written in capital letters: a banner or label, not prose", SOFT)
    own = unit.script
    if script and own and own != script and letters >= 4:
        return _set(unit, "boilerplate", f"in {own} script while the text is in {script}", SOFT)
    if _MARKDOWN_HEADING.match(text):
        return _set(unit, "short", "a heading", SHORT)
    signed = registry().signature(text)  # "... the ministry said. — Reuters": prose, signed
    if is_sentence(BULLET.sub("", text[: signed[0]] if signed else text)):
        return _set(unit, "text", "", float(len(text)))
    if BULLET.match(text) or text.endswith(":"):  # list items and their introduction: structure, no cost
        return _set(unit, "short", "list item or introduction", 0.0)
    return _set(unit, "short", "short line without sentence punctuation", SHORT)


_AUTHOR_NOTE = re.compile(
    r"(?:[A-ZА-ЯЁ][\w.'’-]*\s+){1,3}[A-ZА-ЯЁ][\w.'’-]*\s+(?:is|reported|contributed|covers|writes|reports|[—–])\s")
_LABEL_THEN_LOWER = re.compile(r"^[^\W\d_][^:]{0,29}:\s+[^\W\d_A-ZА-ЯЁ](?:\S*\s+){5}")
_PROSE_CLOSE = re.compile(r"\b[^\W\d_A-ZА-ЯЁ]{3,}[.!?][\"'”’»]*$")  # a lower-case word and a full stop


def _names_as_prose(kind: str, text: str) -> bool:
    """A byline or credit rule matched a sentence, not names: "By then it was over.", "Reporting by local media
    could not be verified." A byline of names has few lower-case words ("de", "bin"); a credit without a label
    ("Source:") or a list (";") ends on a name, not on a lower-case word and a full stop."""
    if kind == "byline":
        return sum(word[:1].islower() and word not in ("and", "и") for word in text.split()) >= 3
    if kind == "related":  # "Watch: that was the only word ...": a label and a headline, not a sentence in lower case
        return bool(_LABEL_THEN_LOWER.match(text)) and bool(_SENTENCE_END.search(text[-12:]))
    return kind == "credit" and ":" not in text and ";" not in text and bool(_PROSE_CLOSE.search(text))


def _set(unit: Unit, kind: str, reason: str, weight: float) -> None:
    unit.kind, unit.reason = kind, reason
    unit.weight = weight if kind == "text" else -weight


def best_run(units: list[Unit]) -> tuple[float, int, int] | None:
    """(score, first, last) of the run of units with the highest total weight (Kadane); None without prose."""
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for index, unit in enumerate(units):
        if total <= 0:
            total, start = 0.0, index
        total += unit.weight
        if unit.kind == "text" and (best is None or total > best[0]):
            best = (total, start, index)
    if best is None:
        return None
    first = best[1]
    while units[first].kind != "text":  # the run starts with prose, not with a bridged label
        first += 1
    return best[0], first, best[2]


def run_from(units: list[Unit], first: int) -> tuple[float, int]:
    """(score, last) of the best run that starts at ``first`` (a prose unit)."""
    best, total = (units[first].weight, first), 0.0
    for index in range(first, len(units)):
        total += units[index].weight
        if units[index].kind == "text" and total > best[0]:
            best = (total, index)
    return best


ANCHOR_SHARE = 0.15  # how weak the prose under the title may be next to a run beyond an end marker


def article_run(units: list[Unit], title_hint: str | None) -> tuple[int, int] | None:
    """The article's units: the best run, unless the prose under the title ends at an end marker.

    A short news item followed by "All news" and longer summaries of other items would
    otherwise lose to them: when an end-of-article line (navigation, disclaimer, note...;
    a date line is not one, it may sit between a standfirst and the body) separates the
    prose under the title from the best run, the article is the prose under the title.
    """
    run = best_run(units)
    if run is None:
        return None
    score, first, last = run
    title = _title_position(units[:first], title_hint)
    anchor = next((i for i in range(title + 1, first) if units[i].kind == "text"), None) if title is not None else None
    if anchor is None:
        return first, last
    marker = next((i for i in range(anchor, first) if units[i].weight <= -HARD and units[i].date is None), None)
    if marker is None:
        return first, last
    anchored, end = run_from(units[:marker], anchor)
    return (anchor, end) if anchored >= ANCHOR_SHARE * score else (first, last)


# ---------------------------------------------------------------- the whole text


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def clean_text(raw: str, title_hint: str | None = None, site: str | None = None) -> Cleaned:
    """Label every unit of ``raw``; find the title, the publication date candidates and the credits.

    ``site``: the page's site name, if known, to take off the title.
    """
    units = split_units(raw)
    script = _document_script(units)
    for unit in units:
        classify(unit, script)
    _cut_off_end(units)
    _linked_headlines(units)
    _doubled_lines(raw, units)
    _headline_sentence(units)
    _repeated_summary(units)
    _summary_list(units)
    run = article_run(units, title_hint) or _unpunctuated_run(units, title_hint)
    first, last = _closing_list(units, *_teasers(units, *_author_notes(units, run))) if run else (
        len(units), len(units) - 1)
    cleaned = Cleaned(units)
    title_index = _find_title(units[:first], title_hint, site, cleaned)
    for index, unit in enumerate(units):
        if first <= index <= last:
            _inside(unit, _lone_bullet(units, index))
        elif index < first:
            _header(unit, index, title_index)
        else:
            _tail(unit, units[index - 1] if index else None, units[index + 1] if index + 1 < len(units) else None)
    for unit in units[first : last + 1]:  # a title repeated as the first line of the article
        if unit.kind == "body" and cleaned.title and _norm(unit.text) == _norm(cleaned.title):
            unit.kind, unit.reason = "title", "repeats the title"
        elif unit.kind == "body":
            break
    _lead(raw, cleaned)
    _cuts(raw, cleaned)
    _collect(raw, units, title_index, cleaned)
    _overflow(raw, cleaned)
    return cleaned


UNPUNCTUATED_PROSE_WORDS = 5  # a line this long without a full stop still reads as a sentence on a page with no other


def _unpunctuated_run(units: list[Unit], title_hint: str | None) -> tuple[int, int] | None:
    """The article of a page with no punctuated sentence at all (a feed's text, a transcript, a malformed page):
    its lines of several words, after the first of them (the headline), read as prose rather than the whole page
    being dropped; None when there are not two such lines."""
    long = [u for u in units if u.reason == "short line without sentence punctuation"
            and len(u.text.split()) >= UNPUNCTUATED_PROSE_WORDS]
    if len(long) < 2:
        return None
    for unit in long[1:]:
        _set(unit, "text", "", float(len(unit.text)))
    return article_run(units, title_hint)


_TRUNCATED = re.compile(r"[^\W\d_]{2,}\s?(?:…|\.\.\.)$")  # a teaser cut off by its page: "... media so…"
TEASERS = 2  # one paragraph cut off on an ellipsis may be the stored excerpt's own end; a run of them is a list


def _teasers(units: list[Unit], first: int, last: int) -> tuple[int, int]:
    """(first, last) without the summaries of other items closing the run ("Recent airstrikes ... media so…"):
    paragraphs cut off on an ellipsis mid-word or mid-sentence, two or more in a row after the article's prose."""
    end = last
    while end > first and units[end].kind == "text" and _TRUNCATED.search(units[end].text):
        end -= 1
    if last - end < TEASERS or units[end].kind != "text":
        return first, last
    for unit in units[end + 1 : last + 1]:
        _set(unit, "related", "summary of another item, cut off on an ellipsis after the article", SOFT)
    return first, end


def _closing_list(units: list[Unit], first: int, last: int) -> tuple[int, int]:
    """(first, last) with the list that closes the article ("The statement provides for:" and "- a ceasefire;" ...):
    the best run ends on prose, so a list after the last sentence would be dropped with it. The list is taken when
    an introduction ends on a colon and its items read as parts of a sentence (lower case, or closed by ";", ","
    or "."), as other items' headlines do not."""
    end = last
    if end + 1 < len(units) and units[end + 1].kind == "short" and units[end + 1].text.endswith(":"):
        end += 1  # the introduction, a line of its own
    elif not units[end].text.endswith(":"):
        return first, last
    items = end
    while items + 1 < len(units) and _list_item(units[items + 1]):
        items += 1
    return (first, items) if items > end else (first, last)


def _list_item(unit: Unit) -> bool:
    """A bulleted line that continues a sentence: "- the exchange of prisoners;"."""
    bullet = BULLET.match(unit.text)
    if not bullet or unit.kind not in ("short", "text") or unit.weight < 0:
        return False
    item = unit.text[bullet.end() :]
    return item[:1].islower() or item.rstrip()[-1:] in ";,."


def _author_notes(units: list[Unit], run: tuple[int, int]) -> tuple[int, int]:
    """The run without the author's notes closing it ("Jane Doe is a journalist based in ..."), set apart as
    bylines; a run that is nothing else keeps them."""
    first, last = run
    end = last
    while end > first and (units[end].closing or units[end].kind != "text"):
        end -= 1
    if end == last or not any(units[i].closing for i in range(end + 1, last + 1)):
        return first, last
    for unit in units[end + 1 : last + 1]:
        if unit.closing:
            _set(unit, "byline", unit.closing, SOFT)
    return first, end


def _overflow(raw: str, cleaned: Cleaned, budget: int = MAX_BODY_CHARS) -> None:
    """Body beyond the budget becomes "overflow" blocks: whole paragraphs past it, and the paragraph that crosses
    it from the last space (or line) within the budget on."""
    reason = f"beyond the body budget of {budget:,} characters: kept, not analysed"
    left = budget
    for unit in cleaned.body_units:
        if left <= 0:
            unit.kind, unit.reason = "overflow", reason
            continue
        if len(unit.text) <= left:
            left -= len(unit.text) + 2  # the paragraph break the body puts after it
            continue
        kept = []
        for start, end in unit.pieces:
            if end - start > left:
                if left > 0:
                    cut = raw.rfind(" ", start, start + left + 1)
                    cut = cut if cut > start else start + left
                    kept.append((start, start + len(raw[start:cut].rstrip())))
                break
            kept.append((start, end))
            left -= end - start + 1
        kept = [piece for piece in kept if piece[1] > piece[0]]
        rest_start = kept[-1][1] if kept else unit.start
        while rest_start < unit.end and raw[rest_start].isspace():
            rest_start += 1
        rest = Unit([(rest_start, unit.end)], raw[rest_start : unit.end], "overflow", reason)
        if kept:
            unit.pieces, unit.text = kept, " ".join(raw[s:e] for s, e in kept)
            cleaned.units.insert(cleaned.units.index(unit) + 1, rest)
        else:
            unit.kind, unit.reason = "overflow", reason
        left = 0


@cache
def _summary_headings() -> frozenset[str]:
    return frozenset(load("boilerplate").get("summary_headings", ()))


def _summary_list(units: list[Unit]) -> None:
    """A summary list set above the article: a heading of ``summary_headings`` ("Key points", "Главное") and the
    bulleted items under it, before the article's first paragraph, are the page's summary, not its text."""
    for index, unit in enumerate(units):
        if unit.kind == "text" and not BULLET.match(unit.text):
            return  # the article has begun
        if unit.kind not in ("short", "related") or _norm(unit.text) not in _summary_headings():
            continue
        end = index + 1
        while end < len(units) and BULLET.match(units[end].text) and units[end].kind in ("text", "short"):
            end += 1
        if end > index + 1 and any(u.kind == "text" for u in units[end:]):
            for item in units[index:end]:
                _set(item, "standfirst", "a summary list above the article (its heading and items)", SOFT)
        return


REPEATED_OPENING_WORDS = 10  # a summary the first paragraph repeats shares at least its first ten words
REPEATED_SHARE = 0.8  # and most of its words: two quotes opening on one formula ("The situation is stable," X said)


def _repeated_summary(units: list[Unit]) -> None:
    """A summary set above the article whose first paragraph opens with the same words and says it again ("The
    ministry announced ... from 13:00 Moscow time." above "The ministry announced ... from 13:00 local time
    (9:00 GMT). ..."): the summary is the page's teaser, written apart from the paragraph it shortens, not the
    first paragraph. A sentence repeated word for word as the paragraph's opening is left alone: nothing tells
    which of the two the page meant."""
    prose = [i for i, u in enumerate(units[:6]) if u.kind == "text"]
    if len(prose) < 2 or prose[1] != prose[0] + 1:
        return
    first, second = (_norm(units[i].text).split() for i in prose[:2])
    shared = next((n for n, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
                  min(len(first), len(second)))
    repeated = REPEATED_OPENING_WORDS <= shared < len(first) and shared >= REPEATED_SHARE * len(first)
    if repeated and len(second) > len(first):
        _set(units[prose[0]], "standfirst", "a summary the first paragraph repeats", SOFT)


def _headline_sentence(units: list[Unit]) -> None:
    """A text opening on one short sentence set apart from the prose by page furniture (an ad slot, labels):
    that sentence is the headline, not the first paragraph."""
    furniture = ("widget", "notice", "boilerplate", "date")  # not a caption or credit: they follow paragraphs too
    if len(units) < 3 or units[0].kind != "text" or len(units[0].text) > 200 or units[1].kind not in furniture:
        return
    if _INNER_SENTENCE_END.search(units[0].text) or not any(u.kind == "text" for u in units[2:]):
        return
    _set(units[0], "short", "a headline: one sentence above page furniture", SHORT)


def _linked_headlines(units: list[Unit]) -> None:
    """The headline under a bare "Read also" label is the linked item, not a subheading; a short line written
    twice in a row after the first paragraph is the title of a video or picture (its player and its caption),
    not a subheading either (above the article, it is the page's headline written twice)."""
    prose = False
    for previous, unit in pairwise(units):
        prose = prose or previous.kind == "text"
        if unit.kind == "short" and previous.kind == "related" and len(previous.text) <= 30:
            _set(unit, "related", "headline of the item a link label points to", SOFT)
        elif prose and unit.kind == previous.kind == "short" and _norm(unit.text) == _norm(previous.text):
            for twice in (previous, unit):
                _set(twice, "caption", "a line written twice in a row: the title of a video or picture", SOFT)


def _doubled_lines(raw: str, units: list[Unit]) -> None:
    """Two lines of one block (no blank line between them) where the second repeats the first, or repeats the
    opening of a caption above it, are one caption written twice (a picture's alt text and its caption): a page
    does not print a paragraph of its article twice in a row."""
    for previous, unit in pairwise(units):
        if unit.kind not in ("text", "short", "caption") or len(_BREAK.findall(raw, previous.end, unit.start)) != 1:
            continue
        again, opening = _norm(unit.text), _norm(unit.text)[:60]
        if again == _norm(previous.text) or (
            previous.kind == "caption" and len(opening) >= 30 and opening in _norm(previous.text)
        ):
            for twice in (previous, unit):
                if twice.kind != "caption":
                    _set(twice, "caption", "a line written twice in a row: a picture's caption and its alt text", SOFT)


def _cut_off_end(units: list[Unit]) -> None:
    """A text cut off mid-sentence (a stored excerpt) ends on a fragment right after prose: it is prose.

    The fragment stops on a lower-case letter (mid-word or mid-sentence) or on a mark that continues a sentence
    (a comma, a dash, an opening quote); on a capital or a digit ("... signed by the OSCE", "... 145,000") when
    most of its words are lower case, as prose is. A site signature ("News.Az"), initials, a label or a button
    ("Toggle caption", ``button_verbs`` in ``data/boilerplate.yaml``) closing the text do not. A subheading may
    stand between the last paragraph and the fragment (the excerpt cut off under it).
    """
    kept = [u for u in units if u.kind not in ("caption", "credit")]  # captions sit between paragraphs, credits
    if len(kept) < 2:  # may follow the cut
        return
    last, before = kept[-1], kept[-2]
    if len(kept) >= 3 and before.kind == "short" and before.weight < 0 and before.weight > -HARD and \
            kept[-3].kind == "text" and len(last.text.split()) >= CUT_AFTER_HEADING_WORDS:
        before = kept[-3]  # a subheading between the last paragraph and the fragment under it
    if (
        last.kind == "short"
        and before.kind == "text"
        and last.weight <= 0
        and _stops_mid_sentence(last.text.rstrip("*"))
        and not _button(last.text)
        and not _DOMAIN.search(last.text)
        and not _signed(last.text)
    ):
        _set(last, "text", "", float(len(last.text)))


CUT_AFTER_HEADING_WORDS = 4  # a fragment under a subheading: as many words as a cut-off sentence opening has
_HYPHENATED_WORD = re.compile(r"[^\W\d_][\w-]*")
BUTTON_WORDS = 4  # "Share full article", "Sign in to save": a button's label is short


@cache
def _button_verbs() -> frozenset[str]:
    return frozenset(load("boilerplate").get("button_verbs", ()))


def _button(text: str) -> bool:
    """A short line opening on a button's verb ("Expand image", "Показать полностью"): no cut-off paragraph."""
    words = _HYPHENATED_WORD.findall(text.lower())
    return 0 < len(words) <= BUTTON_WORDS and words[0] in _button_verbs()


def _signed(text: str) -> bool:
    """A name signing the text off after a dash ("— Ann Example"): capitalised words, no sentence."""
    bullet = BULLET.match(text)
    words = text[bullet.end():].split() if bullet else []
    return 0 < len(words) <= 4 and all(word[:1].isupper() for word in words)


def _stops_mid_sentence(text: str) -> bool:
    """The end of a fragment cut off mid-sentence (see :func:`_cut_off_end`)."""
    end = text[-1:]
    if end.islower() or end in ",;–—-(“«‘":  # not a straight quote: it closes as often as it opens
        return True
    words = text.split()
    return (end.isupper() or end.isdigit()) and len(words) >= 6 and \
        sum(word[:1].islower() for word in words[1:]) * 2 >= len(words) - 1


_SITE_SEPARATOR = r"(?:\s[|–—-]|\s[/·•»«~:]\s|\||::)"  # a spaced colon: "... : NPR"; "«", "~": blog templates
_SITE_NAME = r"(?P<site>(?:(?!::)[^|–—·•»«~]){2,40}?)"
_SITE_SUFFIX = re.compile(rf"^(?P<title>.+?)\s*{_SITE_SEPARATOR}\s*{_SITE_NAME}\s*$")
# the site name after the last separator ("... - News - Example Daily"), when the longest one is no site name
_SITE_LAST = re.compile(rf"^(?P<title>.+)\s*{_SITE_SEPARATOR}\s*{_SITE_NAME}\s*$")
_SITE_PREFIX = re.compile(r"^\s*(?P<site>[^|–—:]{2,40}?)\s*(?P<sep>::|[|–—:]|\s-)\s+(?P<title>.+)$")
_SECTION_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:[|–—-]|::)\s+(?P<section>[^|–—-]{2,30}?)\s*$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_SECTION_GLUED = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]{4,}(?=[A-ZА-ЯЁ][a-zа-яё]{3,})")  # "PoliticsMinistry says ..."


def site_affix(title: str, site: str | None = None) -> tuple[str, str | None]:
    """(title, outlet): a site name written before or after the headline ("... | Reuters") taken off.

    Only a known outlet (``data/outlets.yaml``), the page's own site name or a domain-like name counts:
    "Ceasefire holds - Blinken" keeps its speaker. A title cut by spaced pipes into one headline-sized part and
    short ones ("World | ... | Al Jazeera", "... | Europe | DW") is that part: a headline does not use pipes.
    """
    piped = _pipe_parts(title, site)
    if piped:
        return piped
    # a section written after the site name ("... - The Example Times - Latest News"): off, when a site name is
    # written before it
    section = _SECTION_SUFFIX.match(title)
    if section and registry().is_section(section.group("section")):
        headline, outlet_name = site_affix(section.group("title").strip(), site)
        if outlet_name:
            return headline, outlet_name
    for pattern in (_SITE_SUFFIX, _SITE_LAST, _SITE_PREFIX):
        match = pattern.match(title)
        if not match or len(match.group("title").split()) < 2:
            continue
        name = _undated(match.group("site").strip())
        outlet = registry().resolve(name) or (_edition_of(name) if pattern is not _SITE_PREFIX else None)
        if (
            outlet
            or (site and _norm(name) == _norm(site))
            or (pattern is not _SITE_PREFIX and (_DOMAIN.fullmatch(name) or registry().looks_like_outlet(name)))
            # "World News :: Headline", "Politics | Headline": a section or site-like name before a pipe;
            # "Example Times - Headline": a site-like name before a dash
            or (pattern is _SITE_PREFIX and match.group("sep") in ("::", "|")
                and (registry().is_section(name) or registry().looks_like_outlet(name)))
            or (pattern is _SITE_PREFIX and match.group("sep").strip() in "-–—" and registry().looks_like_outlet(name))
        ):
            return _sections_off(match.group("title").strip()), outlet.name if outlet else name
    return title, None


def _edition_of(name: str) -> Outlet | None:
    """A known outlet named by the first words of a site name, the rest an edition ("Sputnik Армения", "RT на
    русском", "Reuters UK"): a site name is short, so at most two words may follow."""
    words = name.split()
    for size in (2, 1):
        if len(words) > size and len(words) - size <= 2 and (outlet := registry().resolve(" ".join(words[:size]))):
            return outlet
    return None


def _undated(name: str) -> str:
    """A site name without the date a title writes after it ("RIA Novosti, 12.03.2023")."""
    dates = find_dates(name)
    if dates and dates[-1].end == len(name) and dates[-1].start > 0:
        return name[: dates[-1].start].rstrip(" ,|/–—-") or name
    return name


def _sections_off(title: str) -> str:
    """A headline without the section names written between it and the site name ("... — World — Outlet")."""
    while (match := _SECTION_SUFFIX.match(title)) and len(match.group("title").split()) >= 2 and (
        registry().is_section(match.group("section"))
    ):
        title = match.group("title").strip()
    return title


_PIPE = re.compile(r"\s+\|\s+")


def _pipe_parts(title: str, site: str | None) -> tuple[str, str | None] | None:
    """(headline, outlet) of a title whose parts are separated by spaced pipes, when exactly one part has
    headline size (four words or more) and the others are short (sections, site names, dates); else None."""
    parts = _PIPE.split(title.strip())
    long = [p for p in parts if len(p.split()) >= 4]
    if len(parts) < 2 or len(long) != 1 or any(len(p.split()) > 4 for p in parts if p is not long[0]):
        return None
    names = [p for p in parts if p is not long[0]]
    for name in names:
        outlet = registry().resolve(name) or (registry().resolve(name.split()[0]) if name.split() else None)
        if outlet:
            return long[0], outlet.name
    own = next((n for n in names if (site and _norm(n) == _norm(site)) or _DOMAIN.fullmatch(n)
                or registry().looks_like_outlet(n)), None)
    return long[0], own


def _title_line(header: list[Unit], hint: str | None) -> str | None:
    """The title: the hint, else the first headline-like line above the article."""
    if hint and hint.strip():
        return " ".join(hint.split())
    candidates = [u for u in header if u.kind in ("text", "short") and len(u.text) <= 300 and _headline_like(u.text)]
    if not candidates:
        return None
    # a section label ("World news") may come first: prefer a headline-sized line, and one without sentence
    # punctuation (a quotation or teaser above the headline is a sentence)
    sized = [u for u in candidates if len(u.text.split()) >= 4]
    return next((u.text for u in sized if u.kind == "short"), sized[0].text if sized else candidates[0].text)


_OPEN_END = re.compile(r"(?:,|\s[»›>|])\s*$")  # a line left open: a tag followed by a count, a breadcrumb


def _headline_like(text: str) -> bool:
    """A line that may be the headline: two words or more, not a list item ("- Key point ..."), not a line left
    open on a comma or a separator (a tag, a breadcrumb), not a button of up to three words ("Show news feed")."""
    words = len(text.split())
    return words >= 2 and not BULLET.match(text) and not _OPEN_END.search(text) and not (words <= 3 and _button(text))


def _title_position(header: list[Unit], hint: str | None) -> int | None:
    title = _title_line(header, hint)
    if title is None:
        return None
    return next((i for i, u in enumerate(header) if _norm(u.text) == _norm(title)), None)


def _find_title(header: list[Unit], hint: str | None, site: str | None, cleaned: Cleaned) -> int | None:
    """Index of the title line in the header (or of the hint's line), marking repeats; the site name taken off."""
    title_index = None
    full = _title_line(header, hint)
    for index, unit in enumerate(header):
        if unit.kind not in ("text", "short") or len(unit.text) > 300:
            continue
        if full and _norm(unit.text) in (_norm(full), _norm(site_affix(full, site)[0])):
            unit.kind = "title"
            unit.reason = "the title" if title_index is None else "repeats the title"
            title_index = index if title_index is None else title_index
    if full:
        cleaned.title, cleaned.site = site_affix(_SECTION_GLUED.sub("", _MARKDOWN_HEADING.sub("", full)), site)
        cleaned.title = _unlabelled(cleaned.title)
    return title_index


_TITLE_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:|]{1,30}?)\s*:\s+(?P<title>\S.*)$")


def _unlabelled(title: str) -> str:
    """The headline without the page's kind written before it ("Press release: ...", ``title_labels``)."""
    match = _TITLE_LABEL.match(title)
    if match and len(match.group("title").split()) >= 3 and registry().is_title_label(match.group("label")):
        return match.group("title")
    return title


def _lone_bullet(units: list[Unit], index: int) -> bool:
    """A bulleted line without sentence punctuation and no bulleted neighbour: a heading styled "– Heading"."""
    if not (BULLET.match(units[index].text) and units[index].kind == "short"):
        return False
    return not any(BULLET.match(units[i].text) for i in (index - 1, index + 1) if 0 <= i < len(units))


def _inside(unit: Unit, lone_bullet: bool = False) -> None:
    """Prose and lists are the article; a heading is not one of its sentences (annotators list it as non-body)."""
    if unit.kind == "text":
        unit.kind, unit.reason = "body", ""
    elif unit.kind == "short" and (unit.weight < 0 or lone_bullet):
        unit.kind, unit.reason = "subheading", "a heading inside the article, not a sentence of it"
    elif unit.kind == "short":
        unit.kind, unit.reason = "body", "list item or introduction"
    elif unit.kind == "date":
        unit.kind, unit.reason = "dateline", "date line inside the article"


def _header(unit: Unit, index: int, title_index: int | None) -> None:
    if unit.kind == "date":
        unit.kind, unit.reason = "dateline", "date line above the article"
    elif unit.kind == "text" and title_index is not None and index > title_index and len(unit.text) <= STANDFIRST_MAX:
        unit.kind, unit.reason = "standfirst", "summary between the title and the article"
    elif unit.kind == "text":
        unit.kind, unit.reason = "boilerplate", "text above the article, separated from it by non-article lines"
    elif unit.kind == "short":
        unit.kind, unit.reason = "boilerplate", "short line without sentence punctuation above the article"


def _tail(unit: Unit, before: Unit | None, after: Unit | None) -> None:
    near_dates = any(u is not None and (u.date is not None or u.kind == "related") for u in (before, after))
    if unit.kind == "date":
        unit.kind, unit.reason = "related", "date of another item, after the end of the article"
    elif unit.kind == "text":
        unit.kind, unit.reason = "related", "text after the end of the article, separated from it by non-article lines"
    elif unit.kind == "short" and (near_dates or BULLET.match(unit.text)):
        unit.kind, unit.reason = "related", "headline of another item, after the end of the article"
    elif unit.kind == "short":
        unit.kind, unit.reason = "boilerplate", "short line without sentence punctuation after the end of the article"


def _lead(raw: str, cleaned: Cleaned) -> None:
    """A wire dateline in one of the first paragraphs: strip it; paragraphs above it are a standfirst."""
    body = cleaned.body_units[:3]
    for position, unit in enumerate(body):
        lead = registry().lead_of(unit.text)
        if lead is None or (lead.labelled and position):  # "Details: ..." further down is a label, no dateline
            continue
        above = body[:position]
        if len(above) > 2 or any(len(u.text) > STANDFIRST_MAX for u in above):
            return
        for standfirst in above if cleaned.title else ():  # without a headline, the text above is the article's
            standfirst.kind, standfirst.reason = "standfirst", "summary above the wire dateline"
        start, end = unit.pieces[0]
        cut = min(start + lead.length, end)
        while cut < end and raw[cut].isspace():
            cut += 1
        strip = Unit([(start, start + len(raw[start:cut].rstrip()))], raw[start:cut].strip())
        if lead.agency:
            strip.kind, strip.reason, strip.agency = "credit", f"wire dateline crediting {lead.agency}", lead.agency
            cleaned.wires.append(lead.agency)
        else:
            strip.kind, strip.reason = "dateline", "dateline opening the first paragraph"
        if lead.date_text:
            for found in find_dates(lead.date_text):
                cleaned.dates.append(("lead", found))
        unit.pieces[0] = (cut, end)
        unit.text = " ".join(raw[s:e] for s, e in unit.pieces)
        cleaned.units.insert(cleaned.units.index(unit), strip)
        return


def _title_date(title: str) -> FoundDate | None:
    """A title that dates its page: "Daily report ... issued on 8 December 2020", "Bulletin ... (17 September 2016)"."""
    found = labelled_date(title)
    if found:
        return found
    dates = find_dates(title)
    last = dates[-1] if dates else None
    if last and last.year and title[: last.start].rstrip().endswith("(") and title[last.end :].strip() == ")":
        return last
    return None


def _cuts(raw: str, cleaned: Cleaned) -> None:
    """Labels opening a body paragraph ("Details: ...") and notes closing one ("... (pickup previous)",
    "... — Reuters"): cut off into blocks of their own; a heading glued after a sentence inside a paragraph (the
    page's line break lost) splits the paragraph."""
    for unit in list(cleaned.body_units):
        start, end = unit.pieces[0]
        lower = raw[start:end].lower()
        for rule in (r for r in rules() if r.cut == "head"):
            match = rule.pattern.match(lower)
            if match and match.end() <= rule.max_chars and _heading_fits(rule, raw, start + match.end(), end):
                _cut_head(raw, cleaned, unit, start + match.end(), rule.kind, rule.reason)
                break
    _glued_headings(raw, cleaned)
    tail_rules = [r for r in rules() if r.cut == "end"]
    for unit in list(cleaned.body_units):
        start, end = unit.pieces[-1]
        signed = registry().signature(raw[start:end])
        if signed and signed[0] > 0:
            _cut(raw, cleaned, unit, start + signed[0], "credit", f"{signed[1]} signing off the paragraph")
            if signed[1] not in cleaned.wires:
                cleaned.wires.append(signed[1])
            continue
        lower = raw[start:end].lower()
        for rule in tail_rules:
            if not rule.may_match(lower):
                continue
            match = rule.pattern.search(lower)
            if not match or match.start() == 0 or end - start - match.start() > rule.max_chars:
                continue
            _cut(raw, cleaned, unit, start + match.start(), rule.kind, rule.reason)
            break


_AFTER_SENTENCE = re.compile(r"(?<=[.!?\"”’»])\s+(?=\S)")


def _heading_fits(rule: Rule, raw: str, at: int, end: int) -> bool:
    """A head rule's match ending at ``at`` leaves text after it, and a heading is followed by a new sentence
    (not a lower-case word: "What he said? ..." reads on)."""
    rest = raw[at : min(end, at + 200)].lstrip()  # a window: this runs after every sentence of a paragraph
    return bool(rest) and (rule.kind != "subheading" or not rest[:1].islower())


def _glued_headings(raw: str, cleaned: Cleaned) -> None:
    """Headings a page printed between two sentences of one paragraph (its line break lost): "... in it. What
    happened? A group of ...". The subheading head rules of ``data/boilerplate.yaml`` are tried after each
    sentence end of a one-line body paragraph; a match splits it into body, subheading, body."""
    heads = [r for r in rules() if r.cut == "head" and r.kind == "subheading"]
    window = max((r.max_chars for r in heads), default=0) + 20  # a heading is short: never lower the whole rest
    split: dict[int, list[Unit]] = {}
    for unit in cleaned.body_units:
        if len(unit.pieces) != 1:
            continue
        start, end = unit.pieces[0]
        pieces, opening = [], start  # pieces: the units this paragraph becomes
        for gap in _AFTER_SENTENCE.finditer(raw, start, end):
            at = gap.end()
            if at < opening:  # inside a heading just cut off
                continue
            lower = raw[at : min(end, at + window)].lower()
            rule, match = next(((r, m) for r in heads if (m := r.pattern.match(lower))), (None, None))
            if rule is None or match is None or match.end() > rule.max_chars or \
                    not _heading_fits(rule, raw, at + match.end(), end):
                continue
            head_end = at + len(raw[at : at + match.end()].rstrip())
            pieces.append(Unit([(opening, gap.start())], raw[opening : gap.start()], "body", unit.reason))
            pieces.append(Unit([(at, head_end)], raw[at:head_end], rule.kind, rule.reason))
            opening = at + match.end()
            while opening < end and raw[opening].isspace():
                opening += 1
        if pieces:
            pieces.append(Unit([(opening, end)], raw[opening:end], "body", unit.reason))
            split[id(unit)] = pieces
    if split:
        cleaned.units[:] = [piece for unit in cleaned.units for piece in split.get(id(unit), [unit])]


def _cut_head(raw: str, cleaned: Cleaned, unit: Unit, at: int, kind: str, reason: str) -> None:
    """Move the start of the unit's first line, up to ``at``, into a block of its own, right before it."""
    start, end = unit.pieces[0]
    label = Unit([(start, start + len(raw[start:at].rstrip()))], raw[start:at].strip(), kind, reason)
    while at < end and raw[at].isspace():
        at += 1
    unit.pieces[0] = (at, end)
    unit.text = " ".join(raw[s:e] for s, e in unit.pieces)
    cleaned.units.insert(cleaned.units.index(unit), label)


def _cut(raw: str, cleaned: Cleaned, unit: Unit, at: int, kind: str, reason: str) -> None:
    """Move ``raw[at:]`` of the unit's last line into a block of its own, right after it."""
    start, end = unit.pieces[-1]
    while at < end and raw[at].isspace():
        at += 1
    unit.pieces[-1] = (start, start + len(raw[start:at].rstrip()))
    unit.text = " ".join(raw[s:e] for s, e in unit.pieces)
    cleaned.units.insert(cleaned.units.index(unit) + 1, Unit([(at, end)], raw[at:end], kind, reason))


def _first_of_each(lines: list[DateLine]) -> list[DateLine]:
    """The first publication and the first update line of those under the title: a page may print its update
    above its publication ("Updated ... / Published ..."), and the update is no publication date."""
    published = next((d for d in lines if not d.updated), None)
    updated = next((d for d in lines if d.updated), None)
    return [d for d in lines if d is published or d is updated]


AFTER_ARTICLE = 2  # a date signing the article off is the first or second line after its last paragraph


def _date_after(units: list[Unit]) -> list[DateLine]:
    """The date a text without a date line above its article signs it off with: a line of a labelled
    publication date right after the last paragraph ("Published: 12 March 2023"), or a date line closing the text
    right after it (a statement's "Yerevan, 12 March 2023"). Another item's date follows its headline instead."""
    last = max((i for i, u in enumerate(units) if u.kind == "body"), default=None)
    if last is None:
        return []
    for index in range(last + 1, min(last + 1 + AFTER_ARTICLE, len(units))):
        line = units[index].date
        if line is None and units[index].kind in ("byline", "credit", "widget", "boilerplate", "notice"):
            continue  # a byline or a share button between the article and its date
        if line is None:
            break
        if not line.updated and not line.event and (labelled_date(units[index].text) or index == len(units) - 1):
            return [line]
        break
    return []


def _collect(raw: str, units: list[Unit], title_index: int | None, cleaned: Cleaned) -> None:
    """Date and credit candidates, best first."""
    header_dates = [
        (i, u.date) for i, u in enumerate(units) if u.kind == "dateline" and u.date is not None and not u.date.event
    ]
    if title_index is not None:
        after = [d for i, d in header_dates if i > title_index]
        header_dates = _first_of_each(after) or [d for i, d in header_dates if i < title_index][-1:]
    else:
        header_dates = [d for _, d in header_dates][-1:]
    published = [d for d in header_dates if not d.updated] or _date_after(units)
    cleaned.dates[:0] = [("dateline", d.date) for d in published]
    for line in published:
        inferred = (
            year_from_weekday(line.date, line.weekday, raw)
            if line.date.year is None and line.weekday is not None
            else None
        )
        if inferred:
            cleaned.dates.append(("weekday", inferred))
    dated = _title_date(cleaned.title) if cleaned.title and not published else None
    if dated:
        cleaned.dates.insert(0, ("title", dated))
    cleaned.dates += [("updated", d.date) for d in header_dates if d.updated]
    for unit in units:
        if unit.kind == "note":
            cleaned.dates += [("note", d) for d in find_dates(unit.text) if d.year]
        if unit.kind == "credit" and unit.agency and unit.agency not in cleaned.wires:
            cleaned.wires.append(unit.agency)
    for unit in cleaned.body_units[:2]:
        agency = registry().credited_in(unit.text)
        if agency and agency not in cleaned.wires:
            cleaned.wires.append(agency)
