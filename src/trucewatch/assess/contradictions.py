"""Contradictions: claims the agreement text does not support, and actors who disagree.

(a) ``text``: a statement that says what the agreement contains ("one of the points of
today's statement is X", "the agreement provides for X") is checked against the
agreement file. The countries, proper names, numbers and dates in X must appear in
the provisions; whatever does not is reported, citing the claim and the provision
closest to it. Nothing about a particular dispute is written here: the check reads
only the agreement's own text.

(b) ``claims``: evidence links about the same provision whose signals conflict (done
against not done or violated, or open against blocked), from different actors of different
sides, close in time or with the denial after the claim of completion.

(c) ``accounts``: one report giving the two camps' incompatible accounts of one fact on a
provision: each side says the other fired (mutual blame), or one side calls the other's claim
false and gives its own account. Camps are the agreement's parties with the sides aligned with
them; the side a text blames is read from the countries it names. Precision first: both
accounts must be in the same report and on the same provision. Beside the evidence links, the incident stage
gives accounts of its own (:func:`incident_links`): a reported shelling or blockade bears on the provisions
whose ``incidents`` list its type, told by the speaker of the statement in its sentence, so two camps' accounts
of one incident are compared even where the linking stage missed the sentence.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from itertools import combinations

from trucewatch import lang
from trucewatch.agreements import AGREEMENT_LEVEL, Agreement, Provision
from trucewatch.assess.incidents import in_region, outside_places
from trucewatch.linking import detect_signal, match_text
from trucewatch.records import EvidenceLink, Incident, Statement
from trucewatch.text import verbs
from trucewatch.text.dates import DateMention, date_mentions, month_number

# Words naming an agreement generically; the agreement's own reference phrases are added to them.
_NOUNS = r"statement|agreement|document|declaration|deal|accord|text|trilateral statement|joint statement"
_CLAIM_VERBS = (
    r"provides?\s+for|provided\s+for|includes?|included|stipulates?|stipulated|envisages?|envisaged|"
    r"foresees?|calls?\s+for|contains?|says?|states?|specifies|specified|sets?\s+out|guarantees?"
)
# A leap year's last day: find_dates resolves any day and month written without a year against it.
_REFERENCE = "2000-12-31"
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\d.])")
_PROPER = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_STOP_PROPER = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "one",
    "it",
    "under",
    "according",
    "in",
    "on",
    "and",
    "but",
    "we",
    "i",
    "our",
    "they",
    "he",
    "she",
    "mr",
    "today",
    "yesterday",
}
_NEGATED = re.compile(r"\b(?:not|n't|never|no|nor)\b", re.I)
_WORD = re.compile(r"[a-z]+")
_CONFLICT = {
    "done": ("not_done", "violated", "reversed"),
    "not_done": ("done",),
    "violated": ("done",),
    "reversed": ("done",),
}
_SAYS = {"not_done": "not done", "violated": "violated", "reversed": "blocked, suspended or withdrawn"}
# A report that something happened ("15 detainees were released") does not contradict "the exchange is
# not complete"; a claim of completion ("all prisoners were returned") does.
_COMPLETE = re.compile(r"\b(?:all|every|fully|completely|completed|complete|entire(?:ly)?|whole)\b", re.I)
_NO_VIOLATION = re.compile(r"\b(?:no|without|zero)\s+(?:\w+\s+){0,2}(?:violations?|breach(?:es)?)\b", re.I)
_AGO = re.compile(r"\bago\b", re.I)
# The other side's claim retold ("its forces allegedly fired"), not the speaker's own account
_HEDGED = re.compile(r"\b(?:allegedly|reportedly|purportedly|claim(?:s|ed)?)\b", re.I)
# "did not open fire", "didn't violate a single provision": the speaker denies a violation, not reports one
_DENIED_VIOLATION = re.compile(
    r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+){0,2}?(?:violate|breach|open\s+fire|fire|shell|attack)\b", re.I
)
WINDOW_DAYS = 45
DISPUTED_SIGNAL = "disputed"
_TROUBLE = ("violated", "reversed", DISPUTED_SIGNAL)  # signals of a camp's account another camp may contest
_HEAD_WORDS = 4  # a speaker's name ends at most this many words before its speech verb
_LATER_HEAD_WORDS = 10  # a second account's speech verb comes among the first words after the separator


@dataclass(frozen=True)
class Citation:
    """One side of a contradiction: a statement or sentence in a document, or a provision of the agreement."""

    kind: str  # statement | provision
    text: str
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    date: str | None = None
    signal: str | None = None
    provision: str | None = None


@dataclass(frozen=True)
class Contradiction:
    kind: str  # text | claims
    agreement_id: str
    provision: str | None
    date: str | None
    summary: str
    reason: str
    first: Citation
    second: Citation
    unsupported: tuple[str, ...] = ()


# -- (a) claims about the text ---------------------------------------------------------------


def _claim_pattern(agreement: Agreement) -> re.Pattern[str]:
    phrases = (*agreement.references, *agreement.generic_references)
    references = "|".join(re.escape(r) for r in sorted(phrases, key=len, reverse=True))
    noun = rf"(?:{references}|(?:today's\s+|the\s+|this\s+|our\s+|signed\s+)*(?:{_NOUNS}))"
    point = r"(?:one\s+of\s+(?:the\s+)?(?:points|provisions|clauses)|(?:a|the|another)\s+(?:point|provision|clause))"
    return re.compile(
        rf"(?P<lead>{point}\s+(?:of|in)\s+{noun}\s+(?:is|are|was|were|concerns?|covers?)\b"
        rf"|{noun}\s+(?:also\s+)?(?:{_CLAIM_VERBS})\b"
        rf"|under\s+{noun},)\s*(?P<what>[^.;!?\n]+)",
        re.I,
    )


def _agreement_words(agreement: Agreement) -> tuple[str, ...]:
    """Lower-case words of which every claim about the agreement contains one: its reference phrases and nouns."""
    return tuple(
        sorted({p.lower() for p in (*agreement.references, *agreement.generic_references)} | set(_NOUNS.split("|")))
    )


def _may_claim(text: str, words: tuple[str, ...]) -> bool:
    """False when ``text`` cannot match the claim pattern: a substring test is ~20x cheaper than the regex.

    Only ASCII texts are ruled out, where case-insensitive matching is plain lower-casing.
    """
    if not text.isascii():
        return True
    lower = text.lower()
    return any(word in lower for word in words)


def _country_words(countries: Mapping[str, Mapping]) -> dict[str, str]:
    words = {}
    for code, entry in countries.items():
        for word in (entry["name"], *entry.get("adjectives", ())):
            words[word.lower()] = code
    return words


def _countries(text: str, words: Mapping[str, str]) -> dict[str, str]:
    """Country codes named in ``text`` (by name or adjective) -> the word as written."""
    found = {}
    for match in re.finditer(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?", text):
        for candidate in (match.group(), *match.group().split()):  # "The Azerbaijani": the second word
            code = words.get(candidate.lower().rstrip("."))
            if code:
                found.setdefault(code, candidate)
                break
    return found


def _date_mentions(text: str) -> list[DateMention]:
    """Dates written out in ``text`` ("10 November", "November 10, 2020", "2020-11-10"), not relative ones."""
    return [
        m
        for m in date_mentions(text, _REFERENCE)
        if m.precision == "day" and re.search(r"\d", text[m.start : m.end]) and not _AGO.search(text, m.start, m.end)
    ]


def _dates(text: str) -> set[tuple[int, int]]:
    """(month, day) of the dates written in ``text``: the year of a claimed date is rarely given."""
    return {(int(m.value[5:7]), int(m.value[8:10])) for m in _date_mentions(text)}


def _numbers(text: str) -> set[float]:
    for mention in reversed(_date_mentions(text)):  # the day of a date is not a number of the text
        text = f"{text[: mention.start]} {text[mention.end :]}"
    return {float(n.replace(",", "")) for n in _NUMBER.findall(text)}


def _provision_facts(provision: Provision, agreement: Agreement) -> tuple[set[tuple[int, int]], set[float]]:
    """Dates and numbers a provision contains, counting deadlines moved by agreed amendments."""
    dates = _dates(provision.text) | {(d.due.month, d.due.day) for d in provision.deadlines}
    dates |= {(a.new_due.month, a.new_due.day) for a in agreement.amendments_for(provision.number) if a.new_due}
    numbers = _numbers(provision.text) | {q.value for q in provision.quantities}
    return dates, numbers


def _stems(text: str) -> set[str]:
    """Crude stems (first five letters of content words): "peacemaking" meets "peacekeeping"."""
    return {w[:5] for w in _WORD.findall(text.lower()) if len(w) > 3}


def check_claim(text: str, agreement: Agreement, countries: Mapping[str, Mapping]) -> list[tuple[str, str, str]]:
    """What the claimed content ``text`` names that no provision contains: (kind, item, detail) triples."""
    words = _country_words(countries)
    provisions = agreement.provisions
    full = " ".join(p.text for p in provisions)
    in_text = set(_countries(full, words)) | {p.id for p in agreement.parties if p.role == "party"}
    problems = []
    for code, written in _countries(text, words).items():
        if code not in in_text:
            problems.append(("country", written, f"no provision names {countries[code]['name']}"))
    place_names = {n.lower() for place in agreement.places().values() for n in place.names}
    for match in _PROPER.finditer(text):
        name = match.group()
        parts = [w for w in name.split() if w.lower() not in _STOP_PROPER]
        if not parts or " ".join(parts).lower() in words or parts[0].lower() in words:
            continue
        if any(month_number(p) for p in parts):
            continue
        if not re.search(rf"(?<!\w){re.escape(parts[0])}", full, re.I):
            kind = "place" if name.lower() in place_names else "name"
            problems.append((kind, " ".join(parts), f"{' '.join(parts)!r} appears in no provision"))
    facts = [_provision_facts(p, agreement) for p in provisions]
    all_dates: set[tuple[int, int]] = set().union(*(f[0] for f in facts))
    all_numbers: set[float] = set().union(*(f[1] for f in facts))
    for month, day in sorted(_dates(text) - all_dates):
        problems.append(("date", f"{day} {calendar.month_name[month]}", "no provision sets this date"))
    for number in sorted(_numbers(text) - all_numbers):
        problems.append(("number", f"{number:g}", "no provision contains this number"))
    return problems


def closest_provision(text: str, agreement: Agreement) -> Provision | None:
    """The provision the claim is about: the linking stage's best match, else the most shared word stems."""
    matches = sorted(match_text(text, agreement), key=lambda m: -m.score)
    if matches:
        return agreement.provision(matches[0].provision)
    stems = _stems(text)
    scored = [(len(stems & _stems(p.text)), -i, p) for i, p in enumerate(agreement.provisions)]
    best = max(scored, default=None, key=lambda s: s[:2])
    return best[2] if best and best[0] > 0 else None


