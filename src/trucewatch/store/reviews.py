"""Users and reviews: human decisions kept beside machine output, never inside it.

Reviews are append-only revisions keyed by an item's stable id, so ``analyse`` (which rewrites
statements and links) never undoes them, and an item that disappears leaves its review visible
as orphaned. Each target's revisions are numbered; writing on a stale number is a ``Conflict``.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine, and_, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from trucewatch.records import Incident, stable_id
from trucewatch.store.tables import evidence_links, incidents, revisions, statements, users

if TYPE_CHECKING:
    from trucewatch.records import EvidenceLink, Statement

ROLES = ("viewer", "reviewer", "admin")
WRITERS = ("reviewer", "admin")
VERDICTS = ("confirmed", "rejected")
NOT_A_CONTRADICTION = "not_a_contradiction"
CONTRADICTION_VERDICTS = ("confirmed", NOT_A_CONTRADICTION)
# Stored items, whose rows a review is checked against (and found orphaned when analysis drops them).
TARGETS = {"evidence": evidence_links, "statement": statements, "incident": incidents}
# Computed items (contradictions, provision statuses): the caller checks that they exist.
COMPUTED = ("contradiction", "provision")
# The fields a review may set, per target: the rest of the item stays as the machine made it.
REVIEWED_FIELDS = {"evidence": ("verdict", "provision"), "statement": ("speaker", "speaker_name", "said_on"),
                   "incident": ("verdict", "type", "date", "place", "fatalities", "group"),
                   "contradiction": ("verdict",),
                   "provision": ("status", "on")}  # a status set by hand, from a day on (None: the machine's)
INCIDENT_FIELDS = ("type", "date", "place", "fatalities")


class Conflict(Exception):
    """Someone else reviewed the item since the version the writer saw."""

    def __init__(self, kind: str, target_id: str, current: int) -> None:
        super().__init__(f"{kind} {target_id} is at version {current}: reload and decide again")
        self.current = current


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Reviews:
    """Store methods for users and revisions (mixed into ``Store``)."""

    engine: Engine

    # -- users -------------------------------------------------------------------------

    def add_user(self, name: str, role: str) -> str:
        """Create a user and return their token: shown once, stored only as a hash."""
        from trucewatch.store import _now

        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as connection:
            connection.execute(insert(users).values(name=name, role=role, token_hash=hash_token(token),
                                                    created_at=_now()))
        return token

    def user_for_token(self, token: str) -> dict | None:
        """The user (id, name, role) holding ``token``, or None."""
        query = select(users.c.id, users.c.name, users.c.role).where(users.c.token_hash == hash_token(token))
        with self.engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return dict(row) if row else None

    def user(self, user_id: int) -> dict | None:
        query = select(users.c.id, users.c.name, users.c.role).where(users.c.id == user_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return dict(row) if row else None

    def users(self) -> list[dict]:
        query = select(users.c.id, users.c.name, users.c.role, users.c.created_at).order_by(users.c.id)
        with self.engine.connect() as connection:
            return [dict(r) for r in connection.execute(query).mappings()]

    # -- revisions ---------------------------------------------------------------------

    def add_revision(self, user: str, target_kind: str, target_id: str, changes: dict, *, action: str = "review",
                     note: str | None = None, expected_version: int | None = None) -> dict:
        """Append a revision setting ``changes`` on an item; returns it (``unchanged`` False).

        A review by the user who made the newest revision, with its state and note, records nothing and
        returns that revision (``unchanged`` True): re-running a review is idempotent.

        ``expected_version`` is the item's review version the writer saw (0: never reviewed); if
        another revision came first, ``Conflict``. Without it, the change goes on top of the newest.
        A missing item is a ``LookupError``.
        """
        unknown = set(changes) - set(REVIEWED_FIELDS[target_kind])
        if unknown:
            raise ValueError(f"a {target_kind} review cannot set {', '.join(sorted(unknown))}")
        for attempt in range(5):
            try:
                return self._append(user, target_kind, target_id, changes, action, note, expected_version)
            except (IntegrityError, OperationalError):  # a concurrent writer went first (or held the lock): re-read
                if attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _append(self, user: str, target_kind: str, target_id: str, changes: dict, action: str, note: str | None,
                expected_version: int | None) -> dict:
        from trucewatch.store import _now

        with self.engine.begin() as connection:
            machine = _machine_state(connection, target_kind, target_id)
            if machine is None:
                raise LookupError(f"no {target_kind} {target_id}")
            current = _current(connection, target_kind, [target_id]).get(target_id)
            version, before = (current["version"], current["state"]) if current else (0, machine)
            if expected_version is not None and expected_version != version:
                raise Conflict(target_kind, target_id, version)
            if current and _repeats(current, user, {**before, **changes}, note):
                newest = connection.execute(select(revisions).where(
                    revisions.c.target_kind == target_kind, revisions.c.target_id == target_id,
                    revisions.c.version == version)).mappings().one()
                return {**newest, "unchanged": True}
            row = {"user": user, "at": _now(), "target_kind": target_kind, "target_id": target_id,
                   "version": version + 1, "action": action, "before": before, "after": {**before, **changes},
                   "note": note}
            row["id"] = connection.execute(insert(revisions).values(**row)).inserted_primary_key[0]
        return {**row, "unchanged": False}

    def current_reviews(self, target_kind: str, ids: list[str] | None = None) -> dict[str, dict]:
        """target id -> {"version", "state", "user", "at", "note"} of its newest revision."""
        with self.engine.connect() as connection:
            return _current(connection, target_kind, ids)

    def revisions(self, *, limit: int = 50, offset: int = 0, target_kind: str | None = None,
                  target_id: str | None = None, user: str | None = None) -> list[dict]:
        """Revisions newest first, each with ``orphaned``: its item is gone after re-analysis."""
        query = select(revisions).order_by(revisions.c.id.desc()).limit(limit).offset(offset)
        for column, value in ((revisions.c.target_kind, target_kind), (revisions.c.target_id, target_id),
                              (revisions.c.user, user)):
            if value is not None:
                query = query.where(column == value)
        with self.engine.connect() as connection:
            rows = [dict(r) for r in connection.execute(query).mappings()]
            present = {kind: set(connection.scalars(select(table.c.id).where(
                table.c.id.in_([r["target_id"] for r in rows if r["target_kind"] == kind]))))
                for kind, table in TARGETS.items()}
        for row in rows:  # a computed item (contradiction, status) is checked where it is computed: None here
            row["orphaned"] = None if row["target_kind"] not in TARGETS else \
                row["target_id"] not in present[row["target_kind"]]
        return rows

    def incident_groups(self, reports: list[Incident], places=None) -> dict[str, str]:
        """Report id -> incident id of ``reports``: grouped as reviewers left them (a corrected type, date or place
        regroups the report, a corrected place read again in the gazetteer; a rejected one is alone), with
        reviewers' merges and splits over it.
        ``places``: the gazetteer's places by id when the user added places files (default: the bundled one)."""
        from trucewatch.incidents.gazetteer import Gazetteer, load_gazetteer
        from trucewatch.incidents.grouping import group_incidents, with_place_read

        ids = [r.id for r in reports]
        reviews = self.current_reviews("incident", ids)
        machine = self.incidents_by_id(ids)  # type: ignore[attr-defined]
        written = {r.id: r.place for r in machine}
        gazetteer = load_gazetteer() if places is None else Gazetteer((p, p.names) for p in places.values())
        reviewed = [with_place_read(r, gazetteer) if r.place != written[r.id] else r
                    for r in apply_incident_reviews(machine, reviews)]
        groups = group_incidents(reviewed, gazetteer.places)
        return regroup({i: groups.get(i) or stable_id("ig", i) for i in ids}, reviews)

    def reviewed_incident_groups(self, machine: dict[str, str], places=None) -> dict[str, str]:
        """Report id -> incident id: the machine's grouping of every report (``machine``) with reviewers' decisions
        over it. A report whose type, date or place a reviewer corrected, or that was rejected, is grouped again
        with its neighbours only (the reports of its machine incident and those dated within the widest grouping
        window of its old or new date, with their whole machine incidents), so a correction regroups at once
        without regrouping the store; merges and splits apply last."""
        from trucewatch.incidents.grouping import grouping_rules

        reviews = self.current_reviews("incident")
        reviewed = [i for i, r in reviews.items() if r.get("state") and i in machine]
        changed = [r for r in self.incidents_by_id(reviewed)  # type: ignore[attr-defined]
                   if _regroups(r, reviews[r.id]["state"])]
        if not changed:
            return regroup(machine, reviews)
        rules = grouping_rules()
        days = timedelta(days=max([rules.default_window, *rules.windows.values()]) + rules.lookback)
        near: set[str] = set()
        for report in changed:
            for value in {report.date, reviews[report.id]["state"].get("date")} - {None}:
                try:
                    day = date.fromisoformat(value[:10])
                except ValueError:
                    continue
                near.update(r.id for r in self.incidents(  # type: ignore[attr-defined]
                    date_from=(day - days).isoformat(), date_to=(day + days).isoformat(), reviewed=False))
            near.add(report.id)
        members: dict[str, list[str]] = {}
        for report_id, incident_id in machine.items():
            members.setdefault(incident_id, []).append(report_id)
        near |= {m for i in near for m in members.get(machine.get(i, ""), ())}
        neighbours = list(self.incidents(reviewed=False)) if len(near) > len(machine) / 2 else \
            self.incidents_by_id(sorted(near))  # type: ignore[attr-defined]
        return regroup({**machine, **self.incident_groups(neighbours, places)}, reviews)

    def machine_incident_groups(self, version: str) -> dict[str, str]:
        """The machine's grouping of every stored report, materialised under ``version`` (``incidents_version``
        without reviews): grouping a large store takes minutes, so it is done once per analysis, not per
        process or per review."""
        from trucewatch.incidents.grouping import group_incidents

        stored = self.assessment("*", "incident_groups", "-", version)  # type: ignore[attr-defined]
        if stored is None:
            stored = group_incidents(list(self.incidents(reviewed=False)))  # type: ignore[attr-defined]
            self.save_assessment("*", "incident_groups", "-", version, stored)  # type: ignore[attr-defined]
        return stored  # type: ignore[return-value]

    def newest_revision(self) -> int | None:
        """The id of the newest revision of any kind: a token of every human decision."""
        with self.engine.connect() as connection:
            return connection.scalar(select(func.max(revisions.c.id)))

    def count_revisions(self) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(revisions)) or 0

    def orphaned_reviews(self) -> list[dict]:
        """The newest revision of every reviewed item that no longer exists (re-analysis dropped it)."""
        found = []
        with self.engine.connect() as connection:
            for kind, table in TARGETS.items():
                reviews = _current(connection, kind, None)
                present = set(connection.scalars(select(table.c.id).where(table.c.id.in_(list(reviews)))))
                found += [{"target_kind": kind, "target_id": i, **r} for i, r in reviews.items() if i not in present]
        return found


