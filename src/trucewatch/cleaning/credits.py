"""Who published a text and which agency it credits, from ``data/outlets.yaml``.

Three shapes of wire credit are recognised, each filled in with the aliases of
the registry's outlets: a credit line ("Based on materials from TASS",
"Source: APA"), a wire dateline opening the body ("MOSCOW (AA) –",
"MOSCOW, Nov 10 (Reuters) -", "YEREVAN, NOVEMBER 10, ARMENPRESS."), an
in-sentence credit closing a sentence of the lead (", APA reports."), and an agency signing off a
paragraph ("... — Reuters").
A mention elsewhere ("TASS reported that ...") is a citation, not a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from trucewatch.cleaning.data import load
from trucewatch.lang import alternation, lexicons
from trucewatch.text.dates import find_dates


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    self_patterns: tuple[re.Pattern[str], ...]


# "(MENAFN- Some Agency (SA)) ": an aggregator's name, a hyphen and its source, in brackets, opening the text
_AGGREGATED = re.compile(r"\((?P<via>[A-Z][A-Za-z]{2,})-\s*(?P<source>[^()]{2,60}?)(?:\s*\([^()]*\))?\)\s+"
                         r"(?=[\"“«‘A-ZА-ЯЁ0-9])")
# "GENEVA (1 December 2020) – ", "Tbilisi, December 1, 2020 (Example.ge) - ", "Moscow, 1 December 2020. ": a place in
# capitals or a capitalised name (and its country), the date (in brackets or slashes, or after a comma), a source
# in brackets, then a dash, a colon or a full stop
_PLACE_DATE = re.compile(r"(?:[A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+(?:[ /][A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+)*|[A-Z][a-z]+)"
                         r"(?:[,/]\s*[A-Z][a-z]+)?"
                         r"(?:\s*[(\[/]\s*(?P<date>[^()\[\]/]{6,40}?)\s*[)\]/]|,\s*(?P<date2>[^()\[\]/,]{3,20},?\s*\d{4}))"
                         r"\s*(?:\([^()]{2,30}\)\s*)?(?:[–—]+\s*|-{1,3}\s*|:\s+|\.\s+)(?=[\"“«‘A-ZА-ЯЁ])")
_WEEKDAY_ONLY = re.compile(r"(?:[^\W\d_]{3,12}\.?,?\s+)?")  # "Tuesday, " before the date (a weekday: _full_date)
# after the date: a time of day, then the separator that closes the dateline before the first word
_DATE_CLOSED = re.compile(r"(?:,?\s*(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?)?"
                          r"(?:\s*_+\s*|\s*\|\s*|\s*[–—]+\s*|\s+-{1,3}\s+|:\s+)(?=[\"“«‘A-ZА-ЯЁ])")


def _full_date(text: str, weekday: bool = False) -> bool:
    """``text`` is one full date (a year, a month and a day), after a weekday if ``weekday`` ("Since 1 May 2020" is
    no dateline)."""
    from trucewatch.text.dates import date_line

    line = date_line(text.strip())
    return line is not None and None not in (line.date.year, line.date.month, line.date.day) and \
        not line.updated and (line.weekday is not None) == weekday


@dataclass(frozen=True)
class Lead:
    """A dateline opening a paragraph: ``length`` characters to move out of the body."""

    length: int
    agency: str | None  # canonical name of the credited agency
    date_text: str | None
    labelled: bool = False  # a place or label and a colon only ("Sudan: ..."): no agency, no date


class Registry:
    """The outlets and the patterns built from their aliases, compiled once."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._by_alias = {alias.lower(): o for o in outlets for alias in (*o.aliases, o.name)}
        self._by_domain = {d: o for o in outlets for d in o.domains}
        alias = "|".join(re.escape(a) for a in sorted(
            {a for o in outlets for a in (*o.aliases, o.name)}, key=len, reverse=True))

        def agency(group: str = "agency") -> str:
            return rf"(?P<{group}>{alias})"

        words = lexicons("credits").values()

        def listed(key: str) -> list[str]:
            return [w for data in words for w in data.get(key, [])]

        based_on = [(data["based_on"], alternation(data.get("before_agency", []))) for data in words
                    if "based_on" in data]
        opener = "|".join([*(rf"{alternation(b['verbs'])}\s+(?:{the}\s+)?{alternation(b['nouns'])}\s+"
                             rf"{alternation(b['prepositions'])}" for b, the in based_on),
                           rf"{alternation(listed('credit_phrases'))}\s*:?", "©", r"\(c\)"])
        self.credit_line = re.compile(
            rf"^[\s(\[—–-]*(?:{opener})?\s*(?:{alternation(listed('before_agency'))}\s+)?"
            + agency() + rf"(?:\s*(?:{alternation(listed('agency_suffixes'))}|\.az|\.am|\.ru|\.com))?[\s)\].]*$",
            re.IGNORECASE)
        # "Kyiv Post", "The Sudan Daily News": capitalised words, a news word last (and the place it is of: "Example
        # Times of India"); or a news word first and the place or name it is of ("Новости Армении", "Вести Кавказа")
        self.outlet_name = re.compile(
            rf"(?:(?:the|of|and|&)\s+|[A-ZА-ЯЁ][\w.'’&-]*\s+){{0,3}}{alternation(listed('outlet_name_words'))}"
            rf"(?:\s+of(?:\s+[A-ZА-ЯЁ][\w.'’&-]*){{1,2}})?"
            rf"|(?:the\s+)?{alternation(listed('outlet_name_words'))}(?:\s+of)?(?:\s+[A-ZА-ЯЁ][\w.'’&-]*){{1,2}}"
            # a kind of outlet and its name ("ИА Example", "Телеканал Example"); a 24-hour news brand ("Example24")
            rf"|{alternation(listed('outlet_name_prefixes'))}\s+(?:[A-ZА-ЯЁ«\"][\w.'’&»\"-]*\s*){{1,3}}"
            r"|[A-ZА-ЯЁ][\w.'’&-]{2,}\s?24")
        self.sections = {" ".join(w.lower().split()) for w in listed("title_sections")}
        self.title_labels = {" ".join(w.lower().split()) for w in listed("title_labels")}
        self.sign_off = re.compile(rf"(?<=[.!?\"”’])\s*[—–]\s*{agency()}\s*$")
        self.in_text = re.compile(rf"[,–—-]\s*(?:{alternation(listed('before_agency'))}\s+)?" + agency() +
                                  rf"\s+{alternation(listed('in_text_verbs'))}\s*[.!]")
        # a place in capitals (Latin or Cyrillic: "MOSCOW", "МОСКВА") or a capitalised Latin name ("Geneva")
        place = (r"(?:[A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+(?:(?:[ /-]| / )[A-ZА-ЯЁ][A-ZА-ЯЁ.'’-]+)*"
                 r"|[A-Z][a-zé'’-]+(?:(?:[ /]| / )[A-Z][a-zé'’-]+)*)")
        when = (r"\b(?P<date>\d{1,2}\s+[^\W\d_]{3,9}\b\.?(?:,?\s+\d{4})?|[^\W\d_]{3,9}\b\.?\s*\d{1,2}(?:,?\s+\d{4})?|"
                r"\d{1,2}[./]\d{1,2}[./]\d{4})\b")
        by = alternation(w.capitalize() for w in listed("byline"))
        byline = rf"(?:[-–—]?\s*{by}\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*)?(?:[-–—]\s*)?"
        self.lead = re.compile(  # an aggregator's credit may come first: "(MENAFN- Some Agency (SA)) MOSCOW, ..."
            rf"^(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?P<place>{place})(?:,\s*[A-Z][a-z]+\b(?=,|\s*\(|\s+[–—]))?"
            rf"(?:[,.]?\s*{when}(?:,?\s*[0-2]?\d:[0-5]\d)?)?[.,]?\s*{byline}"
            rf"(?:(?:\(\s*{agency()}\s*\)|/\s*{agency('agency2')}\s*/|{agency('agency3')}(?=[.:\s]))[.,]?)?"
            r"(?P<end>\s*(?:[-–—]+\s*|:\s+)|\s+)(?=[\"“«‘A-ZА-ЯЁ0-9])")

    def signature(self, paragraph: str) -> tuple[int, str] | None:
        """(offset, agency) of an agency signing off a paragraph ("... the ministry said. — Reuters"), or None."""
        match = self.sign_off.search(paragraph[-80:])
        outlet = self.resolve(match.group("agency")) if match else None
        return (len(paragraph) - 80 + match.start() if len(paragraph) > 80 else match.start(), outlet.name) \
            if match and outlet else None

    def resolve(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (an alias, a site name or a domain), or None."""
        name = name.strip()
        found = self._by_alias.get(name.lower())
        if found:
            return found
        host = url_host(name)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def looks_like_outlet(self, name: str) -> bool:
        """A site name by its shape: capitalised words ending on a news word ("Kyiv Post"), not a speaker."""
        name = name.strip()
        return name[:1].isupper() and bool(self.outlet_name.fullmatch(name))

    def is_section(self, name: str) -> bool:
        """A section name a title writes beside its headline ("World news", "Новости")."""
        return " ".join(name.lower().split()) in self.sections

    def is_title_label(self, name: str) -> bool:
        """A page's kind written before its headline ("Press release", "Speech")."""
        return " ".join(name.lower().split()) in self.title_labels

    def credit(self, line: str) -> str | None:
        """The agency credited when ``line`` is a credit line, else None."""
        if len(line) > 120:
            return None
        match = self.credit_line.match(line)
        if not match:
            return None
        outlet = self.resolve(match.group("agency"))
        return outlet.name if outlet else None

    def lead_of(self, paragraph: str) -> Lead | None:
        """A wire dateline opening ``paragraph`` ("MOSCOW (AA) – ..."), or None."""
        return self._wire_lead(paragraph) or self._bare_lead(paragraph[:160])

    def _wire_lead(self, paragraph: str) -> Lead | None:
        match = self.lead.match(paragraph[:160])
        if not match:
            return None
        agency = match.group("agency") or match.group("agency2") or match.group("agency3")
        dashed = bool(re.search(r"[-–—:]", match.group(0)[match.end("place"):]))
        if match.group("date") and not find_dates(match.group("date")):
            return None
        # A place alone ("NATO – ...") is too weak; a dateline names a date or an agency (or is a place in
        # capitals closed by a full stop and a dash), and is
        # closed by a dash unless the agency's own punctuation closes it ("/TASS/.", "ARMENPRESS.").
        capitals = match.group("place").isupper() and len(match.group("place")) >= 4
        stopped = capitals and bool(re.match(r"[^.]*\.\s*[-–—]", match.group(0)[match.start("place"):]))  # "TOWN. –"
        # a place in capitals of five letters or more (not an acronym: "NATO –"), or with its country, closed by a
        # long dash: "WASHINGTON —", "GENEVA, Switzerland —"
        long_dash = re.fullmatch(r"(,\s*[A-Z][a-z]+)?\s*(?:[–—]|-{2,3})\s*", match.group(0)[match.end("place"):])
        stopped = stopped or bool(capitals and long_dash and (len(match.group("place")) >= 5 or long_dash.group(1)))
        # a place or label of one or two words closed by a colon, a capital after it: "Sudan: Sudan's army ..."
        # (not a quotation: "Pashinyan: “We are ready”" names its speaker)
        labelled = match.group("end").strip() == ":" and match.end("place") == match.start("end") and \
            len(match.group("place").split()) <= 2 and paragraph[match.end():match.end() + 1].isupper()
        # a place in capitals and a date closed by a full stop: "BAKU, Azerbaijan, March 12. ..."
        dated = capitals and bool(match.group("date")) and "." in match.group(0)[match.end("date"):]
        if not (agency or match.group("date") or stopped or labelled) or not (dashed or agency or dated):
            return None
        outlet = self.resolve(agency) if agency else None
        return Lead(match.end(), outlet.name if outlet else None, match.group("date"),
                    not (agency or match.group("date") or stopped))

    def _bare_lead(self, opening: str) -> Lead | None:
        """A dateline without a place, or a place and a bracketed date: an aggregator's credit alone ("(MENAFN- Some
        Agency) On February 24, ..."), a full date closed by a separator ("Tuesday, 01 December 2020_The army ...",
        "1 December 2020, 14:05 — ..."), a place and a full date in brackets ("GENEVA (1 December 2020) – ...")."""
        aggregated = _AGGREGATED.match(opening)
        if aggregated:
            outlet = self.resolve(aggregated.group("source"))
            return Lead(aggregated.end(), outlet.name if outlet else None, None)
        placed = _PLACE_DATE.match(opening)
        if placed and _full_date(placed.group("date") or placed.group("date2")):
            return Lead(placed.end(), None, placed.group("date") or placed.group("date2"))
        dates = find_dates(opening[:80])
        if not dates or not _WEEKDAY_ONLY.fullmatch(opening[:dates[0].start]) or \
                not _full_date(opening[:dates[0].end], weekday=dates[0].start > 0):
            return None
        closed = _DATE_CLOSED.match(opening, dates[0].end)
        return Lead(closed.end(), None, opening[:dates[0].end]) if closed else None

    def credited_in(self, sentence_text: str) -> str | None:
        """The agency of an in-sentence credit (", APA reports."), or None."""
        match = self.in_text.search(sentence_text[:3000])
        outlet = self.resolve(match.group("agency")) if match else None
        return outlet.name if outlet else None

    def self_reference(self, text: str) -> str | None:
        """The outlet that ``text`` shows to be its publisher ("originally published on ... Caucasian Knot")."""
        head = text[:200_000]
        for outlet in self.outlets:
            if any(p.search(head) for p in outlet.self_patterns):
                return outlet.name
        return None


def url_host(value: str) -> str:
    """The host of a URL or bare domain, without "www."; "" when ``value`` is no URL ("http://[::1")."""
    try:
        host = urlsplit(value if "//" in value else f"//{value}").hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


@cache
def registry() -> Registry:
    data = load("outlets")
    outlets = [Outlet(o["id"], o["name"], o["kind"], tuple(o["aliases"]), tuple(o.get("domains", ())),
                      tuple(re.compile(p, re.IGNORECASE) for p in o.get("self_patterns", ())))
               for o in data["outlets"]]
    return Registry(outlets)