def text_contradictions(
    statements: Iterable[Statement],
    agreement: Agreement,
    countries: Mapping[str, Mapping],
    dates: Mapping[str, str | None] | None = None,
) -> list[Contradiction]:
    """Statements that claim the agreement contains something its provisions do not.

    ``dates`` gives a fallback date per document (its publication date) for statements without ``said_on``.
    """
    pattern, names = _claim_pattern(agreement), _agreement_words(agreement)
    found = []
    for statement in statements:
        if not _may_claim(statement.text, names):
            continue
        for match in pattern.finditer(statement.text):
            before = statement.text[max(0, match.start() - 40) : match.start()]
            if _NEGATED.search(match.group("lead")) or re.search(r"\b(?:not|n't|never)\s+\w*\s*$", before):
                continue
            what = match.group("what").strip()
            problems = check_claim(what, agreement, countries)
            if not problems:
                continue
            provision = closest_provision(what, agreement)
            when = statement.said_on or (dates or {}).get(statement.doc_id)
            items = tuple(item for _, item, _ in problems)
            found.append(
                Contradiction(
                    kind="text",
                    agreement_id=agreement.id,
                    provision=provision.number if provision else None,
                    date=when[:10] if when else None,
                    summary=f"{statement.speaker_name or statement.speaker or 'unattributed'} says the agreement "
                    f"contains {what!r}; the text does not support {', '.join(items)}",
                    reason="; ".join(f"{item}: {detail}" for _, item, detail in problems),
                    first=Citation(
                        "statement",
                        match.group().strip(),
                        statement.doc_id,
                        statement.start + match.start(),
                        statement.start + match.end(),
                        statement.speaker,
                        statement.speaker_name,
                        when[:10] if when else None,
                    ),
                    second=Citation(
                        "provision",
                        provision.text if provision else "",
                        provision=(provision.number if provision else None),
                    ),
                    unsupported=items,
                )
            )
    return found


