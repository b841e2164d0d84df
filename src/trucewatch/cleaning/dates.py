"""Finding and parsing dates as news texts write them.

Hand-written patterns rather than dateparser: they are ~100x faster, never guess
from a bare number, and report exactly where the date is. Shapes understood:
"18 December 2020", "10 November 2020, 13:44", "Nov. 10, 2020 at 10:53 am MSK",
"26 February 2021 15:36 (UTC +04:00)", "2020-11-10T13:44:00+03:00", "10.11.2020",
"11/10/2020", "13:44, 10 November 2020", Russian month names, and dates without
a year ("Nov 10", as in wire datelines).

Ambiguous numeric dates (both parts <= 12): "." and "-" separated dates are
day-first (the European and Russian convention); "/" dates follow the convention
the text itself shows (another "/" date whose first part is > 12 or whose second
part is > 12, else month-name-first dates such as "Nov 10" mean month-first),
and are day-first when the text shows none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS: dict[str, int] = {}
for number, names in enumerate((
    "january jan janv января январь янв",
    "february feb febr февраля февраль фев",
    "march mar марта март мар",
    "april apr апреля апрель апр",
    "may мая май",
    "june jun июня июнь",
    "july jul июля июль",
    "august aug августа август авг",
    "september sep sept сентября сентябрь сен сент",
    "october oct октября октябрь окт",
    "november nov ноября ноябрь ноя",
    "december dec декабря декабрь дек",
), start=1):
    for name in names.split():
        MONTHS[name] = number

# Offsets of the zone names news sites print next to times.
ZONES = {"utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "msk": "+03:00", "moscow time": "+03:00",
         "azt": "+04:00", "baku time": "+04:00", "amt": "+04:00", "yerevan time": "+04:00",
         "get": "+04:00", "tbilisi time": "+04:00", "мск": "+03:00", "cet": "+01:00", "cest": "+02:00",
         "eet": "+02:00", "eest": "+03:00", "trt": "+03:00", "est": "-05:00", "edt": "-04:00"}

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"

FORMS = {
    "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)"
                      r"(?::(?P<S>[0-5]\d)(?:\.\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"),
    "day_month": re.compile(rf"(?<![\w.]){_DAY}\s*(?:of\s+)?{_MONTH}(?![\w])"
                            rf"(?:,?\s*{_YEAR}(?:\s*(?:г\.|года))?)?(?!\d)", re.IGNORECASE),
    "month_day": re.compile(rf"(?<![\w]){_MONTH}\s*{_DAY}(?!\d)(?:,?\s+{_YEAR}(?!\d))?", re.IGNORECASE),
    "numeric": re.compile(r"(?<![\d.:/-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
                          r"(?P<y>(?:19|20)\d\d)(?![\d])"),
}
_TIME = re.compile(r"\s*(?:,|\bat\b|в|-|–|\||/)?\s*(?P<H>[0-2]?\d)[:.](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
                   r"(?!\d)(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?P<H>[0-2]?\d):(?P<M>[0-5]\d)\s*[,|/-]?\s*$")
_ZONE = re.compile(r"\s*\(?\s*(?:(?P<name>utc|gmt|msk|azt|amt|get|мск|cet|cest|eet|eest|trt|est|edt|"
                   r"(?:baku|moscow|yerevan|tbilisi) time)\s*(?P<off>[+-−]\s*[01]?\d(?::?[0-5]\d)?)?"
                   r"|(?P<num>[+-][01]\d:?[0-5]\d))\s*\)?", re.IGNORECASE)


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

    def iso(self) -> str | None:
        """ISO 8601: a date, or a datetime (with its offset when the zone was given); None without a year."""
        if self.year is None:
            return None
        day = date(self.year, self.month, self.day).isoformat()
        if self.hour is None:
            return day
        clock = f"{self.hour:02d}:{self.minute or 0:02d}" + (f":{self.second:02d}" if self.second is not None else "")
        return f"{day}T{clock}{self.offset or ''}"

    def with_year(self, year: int) -> FoundDate:
        return FoundDate(self.start, self.end, year, self.month, self.day, self.hour, self.minute, self.second,
                         self.offset)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible without a year
    except ValueError:
        return False
    return True


def _offset(match: re.Match[str]) -> str | None:
    if match.group("num"):
        raw = match.group("num").replace(":", "")
        return f"{raw[:3]}:{raw[3:]}"
    base = ZONES[match.group("name").lower()]
    if not match.group("off"):
        return base
    raw = re.sub(r"\s", "", match.group("off")).replace("−", "-")
    sign, digits = raw[0], raw[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hours):02d}:{minutes}"


def _clock(text: str, found: FoundDate) -> FoundDate:
    """Extend a date with the time and zone written right after (or a time right before) it."""
    start, end, hour, minute, second, offset = found.start, found.end, found.hour, found.minute, None, found.offset
    if hour is None:
        after = _TIME.match(text, end)
        if after and int(after.group("H")) < 24:
            hour, minute = int(after.group("H")), int(after.group("M"))
            second = int(after.group("S")) if after.group("S") else None
            ampm = (after.group("ampm") or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
            end = after.end()
        else:
            before = _TIME_BEFORE.search(text, max(0, start - 12), start)
            if before and int(before.group("H")) < 24:
                hour, minute, start = int(before.group("H")), int(before.group("M")), before.start()
    if hour is not None and offset is None:
        zone = _ZONE.match(text, end)
        if zone:
            offset, end = _offset(zone), zone.end()
    return FoundDate(start, end, found.year, found.month, found.day, hour, minute,
                     second if second is not None else found.second, offset)


def _slash_convention(text: str) -> bool:
    """True when the text writes month-first dates (see the module docstring)."""
    for match in FORMS["numeric"].finditer(text):
        if match.group("sep") == "/":
            if int(match.group("a")) > 12:
                return False
            if int(match.group("b")) > 12:
                return True
    return bool(FORMS["month_day"].search(text)) and not FORMS["day_month"].search(text)


def find_dates(text: str, *, month_first: bool | None = None) -> list[FoundDate]:
    """Every valid date in ``text``, in order, overlapping readings resolved to the longest."""
    found: list[FoundDate] = []
    for form, pattern in FORMS.items():
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
                day, month = int(groups["d"]), MONTHS[groups["mon"].lower()]
            if not _valid(year, month, day):
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
    except (TypeError, ValueError, IndexError):
        return None
    offset = parsed.strftime("%z")
    return FoundDate(0, len(value), parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second,
                     f"{offset[:3]}:{offset[3:]}" if offset else None)


_LABEL = re.compile(r"^[\s#*•·|>-]*(?:(?P<label>published|posted|updated|last updated|modified|created|date|"
                    r"опубликовано|обновлено|дата)\b\s*(?:on|at)?\s*:?\s*)?(?:" + _WEEKDAY + r")?",
                    re.IGNORECASE)
_TAIL_OK = re.compile(r"^(?:$|[|/•·,;-]|\(?\w+(?:\s+\w+){0,2}\)?$)")


@dataclass(frozen=True)
class DateLine:
    """A line that is (essentially) a date: a dateline, a timestamp, a sidebar date."""

    date: FoundDate
    updated: bool  # labelled as an update or modification time, not the publication


def date_line(line: str) -> DateLine | None:
    """The date when ``line`` is a date (with an optional label, weekday, time, zone and a short tail)."""
    if len(line) > 160:
        return None
    label = _LABEL.match(line)
    begin = label.end() if label else 0
    found = find_dates(line)
    if not found or found[0].start != begin:
        return None
    first = found[0]
    if not _TAIL_OK.match(line[first.end:].strip()):
        return None
    word = (label.group("label") or "").lower() if label else ""
    return DateLine(first, word in ("updated", "last updated", "modified", "обновлено"))