def _repeats(current: dict, user: str, after: dict, note: str | None) -> bool:
    """Whether a review only says again what its reviewer last said: same user, state and note. Re-running
    it records nothing (idempotent); another reviewer saying the same is their own decision, and recorded."""
    return current["user"] == user and current["state"] == after and current["note"] == note


def _machine_state(connection, target_kind: str, target_id: str) -> dict | None:
    """The reviewable fields of an item as the machine made it (no verdict yet)."""
    if target_kind in COMPUTED:
        return dict.fromkeys(REVIEWED_FIELDS[target_kind])
    table = TARGETS[target_kind]
    if target_kind == "incident":
        row = connection.execute(select(*(table.c[f] for f in INCIDENT_FIELDS)).where(table.c.id == target_id)
                                 ).mappings().first()
        return None if row is None else {"verdict": None, **row, "group": None}
    if target_kind == "evidence":
        provision = connection.scalar(select(table.c.provision).where(table.c.id == target_id))
        return None if provision is None else {"verdict": None, "provision": provision}
    row = connection.execute(select(table.c.speaker, table.c.speaker_name, table.c.said_on)
                             .where(table.c.id == target_id)).mappings().first()
    return dict(row) if row else None


def _current(connection, target_kind: str, ids: list[str] | None) -> dict[str, dict]:
    newest = (select(revisions.c.target_id, func.max(revisions.c.version).label("version"))
              .where(revisions.c.target_kind == target_kind).group_by(revisions.c.target_id))
    if ids is not None and len(ids) > 500:  # past a bound parameter list: read every review, keep the wanted
        wanted = set(ids)
        return {i: r for i, r in _current(connection, target_kind, None).items() if i in wanted}
    if ids is not None:
        if not ids:
            return {}
        newest = newest.where(revisions.c.target_id.in_(ids))
    newest = newest.subquery()
    query = select(revisions).join(newest, and_(revisions.c.target_id == newest.c.target_id,
                                                revisions.c.version == newest.c.version)).where(
        revisions.c.target_kind == target_kind)
    return {r["target_id"]: {"version": r["version"], "state": r["after"], "user": r["user"], "at": r["at"],
                             "note": r["note"]} for r in connection.execute(query).mappings()}