# -- (b) conflicting claims about one provision ----------------------------------------------


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _citation(link: EvidenceLink, names: Mapping[str, str]) -> Citation:
    return Citation(
        "statement",
        link.text,
        link.doc_id,
        link.start,
        link.end,
        link.speaker,
        names.get(link.speaker or ""),
        link.said_on[:10] if link.said_on else None,
        link.signal,
        link.provision,
    )


def claim_contradictions(
    links: Iterable[EvidenceLink],
    sides: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    window_days: int = WINDOW_DAYS,
) -> list[Contradiction]:
    """Pairs of attributed links about one provision whose signals conflict.

    ``sides`` maps actor id -> side (country code). A pair counts when the speakers are on
    different sides, the "done" side claims completion (all, fully, completed...), and either
    the two were said within ``window_days`` of each other or the denial came after the claim
    of completion (a later "done" is progress, not a dispute).
    One contradiction per provision and pair of speakers: the closest pair in time, the earliest
    links in input order on a tie.

    Each denial is compared only with the "done" days of each other-side speaker on its provision,
    by bisection: the closest pair is on the nearest day before or after, so this stays near-linear
    in the number of links instead of comparing every pair.
    """
    names = names or {}
    usable = [link for link in links if link.speaker and link.signal in _CONFLICT and link.provision != AGREEMENT_LEVEL]
    done_days, denials = _dated_claims(usable, sides)
    best: dict[tuple[str, str, str], tuple[int, int, int, int, int]] = {}
    for j, denial, day in denials:
        # "the road is open" against "the road is blocked" is a conflict as it stands; otherwise the
        # done side must claim completion, not progress
        state = denial.signal == "reversed"
        for speaker, days in done_days.get((denial.provision, not state), {}).items():
            if sides[speaker] == sides[denial.speaker]:
                continue
            ordinals, first = days
            after = bisect_right(ordinals, day)
            for at in (after - 1, after):
                if not 0 <= at < len(ordinals):
                    continue
                gap = abs(day - ordinals[at])
                if gap > window_days and (state or at == after):
                    continue  # a road reopened long after it was blocked is a change, not a contradiction
                i = first[at]  # a tie goes to the pair a scan of every pair in input order meets first
                candidate = (gap, min(i, j), max(i, j), i, j)
                key = (denial.provision, *sorted((speaker, denial.speaker)))
                if key not in best or candidate < best[key]:
                    best[key] = candidate
    found = []
    for (provision, *_), (gap, _, _, i, j) in sorted(best.items()):
        done, denial = usable[i], usable[j]
        first, second = _citation(done, names), _citation(denial, names)
        who_done, who_denial = first.speaker_name or done.speaker, second.speaker_name or denial.speaker
        found.append(
            Contradiction(
                kind="claims",
                agreement_id=done.agreement_id,
                provision=provision,
                date=max(first.date or "", second.date or "") or None,
                summary=f"point {provision}: {who_done} reports it done; {who_denial} says it is "
                f"{_SAYS[denial.signal]}",
                reason=f"signals {done.signal} vs {denial.signal} from {sides[done.speaker]} and "
                f"{sides[denial.speaker]} speakers, {gap} days apart",
                first=first,
                second=second,
            )
        )
    return found


def _dated_claims(
    usable: list[EvidenceLink],
    sides: Mapping[str, str],
) -> tuple[dict[tuple[str, bool], dict[str, tuple[list[int], list[int]]]], list[tuple[int, EvidenceLink, int]]]:
    """The dated links of speakers with a side, split for :func:`claim_contradictions`.

    "Done" links: (provision, completion claimed only?) -> speaker -> (day ordinals ascending, index in
    ``usable`` of the day's first link). Denials: (index, link, day ordinal), a "no violations" report left out.
    """
    by_day: dict[tuple[str, bool], dict[str, dict[int, int]]] = {}
    denials = []
    for index, link in enumerate(usable):
        day = _day(link.said_on)
        if day is None or sides.get(link.speaker) is None:
            continue
        if link.signal == "done":
            for complete in (False, True) if _COMPLETE.search(link.text) else (False,):
                speakers = by_day.setdefault((link.provision, complete), {})
                speakers.setdefault(link.speaker, {}).setdefault(day.toordinal(), index)
        elif not (link.signal == "violated" and _NO_VIOLATION.search(link.text)):
            denials.append((index, link, day.toordinal()))
    done_days = {
        key: {speaker: (sorted(days), [days[d] for d in sorted(days)]) for speaker, days in speakers.items()}
        for key, speakers in by_day.items()
    }
    return done_days, denials


# -- (c) the two camps' accounts in one report -----------------------------------------------


def camps(agreement: Agreement) -> dict[str, str]:
    """Side code -> the party whose camp it is in: each party (role ``party``) and the sides aligned with it."""
    found = {}
    for party in agreement.parties:
        if party.role == "party":
            found |= {side: party.id for side in (party.id, *party.aligned)}
    return found


@dataclass(frozen=True)
class _Account:
    """One camp's account in a report: a link, or the part of its sentence one speaker's reported speech covers."""

    link: EvidenceLink
    start: int  # body offsets
    end: int
    text: str
    camp: str | None
    signal: str | None
    speaker_name: str | None  # a speaker read from the sentence ("Yerevan"), when the link has none of that camp
    turn: bool = False  # set against the sentence's earlier account ("Baku, in turn, said", "while Baku said")
    retold: bool = False  # the other camp's claim as a denial retells it ("the statement of Baku that ... is false")

    @property
    def split(self) -> bool:
        return (self.start, self.end) != (self.link.start, self.link.end)


