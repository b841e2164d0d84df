"""Dates as news texts write them: found in page text, and resolved against the publication date.

One set of patterns, built from every language's ``data/lang/*/dates.yaml`` (month and weekday
names, zone names, date-line labels, relative-date words), serves both uses:

- :func:`find_dates`, :func:`parse_date`, :func:`date_line`: absolute dates where pages print them
  ("18 December 2020", "Nov. 10, 2020 at 10:53 am MSK", "2020-11-10T13:44:00+03:00", "10.11.2020",
  "11/10/2020", "13:44, 10 November 2020", "12 ноября 2020 года", "Nov 10" without a year), with their
  exact span, time and zone;
- :func:`date_mentions`: the dates a sentence speaks of, the same absolute dates plus relative ones
  ("on Friday", "yesterday", "two days ago", "last month", "in May"), resolved against publication.

Hand-written patterns rather than dateparser: ~100x faster, they never guess from a bare number and
report exactly where the date is. Ambiguous numeric dates (both parts <= 12): "." and "-" separated
dates are day-first (the European and Russian convention); "/" dates follow the convention the text
itself shows (another "/" date whose first part is > 12 or whose second part is > 12, else
month-name-first dates such as "Nov 10" mean month-first), and are day-first when the text shows none.

Date arithmetic never raises: a date that falls outside the calendar ("999999999 days ago",
"yesterday" of 0001-01-01) is left unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from trucewatch.lang import alternation, lexicons
from trucewatch.text.numbers import parse_count
from trucewatch.text.patterns import first_character_lookahead, folded_by_first_character


def _grouped(words: Iterable[str]) -> str:
    """``alternation(words)`` grouped by first character for a case-insensitive pattern (the same matches, each
    position trying one character per group instead of every word: text.patterns)."""
    words = set(words)
    plain = alternation(words)
    alternatives = _ALTERNATIVE.split(plain[3:-1])
    if len(alternatives) != len(words):  # a word with a backslash: kept as it is
        return plain
    return "(?:" + folded_by_first_character(alternatives) + ")"


_ALTERNATIVE = re.compile(r"(?<!\\)\|")  # a bar that separates alternatives (words escape theirs)


def _words(key: str, files: list[dict[str, Any]]) -> list[str]:
    return [w for data in files for w in data.get(key, [])]


class _Rules:
    """The date patterns, compiled once from the language files."""

    def __init__(self, files: list[dict[str, Any]]) -> None:
        self.months = {name: number for data in files
                       for number, names in enumerate(data["months"], start=1) for name in names}
        weekdays = [names for data in files for names in data.get("weekdays", [])]
        self.weekdays = {names[0]: index % 7 for index, names in enumerate(weekdays)}  # full names: relative dates
        self.weekday_names = {name: index % 7 for index, names in enumerate(weekdays) for name in names}
        self.zones = {name: offset for data in files for name, offset in data.get("zones", {}).items()}
        labels = [data.get("labels", {}) for data in files]
        self.updated = {w for label in labels for w in label.get("updated", [])}
        self.event = {w for label in labels for w in label.get("event", [])}
        relative = [data.get("relative", {}) for data in files]

        month = rf"(?P<mon>{_grouped(self.months)})\.?"
        ordinal = alternation(_words("ordinal_suffixes", files))
        day = rf"(?P<d>[0-3]?\d)(?:{ordinal})?"
        # A span of days ("19-20 September", "September 19 and 20, 2023") is dated by its first day.
        range_joiner = rf"\s*(?:[-–—]|\s(?:{alternation(_words('day_range_joiners', files))})\s)\s*"
        first_day = rf"(?:(?P<d0>[0-3]?\d)(?:{ordinal})?{range_joiner})?"
        last_day = rf"(?:{range_joiner}[0-3]?\d(?:{ordinal})?(?![\d:]))?"
        year = r"(?P<y>(?:19|20)\d\d)"
        year_end = r"(?:(?!\d)|(?<=\d)(?=[0-2]?\d:[0-5]\d))"  # a time may be glued to the year: "20232:05 PM"
        joiner = alternation(_words("day_month_joiners", files))
        year_words = alternation(_words("year_words", files))
        weekday = rf"(?P<wd>{alternation({n for names in weekdays for n in names})})\.?,?\s+"
        self.forms = {
            # "2020-11-10", and the same order with slashes or dots ("2020/11/10", "2020.11.10")
            "iso": re.compile(r"(?=[12])(?<![\d./-])(?P<y>(?:19|20)\d\d)(?P<isep>[-/.])(?P<m>[01]?\d)(?P=isep)"
                              r"(?P<d>[0-3]?\d)"
                              r"(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)"
                              r"(?::(?P<S>[0-5]\d)(?:\.\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"),
            # "12 March 2023", "12-Mar-2023"
            "day_month": re.compile(rf"(?=\d)(?<![\w.]){first_day}{day}(?:\s*|-)(?:{joiner}\s+)?{month}(?![\w])"
                                    rf"(?:(?:,?\s*|-){year}(?:\s*{year_words}(?!\w))?)?{year_end}", re.IGNORECASE),
            "month_day": re.compile(rf"{first_character_lookahead(self.months)}(?<![\w]){month}\s*{day}(?!\d){last_day}"
                                    rf"(?:,?\s+{year}{year_end})?", re.IGNORECASE),
            # "12.03.2023", "12.03.2023 г."
            "numeric": re.compile(r"(?=\d)(?<![\d.:/-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
                                  rf"(?P<y>(?:19|20)\d\d)(?![\d])(?:\s*{year_words}(?!\w))?", re.IGNORECASE),
        }
        time_joiner = alternation(_words("time_joiners", files))
        self.time = re.compile(rf"\s*(?:,|\b{time_joiner}\b|-|–|—|\||/)?\s*\[?(?P<H>[0-2]?\d)[:.](?P<M>[0-5]\d)"
                               r"(?::(?P<S>[0-5]\d))?(?!\d)(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?\]?", re.IGNORECASE)
        # a zone may be glued to a capitalised word after it ("2:05 PM GMTUpdated an hour ago"), not to a lower-case one
        self.zone = re.compile(rf"\s*\(?\s*(?:(?P<name>{alternation(self.zones)})(?!(?-i:[a-zа-яё]))\s*"
                               r"(?P<off>[+\-−]\s*[01]?\d(?::?[0-5]\d)?)?|(?P<num>[+-][01]\d:?[0-5]\d))\s*\)?",
                               re.IGNORECASE)
        label = alternation({w for lb in labels for key in ("published", "updated", "event") for w in lb.get(key, [])})
        after = alternation({w for lb in labels for w in lb.get("after", [])})
        self.label = re.compile(rf"^[\s#*•·|>\ufe0f\u200b-\u200d-]*(?:(?P<label>{label})\b\s*(?:{after})?\s*:?\s*)?"
                                rf"(?:{weekday})?", re.IGNORECASE)
        # A byline or a place written before the date on the same line ("Ann Example Published ...",
        # "MOSCOW, Nov 10", "Written by Ann Example on Nov 10"): capitalised words, then the label or weekday the
        # line may carry.
        self.prefix = re.compile(rf"^[\s#*•·|>\ufe0f\u200b-\u200d-]*"
                                 rf"(?:(?:[A-ZА-ЯЁ][^\s,|•·]*|[|•·/–—-]|and|и|by|{after})\s*,?\s*){{1,8}}?"
                                 rf"(?i:(?P<label>{label})\b\s*(?:{after})?\s*:?\s*)?(?i:{weekday})?$")
        self.zones_pattern = alternation(self.zones)
        published = alternation({w for lb in labels for w in lb.get("published", [])})
        # an update written after the date ("... Updated 2 hours ago", "(обновлено: 14:30 13.03.2023)")
        self.update_tail = re.compile(rf"^[(\[]?\s*(?:{alternation(self.updated)})\b.{{0,60}}$", re.IGNORECASE)
        self.label_before = re.compile(rf"\b(?:{published})\b\s*(?:{after})?\s*:?\s*$", re.IGNORECASE)

        self.days_back = {" ".join(k.lower().replace("’", "'").split()): v
                          for r in relative for k, v in r.get("days_back", {}).items()}
        self.weekday_shift = {w: 0 for r in relative for w in r.get("weekday_on_or_before", [])}
        self.weekday_shift |= {w: 7 for r in relative for w in r.get("weekday_before", [])}
        self.units = {u: d for r in relative for u, d in r.get("units", {}).items()}
        self.shifts = {w: s for r in relative for w, s in r.get("shifts", {}).items()}
        self.month_words = {w for r in relative for w in r.get("month", [])}
        year_units = {w for r in relative for w in r.get("year", [])}
        self.relative = [
            ("weekday", re.compile(rf"{first_character_lookahead([*self.weekday_shift, *self.weekdays])}"
                                   rf"\b(?:(?P<rel>{alternation(self.weekday_shift)})\s+)?"
                                   rf"(?P<weekday>{alternation(self.weekdays)})\b", re.IGNORECASE)),
            ("days_back", re.compile(rf"{first_character_lookahead(list(self.days_back))}"
                                     rf"\b{alternation(self.days_back)}(?!\w)",
                                     re.IGNORECASE)),
            ("ago", re.compile(rf"\b(?P<n>[^\W\d_]+(?:-[^\W\d_]+)?|\d[\d,]*)\s+"
                               rf"(?P<unit>{alternation(self.units)})\s+{alternation(_words_of(relative, 'ago'))}\b",
                               re.IGNORECASE)),
            ("shift", re.compile(rf"{first_character_lookahead(list(self.shifts))}"
                                 rf"\b(?P<rel>{alternation(self.shifts)})\s+"
                                 rf"(?P<unit>{alternation(self.month_words | year_units)})\b", re.IGNORECASE)),
            ("in_month", re.compile(rf"{first_character_lookahead(_words_of(relative, 'month_prepositions'))}"
                                    rf"\b{alternation(_words_of(relative, 'month_prepositions'))}\s+{month}"
                                    r"(?:\s+(?P<y>\d{4}))?(?!\s*\d)\b", re.IGNORECASE)),
            ("year", re.compile(rf"{first_character_lookahead(_words_of(relative, 'year_prepositions'))}"
                                rf"\b{alternation(_words_of(relative, 'year_prepositions'))}\s+"
                                r"(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)),
        ]
        # A word a pattern needs, where its first characters are too common to guard it: checked before its search.
        self.needs = {"ago": re.compile(alternation(_words_of(relative, "ago")), re.IGNORECASE)}
        # Something every pattern needs: most sentences have none and skip the searches.
        cues = [*self.months, *self.weekdays, *self.days_back, *self.units, *self.month_words, *year_units]
        self.any = re.compile(rf"\d|\b{first_character_lookahead(cues)}{_grouped(cues)}", re.IGNORECASE)


def _words_of(relative: list[dict[str, Any]], key: str) -> list[str]:
    return [w for r in relative for w in r.get(key, [])]


@cache
def _rules() -> _Rules:
    return _Rules(list(lexicons("dates").values()))


def month_number(name: str) -> int | None:
    """The month a name or abbreviation stands for, in any language with a dates file ("Nov." -> 11)."""
    return _rules().months.get(name.lower().rstrip("."))


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text; ``start``/``end`` cover the date with its time and zone."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: str | None = None  # "+04:00"

    def day_value(self) -> date | None:
        """The calendar day, or None without a year (or when the year makes it impossible: 29 February)."""
        return _calendar(self.year, self.month, self.day) if self.year is not None else None

    def iso(self) -> str | None:
        """ISO 8601: a date, or a datetime (with its offset when the zone was given); None without a year."""
        day = self.day_value()
        if day is None:
            return None
        if self.hour is None:
            return day.isoformat()
        clock = f"{self.hour:02d}:{self.minute or 0:02d}" + (f":{self.second:02d}" if self.second is not None else "")
        return f"{day.isoformat()}T{clock}{self.offset or ''}"

    def with_year(self, year: int) -> FoundDate:
        return FoundDate(self.start, self.end, year, self.month, self.day, self.hour, self.minute, self.second,
                         self.offset)


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _offset(match: re.Match[str]) -> str | None:
    if match.group("num"):
        raw = match.group("num").replace(":", "")
        return f"{raw[:3]}:{raw[3:]}"
    base = _rules().zones.get(" ".join(match.group("name").lower().split()))
    if not match.group("off"):
        return base
    raw = re.sub(r"\s", "", match.group("off")).replace("−", "-")
    sign, digits = raw[0], raw[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hours):02d}:{minutes}"





def _clock(text: str, found: FoundDate) -> FoundDate:
    """Extend a date with the time and zone written right after (or a time right before) it."""
    rules = _rules()
    start, end, hour, minute, second, offset = found.start, found.end, found.hour, found.minute, None, found.offset
    if hour is None:
        after = rules.time.match(text, end)
        if after and int(after.group("H")) < 24:
            hour, minute = int(after.group("H")), int(after.group("M"))
            second = int(after.group("S")) if after.group("S") else None
            hour, end = _twelve_hour(hour, after.group("ampm")), after.end()
        else:
            before = _time_before().search(text, max(0, start - 30), start)
            if before and int(before.group("H")) < 24:
                hour, minute, start = int(before.group("H")), int(before.group("M")), before.start()
                hour = _twelve_hour(hour, before.group("ampm"))
                zone = rules.zone.fullmatch(before.group("zone")) if before.group("zone") else None
                offset = _offset(zone) if zone and _written_as_zone(zone.group("name")) else None
    if hour is not None and offset is None:
        zone = rules.zone.match(text, end)
        if zone and _written_as_zone(zone.group("name")):
            offset, end = _offset(zone), zone.end()
    return FoundDate(start, end, found.year, found.month, found.day, hour, minute,
                     second if second is not None else found.second, offset)


def _written_as_zone(name: str | None) -> bool:
    """A zone abbreviation counts in capitals only ("EAT", not "eat"); names ("Moscow time") in any case."""
    return name is None or " " in name.strip() or name.isupper() or not name.isascii()


def _twelve_hour(hour: int, ampm: str | None) -> int:
    """The 24-hour clock hour of "1:44 pm" (12 am is midnight)."""
    ampm = (ampm or "").lower()
    if ampm.startswith("p") and hour < 12:
        return hour + 12
    return 0 if ampm.startswith("a") and hour == 12 else hour


@cache
def _time_before() -> re.Pattern[str]:
    """A time (with its zone) written just before a date: "14:05 GMT 2020-11-10", "09:05, 6 March 2019", "2:05 PM
    EDT, Sun March 12, 2023"."""
    weekday = alternation(_rules().weekday_names)
    # "14:05", "14:05h", "2.05pm" (a dot only before am or pm)
    return re.compile(r"(?P<H>[0-2]?\d)(?::|\.(?=[0-5]\d\s*[ap]\.?\s?m\b))(?P<M>[0-5]\d)h?"
                      r"(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?"
                      rf"(?P<zone>\s*\(?\s*(?:{_rules().zones_pattern})(?![^\W\d_])\s*"
                      r"(?:[+\-−]\s*[01]?\d(?::?[0-5]\d)?)?\s*\)?)?\s*[,|/-]?\s*"
                      rf"(?:(?:{weekday})\.?,?\s+)?$", re.IGNORECASE)