def apply_link_reviews(links: list[EvidenceLink], reviews: dict[str, dict],
                       statement_reviews: dict[str, dict]) -> list[EvidenceLink]:
    """Links as reviewers left them: rejected ones out, moved ones on their new provision, corrected speakers."""
    kept = []
    for link in links:
        state = reviews.get(link.id, {}).get("state", {})
        if state.get("verdict") == "rejected":
            continue
        said = statement_reviews.get(link.statement_id or "", {}).get("state")
        if said:
            link = replace(link, speaker=said.get("speaker"), said_on=said.get("said_on"))
        if state.get("provision") and state["provision"] != link.provision:
            link = replace(link, provision=state["provision"])
        kept.append(link)
    return kept


@dataclass
class ReviewedIncident(Incident):
    """A report whose type a reviewer corrected: it keeps the id the machine gave it (the id hashes the type)."""

    machine_id: str = ""

    @property
    def id(self) -> str:
        return self.machine_id


def apply_incident_reviews(reports: Iterable[Incident], reviews: dict[str, dict]) -> Iterator[Incident]:
    """Incident reports as reviewers left them: rejected ones out, corrected fields (and the codes of a
    corrected type) in place. Groups set by a merge or a split are applied by ``regroup``."""
    from trucewatch.incidents.rules import incident_rules

    codes = None
    for report in reports:
        state = reviews.get(report.id, {}).get("state")
        if state and state.get("verdict") == "rejected":
            continue
        if state:
            fields = {f: state[f] for f in INCIDENT_FIELDS if f in state}
            if fields.get("type") and fields["type"] != report.type:
                codes = codes or {t.name: t for t in incident_rules().types}
                rule = codes.get(fields["type"])
                if rule is not None:
                    fields |= {"plover_type": rule.plover_type, "plover_mode": rule.plover_mode,
                               "acled_event_type": rule.acled_event_type,
                               "acled_sub_event_type": rule.acled_sub_event_type}
                report = ReviewedIncident(**{f.name: getattr(report, f.name) for f in dataclass_fields(report)},
                                          machine_id=report.id)
            report = replace(report, **fields)
        yield report


def _regroups(report: Incident, state: dict) -> bool:
    """Whether a review changes what grouping reads of ``report``: rejected, or its type, date or place corrected."""
    return state.get("verdict") == "rejected" or any(
        f in state and state[f] != getattr(report, f) for f in ("type", "date", "place"))


def regroup(groups: dict[str, str], reviews: dict[str, dict]) -> dict[str, str]:
    """Report id -> incident id with reviewers' merges and splits over the machine's grouping."""
    return {report: (reviews.get(report, {}).get("state") or {}).get("group") or group
            for report, group in groups.items()}


def apply_statement_review(statement: Statement, reviews: dict[str, dict]) -> Statement:
    """A statement with its reviewed speaker and date, if a reviewer corrected them."""
    state = reviews.get(statement.id, {}).get("state")
    if not state:
        return statement
    return replace(statement, **{k: state.get(k) for k in REVIEWED_FIELDS["statement"]})