@cache
def _account_words() -> dict[str, re.Pattern[str]]:
    """``data/lang/en/accounts.yaml`` as patterns over lowered text."""
    words = dict(lang.lexicon("en", "accounts"))
    nouns = {lemma.lower() for lemma in lang.lexicon("en", "quotes")["noun_like"]}
    words["speech"] = [form for lemma in words["speech"] for form in verbs.forms(lemma)[2 if lemma in nouns else 0:]]
    words["denial_verbs"] = [form for lemma in words["denial_verbs"] for form in verbs.forms(lemma)]
    words["speech"] += words["denial_verbs"]  # "Baku rejected ...": a denial opens its speaker's account too
    # separators begin with punctuation, which may follow a word: only their end is a word boundary
    return {
        key: re.compile(("" if key == "separators" else r"(?<!\w)") + lang.alternation(words[key]) + r"(?!\w)")
        for key in words
        if isinstance(words[key], list)
    }


@cache
def _incident_signals() -> dict[str, str]:
    """Incident type -> what a report of it says of the provisions it bears on (``incident_signals``)."""
    listed = lang.lexicon("en", "accounts").get("incident_signals", {})
    return {kind: signal for signal, kinds in listed.items() for kind in kinds}


def _camp_words(countries: Mapping[str, Mapping]) -> dict[str, str]:
    """Words naming a side: its name, adjectives and capitals ("Baku said": Azerbaijan's government)."""
    return _country_words(countries) | {
        c.lower(): code for code, entry in countries.items() for c in entry.get("capitals", ())
    }


def _head(
    text: str,
    words: Mapping[str, str],
    camp_of: Mapping[str, str],
    within: int | None = None,
) -> tuple[int, str, str] | None:
    """(offset, word, camp) of the speaker of reported speech in ``text``: the side named among the few words
    before its first speech verb ("Baku, in turn, said", "with Yerevan announcing that"), that verb among the
    first ``within`` words when given; none when those words name both camps."""
    verbs = (m for n, m in enumerate(re.finditer(r"\w+", text)) if within is None or n < within)
    speech = _account_words()["speech"]
    verb = next((m for m in verbs if speech.fullmatch(m.group().lower())), None)
    if verb is None:
        return None
    before = text[: verb.start()]
    window = re.search(rf"(?:\S+\s+){{0,{_HEAD_WORDS}}}$", before).start()
    named = [
        (m.start(), m.group(1), camp_of.get(words.get(m.group(1).lower().rstrip("."), ""), ""))
        for m in re.finditer(r"([A-Z][\w.-]*)(?:['’]s)?", before)
        if m.start() >= window
    ]
    named = [n for n in named if n[2]]
    if len({n[2] for n in named}) > 1:  # "Armenia and Azerbaijan said": both camps, nobody's own account
        return None
    return named[-1] if named else None


def _accounts(
    link: EvidenceLink,
    agreement: Agreement,
    camp: str | None,
    words: Mapping[str, str],
    camp_of: Mapping[str, str],
    names: Mapping[str, str],
    reported: tuple[str, str] | None = None,
    denial: bool = False,
) -> list[_Account]:
    """The accounts a link holds: its sentence split where a second speaker's reported speech starts.

    ``reported``: (cue, signal) of the incident report a link stands for; a part holding the report's cue says
    what a report of its type says ("launched an attack" is a violation, not a start). ``denial``: the link is
    a statement its speaker denies ("denied reports that ..."), so its first part is a denial, not an account.

    The first part keeps the link's speaker (else the speaker its own words name); a cut is made only where
    what follows a separator opens with a speaker of a known camp ("...; Baku, in turn, said the Armenian
    military fired"), so a sentence without one stays whole. A denial that retells the other camp's claim adds
    that claim as the other camp's account (:func:`_retold_claim`).
    """
    patterns, text = _account_words(), link.text
    cues = agreement.signals_for(link.provision)

    def signal(text: str) -> str | None:
        if reported and re.search(rf"(?<!\w){re.escape(reported[0])}(?!\w)", text.lower()):
            return reported[1]
        return detect_signal(text, cues)[0]

    cuts = [
        (m.start(), m.end() + head[0], head)
        for m in patterns["separators"].finditer(text.lower())
        if (head := _head(text[m.end() :], words, camp_of, _LATER_HEAD_WORDS))
    ]
    retold = []
    if denial or link.signal == DISPUTED_SIGNAL or patterns["denials"].search(text.lower()):
        claim = _retold_claim(text, words, camp_of)
        if claim and claim[2] != camp and (said := signal(text[claim[0] : claim[1]])):
            start, end, side, word = claim
            retold = [_Account(link, link.start + start, link.start + end, text[start:end], side, said, word,
                               retold=True)]
    if not cuts:
        head = None if camp else _head(text, words, camp_of)
        return [
            _Account(
                link,
                link.start,
                link.end,
                text,
                camp or (head[2] if head else None),
                DISPUTED_SIGNAL if denial or _denies_violation(text, link.signal) else link.signal,
                names.get(link.speaker or "") or (head[1] if head else None),
            ),
            *retold,
        ]
    head = None if camp else _head(text[: cuts[0][0]], words, camp_of)
    start = head[0] if head else 0  # "..., with Yerevan announcing that": the account starts at its speaker
    found = [
        _Account(
            link,
            link.start + start,
            link.start + cuts[0][0],
            text[start : cuts[0][0]],
            camp or (head[2] if head else None),
            None,
            names.get(link.speaker or "") or (head[1] if head else None),
        )
    ]
    for (separator, at, (_, word, side)), end in zip(cuts, [c[0] for c in cuts[1:]] + [len(text)], strict=True):
        turn = bool(patterns["contrast"].search(text[separator : at + 40].lower()))
        found.append(_Account(link, link.start + at, link.start + end, text[at:end], side, None, word, turn))
    found = [replace(x, signal=signal(x.text)) for x in found]
    found = [replace(x, signal=DISPUTED_SIGNAL) if _denies_violation(x.text, x.signal) else x for x in found]
    if denial:
        found[0] = replace(found[0], signal=DISPUTED_SIGNAL)
    return found + retold