def _slash_convention(text: str) -> bool:
    """True when the text writes month-first dates (see the module docstring)."""
    forms = _rules().forms
    for match in forms["numeric"].finditer(text):
        if match.group("sep") == "/":
            if int(match.group("a")) > 12:
                return False
            if int(match.group("b")) > 12:
                return True
    return bool(forms["month_day"].search(text)) and not forms["day_month"].search(text)


_DIGIT = re.compile(r"\d")


def find_dates(text: str, *, month_first: bool | None = None) -> list[FoundDate]:
    """Every valid absolute date in ``text``, in order, overlapping readings resolved to the longest."""
    if not _DIGIT.search(text):  # every form has a digit; most lines and sentences have none
        return []
    if len(text) <= _REMEMBERED:  # a sentence is read by several stages (an incident's dates, then its numbers)
        return list(_remembered_dates(text, month_first))
    return _find_dates(text, month_first)


_REMEMBERED = 2_000  # longer texts (whole documents) are read once: not kept


@lru_cache(maxsize=256)
def _remembered_dates(text: str, month_first: bool | None) -> tuple[FoundDate, ...]:
    return tuple(_find_dates(text, month_first))


def _find_dates(text: str, month_first: bool | None) -> list[FoundDate]:
    rules = _rules()
    found: list[FoundDate] = []
    for form, pattern in rules.forms.items():
        for match in pattern.finditer(text):
            groups = match.groupdict()
            year = int(groups["y"]) if groups.get("y") else None
            if form == "numeric":
                a, b = int(groups["a"]), int(groups["b"])
                if groups["sep"] == "/" and (b > 12 or (a <= 12 and _month_first(text, month_first))):
                    a, b = b, a
                day, month = a, b
            elif form == "iso":
                day, month = int(groups["d"]), int(groups["m"])
            else:
                day, month = int(groups.get("d0") or groups["d"]), rules.months[groups["mon"].lower()]
            if _calendar(year or 2000, month, day) is None:  # 2000 is a leap year: 29 February stays possible
                continue
            item = FoundDate(match.start(), match.end(), year, month, day)
            if form == "iso" and groups.get("H"):
                zone = groups.get("tz")
                item = FoundDate(match.start(), match.end(), year, month, day, int(groups["H"]), int(groups["M"]),
                                 int(groups["S"]) if groups.get("S") else None,
                                 None if not zone else "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}")
            found.append(_clock(text, item))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    result: list[FoundDate] = []
    for item in found:
        if result and item.start < result[-1].end:
            if (item.end - item.start) > (result[-1].end - result[-1].start):
                result[-1] = item
            continue
        result.append(item)
    return result


