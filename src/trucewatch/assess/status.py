"""Implementation status of each provision over time, its deadlines, its term and its coverage.

States (docs/status-model.md): ``no evidence`` (nothing reported), ``0`` not initiated (reported as not
started), ``1``-``3`` by reported progress (Peace Accords Matrix scale), ``disputed`` (accounts conflict),
``regressed`` (reported suspended, blockaded, withdrawn: implementation went back) and ``terminated``
(reported closed or ended, or the whole agreement ended on the record: a ``termination`` amendment with no
provision). Evidence is read in date order (the date a statement was made, else the date
of the report); every change records the link that moved it and the evidence against it:

* a ``started`` / ``advanced`` / ``done`` signal raises the status to 1 / 2 / 3 (a later "began" does
  not undo a "completed"); after a reversal or a dispute, a later-day positive report sets it again;
* ``not_done`` with nothing reported yet makes it ``0`` (reported as not started), unless it names a deadline
  of the provision not yet due after amendments ("postponed" before the due date is pending);
* ``violated`` with nothing reported yet makes it ``2``: a violation presupposes the obligation in force;
* ``not_done`` or ``violated`` after implementation was claimed makes it ``disputed`` when it comes from
  another source (speaker, or document when no speaker is known), and takes a full status back to 2 when
  the same source reports work remaining;
* ``disputed`` ("denied", "contradicts") after implementation was claimed makes it disputed;
* ``reversed`` (blockade, suspension, withdrawal) makes it ``regressed`` and ``terminated`` (closure, end)
  ``terminated``: status goes down as the record does; so does a ``termination`` amendment of the provision.

Only evidence dated from the signing to ``as_of`` is read and counted (evidence, sides, coverage); evidence
without any date is listed apart (``undated``) and evidence dated before the signing is left out. Counted
evidence that moves nothing is labelled so ("no signal (2 mentions)"), never "no evidence".
Deadlines and terms are computed from the agreement data (amendments included) and ``as_of``; a deadline
nobody reported on is ``no_report``, never "overdue".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from trucewatch.agreements import AGREEMENT_LEVEL, Agreement, Deadline, Instrument, Term
from trucewatch.assess.incidents import IncidentTally, tally
from trucewatch.linking import find
from trucewatch.records import EvidenceLink, Incident

Status = int | str  # 0-3 or one of the named states below
NO_EVIDENCE, DISPUTED, REGRESSED, TERMINATED = "no evidence", "disputed", "regressed", "terminated"
LEVELS = {"started": 1, "advanced": 2, "done": 3}
NEGATIVE = ("not_done", "violated")
REVERSALS = {"reversed": REGRESSED, "terminated": TERMINATED}
LABELS: dict[Status, str] = {NO_EVIDENCE: "no evidence", 0: "0 not initiated", 1: "1 minimal", 2: "2 intermediate",
                             3: "3 full", DISPUTED: "disputed", REGRESSED: "regressed", TERMINATED: "terminated"}
OPPOSING_CITED = 3  # the most recent pieces of evidence against a change that it cites


@dataclass(frozen=True)
class StatusChange:
    on: date
    before: Status
    after: Status
    evidence: EvidenceLink | None  # what moved it (None: the agreement file's record, e.g. a termination)
    reason: str
    opposing: tuple[EvidenceLink, ...] = ()  # the most recent evidence pointing the other way


@dataclass(frozen=True)
class Coverage:
    """How well the corpus reports on a provision: how many sources, which sides, how recently."""

    documents: int
    speakers: tuple[str, ...]
    sides: tuple[str, ...]
    last_report: date | None


@dataclass(frozen=True)
class DeadlineState:
    id: str
    description: str
    due: date  # as written in the agreement
    effective_due: date  # after amendments in force on as_of
    state: str  # pending | met | reported_done | missed | no_report
    moved_by: str | None = None  # amendment id
    evidence: tuple[EvidenceLink, ...] = ()


@dataclass(frozen=True)
class TermState:
    state: str  # not_started | running | notice_period | expired | terminated
    period_start: date
    expiry: date
    renewals: int  # automatic renewals so far
    notice_date: date | None  # last day to give notice of termination for this period
    next_expiry: date | None  # end of the following period if it renews
    note: str


@dataclass
class ProvisionStatus:
    agreement_id: str
    provision: str
    topic: str
    status: Status
    as_of: date
    since: date | None  # date of the last change
    history: list[StatusChange] = field(default_factory=list)
    evidence: list[EvidenceLink] = field(default_factory=list)
    deadlines: list[DeadlineState] = field(default_factory=list)
    term: TermState | None = None
    instruments: list[Instrument] = field(default_factory=list)
    coverage: Coverage = Coverage(0, (), (), None)
    incidents: IncidentTally = field(default_factory=IncidentTally)  # reports of its incident types, in the period
    # evidence with no date: the status cannot place it in time, so it neither reads nor counts it (listed apart)
    undated: list[EvidenceLink] = field(default_factory=list)

    @property
    def label(self) -> str:
        return status_label(self.status, self.evidence, len(self.undated))


def status_label(status: Status, evidence: list[EvidenceLink], undated: int = 0) -> str:
    """The status as a reader sees it: "no evidence" only when there is none; counted evidence that moved
    nothing says so ("no signal (2 mentions)": the provision is named, nothing said on its implementation),
    and so does evidence without a date ("no dated evidence (1 undated)")."""
    if status != NO_EVIDENCE:
        return LABELS[status]
    if not evidence:
        return f"no dated evidence ({undated} undated)" if undated else LABELS[status]
    n = len(evidence)
    if all(x.signal is None for x in evidence):
        return f"no signal ({n} mention{'' if n == 1 else 's'})"
    return f"no status yet ({n} report{'' if n == 1 else 's'})"


def evidence_date(link: EvidenceLink) -> date | None:
    """When the evidence was given: the statement date, else the report date."""
    for value in (link.said_on, link.reported_on):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def assess(agreement: Agreement, links: list[EvidenceLink], as_of: date | None = None,
           sides: Mapping[str, str] | None = None, incidents: Iterable[Incident] = ()) -> list[ProvisionStatus]:
    """Status of every provision (and of the agreement as a whole when evidence names it) on ``as_of``.

    ``sides`` maps speaker (actor id) -> side, for the coverage's sides represented; ``incidents`` are the
    stored incident reports, counted toward the provisions whose incident types they have.
    """
    as_of = as_of or date.today()
    sides = sides or {}
    reports = list(incidents)
    theirs = [link for link in links if link.agreement_id == agreement.id]
    mine = [link for link in theirs if _read_on(link, agreement, as_of)]
    named = any(x.provision == AGREEMENT_LEVEL and (evidence_date(x) is None or _read_on(x, agreement, as_of))
                for x in theirs)  # the predicate, not a scan of ``mine`` for each link
    numbers = agreement.numbers() + ([AGREEMENT_LEVEL] if named else [])
    results = []
    for number in numbers:
        evidence = sorted((x for x in mine if x.provision == number),
                          key=lambda x: (evidence_date(x) or date.max, x.doc_id, x.start))
        status, history = _history(agreement, number, evidence)
        ended = next((a for a in agreement.amendments if a.kind == "termination" and a.date <= as_of
                      and a.provision in (None, number)), None)
        if ended and status != TERMINATED:  # the agreement, or this provision, ended on the record
            what = "agreement" if ended.provision is None else "provision"
            history.append(StatusChange(ended.date, status, TERMINATED, None, f"{what} ended ({ended.id}): "
                                        f"{ended.description.strip()}", tuple(evidence[-OPPOSING_CITED:])))
            status = TERMINATED
        provision = agreement.provision(number) if number != AGREEMENT_LEVEL else None
        results.append(ProvisionStatus(
            agreement_id=agreement.id, provision=number,
            topic=provision.topic if provision else "agreement as a whole",
            status=status, as_of=as_of, since=history[-1].on if history else None, history=history,
            evidence=evidence,
            deadlines=[deadline_state(agreement, number, d, evidence, as_of) for d in provision.deadlines]
            if provision else [],
            term=term_state(provision.term, agreement, number, as_of) if provision and provision.term else None,
            instruments=[i for i in agreement.instruments_for(number) if i.date <= as_of],
            coverage=coverage(evidence, sides),
            incidents=tally(agreement, provision, reports, as_of) if provision else IncidentTally(),
            undated=[x for x in theirs if x.provision == number and evidence_date(x) is None],
        ))
    return results


def _read_on(link: EvidenceLink, agreement: Agreement, as_of: date) -> bool:
    """Whether the status on ``as_of`` reads ``link``: dated, from the signing to ``as_of``. Only these are
    counted (evidence, sides, coverage), so the counts never disagree with the status beside them."""
    when = evidence_date(link)
    return when is not None and agreement.signed <= when <= as_of


def coverage(evidence: list[EvidenceLink], sides: Mapping[str, str]) -> Coverage:
    speakers = sorted({x.speaker for x in evidence if x.speaker})
    dates = [d for x in evidence if (d := evidence_date(x))]
    return Coverage(len({x.doc_id for x in evidence}), tuple(speakers),
                    tuple(sorted({sides[s] for s in speakers if s in sides})), max(dates, default=None))


def _history(agreement: Agreement, number: str, evidence: list[EvidenceLink]) -> tuple[Status, list[StatusChange]]:
    status: Status = NO_EVIDENCE
    history: list[StatusChange] = []
    sources: set[str] = set()  # who claimed the current positive status
    positive: list[EvidenceLink] = []  # evidence of implementation so far
    negative: list[EvidenceLink] = []  # evidence against it so far
    disputed_on: date | None = None
    for link in evidence:
        when = evidence_date(link)
        if when is None or when < agreement.signed or link.signal is None:
            continue
        source = link.speaker or link.doc_id
        after, reason, against = status, "", negative
        if link.signal in LEVELS:
            level = LEVELS[link.signal]
            if status in (DISPUTED, REGRESSED, TERMINATED):
                if when != disputed_on:  # a dispute or reversal stands for the day it arose
                    after, reason, sources = level, f"'{link.signal}' reported after it was {status}", {source}
            else:
                sources.add(source)
                if status == NO_EVIDENCE or level > status:
                    after, reason = level, f"'{link.signal}' reported"
            positive.append(link)
        else:
            against = positive
            if link.signal in REVERSALS and status != REVERSALS[link.signal] and status != TERMINATED:
                after = REVERSALS[link.signal]
                reason = f"'{link.signal}' reported: " + ("ended" if after == TERMINATED else "went back")
            elif link.signal == "not_done" and status == NO_EVIDENCE:
                if not _before_its_deadline(agreement, number, link, when):  # "postponed" before it is due: pending
                    after, reason = 0, "reported as not started"
            elif link.signal == "violated" and status == NO_EVIDENCE:
                after, reason = 2, "reported violated: in effect, and breached"
            elif link.signal in NEGATIVE and isinstance(status, int) and status > 0:
                if sources - {source}:
                    after, reason = DISPUTED, f"'{link.signal}' contradicts earlier claims of implementation"
                elif status == 3:
                    after, reason = 2, f"'{link.signal}' from the same source: work remains"
            elif link.signal == DISPUTED and isinstance(status, int) and status > 0:
                after, reason = DISPUTED, "claims about implementation reported as conflicting"
            negative.append(link)
        if after != status:
            history.append(StatusChange(when, status, after, link, reason, tuple(against[-OPPOSING_CITED:])))
            if after in (DISPUTED, REGRESSED, TERMINATED):
                disputed_on = when
            status = after
    return status, history


def _before_its_deadline(agreement: Agreement, number: str, link: EvidenceLink, when: date) -> bool:
    """Whether ``link`` speaks of a deadline of the provision (its places or phrases) not yet due on ``when``."""
    if number == AGREEMENT_LEVEL:
        return False
    for deadline in agreement.provision(number).deadlines:
        names = _deadline_names(agreement, deadline)
        if names and any(find(n, link.text) for n in names) and when <= _effective_due(agreement, number,
                                                                                       deadline, when)[0]:
            return True
    return False


def _deadline_names(agreement: Agreement, deadline: Deadline) -> list[str]:
    places = agreement.places()
    return [name for pid in deadline.places for name in places[pid].names] + list(deadline.phrases)


def _effective_due(agreement: Agreement, number: str, deadline: Deadline, on: date) -> tuple[date, str | None]:
    """The due date after the amendments agreed by ``on``, and the last amendment that moved it."""
    due, moved_by = deadline.due, None
    for amendment in agreement.amendments_for(number):
        if amendment.deadline == deadline.id and amendment.new_due and amendment.date <= on:
            due, moved_by = amendment.new_due, amendment.id
    return due, moved_by


def deadline_state(agreement: Agreement, number: str, deadline: Deadline, evidence: list[EvidenceLink],
                   as_of: date) -> DeadlineState:
    """Met, pending, missed... judged from done/not-done evidence that names the deadline's places or phrases."""
    due, moved_by = _effective_due(agreement, number, deadline, as_of)
    names = _deadline_names(agreement, deadline)
    relevant = [x for x in evidence if evidence_date(x) and (not names or any(find(n, x.text) for n in names))]
    done = [x for x in relevant if x.signal == "done"]
    # Only "not done" shows a deadline missed: a later violation presupposes the obligation in force (a ceasefire
    # broken in 2023 had started on its day), so it says nothing against the deadline.
    not_done = [x for x in relevant if x.signal == "not_done" and evidence_date(x) > due]
    if any(evidence_date(x) <= due for x in done):
        state, cited = "met", [x for x in done if evidence_date(x) <= due]
    elif done:
        state, cited = "reported_done", done  # done, first reported after the due date
    elif as_of <= due:
        state, cited = "pending", []
    elif not_done:
        state, cited = "missed", not_done
    else:
        state, cited = "no_report", []  # past due and nobody reported either way: not a failure
    return DeadlineState(deadline.id, deadline.description, deadline.due, due, state, moved_by, tuple(cited))