def _denies_violation(text: str, signal: str | None) -> bool:
    """Whether an account read as a violation says the violation did not happen ("did not open fire")."""
    return signal == "violated" and bool(_DENIED_VIOLATION.search(text))


_CLAIM_WORDS = 12  # a retold claim's source lies between its noun and "that", within this many words


def _retold_claim(
    text: str, words: Mapping[str, str], camp_of: Mapping[str, str]
) -> tuple[int, int, str, str] | None:
    """(start, end, camp, word) of the other camp's claim a denial retells: "the statement of the Azerbaijani
    ministry that [Armenian units fired at night] is false", "Baku's claims that [...] are fabricated".

    The claim follows a noun of ``claim_nouns`` and its "that"; its camp is the one the few words just before the
    noun name ("Azerbaijani reports", "Baku's claims"), else the words between the noun and "that" ("issued by the
    Ministry of Defense of Azerbaijan"), one camp only. It ends where a denial word follows it, less the
    ``claim_ends`` words before it, else at the end of the text.
    """
    patterns = _account_words()
    lower = text.lower()
    for noun in patterns["claim_nouns"].finditer(lower):
        that = re.match(rf"(?P<source>(?:\W+\w+){{0,{_CLAIM_WORDS}}}?)\W+that\b", text[noun.end() :])
        if not that or re.search(r"[.;!?]|\bthat\b", that.group("source")):
            continue
        before = re.search(r"(?:[\w.'’-]+\s+){0,3}$", text[: noun.start()]).group()
        before = re.split(r"(?i)\b(?:the|a|an)\s+", before)[-1]  # the noun phrase starts at its determiner
        named = None
        for region in (before, that.group("source")):
            sides = {
                camp_of[code]: m.group(1)
                for m in re.finditer(r"([A-Z][\w.-]*)(?:['’]s)?", region)
                if (code := words.get(m.group(1).lower().rstrip("."))) in camp_of
            }
            if sides:
                named = next(iter(sides.items())) if len(sides) == 1 else None
                break
        if named is None:
            continue
        start = noun.end() + that.end()
        start += len(text[start:]) - len(text[start:].lstrip(" ,"))
        denial = patterns["denials"].search(lower, start)
        end = denial.start() if denial else len(text)
        claim = _trim_claim(text[start:end])
        if len(claim.split()) >= 3:
            return start, start + len(claim), named[0], named[1]
    return None


def _trim_claim(claim: str) -> str:
    """``claim`` less the punctuation and ``claim_ends`` words at its end ("... on Friday, is another")."""
    ends = _account_words()["claim_ends"]
    while True:
        stripped = claim.rstrip(" ,;:—–-\n")
        last = re.search(r"(\S+)$", stripped)
        if not last or not ends.fullmatch(last.group(1).lower()):
            return stripped
        claim = stripped[: last.start()]


@dataclass(frozen=True)
class _Zone:
    """What :func:`_bears_on` reads of a provision, read once per agreement."""

    types: frozenset[str]
    outside: frozenset[str]  # its `outside` places and those only other provisions name
    zoned: bool  # it has `outside` places: a report must be placed below the level of a state


def _zones(agreement: Agreement) -> list[tuple[Provision, _Zone]]:
    return [(provision, _Zone(frozenset(provision.incidents), frozenset(outside_places(agreement, provision)),
                              bool(provision.indicators.outside)))
            for provision in agreement.provisions if provision.incidents]


def _bears_on(report: Incident, zone: _Zone, agreement: Agreement, places: Mapping) -> bool:
    """Whether an incident report bears on a provision, as its tally counts it (a type it lists, in the
    agreement's region, not outside its zone nor at a place only another provision names, not before the signing
    where the report is dated) and, where the provision has a zone (``outside`` places), placed below the level
    of a state: "shelled the territory of Armenia" may be the state border, not the ceasefire's line."""
    if report.type not in zone.types or report.place_id in zone.outside or not in_region(report, agreement):
        return False
    if zone.zoned:  # a zone: a report must be placed in it, not only in a state (either side)
        place = places.get(report.place_id or "")
        if place is None or place.kind == "country":
            return False
    when = _day(report.date)
    return when is None or when >= agreement.signed


def incident_links(
    incidents: Iterable[Incident],
    statements: Iterable[Statement],
    agreement: Agreement,
    published: Mapping[str, str | None] | None = None,
) -> list[tuple[EvidenceLink, Incident]]:
    """The incident stage's reports as accounts on the provisions they bear on, one per report and provision.

    The account is the report's sentence, told by the speaker of the first statement inside it that has a
    registered speaker (else by whoever its own words name before a speech verb, read later); its signal is what a
    report of its type says (``incident_signals`` in ``data/lang/en/accounts.yaml``: a shelling is a violation, a
    blockade a reversal), else what the sentence says of the provision (its cues).
    """
    by_doc: dict[str, list[Statement]] = {}
    for statement in statements:
        by_doc.setdefault(statement.doc_id, []).append(statement)
    found = []
    zones, places = _zones(agreement), agreement.places()
    for report in incidents:
        provisions = [p for p, zone in zones if _bears_on(report, zone, agreement, places)]
        if not provisions:
            continue
        inside = [
            s for s in by_doc.get(report.doc_id, ()) if s.speaker and s.start < report.end and report.start < s.end
        ]
        teller = inside[0] if inside else None
        for provision in provisions:
            signal = _incident_signals().get(report.type) or detect_signal(
                report.sentence, agreement.signals_for(provision.number)
            )[0]
            link = EvidenceLink(
                agreement.id,
                provision.number,
                report.doc_id,
                report.start,
                report.end,
                report.sentence,
                0.0,
                f"incident report ({report.type.replace('_', ' ')})",
                teller.id if teller else None,
                teller.speaker if teller else None,
                (teller.said_on if teller else None) or report.date,
                signal,
                (published or {}).get(report.doc_id),
                report.sentence_index,
            )
            found.append((link, report))
    return found


