"""A reader for PolNeAR (brat standoff): Source/Cue/Content spans of each attribution.

Offsets are character offsets into the article's ``.txt``. Discontinuous spans
("315 448;463 553") are kept as several pieces. Articles annotated by several people
have several ``.ann`` files; the first in sorted order is used.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trucewatch.evaluation.matching import Spans

_QUOTE_MARKS = re.compile(r"[\"“”«»„]")


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans = ()
    cue: Spans = ()
    source_text: str | None = None
    quoted: bool = False  # the content contains quote marks
    # Own annotations only: speaker alternatives (actor ids or names; () = no speaker), date said, kind.
    speaker: tuple[str, ...] | None = None
    said_on: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class BratDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    published: str | None = None


def _spans(field: str) -> Spans:
    pieces = []
    for piece in field.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(ann: str, text: str) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file; malformed lines are skipped, not fatal."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(where))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for argument in parts[1].split():
                role, _, ref = argument.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    def collect(roles: dict[str, list[str]], role: str) -> Spans:
        return tuple(s for ref in roles.get(role, ()) if ref in spans for s in spans[ref][1])

    found = []
    for roles in events:
        content = collect(roles, "Content")
        if not content:
            continue
        source = collect(roles, "Source")
        source_text = " ".join(text[s:e] for s, e in source) if source else None
        quoted = any(_QUOTE_MARKS.search(text[s:e]) for s, e in content)
        found.append(GoldAttribution(content, source, collect(roles, "Cue"), source_text, quoted))
    return found


def _published(folder: Path) -> dict[str, str]:
    for candidate in (folder / "metadata.tsv", folder.parent / "metadata.tsv", folder.parent.parent / "metadata.tsv"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8") as handle:
                return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")
                        if row.get("filename") and row.get("publication_date")}
    return {}


def read_polnear(folder: str | Path) -> Iterator[BratDocument]:
    """Articles of a PolNeAR split folder (``text/`` + ``attributions/``, or both side by side)."""
    folder = Path(folder)
    texts = folder / "text" if (folder / "text").is_dir() else folder
    anns = folder / "attributions" if (folder / "attributions").is_dir() else folder
    dates = _published(folder)
    for path in sorted(texts.glob("*.txt")):
        candidates = sorted(anns.glob(f"{path.stem}_*.ann")) or sorted(anns.glob(f"{path.stem}.ann"))
        if not candidates:
            continue
        text = path.read_text(encoding="utf-8")
        attributions = read_ann(candidates[0].read_text(encoding="utf-8"), text)
        date = dates.get(path.stem)
        if date is None and (match := re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)):
            date = match.group(1)
        yield BratDocument(path.stem, text, tuple(attributions), date)
