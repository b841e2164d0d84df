"""Relative and absolute date expressions, resolved against the publication date.

"on Friday" is the last Friday on or before publication; "yesterday" the day before;
"on November 10" the last 10 November on or before publication; "last month" the month
before, with month precision. Durations ("a month and a half since ...") are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from trucewatch.cleaning.dates import MONTHS  # one table of month names for the whole package

_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_PATTERNS = [
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b",
                       re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)\b", re.I)),
    ("yesterday", re.compile(r"\b(?:the\s+day\s+before\s+)?yesterday\b", re.I)),
    ("today", re.compile(r"\b(?:today(?:['’]s)?|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)\b",
                         re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|a|an|two|three|four|five|six|seven)\s+(?P<unit>days?|weeks?)\s+ago\b",
                       re.I)),
    ("month_rel", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>month|year)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|on|since)\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?(?!\s*\d)\b", re.I)),
    ("year", re.compile(r"\bin\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
]

# Something every pattern above needs: most sentences have none and skip the ten searches.
_ANY = re.compile(r"\d|day\b|tonight|morning|afternoon|evening|\bago\b|\bmonth\b|\byear\b|"
                  r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO date (YYYY-MM-DD), month (YYYY-MM-01) or year (YYYY-01-01)
    precision: str  # day | month | year


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _past(year: int | None, month: int, day: int, ref: date | None) -> date | None:
    """A day and month without a year: the last one on or before ``ref``."""
    try:
        if year is not None:
            return date(year, month, day)
        if ref is None:
            return None
        candidate = date(ref.year, month, day)
        return candidate if candidate <= ref else date(ref.year - 1, month, day)
    except ValueError:
        return None


def find_dates(text: str, published: str | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` that can be resolved, left to right, without overlaps."""
    ref = _day(published)
    end = len(text) if end is None else end
    if not _ANY.search(text, start, end):
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            resolved = _resolve(kind, match, ref)
            if resolved is None:
                continue
            value, precision = resolved
            found.append(DateMention(match.start(), match.end(), value, precision))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, match: re.Match, ref: date | None) -> tuple[str, str] | None:
    groups = match.groupdict()
    if kind in ("dmy", "mdy", "iso"):
        month = int(groups["month"]) if kind == "iso" else MONTHS[groups["month"].lower().rstrip(".")]
        year = int(groups["year"]) if groups.get("year") else None
        day = _past(year, month, int(groups["day"]), ref)
        return (day.isoformat(), "day") if day else None
    if ref is None:
        if kind == "year":
            return f"{groups['year']}-01-01", "year"
        return None
    if kind == "weekday":
        back = (ref.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        if groups.get("rel") and groups["rel"].lower() == "last" and back == 0:
            back = 7
        return (ref - timedelta(days=back)).isoformat(), "day"
    if kind == "yesterday":
        back = 2 if match.group().lower().startswith("the day") else 1
        return (ref - timedelta(days=back)).isoformat(), "day"
    if kind == "today":
        return ref.isoformat(), "day"
    if kind == "ago":
        n = int(groups["n"]) if groups["n"].isdigit() else _NUMBERS[groups["n"].lower()]
        days = n * (7 if groups["unit"].lower().startswith("week") else 1)
        return (ref - timedelta(days=days)).isoformat(), "day"
    if kind == "month_rel":
        shift = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        if groups["unit"].lower() == "year":
            return f"{ref.year + shift}-01-01", "year"
        month_index = ref.year * 12 + ref.month - 1 + shift
        return f"{month_index // 12}-{month_index % 12 + 1:02d}-01", "month"
    if kind == "in_month":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        year = ref.year if month <= ref.month else ref.year - 1
        if groups.get("year"):
            year = int(groups["year"])
        return f"{year}-{month:02d}-01", "month"
    if kind == "year":
        return f"{groups['year']}-01-01", "year"
    return None


def publication_day(published: str | None) -> tuple[str | None, str | None]:
    """The publication date as a ``said_on`` fallback: (ISO date, precision)."""
    day = _day(published)
    if day is not None:
        return day.isoformat(), "day"
    if published and re.fullmatch(r"\d{4}-\d{2}", published[:7]):
        return f"{published[:7]}-01", "month"
    return None, None