def _month_first(text: str, month_first: bool | None) -> bool:
    return _slash_convention(text) if month_first is None else month_first


def parse_date(value: str) -> FoundDate | None:
    """The first date in a short string such as a metadata field, or None."""
    value = value.strip()[:200]
    found = find_dates(value)
    if found:
        return found[0]
    try:  # other machine formats: RFC 2822 ("Tue, 10 Nov 2020 13:44:00 +0300") and the like
        from email.utils import parsedate_to_datetime

        parsed: datetime = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    offset = parsed.strftime("%z")
    return FoundDate(0, len(value), parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second,
                     f"{offset[:3]}:{offset[3:]}" if offset else None)


# a credit, a view counter, a name after a dash ("March 12, 2023 — Ann Example")
_TAIL_OK = re.compile(r"^(?:$|[|/•·,;–—-]|\(?\w+:?(?:\s+\w+:?){0,2}\)?$|[–—]\s*(?:[A-ZА-ЯЁ][\w.'’-]*\s*){1,4}$)")
_SHORT_TAIL = re.compile(r"^(?:[|/•·,;–—-]\s*)?(?:\(?\w+:?(?:\s+\w+:?){0,2}\)?)?$")
_ZONE_ABBREVIATION = re.compile(r"^[A-Z]{0,3}T\b\s*")  # a zone the zone list lacks ("ET", "AEDT"): part of the time
# a paragraph a date opens ("12.03.2023 - The delegations met ... said."): more words than a line's tail, a full stop
_SENTENCE_TAIL = re.compile(r"^\W*(?:\S+\s+){8,}\S*[.!?…][\"'”’»)]*$")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