def term_state(term: Term, agreement: Agreement, number: str, as_of: date) -> TermState:
    """Where a term stands on ``as_of``: its current period, renewals and the notice date."""
    start, end, renewals = term.starts, term.duration.after(term.starts), 0
    terminated = next((a for a in agreement.amendments_for(number)
                       if a.kind == "termination" and a.date <= as_of), None)
    limit = terminated.date if terminated else as_of
    while term.automatic and term.renewal and limit >= end:
        start, end, renewals = end, term.renewal.after(end), renewals + 1
    notice = term.notice.before(end) if term.notice else None
    following = term.renewal.after(end) if term.automatic and term.renewal else None
    if terminated:
        return TermState("terminated", start, end, renewals, notice, None,
                         f"ended early by {terminated.id} on {terminated.date}: {terminated.description.strip()}")
    if as_of < term.starts:
        state, note = "not_started", f"starts {term.starts}"
    elif as_of >= end:  # only without automatic renewal
        state, note = "expired", f"expired on {end}"
    elif notice and as_of >= notice:
        state = "notice_period"
        note = (f"the {term.notice} notice period opened on {notice}; "
                + (f"renews automatically on {end} until {following} unless {term.notice_by} gave notice"
                   if following else f"expires on {end}"))
    else:
        state = "running"
        note = f"period {start} to {end}" + (
            f"; notice of termination by {term.notice_by} due by {notice}" if notice else "") + (
            f"; otherwise renews automatically until {following}" if following else "")
    return TermState(state, start, end, renewals, notice, following, note)