def statement_links(
    statements: Iterable[Statement],
    agreement: Agreement,
    provisions: Mapping[str, set[str]],
    published: Mapping[str, str | None] | None = None,
) -> list[EvidenceLink]:
    """A registered speaker's statements as accounts on the provisions an incident report of their document bears on
    (``provisions``: document id -> provision numbers), where the statement says something of the provision (its
    cues) or calls a claim false (``denials``): "the statement of the Azerbaijani ministry ... is disinformation"
    is the Armenian side's account of the incident the Azerbaijani side reported; so is a statement made with a
    denial verb ("Russia denied allegations that ...", ``denial_verbs``)."""
    patterns = _account_words()
    denials, denial_verbs = patterns["denials"], patterns["denial_verbs"]
    found = []
    for statement in statements:
        if not statement.speaker:
            continue
        denied = bool(statement.cue and denial_verbs.fullmatch(statement.cue.lower()))
        for number in sorted(provisions.get(statement.doc_id, ())):
            signal = detect_signal(statement.text, agreement.signals_for(number))[0]
            if signal is None and (denied or denials.search(statement.text.lower())):
                signal = DISPUTED_SIGNAL
            if signal is None:
                continue
            found.append(
                EvidenceLink(
                    agreement.id,
                    number,
                    statement.doc_id,
                    statement.start,
                    statement.end,
                    statement.text,
                    0.0,
                    "statement in a report of an incident",
                    statement.id,
                    statement.speaker,
                    statement.said_on,
                    signal,
                    (published or {}).get(statement.doc_id),
                    statement.sentence_index,
                )
            )
    return found


def _reported(report: Incident | None) -> tuple[str, str] | None:
    signal = _incident_signals().get(report.type) if report and report.cue else None
    return (report.cue.lower(), signal) if signal else None


def _one_incident(a: Incident | None, b: Incident | None, agreement: Agreement) -> bool:
    """Whether two accounts can tell of one incident: not both reports whose dates or places cannot be one."""
    if a is None or b is None or a is b:
        return True
    from trucewatch.incidents.grouping import grouping_rules, same_place

    one, other = _day(a.date), _day(b.date)
    if one and other and a.date_precision == b.date_precision == "day":
        rules = grouping_rules()
        window = max(rules.windows.get(a.type, rules.default_window), rules.windows.get(b.type, rules.default_window))
        if abs((one - other).days) > window:
            return False
    elif a.date and b.date and not _prefix_fits(a.date, b.date):
        return False
    return same_place(a, b, agreement.places())


def _prefix_fits(one: str, other: str) -> bool:
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def unlinked_accounts(
    links: Iterable[EvidenceLink],
    agreement: Agreement,
    incidents: Iterable[Incident],
    statements: Iterable[Statement],
    published: Mapping[str, str | None] | None = None,
) -> list[tuple[EvidenceLink, Incident | None]]:
    """The accounts :func:`incident_links` and :func:`statement_links` add to ``links``, with the report each stands
    for: one per sentence and provision, none where the linking stage tied the span to a provision of any
    agreement (it decided what the sentence bears on), none in a document it tied only to other agreements (a
    border clash in a report on the border statement is not also one on the ceasefire's line of contact)."""
    told: dict[str, list[tuple[int, int]]] = {}
    about: dict[str, set[str]] = {}  # document -> the agreements the linking stage tied it to
    for x in links:
        about.setdefault(x.doc_id, set()).add(x.agreement_id)
        if x.provision != AGREEMENT_LEVEL:
            told.setdefault(x.doc_id, []).append((x.start, x.end))
    statements = list(statements)
    extra: dict[tuple[str, str], list[tuple[int, int]]] = {}
    found: list[tuple[EvidenceLink, Incident | None]] = []

    def add(link: EvidenceLink, report: Incident | None) -> None:
        spans = [*told.get(link.doc_id, ()), *extra.get((link.doc_id, link.provision), ())]
        if not any(start < link.end and link.start < end for start, end in spans):
            found.append((link, report))
            extra.setdefault((link.doc_id, link.provision), []).append((link.start, link.end))

    for link, report in incident_links(incidents, statements, agreement, published):
        if agreement.id in about.get(link.doc_id, {agreement.id}):  # not a report the linker gave another agreement
            add(link, report)
    in_play: dict[str, set[str]] = {}
    for doc_id, number in extra:
        in_play.setdefault(doc_id, set()).add(number)
    for x in links:  # a speaker's account of trouble the linker tied to a provision: the other camp may answer it
        if x.agreement_id == agreement.id and x.provision != AGREEMENT_LEVEL and x.speaker and x.signal in _TROUBLE:
            in_play.setdefault(x.doc_id, set()).add(x.provision)
    for link in statement_links(statements, agreement, in_play, published):
        add(link, None)
    return found