@dataclass(frozen=True)
class DateLine:
    """A line that is (essentially) a date: a dateline, a timestamp, a sidebar date."""

    date: FoundDate
    updated: bool  # labelled as an update or modification time, not the publication
    event: bool = False  # labelled as the date of an event the page describes ("Event date: ...")
    weekday: int | None = None  # the weekday written with it (Monday 0): a year-less date's year can follow from it


def date_line(line: str) -> DateLine | None:
    """The date when ``line`` is a date (with an optional label, weekday, time, zone and a short tail)."""
    if len(line) > 160:
        return None
    rules = _rules()
    line = _MARKDOWN_LINK.sub(r"\1", line)  # "### [2015-02-12](/news/...)": the link's text
    label = rules.label.match(line)
    found = find_dates(line)
    if not found:
        return None
    first = found[0]
    tail = _ZONE_ABBREVIATION.sub("", line[first.end:].strip())
    if first.start != label.end():  # a byline or place first: then only a short tail (a credit) may follow
        label = rules.prefix.match(line[:first.start])
        if label is None or first.start > 80 or not _SHORT_TAIL.match(tail):
            return None
    if not (_TAIL_OK.match(tail) or rules.update_tail.match(tail)) or _SENTENCE_TAIL.search(tail):
        return None
    word = " ".join((label.group("label") or "").lower().split()) if label else ""
    named = label.group("wd") if label else None
    weekday = rules.weekday_names.get(named.lower()) if named else None
    return DateLine(first, word in rules.updated, word in rules.event, weekday)


