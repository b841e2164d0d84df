"""Query parameters that narrow a listing or a search, read one way for every page and the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import HTTPException, Query

from trucewatch.store.browse import Filters

KINDS = ("documents", "statements", "evidence", "incidents")


@dataclass
class FilterParams:
    """The filters as asked (echoed on the page, so the form keeps them)."""

    type: str | None = Query(None, max_length=100, description="Search: documents, statements, evidence or "
                                                                "incidents (comma-separated); incidents: their type.")
    provision: str | None = Query(None, max_length=16)
    agreement: str | None = Query(None, max_length=64)
    actor: str | None = Query(None, max_length=200, description="An actor id (who said it).")
    side: str | None = Query(None, max_length=16, description="A side (country code): its actors' statements, "
                                                              "incidents an actor of it took part in.")
    outlet: str | None = Query(None, max_length=200)
    since: date | None = None
    until: date | None = None

    def echo(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(self).items()}

    def to_filters(self, *, incidents: bool = False) -> Filters:
        """As store ``Filters``. An actor, or a side, becomes the set of speakers (of statements and evidence);
        on the incident list (``incidents``) a side is of the actors who took part and ``type`` names incident
        types, elsewhere ``type`` names kinds of item."""
        from trucewatch.actors import load_registry

        speakers = frozenset([self.actor]) if self.actor else None
        if self.side and not incidents:
            of_side = frozenset(a.id for a in load_registry().actors.values() if a.side == self.side)
            speakers = of_side if speakers is None else speakers & of_side
        wanted = frozenset(t.strip() for t in (self.type or "").split(",") if t.strip())
        if not incidents and wanted - set(KINDS):
            raise HTTPException(422, f"type must be among {', '.join(KINDS)}")
        return Filters(kinds=frozenset() if incidents else wanted, types=wanted if incidents else frozenset(),
                       speakers=speakers, provision=self.provision or None, agreement=self.agreement or None,
                       outlet=self.outlet or None, side=(self.side or None) if incidents else None,
                       since=self.since.isoformat() if self.since else None,
                       until=self.until.isoformat() if self.until else None)