def account_contradictions(
    links: Iterable[EvidenceLink],
    agreement: Agreement,
    sides: Mapping[str, str],
    countries: Mapping[str, Mapping],
    names: Mapping[str, str] | None = None,
    incidents: Iterable[Incident] = (),
    statements: Iterable[Statement] = (),
    published: Mapping[str, str | None] | None = None,
    bodies: Mapping[str, str] | None = None,
) -> list[Contradiction]:
    """Reports that give the two camps' incompatible accounts of one fact on one provision.

    Accounts are the links, split inside a sentence where a second speaker's reported speech starts; a
    statement made with a denial verb ("denied reports that its forces fired", ``denial_verbs``) is a denial,
    not its speaker's account, and a denial that retells the other camp's claim ("the statement of the
    Azerbaijani ministry that Armenian units fired is false") holds that claim as the other camp's account.
    *Mutual blame*: accounts of opposite camps each report a violation and name the other camp (the
    Armenian side says Azerbaijani forces shelled; the Azerbaijani side says Armenian forces fired); two
    accounts of one sentence the writer sets against each other ("Baku, in turn, said") need only one of
    them to name the other camp. Each account is used once, the closest pairs first.
    *Denial*: a sentence calls a claim of one camp false (a "disputed" cue of the agreement, or "fabricated",
    "disinformation"... from ``data/lang/en/accounts.yaml``) and a speaker of the other camp
    gives its own account (a violation by the first camp, or its own compliance); the closest such account
    in the report is cited, against the retold claim where the denial retells it.
    *Denied claim*: a claim of one camp (retold in a denial, or its own account blaming the other camp) and
    another denial in the report by the other camp ("the ministry denied reports that ..."), the closest.
    *Blocked or open*: one camp says the road is blocked (a reversal), the other that it is open (``open_states``).
    *Lawful or a breach*: one camp defends a step on the provision as needed or lawful, the other calls it a
    violation or a provocation (words in ``data/lang/en/accounts.yaml``).
    At most one contradiction per report, provision and kind, but for mutual blame and denied claims.
    ``bodies`` (document id -> body) lets the citation of an account that is a statement's content start at its
    speaker ("Russia ... has long denied allegations that ...", "Ukraine reiterated that allegation, claiming ..."):
    who tells an account is part of it, and what a denial verb reports is the claim denied, not the denial.
    """
    names = names or {}
    camp_of = camps(agreement)
    # the parties' names as the agreement writes them ("Ukraine") name their camps where the registry has no country
    words = {p.name.lower(): p.id for p in agreement.parties if p.id in camp_of} | _camp_words(countries)
    links, statements = list(links), list(statements)
    reports: dict[int, Incident] = {}
    for link, report in unlinked_accounts(links, agreement, incidents, statements, published):
        links.append(link)
        if report is not None:
            reports[id(link)] = report
    patterns = _account_words()
    denied = {s.id for s in statements if s.cue and patterns["denial_verbs"].fullmatch(s.cue.lower())}
    written = {s.id: s.speaker_text for s in statements if s.speaker_text}
    groups: dict[tuple[str, str], list[_Account]] = {}
    for link in links:
        if link.agreement_id == agreement.id and link.provision != AGREEMENT_LEVEL:
            camp = camp_of.get(sides.get(link.speaker or "", "")) or _written_camp(
                written.get(link.statement_id or ""), words, camp_of)
            groups.setdefault((link.doc_id, link.provision), []).extend(
                _accounts(link, agreement, camp, words, camp_of, names, _reported(reports.get(id(link))),
                          link.statement_id in denied)
            )

    def named(account: _Account) -> set[str]:
        return {camp_of[c] for c in _countries(account.text, words) if c in camp_of} - {account.camp}

    def denies(account: _Account) -> bool:
        return not account.retold and (
            account.signal == DISPUTED_SIGNAL or bool(patterns["denials"].search(account.text.lower())))

    found = []
    for (_, provision), group in sorted(groups.items(), key=lambda g: g[0]):
        def one(a: _Account, b: _Account) -> bool:
            return _one_incident(reports.get(id(a.link)), reports.get(id(b.link)), agreement)

        found += [
            _account(agreement, provision, a, b, sides, "each side says the other fired or violated")
            for a, b in _mutual_blame([x for x in group if not x.retold], named, one)
        ]
        claims = {id(x.link): x for x in group if x.retold}
        pairs = [
            (abs(x.start - d.start), claims.get(id(d.link), d), x)
            for d in group
            if denies(d)
            for x in group
            if x.link is not d.link
            and not x.retold
            and x.signal in ("violated", "done")
            and x.camp
            and not _HEDGED.search(x.text)
            and (d.camp in (None, x.camp))
            and named(d) - {x.camp}
            and getattr(claims.get(id(d.link)), "camp", None) != x.camp
            and one(d, x)
        ]
        if pairs:
            _, denial, account = min(pairs, key=lambda p: (p[0], p[1].start))
            found.append(
                _account(
                    agreement,
                    provision,
                    denial,
                    account,
                    sides,
                    "one side calls the other's claim false and gives its own account",
                )
            )
        found += [
            _account(agreement, provision, claim, denial, sides, "one side denies the other's claim")
            for claim, denial in _denied_claims(group, lambda d: denies(d) and _about_a_claim(d, agreement), named, one)
        ]
        roads = [
            (abs(x.start - y.start), x, y)
            for x in group
            if x.camp and x.signal == "reversed" and not _says_open(x.text)
            for y in group
            if y.camp
            and y.camp != x.camp
            and not y.retold
            and _says_open(y.text)
            and not patterns["reopening"].search(y.text.lower())
            and _same_time(x, y)
            and one(x, y)
        ]
        if roads:
            _, blocked, open_ = min(roads, key=lambda p: (p[0], p[1].start))
            why = "one side says the road is blocked, the other open"
            found.append(_account(agreement, provision, blocked, open_, sides, why))
        steps = [
            (abs(x.start - j.start), j, x)
            for j in group
            if j.camp and j.signal and patterns["justifications"].search(j.text.lower())
            for x in group
            if x.camp
            and x.camp != j.camp
            and x.signal in ("violated", "reversed")
            and patterns["accusations"].search(x.text.lower())
            and not patterns["justifications"].search(x.text.lower())
            and one(j, x)
        ]
        if steps:
            _, step, breach = min(steps, key=lambda p: (p[0], p[1].start))
            found.append(
                _account(
                    agreement,
                    provision,
                    step,
                    breach,
                    sides,
                    "one side calls a step lawful or needed, the other a violation",
                )
            )
    if bodies:
        told = {(x.doc_id, x.start, x.end): x for x in statements}
        found = [replace(c, first=_from_speaker(c.first, told, bodies), second=_from_speaker(c.second, told, bodies))
                 for c in found]
    return found


