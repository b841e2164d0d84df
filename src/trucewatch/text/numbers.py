"""Numbers and counts as news text writes them: "12", "1,200", "1.5 million", "twelve",
"two hundred and fifty", "a dozen", and vague counts ("dozens", "hundreds", "several").

One parser for every stage that compares or adds up counts (contradictions, incidents). Vague
counts take the conservative value ACLED codes ("dozens" -> 12, "hundreds" -> 100) and are
flagged approximate, as are hedged numbers ("more than 100", "about 30"); the words and values
are in ``data/lang/<language>/numbers.yaml``. Not counts, so not reported: numbers inside dates
("10 November 2020"), times ("13:44"), ordinals ("10th"), codes ("S-300"), and a bare four-digit
number from 1900 to 2099, read as a year ("in 2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from trucewatch.lang import alternation, lexicon


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: ``text[start:end]`` (with its hedge, if any) means ``value``."""

    start: int
    end: int
    value: int | float
    approximate: bool  # a vague count ("dozens") or a hedged number ("about 30")


class _Rules:
    def __init__(self, language: str) -> None:
        data = lexicon(language, "numbers")
        self.small = {**data["cardinals"], **data.get("tens", {})}
        self.scales = data.get("scales", {})
        self.articles = {w.lower() for w in data.get("articles", [])}
        self.joiners = {w.lower() for w in data.get("joiners", [])}
        self.vague = {" ".join(k.lower().split()): v for k, v in data.get("approximate", {}).items()}
        word = alternation([*self.small, *self.scales])
        joiner = rf"(?:\s+{alternation(data['joiners'])})?\s+" if data.get("joiners") else r"\s+"
        article = rf"(?:{alternation(self.articles)}\s+)?" if self.articles else ""
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
        hedge = rf"(?:(?P<hedge>{alternation(data['hedges'])})\s+)?" if data.get("hedges") else ""
        body = (rf"(?P<digits>{digits})(?:\s+(?P<scale>{alternation(self.scales)}))?"
                rf"|(?P<words>{article}{word}(?:(?:-|{joiner}){word})*)")
        if self.vague:
            body += rf"|(?P<vague>{alternation(self.vague)})"
        self.pattern = re.compile(rf"(?<![\w.,/-]){hedge}(?:{body})(?![\w-]|[.,:/]\d)", re.IGNORECASE)

    def words_value(self, phrase: str) -> int | None:
        """ "two hundred and fifty" -> 250; None when the words are not one number."""
        total = current = 0
        seen = False
        for token in re.split(r"[\s-]+", phrase.lower()):
            if token in self.small:
                current += self.small[token]
            elif token in self.scales:
                scale = self.scales[token]
                if scale < 1000:
                    current = max(current, 1) * scale
                else:
                    total += max(current, 1) * scale
                    current = 0
            elif token in self.articles and not seen:
                continue
            elif not seen or token not in self.joiners:
                return None
            seen = True
        return total + current if seen else None

    def read(self, match: re.Match[str]) -> tuple[int | float, bool] | None:
        hedged = bool(match.groupdict().get("hedge"))
        if match.group("vague"):
            return self.vague[" ".join(match.group("vague").lower().split())], True
        if match.group("digits"):
            raw = match.group("digits").replace(",", "")
            value: int | float = float(raw) if "." in raw else int(raw)
            if match.group("scale"):
                value *= self.scales[match.group("scale").lower()]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return value, hedged
        value = self.words_value(match.group("words"))
        return (value, hedged) if value is not None else None


@cache
def _rules(language: str) -> _Rules:
    return _Rules(language)


MAX_VALUE = 10**15  # larger than any count or sum a report gives


def find_numbers(text: str, language: str = "en") -> list[NumberMention]:
    """Every number and count in ``text``, in order (see the module docstring for what is left out)."""
    from trucewatch.text.dates import find_dates  # dates reads counts through this module

    rules = _rules(language)
    dates = [(d.start, d.end) for d in find_dates(text)]
    found: list[NumberMention] = []
    for match in rules.pattern.finditer(text):
        start = match.start("hedge") if match.groupdict().get("hedge") else match.start()
        if any(s < match.end() and start < e for s, e in dates):
            continue
        read = rules.read(match)
        if read is None:
            continue
        value, approximate = read
        if value > MAX_VALUE:
            continue  # a run of digits (an id, garbage), no count: float() of it overflows
        digits = match.group("digits")
        if digits and not match.group("scale") and re.fullmatch(r"(?:19|20)\d\d", digits):
            continue  # a year
        found.append(NumberMention(start, match.end(), value, approximate))
    return found


def parse_count(phrase: str, language: str = "en", *, exact: bool = False) -> int | None:
    """The whole number ``phrase`` says ("1,200", "twelve", "dozens" -> 12, "a" -> 1), or None when it is
    not a count; with ``exact``, None for vague or hedged counts too."""
    rules = _rules(language)
    phrase = " ".join(phrase.split())
    if phrase.lower() in rules.articles:  # "a week ago": the caller expects a count
        return 1
    match = rules.pattern.fullmatch(phrase)
    read = rules.read(match) if match else None
    if read is None or read[0] > MAX_VALUE or not float(read[0]).is_integer() or (exact and read[1]):
        return None
    return int(read[0])
