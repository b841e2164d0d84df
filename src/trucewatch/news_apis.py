"""JSONL records of news APIs (NewsAPI, GDELT DOC, Media Cloud, ...) read with their own field names.

A file may mix exports, so the format is detected per record from the field names listed in
``data/news_apis.yaml``; a user's ``--map FIELD=PATH`` goes first, for any other export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from trucewatch import datafiles
from trucewatch.text.dates import parse_date

FIELDS = ("text", "html", "url", "title", "published", "outlet")
HINTS = FIELDS[2:]  # what a record tells about its document besides the text


@dataclass(frozen=True)
class ApiFormat:
    id: str
    name: str
    detect: tuple[str, ...]  # any of these paths present: the record is of this format
    fields: dict[str, tuple[str, ...]]
    trim: re.Pattern[str] | None = None  # removed from the text (NewsAPI's "[+1234 chars]")


@cache
def formats() -> tuple[ApiFormat, ...]:
    data = datafiles.bundled("data/news_apis.yaml", "news_apis")
    return tuple(ApiFormat(f["id"], f["name"], tuple(f.get("detect", ())),
                           {name: tuple(paths) for name, paths in f["fields"].items()},
                           re.compile(f["trim"]) if f.get("trim") else None)
                 for f in data["formats"])


def lookup(record: object, path: str) -> object | None:
    """The value at a dotted path ("source.name", "authors.0"), or None."""
    value = record
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def parse_map(pairs: Iterable[str]) -> dict[str, str]:
    """``FIELD=PATH`` pairs as given to ``--map``; a ValueError names the first bad one."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, _, path = pair.partition("=")
        field, path = field.strip(), path.strip()
        if field not in FIELDS or not path:
            raise ValueError(f"{pair!r}: expected FIELD=PATH with FIELD one of {', '.join(FIELDS)}")
        mapping[field] = path
    return mapping


def detect(record: Mapping[str, object]) -> ApiFormat:
    """The first format any of whose ``detect`` paths the record has; the last is Truce Watch's own."""
    for api in formats():
        if any(lookup(record, path) not in (None, "") for path in api.detect):
            return api
    return formats()[-1]


def read_record(record: Mapping[str, object], field_map: Mapping[str, str] | None = None
                ) -> tuple[ApiFormat, dict[str, str]]:
    """(the record's format, its non-empty string values by document field)."""
    api = detect(record)
    values: dict[str, str] = {}
    for field in FIELDS:
        paths = ((field_map[field],) if field_map and field in field_map else ()) + api.fields.get(field, ())
        for path in paths:
            value = lookup(record, path)
            if isinstance(value, str) and value.strip():
                values[field] = value
                break
    if api.trim and "text" in values:
        values["text"] = api.trim.sub("", values["text"])
    if "published" in values:
        values["published"] = _iso(values["published"])
    return api, values


def _iso(value: str) -> str:
    """A date the date parser reads as it is; else ISO 8601's compact form ("20201110T134500Z") expanded."""
    if parse_date(value):
        return value
    try:
        return datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return value