def evidence_record(link: EvidenceLink) -> dict:
    """A piece of evidence as plain data, dated as the status reads it."""
    when = evidence_date(link)
    return {"doc_id": link.doc_id, "sentence": link.sentence_index, "start": link.start, "end": link.end,
            "date": when.isoformat() if when else None, "speaker": link.speaker, "statement_id": link.statement_id,
            "signal": link.signal, "score": link.score, "text": link.text, "reason": link.reason}


def status_record(item: ProvisionStatus) -> dict:
    """A provision's status as plain data: what the views print, render and store."""
    return {
        "agreement": item.agreement_id, "provision": item.provision, "topic": item.topic,
        "status": item.status, "label": item.label, "as_of": item.as_of.isoformat(),
        "since": item.since.isoformat() if item.since else None,
        "history": [{"on": c.on.isoformat(), "from": c.before, "to": c.after, "reason": c.reason,
                     "evidence": evidence_record(c.evidence) if c.evidence else None,
                     "opposing": [evidence_record(x) for x in c.opposing]}
                    for c in item.history],
        "incidents": {"count": item.incidents.count, "by_type": item.incidents.by_type,
                      "first": item.incidents.first.isoformat() if item.incidents.first else None,
                      "last": item.incidents.last.isoformat() if item.incidents.last else None,
                      "summary": item.incidents.summary},
        "coverage": {"documents": item.coverage.documents, "speakers": list(item.coverage.speakers),
                     "sides": list(item.coverage.sides),
                     "last_report": item.coverage.last_report.isoformat() if item.coverage.last_report else None},
        "deadlines": [{"id": d.id, "description": d.description, "due": d.due.isoformat(),
                       "effective_due": d.effective_due.isoformat(), "moved_by": d.moved_by, "state": d.state,
                       "evidence": [evidence_record(x) for x in d.evidence]} for d in item.deadlines],
        "term": None if item.term is None else {
            "state": item.term.state, "period_start": item.term.period_start.isoformat(),
            "expiry": item.term.expiry.isoformat(), "renewals": item.term.renewals,
            "notice_date": item.term.notice_date.isoformat() if item.term.notice_date else None,
            "next_expiry": item.term.next_expiry.isoformat() if item.term.next_expiry else None,
            "note": item.term.note},
        "instruments": [{"id": i.id, "title": i.title, "date": i.date.isoformat(),
                         "events": [{"date": e.date.isoformat(), "what": e.what} for e in i.events]}
                        for i in item.instruments],
        "evidence": [evidence_record(x) for x in item.evidence],
        "undated": [evidence_record(x) for x in item.undated],
    }