def labelled_date(text: str) -> FoundDate | None:
    """The first full date written right after a publication label inside a line ("... issued on 8 December 2020")."""
    rules = _rules()
    for found in find_dates(text):
        if found.year is not None and rules.label_before.search(text, max(0, found.start - 30), found.start):
            return found
    return None


_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")


def year_from_weekday(found: FoundDate, weekday: int, text: str) -> FoundDate | None:
    """A year-less date completed from its weekday ("Saturday, June 12") and the years the text names.

    The years written in ``text`` and the ones after them are tried; exactly one must put the day on that
    weekday, else None (never a guess).
    """
    years = {int(y) for y in _YEAR.findall(text)}
    fits = {y for year in years for y in (year, year + 1)
            if (day := _calendar(y, found.month, found.day)) is not None and day.weekday() == weekday}
    return found.with_year(fits.pop()) if len(fits) == 1 else None


@dataclass(frozen=True)
class DateMention:
    """A date a text speaks of, resolved to a calendar value."""

    start: int
    end: int
    value: str  # ISO date (YYYY-MM-DD), month (YYYY-MM-01) or year (YYYY-01-01)
    precision: str  # day | month | year
    inferred: bool = False  # the year was not written: it follows from the weekday written with the date


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _days_before(ref: date, days: int) -> date | None:
    try:
        return ref - timedelta(days=days)
    except OverflowError:
        return None