def _from_speaker(citation: Citation, told: Mapping[tuple, Statement], bodies: Mapping[str, str]) -> Citation:
    """A citation of a statement's content widened to start at its speaker or speech verb, where one of them comes
    before the content in its sentence ("Ukraine reiterated that allegation this week, claiming ...")."""
    statement = told.get((citation.doc_id, citation.start, citation.end))
    body = bodies.get(citation.doc_id or "")
    if statement is None or body is None or citation.start is None or citation.end is None:
        return citation
    begin = min((x for x in (statement.speaker_start, statement.cue_start) if x is not None), default=None)
    if (begin is None or not begin < citation.start or re.search(r"[.!?\n]", body[begin : citation.start])
            or body[citation.start : citation.end] != statement.text):
        return citation
    return replace(citation, start=begin, text=body[begin : citation.end])


def _written_camp(speaker: str | None, words: Mapping[str, str], camp_of: Mapping[str, str]) -> str | None:
    """The camp of a speaker with no registered side written as a state alone ("Ukraine", "Kyiv", "the Ukrainian
    side"), not a person or body that only a country word qualifies ("an Armenian analyst")."""
    name = re.sub(r"^the\s+|\s+side$", "", (speaker or "").strip().lower())
    return camp_of.get(words.get(name, ""))


def _same_time(a: _Account, b: _Account) -> bool:
    """Whether two accounts may speak of one time: not both dated (said on) more than ``WINDOW_DAYS`` apart."""
    one, other = _day(a.link.said_on), _day(b.link.said_on)
    return one is None or other is None or abs((one - other).days) <= WINDOW_DAYS


def _says_open(text: str) -> bool:
    """Whether ``text`` says a road is open (``open_states``), not negated ("is not open" does not match)."""
    lower = text.lower()
    return any(
        not re.search(r"\b(?:not|never|no|n't)\W+(?:\w+\W+){0,1}$", lower[: m.start()])
        for m in _account_words()["open_states"].finditer(lower)
    )


def _about_a_claim(denial: _Account, agreement: Agreement) -> bool:
    """Whether a denial is of a claim about the provision: it names a claim ("the report", "the accusations",
    ``claim_nouns``), calls it false (``denials``) or tells what it denies in the provision's terms ("denied that its
    forces opened fire"), not a denial of something else ("denied involvement in the talks")."""
    patterns, lower = _account_words(), denial.text.lower()
    if patterns["claim_nouns"].search(lower) or patterns["denials"].search(lower):
        return True
    told = detect_signal(denial.text, agreement.signals_for(denial.link.provision))[0]
    return told not in (None, DISPUTED_SIGNAL)


def _denied_claims(
    group: list[_Account],
    denies: Callable[[_Account], bool],
    named: Callable[[_Account], set[str]],
    one: Callable[[_Account, _Account], bool],
) -> list[tuple[_Account, _Account]]:
    """(claim, denial) pairs: a camp's claim (retold in a denial, or its own account of a violation by the other
    camp) and a denial elsewhere in the report (another sentence, or another speaker's part of the sentence) by
    a speaker of the other camp; the closest pairs first, each account in one pair."""
    claims = [
        x for x in group
        if x.camp and (x.retold or (x.signal == "violated" and not _HEDGED.search(x.text)))
    ]
    candidates = sorted(
        (abs(c.start - d.start), c.start, d.start, c, d)
        for c in claims
        for d in group
        if (d.end <= c.start or c.end <= d.start)  # not the denial that retells the claim
        and denies(d)
        and d.camp
        and d.camp != c.camp
        and (c.retold or d.camp in named(c))
        and one(c, d)
    )
    return _closest_pairs(candidates)



def _closest_pairs(candidates: Iterable[tuple]) -> list[tuple[_Account, _Account]]:
    """The candidate pairs, sorted closest first and ending in the two accounts, taken greedily so that each account
    is in one pair."""
    used: set[int] = set()
    pairs = []
    for *_, a, b in candidates:
        if id(a) not in used and id(b) not in used:
            used |= {id(a), id(b)}
            pairs.append((a, b))
    return pairs

def _mutual_blame(
    group: list[_Account],
    named: Callable[[_Account], set[str]],
    one: Callable[[_Account, _Account], bool] = lambda a, b: True,
) -> list[tuple[_Account, _Account]]:
    """Pairs of accounts of opposite camps blaming each other, closest first, each account in one pair; ``one``
    says whether two accounts can be of one incident."""

    def blame(a: _Account, b: _Account) -> bool:
        if a.link is b.link and (a.turn or b.turn):  # set against each other by the writer: one names the other
            return named(a) <= {b.camp} and named(b) <= {a.camp} and bool(named(a) | named(b))
        return b.camp in named(a) and a.camp in named(b)

    blames = [x for x in group if x.signal == "violated" and x.camp]
    candidates = sorted(
        (abs(a.start - b.start), a.start, b.start, a, b)
        for a, b in combinations(blames, 2)
        if a.camp != b.camp and blame(a, b) and one(a, b)
    )
    return _closest_pairs(candidates)


def _account(
    agreement: Agreement, provision: str, first: _Account, second: _Account, sides: Mapping[str, str], why: str
) -> Contradiction:
    a, b = (_account_citation(x) for x in (first, second))
    when = first.link.said_on or first.link.reported_on or second.link.said_on or second.link.reported_on
    who = [c.speaker_name or c.speaker or "an unattributed report" for c in (a, b)]
    return Contradiction(
        kind="accounts",
        agreement_id=agreement.id,
        provision=provision,
        date=when[:10] if when else None,
        summary=f"point {provision}: {who[0]} and {who[1]} give conflicting accounts ({why})",
        reason=f"signals {first.signal} and {second.signal} in one report, camps "
        f"{first.camp or '?'} and {second.camp or '?'}"
        f" (sides {sides.get(first.link.speaker or '', '?')} and {sides.get(second.link.speaker or '', '?')})",
        first=a,
        second=b,
    )


def _account_citation(account: _Account) -> Citation:
    link = account.link
    return Citation(
        "statement",
        account.text,
        link.doc_id,
        account.start,
        account.end,
        None if account.split else link.speaker,
        account.speaker_name,
        link.said_on[:10] if link.said_on else None,
        account.signal,
        link.provision,
    )
