"""Agreements as data: schema-validated YAML files turned into typed records.

Bundled files live in ``trucewatch/data/agreements``; users add their own with
``$TRUCEWATCH_AGREEMENTS`` (a file or a directory, several joined with the path
separator) or ``--agreements PATH``. Nothing about a particular conflict is
written in Python: provisions, deadlines, terms, indicators and status signals
all come from the files (see docs/agreement-format.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from trucewatch import datafiles
from trucewatch.datafiles import DataFileError

PACKAGE = Path(__file__).parent
BUNDLED = PACKAGE / "data" / "agreements"
PLACES = PACKAGE / "data" / "places"
ENV_VAR = "TRUCEWATCH_AGREEMENTS"
AGREEMENT_LEVEL = "*"  # provision number of links about the agreement as a whole

SIGNALS = ("done", "advanced", "started", "not_done", "reversed", "terminated", "violated", "disputed")


class AgreementError(DataFileError):
    """A file that is not a valid agreement (or gazetteer): the message names the file and the field."""


@dataclass(frozen=True)
class Party:
    id: str  # side code shared with the actor registry, e.g. AZ
    name: str
    role: str = "party"  # party | mediator | guarantor | observer
    aligned: tuple[str, ...] = ()  # other side codes whose speakers speak for this party (de facto authorities)


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    party: str


@dataclass(frozen=True)
class LanguageVersion:
    language: str
    source: str
    used: bool = False
    note: str = ""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    what: str = ""


@dataclass(frozen=True)
class Deadline:
    id: str
    due: date
    description: str
    places: tuple[str, ...] = ()  # evidence about this deadline must name one of these places...
    phrases: tuple[str, ...] = ()  # ...or one of these phrases (when neither is given: any evidence)


@dataclass(frozen=True)
class Period:
    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        return _add(start, self.years, self.months, self.days)

    def before(self, end: date) -> date:
        return _add(end, -self.years, -self.months, -self.days)

    def __str__(self) -> str:
        parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in
                 ((self.years, "year"), (self.months, "month"), (self.days, "day")) if n]
        return " ".join(parts) or "0 days"


@dataclass(frozen=True)
class Term:
    """How long an obligation runs and how it renews: e.g. 5 years, renewed unless notice 6 months before."""

    duration: Period
    starts: date
    renewal: Period | None = None  # None: no renewal
    automatic: bool = False
    notice: Period | None = None  # how long before expiry notice of termination must be given
    notice_by: str = "any party"


@dataclass(frozen=True)
class Indicators:
    """What in a sentence signals that it bears on a provision (see docs/agreement-format.md)."""

    phrases: tuple[str, ...] = ()  # enough on their own
    context: tuple[str, ...] = ()  # weak: need another indicator
    places: tuple[str, ...] = ()  # gazetteer ids
    actors: tuple[str, ...] = ()  # names of actors specific to the provision (weak)
    exclude: tuple[str, ...] = ()  # phrases that veto the link (a different thing with similar words)
    outside: tuple[str, ...] = ()  # gazetteer ids of places outside the provision's zone: naming one vetoes it


@dataclass(frozen=True)
class Provision:
    number: str
    text: str
    topic: str
    obligated: tuple[str, ...] = ()
    benefiting: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    term: Term | None = None
    indicators: Indicators = Indicators()
    signals: dict[str, tuple[str, ...]] = field(default_factory=dict)  # extra status cues for this provision
    incidents: tuple[str, ...] = ()  # incident types (ceasefire violations, releases...) that bear on it


@dataclass(frozen=True)
class Amendment:
    """A later change agreed by the parties: a moved deadline, an early termination, a new text."""

    id: str
    date: date
    kind: str  # deadline | termination | text
    description: str
    provision: str | None = None
    deadline: str | None = None
    new_due: date | None = None
    source: str = ""
    mentions: tuple[str, ...] = ()  # how reports name it as past: an undated report naming it was written after


@dataclass(frozen=True)
class InstrumentEvent:
    date: date
    what: str
    mentions: tuple[str, ...] = ()  # how reports name it as past (as ``Amendment.mentions``)


@dataclass(frozen=True)
class Instrument:
    """A related document: a follow-up statement, a memorandum setting up a body named in a provision."""

    id: str
    title: str
    date: date
    kind: str
    provisions: tuple[str, ...] = ()
    agreement: str | None = None  # id of a bundled agreement when the instrument is one
    events: tuple[InstrumentEvent, ...] = ()
    description: str = ""
    source: str = ""
    mentions: tuple[str, ...] = ()  # how reports name it as past (as ``Amendment.mentions``)


@dataclass(frozen=True)
class Agreement:
    id: str
    title: str
    signed: date
    effective: date
    parties: tuple[Party, ...]
    signatories: tuple[Signatory, ...]
    languages: tuple[LanguageVersion, ...]
    provisions: tuple[Provision, ...]
    references: tuple[str, ...]  # phrases that name the agreement as a whole
    generic_references: tuple[str, ...]  # "the agreement": only in documents that also use a reference
    scope: tuple[str, ...]  # phrases that place a document in the agreement's conflict
    signals: dict[str, tuple[str, ...]]
    background: tuple[str, ...] = ()  # other agreements, earlier ceasefires, other conflicts: never evidence
    terms: tuple[str, ...] = ()  # wording that restates what the agreement provides: not evidence of doing it
    short_title: str = ""
    conflict: str = ""
    gazetteer: str | None = None
    amendments: tuple[Amendment, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    path: str = ""

    def provision(self, number: str | int) -> Provision:
        for provision in self.provisions:
            if provision.number == str(number):
                return provision
        raise KeyError(f"{self.id} has no provision {number!r} (has {', '.join(self.numbers())})")

    def numbers(self) -> list[str]:
        return [p.number for p in self.provisions]

    def language_used(self) -> LanguageVersion | None:
        return next((v for v in self.languages if v.used), None)

    def places(self) -> dict[str, Place]:
        return load_places(self.gazetteer) if self.gazetteer else {}

    def signals_for(self, number: str) -> dict[str, tuple[str, ...]]:
        """Status cues for a provision: the agreement's own plus the provision's extras."""
        extra = self.provision(number).signals if number != AGREEMENT_LEVEL else {}
        return {kind: self.signals.get(kind, ()) + extra.get(kind, ()) for kind in SIGNALS}

    def amendments_for(self, number: str) -> list[Amendment]:
        return [a for a in self.amendments if a.provision == number]

    def instruments_for(self, number: str) -> list[Instrument]:
        return [i for i in self.instruments if number in i.provisions]


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    variants: tuple[str, ...]
    within: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


# -- loading ------------------------------------------------------------------------------


def load_agreements(extra_paths: Iterable[str | os.PathLike] = ()) -> dict[str, Agreement]:
    """Bundled agreements, then the user's (``$TRUCEWATCH_AGREEMENTS``, then ``extra_paths``).

    A user file with the id of a bundled one replaces it. A malformed file raises
    :class:`AgreementError` naming the file and the field.
    """
    paths: list[Path] = list(_yaml_files(BUNDLED))
    env = os.environ.get(ENV_VAR)
    user = [Path(p) for p in env.split(os.pathsep) if p] if env else []
    user += [Path(p) for p in extra_paths]
    for location in user:
        if not location.exists():
            raise AgreementError(f"{location}: no such agreement file or directory")
        paths.extend(_yaml_files(location) if location.is_dir() else [location])
    agreements: dict[str, Agreement] = {}
    for path in paths:
        agreement = load_agreement(path)
        agreements[agreement.id] = agreement
    return agreements


def load_agreement(path: str | os.PathLike) -> Agreement:
    path = Path(path)
    data = datafiles.read(path, "agreement", AgreementError)
    return _agreement(data, str(path))


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def _date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise AgreementError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from error


def _period(data: dict[str, int] | None) -> Period | None:
    return Period(**data) if data else None


def _agreement(data: dict[str, Any], path: str) -> Agreement:
    effective = _date(data["effective"], f"{path}: effective")
    provisions = tuple(_provision(p, effective, f"{path}: provisions/{p['number']}") for p in data["provisions"])
    numbers = [p.number for p in provisions]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise AgreementError(f"{path}: provisions: duplicate number(s) {', '.join(duplicates)}")
    agreement = Agreement(
        id=data["id"], title=data["title"], short_title=data.get("short_title", ""),
        conflict=data.get("conflict", ""), signed=_date(data["signed"], f"{path}: signed"), effective=effective,
        parties=tuple(Party(**{**p, "aligned": tuple(p.get("aligned", ()))}) for p in data["parties"]),
        signatories=tuple(Signatory(**s) for s in data.get("signatories", [])),
        languages=tuple(LanguageVersion(**v) for v in data["languages"]),
        provisions=provisions, references=tuple(data.get("references", [])),
        generic_references=tuple(data.get("generic_references", [])), scope=tuple(data.get("scope", [])),
        background=tuple(data.get("background", [])), terms=tuple(data.get("terms", [])),
        signals={k: tuple(v) for k, v in data.get("signals", {}).items()},
        gazetteer=data.get("gazetteer"),
        amendments=tuple(_amendment(a, path) for a in data.get("amendments", [])),
        instruments=tuple(_instrument(i, path) for i in data.get("instruments", [])),
        path=path,
    )
    _check_references(agreement)
    return agreement


def _provision(data: dict[str, Any], effective: date, where: str) -> Provision:
    term = None
    if "term" in data:
        t = data["term"]
        renewal = t.get("renewal", {})
        term = Term(duration=Period(**t["duration"]),
                    starts=_date(t["starts"], f"{where}: term/starts") if "starts" in t else effective,
                    renewal=_period(renewal.get("period")), automatic=renewal.get("automatic", False),
                    notice=_period(renewal.get("notice")), notice_by=renewal.get("notice_by", "any party"))
    ind = data.get("indicators", {})
    return Provision(
        number=str(data["number"]), text=data["text"], topic=data["topic"],
        obligated=tuple(data.get("obligated", [])), benefiting=tuple(data.get("benefiting", [])),
        deadlines=tuple(Deadline(id=d["id"], due=_date(d["due"], f"{where}: deadlines/{d['id']}"),
                                 description=d["description"], places=tuple(d.get("places", [])),
                                 phrases=tuple(d.get("phrases", [])))
                        for d in data.get("deadlines", [])),
        quantities=tuple(Quantity(**q) for q in data.get("quantities", [])),
        term=term,
        indicators=Indicators(**{k: tuple(v) for k, v in ind.items()}),
        signals={k: tuple(v) for k, v in data.get("signals", {}).items()},
        incidents=tuple(data.get("incidents", [])),
    )


def _amendment(data: dict[str, Any], path: str) -> Amendment:
    where = f"{path}: amendments/{data['id']}"
    values = dict(data, date=_date(data["date"], f"{where}: date"))
    if "provision" in data:
        values["provision"] = str(data["provision"])
    if "new_due" in data:
        values["new_due"] = _date(data["new_due"], f"{where}: new_due")
    values["mentions"] = tuple(data.get("mentions", ()))
    return Amendment(**values)


def _instrument(data: dict[str, Any], path: str) -> Instrument:
    where = f"{path}: instruments/{data['id']}"
    values = dict(data, date=_date(data["date"], f"{where}: date"),
                  provisions=tuple(str(n) for n in data.get("provisions", [])))
    values["events"] = tuple(InstrumentEvent(_date(e["date"], f"{where}: events"), e["what"],
                                             tuple(e.get("mentions", ())))
                             for e in data.get("events", []))
    values["mentions"] = tuple(data.get("mentions", ()))
    return Instrument(**values)


def _check_references(agreement: Agreement) -> None:
    """Cross-field checks a JSON schema cannot express: the names used must exist."""
    where = agreement.path
    parties = {p.id for p in agreement.parties}
    places = agreement.places()
    for p in agreement.provisions:
        for side in (*p.obligated, *p.benefiting):
            if side not in parties:
                raise AgreementError(f"{where}: provisions/{p.number}: party {side!r} is not in parties")
        for place in (*p.indicators.places, *p.indicators.outside, *(x for d in p.deadlines for x in d.places)):
            if place not in places:
                raise AgreementError(f"{where}: provisions/{p.number}: place {place!r} is not in gazetteer "
                                     f"{agreement.gazetteer!r}")
    for s in agreement.signatories:
        if s.party not in parties:
            raise AgreementError(f"{where}: signatories: party {s.party!r} is not in parties")
    for a in agreement.amendments:
        if a.provision is None:
            continue
        provision = next((p for p in agreement.provisions if p.number == a.provision), None)
        if provision is None:
            raise AgreementError(f"{where}: amendments/{a.id}: no provision {a.provision!r}")
        if a.deadline and a.deadline not in {d.id for d in provision.deadlines}:
            raise AgreementError(f"{where}: amendments/{a.id}: provision {a.provision} has no deadline {a.deadline!r}")
    numbers = set(agreement.numbers())
    for i in agreement.instruments:
        for number in i.provisions:
            if number not in numbers:
                raise AgreementError(f"{where}: instruments/{i.id}: no provision {number!r}")


@cache
def load_places(name: str) -> dict[str, Place]:
    """A gazetteer from ``data/places/<name>.yaml``: place id -> place with its name variants."""
    path = PLACES / f"{name}.yaml"
    if not path.exists():
        raise AgreementError(f"gazetteer {name!r} not found ({path})")
    data = datafiles.read(path, "places", AgreementError)
    return {p["id"]: place_from_entry(p) for p in data["places"]}


def place_from_entry(entry: dict[str, Any]) -> Place:
    """One entry of a places file (``schemas/places.schema.json``) as a :class:`Place`."""
    return Place(id=entry["id"], name=entry["name"], kind=entry["kind"], variants=tuple(entry.get("variants", [])),
                 within=entry.get("within"), admin1=entry.get("admin1"), latitude=entry.get("latitude"),
                 longitude=entry.get("longitude"))


def _add(start: date, years: int, months: int, days: int) -> date:
    month_index = start.month - 1 + months + 12 * years
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = start.day
    while True:  # 31 Aug + 6 months -> 28/29 Feb
        try:
            return date(year, month, day) + timedelta(days=days)
        except ValueError:
            day -= 1