def _days_after(ref: date, days: int) -> date:
    try:
        return ref + timedelta(days=days)
    except OverflowError:
        return ref


def _last(month: int, day: int, ref: date) -> date | None:
    """A day and month without a year: the last one on or before ``ref``."""
    for year in range(ref.year, ref.year - 8, -1):  # 29 February: back to the last leap year
        candidate = _calendar(year, month, day)
        if candidate is not None and candidate <= ref:
            return candidate
    return None


def _month_value(year: int, month: int) -> tuple[str, str] | None:
    return (f"{year:04d}-{month:02d}-01", "month") if 1 <= year <= 9999 else None


def _year_value(year: int) -> tuple[str, str] | None:
    return (f"{year:04d}-01-01", "year") if 1 <= year <= 9999 else None


def date_mentions(
    text: str, published: str | None, start: int = 0, end: int | None = None, lookahead: int = 0
) -> list[DateMention]:
    """Dates in ``text[start:end]`` that can be resolved (relative ones against ``published``), in order,
    without overlaps; offsets are into ``text``. ``lookahead``: days after ``published`` that a day and month
    without a year may still fall in, where ``published`` is only the earliest the text can have been written (the
    latest date an undated page writes)."""
    rules = _rules()
    ref = _day(published)
    end = len(text) if end is None else end
    if not rules.any.search(text, start, end):
        return []
    found: list[DateMention] = []
    for item in find_dates(text[start:end]):
        day = (
            item.day_value() if item.year is not None
            else _last(item.month, item.day, _days_after(ref, lookahead)) if ref else None
        )
        if day is not None:
            found.append(DateMention(start + item.start, start + item.end, day.isoformat(), "day"))
        elif item.year is None and (inferred := _weekday_year(text, start + item.start, item)) is not None:
            found.append(DateMention(start + item.start, start + item.end, inferred.isoformat(), "day", inferred=True))
    # a weekday written with its date ("on Tuesday, September 13") is part of it, not a relative date of its own
    taken = [(written.start() if (written := _weekday_before().search(text, max(start, d.start - 16), d.start)) else
              d.start, d.end) for d in found]
    for kind, pattern in rules.relative:
        if kind in rules.needs and not rules.needs[kind].search(text, start, end):
            continue
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            resolved = _resolve(rules, kind, match, ref)
            if resolved is None:
                continue
            value, precision = resolved
            found.append(DateMention(match.start(), match.end(), value, precision))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _weekday_year(text: str, at: int, item: FoundDate) -> date | None:
    """The day of a year-less date written after its weekday ("on Tuesday, September 13") in a text with no
    reference day: the one year among those the text writes (and the ones after them) that puts it on that weekday,
    else None."""
    written = _weekday_before().search(text, max(0, at - 16), at)
    if written is None:
        return None
    completed = year_from_weekday(item, _rules().weekday_names[written.group("wd").lower()], text)
    return completed.day_value() if completed is not None else None


@cache
def _weekday_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<wd>{alternation(_rules().weekday_names)})\.?,?\s+$", re.IGNORECASE)


def _resolve(rules: _Rules, kind: str, match: re.Match[str], ref: date | None) -> tuple[str, str] | None:
    groups = match.groupdict()
    if kind == "year":
        return _year_value(int(groups["y"]))
    if ref is None:
        return None
    day: date | None = None
    if kind == "weekday":
        back = (ref.weekday() - rules.weekdays[groups["weekday"].lower()]) % 7
        if back == 0 and groups.get("rel"):
            back = rules.weekday_shift[" ".join(groups["rel"].lower().split())]
        day = _days_before(ref, back)
    elif kind == "days_back":
        day = _days_before(ref, rules.days_back[" ".join(match.group().lower().replace("’", "'").split())])
    elif kind == "ago":
        count = parse_count(groups["n"], exact=True)  # "two", "a", "21"; not "few"
        if count is None:
            return None
        day = _days_before(ref, count * rules.units[groups["unit"].lower()])
    elif kind == "shift":
        shift = rules.shifts[groups["rel"].lower()]
        if groups["unit"].lower() not in rules.month_words:
            return _year_value(ref.year + shift)
        index = ref.year * 12 + ref.month - 1 + shift
        return _month_value(index // 12, index % 12 + 1)
    elif kind == "in_month":
        month = rules.months[groups["mon"].lower()]
        year = int(groups["y"]) if groups.get("y") else ref.year if month <= ref.month else ref.year - 1
        return _month_value(year, month)
    return (day.isoformat(), "day") if day is not None else None


@lru_cache(maxsize=64)  # statements and incidents both ask for each document's
def context_day(text: str) -> str | None:
    """The latest full date a text writes (a caption's "September 13, 2022", "today 2 June 2022"): the day an
    undated report's "on Tuesday" and "November 15" are read against. Not a publication date: never stored as one.

    None when the text shows it was written in a later year than that date ("the war ... last year, which ended
    on Nov. 10, 2020"): its dates are then background, and the week it was written is unknown."""
    days = [day for found in find_dates(text) if (day := found.day_value()) is not None]
    if not days:
        return None
    latest = max(days)
    floor = _writing_year_floor(text)
    return None if floor is not None and latest.year < floor else latest.isoformat()


@lru_cache(maxsize=64)
def named_today(text: str) -> str | None:
    """The day a text names as today with a full date next to it ("today 2 June 2022", "today, Tuesday, 2 June
    2022", "2 June 2022 (today)"): the day it was written or said, for a page that prints no publication date.

    None when no such date is written, or when the text names different days so (never a guess)."""
    rules = _rules()
    words = [w for w, days in rules.days_back.items() if days == 0]
    if not words or not _DIGIT.search(text):
        return None
    pattern = _today_pattern(tuple(sorted(words)))
    days = set()
    for match in pattern.finditer(text):
        window = text[max(0, match.start() - 40):match.end() + 60]
        offset = max(0, match.start() - 40)
        for found in find_dates(window):
            day = found.day_value()
            if day is None:
                continue
            start, end = offset + found.start, offset + found.end
            if (start >= match.end() and _today_gap().fullmatch(text[match.end():start])) \
                    or (end <= match.start() and _TODAY_AFTER.fullmatch(text[end:match.start()])):
                days.add(day.isoformat())
    return days.pop() if len(days) == 1 else None


_TODAY_AFTER = re.compile(r"\s*\(\s*")  # "2 June 2022 (today)"


@cache
def _today_gap() -> re.Pattern[str]:
    """What may stand between "today" and its date: "today, Tuesday, 2 June", "2 June 2022 (today)"."""
    weekday = alternation(_rules().weekday_names)
    return re.compile(rf"[\s,:(–—-]*(?:{weekday}\.?,?\s*)?", re.IGNORECASE)


@cache
def _today_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b{alternation(words)}\b", re.IGNORECASE)


def _writing_year_floor(text: str) -> int | None:
    """The earliest year a text can have been written in, from a year-shift ("last year", "this year") in the
    same sentence as a written year: "... last year ... 2020" was written in 2021 or later."""
    from trucewatch.text.sentences import sentence_spans

    rules = _rules()
    shift_pattern = next(pattern for kind, pattern in rules.relative if kind == "shift")
    floor, sentences = None, None
    for match in shift_pattern.finditer(text):
        if match.group("unit").lower() in rules.month_words:
            continue
        sentences = sentences if sentences is not None else sentence_spans(text)
        start, end = next(((s, e) for s, e in sentences if s <= match.start() < e), (match.start(), match.end()))
        years = [int(y) for y in _YEAR.findall(text, start, end)]
        if years:
            year = max(years) - rules.shifts[match.group("rel").lower()]
            floor = year if floor is None else max(floor, year)
    return floor


def publication_day(published: str | None) -> tuple[str | None, str | None]:
    """The publication date as a ``said_on`` fallback: (ISO date, precision)."""
    day = _day(published)
    if day is not None:
        return day.isoformat(), "day"
    if published and re.fullmatch(r"\d{4}-\d{2}", published[:7]):
        return f"{published[:7]}-01", "month"
    return None, None


# a dated path: ".../2024/04/17/slug", ".../2023/07/slug" (month only), ".../2024-04-17-slug", ".../20201119/slug"
_URL_DATE = re.compile(r"/((?:19|20)\d\d)(?:(?:/|-)(0[1-9]|1[0-2])(?:(?:/|-)(0[1-9]|[12]\d|3[01]))?(?=[/?#._-]|$)"
                       r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/))")


def url_date(url: str | None) -> str | None:
    """The date a page's address gives it ("YYYY-MM-DD", or "YYYY-MM" for a month-only path), else None.

    Many outlets file a story under its publication day, so a feed item or a crawled page whose text prints no
    date is still dated. A proxy's address is read through its percent-encoding (the page's own address is
    inside); an archive's 14-digit capture stamp is not a path date and is not read."""
    if not url:
        return None
    from urllib.parse import unquote

    path = unquote(url).split("://", 1)[-1]
    match = _URL_DATE.search(path)
    if match is None:
        return None
    year, month, day = match[1], match[2] or match[4], match[3] or match[5]
    if day is None:
        return f"{year}-{month}"
    found = _calendar(int(year), int(month), int(day))
    return found.isoformat() if found else None
