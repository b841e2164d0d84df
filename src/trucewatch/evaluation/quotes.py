"""Scoring quotation and speaker extraction, with textacy's direct quotations as a baseline.

Content spans are matched by the one span scorer (``matching.py``): strict one-to-one pairs
overlapping by half of both spans, exact spans, and the old lenient any-overlap figure beside.
Speaker, said_on and kind are judged on the strict pairs (and, for the lenient column, on the
most-overlapping prediction of each found gold span). A speaker is right in the strict sense when
the resolved actor id is the gold one, or, for actors the registry does not know, when the full
name equals one of the gold alternatives (PolNeAR: the predicted speaker span matches the gold
source span strictly); the lenient sense also accepts any overlap of the speaker spans and a
shared surname. Quoted (quote marks, or kind direct/partial) and unquoted attributions are
reported separately.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from trucewatch.actors import ActorRegistry, load_registry
from trucewatch.evaluation.matching import (
    Accuracy,
    Spans,
    Tally,
    exact_pairs,
    lenient_pairs,
    normal_name,
    overlap,
    strict_pairs,
    trim,
)
from trucewatch.evaluation.polnear import BratDocument, GoldAttribution
from trucewatch.records import BodySpan, Document, Statement
from trucewatch.statements.attribution import split_by_frame
from trucewatch.statements.cues import CUE_FORMS, NAMING_CUES
from trucewatch.statements.document import quotation_tail
from trucewatch.statements.lexicon import alternation, lexicon

CATEGORIES = ("quoted", "unquoted", "all")
SPAN_MODES = ("strict", "exact", "lenient")
JUDGED = ("speaker", "said_on", "kind")


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    quoted: bool
    speaker_spans: Spans = ()
    speaker_text: str | None = None
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    said_on: str | None = None
    kind: str | None = None
    parts: Spans = ()  # the quoted pieces of one unit, its frame left out; () means (start, end)

    def spans(self) -> Spans:
        return self.parts or ((self.start, self.end),)


@dataclass
class Counts:
    spans: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in SPAN_MODES})
    judged: dict[tuple[str, str], Accuracy] = field(
        default_factory=lambda: {(what, m): Accuracy() for what in JUDGED for m in ("strict", "lenient")})

    def metrics(self) -> dict:
        out: dict = {"gold": self.spans["strict"].gold, "predicted": self.spans["strict"].predicted}
        out |= {mode: tally.metrics() for mode, tally in self.spans.items()}
        for what in JUDGED:
            strict, lenient = self.judged[what, "strict"], self.judged[what, "lenient"]
            out[what] = {"strict": strict.value, "strict_n": strict.n, "lenient": lenient.value, "lenient_n": lenient.n}
        return out


def _surname(name: str | None) -> str | None:
    words = re.findall(r"[A-ZÀ-ÖØ-ÞƏİŞÇÜ][\w-]+", name or "")
    return words[-1].lower() if words else None


def _category(gold_or_prediction: GoldAttribution | Prediction) -> str:
    return "quoted" if gold_or_prediction.quoted else "unquoted"


@dataclass
class Scorer:
    """Accumulates counts over documents; one instance per system and data set."""

    registry: ActorRegistry | None = None
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})

    def add(self, gold: Sequence[GoldAttribution], predictions: Sequence[Prediction], text: str | None = None) -> None:
        """Score one document; with ``text``, spans are trimmed of spaces, quote marks and punctuation first."""
        def prepare(spans: Spans) -> Spans:
            return trim(spans, text) if text is not None else spans

        gold_spans = [prepare(g.content) for g in gold]
        predicted_spans = [prepare(p.spans()) for p in predictions]
        pairs = {"strict": strict_pairs(gold_spans, predicted_spans), "exact": exact_pairs(gold_spans, predicted_spans),
                 "lenient": lenient_pairs(gold_spans, predicted_spans)}
        best: dict[int, int] = {}  # lenient: the most-overlapping prediction of each found gold span
        for g, p in pairs["lenient"]:
            if g not in best or overlap(gold_spans[g], predicted_spans[p]) > overlap(gold_spans[g],
                                                                                     predicted_spans[best[g]]):
                best[g] = p
        for name in CATEGORIES:
            gold_ids = {g for g, item in enumerate(gold) if name in ("all", _category(item))}
            predicted_ids = {p for p, item in enumerate(predictions) if name in ("all", _category(item))}
            counts = self.counts[name]
            for mode, found in pairs.items():
                counts.spans[mode].add(gold_ids, predicted_ids, found)
            for mode, matched in (("strict", pairs["strict"]), ("lenient", sorted(best.items()))):
                for g, p in matched:
                    if g in gold_ids:
                        self._judge(counts, mode, gold[g], predictions[p])

    def _judge(self, counts: Counts, mode: str, gold: GoldAttribution, prediction: Prediction) -> None:
        if gold.speaker is not None or gold.source:
            counts.judged["speaker", mode].add(self._same_speaker(gold, prediction, strict=mode == "strict"))
        if gold.said_on:
            counts.judged["said_on", mode].add(prediction.said_on == gold.said_on)
        if gold.kind:
            counts.judged["kind", mode].add(prediction.kind == gold.kind)

    def _same_speaker(self, gold: GoldAttribution, prediction: Prediction, strict: bool) -> bool:
        if gold.speaker is not None:
            return self._annotated_speaker(gold.speaker, prediction, strict)
        if strict:
            if any(strict_pairs([gold.source], [(s,)]) for s in prediction.speaker_spans):
                return True
            head = _head(gold.source_text)
            actor = self.registry.lookup(head) if self.registry and head else None
            if actor is not None:
                return actor == prediction.speaker
            return bool(head) and _name_key(head) in _names(prediction)
        if any(overlap(gold.source, (s,)) for s in prediction.speaker_spans):
            return True
        if not gold.source_text or not (prediction.speaker or prediction.speaker_text):
            return False
        if self.registry is not None and prediction.speaker:
            actor = self.registry.lookup(gold.source_text)
            if actor is not None:
                return actor == prediction.speaker
        surname = _surname(gold.source_text)
        return surname is not None and surname in (_surname(prediction.speaker_name), _surname(prediction.speaker_text))

    def _annotated_speaker(self, alternatives: tuple[str, ...], prediction: Prediction, strict: bool) -> bool:
        """Gold alternatives are actor ids or names; () means the words have no identifiable speaker."""
        if not alternatives:
            return prediction.speaker is None
        ids = {self._actor_id(name) for name in alternatives} - {None}
        if prediction.speaker is not None and prediction.speaker in ids:
            return True
        if ids and strict:  # a known actor: only its id counts
            return False
        if {_name_key(name) for name in alternatives} & _names(prediction):
            return True
        return not strict and bool({_surname(n) for n in alternatives} & {
            _surname(prediction.speaker_name), _surname(prediction.speaker_text)} - {None})

    def _actor_id(self, name: str) -> str | None:
        if name.startswith("provisional:"):
            return name
        if self.registry is None:
            return None
        return name if self.registry.get(name) else self.registry.lookup(name)

    def report(self) -> dict[str, dict]:
        return {name: counts.metrics() for name, counts in self.counts.items()}


def _name_key(name: str) -> str:
    """A full name as compared: ``normal_name`` without the article, which is no part of a name (the guide's
    canonical names: "Saudi Arabia and the United States" names the same parties as "... and United States")."""
    return " ".join(w for w in normal_name(name).split() if w != "the")


def _names(prediction: Prediction) -> set[str]:
    return {_name_key(n) for n in (prediction.speaker_name, prediction.speaker_text, _head(prediction.speaker_text))
            if n}


_APPOSITIVE = re.compile(r",\s|\s\(|\s--?\s|\s[—–]\s")


def _head(source: str | None) -> str | None:
    """A source as written less its appositive: "David Kamin, an outside adviser to the campaign," is David
    Kamin; PolNeAR's source spans keep the appositive, the speaker is the name."""
    if not source:
        return source
    return _APPOSITIVE.split(source.strip(), maxsplit=1)[0].strip() or source


# -- systems ---------------------------------------------------------------------------------


def from_statements(statements: Iterable[Statement],
                    to_raw: Callable[[int, bool], int | None] = lambda x, end=False: x,
                    parts: Sequence[Spans] | None = None) -> list[Prediction]:
    """Predictions with offsets mapped by ``to_raw`` (e.g. ``Document.raw_offset``); an unmappable one still counts.

    ``parts``, one per statement, are the quoted pieces of a unit that ``clause_units`` joined around its frame."""
    predictions = []
    for n, s in enumerate(statements):
        start, end = to_raw(s.start, False), to_raw(s.end, True)
        if start is None or end is None:
            start = end = -1  # counted, matches nothing
        pieces: Spans = ()
        if parts is not None and len(parts[n]) > 1 and start >= 0:
            mapped = [(to_raw(a, False), to_raw(b, True)) for a, b in parts[n]]
            pieces = tuple((a, b) for a, b in mapped if a is not None and b is not None)
        speaker: Spans = ()
        if s.speaker_start is not None and s.speaker_end is not None:
            a, b = to_raw(s.speaker_start, False), to_raw(s.speaker_end, True)
            speaker = ((a, b),) if a is not None and b is not None else ()
        predictions.append(Prediction(start, end, s.kind != "indirect", speaker, s.speaker_text, s.speaker,
                                      s.speaker_name, s.said_on, s.kind, pieces))
    return predictions


def as_clause_units(statements: Sequence[Statement], text: str) -> list[Statement]:
    """``clause_units`` without the parts."""
    return [unit for unit, _ in clause_units(statements, text)]


def clause_units(statements: Sequence[Statement], text: str) -> list[tuple[Statement, Spans]]:
    """Our statements in the units of PolNeAR and the seeds, which differ from the real-dev annotation guide's.

    What a naming verb frames ("called Clinton a “champion”") is, for us, each quoted fragment, for them the
    verb's whole object: the fragments of one naming cue become one statement from the cue to the clause's end.
    Words quoted inside reported speech are, for us, partial quotations beside the clause, for them part of it.
    A quotation over several paragraphs or split by its frame is, for us, a statement per paragraph or
    sentence, for them one, made of the quoted pieces without the frame between them. Each unit comes with
    those pieces (body offsets). Uses nothing but our output."""
    groups: dict[int, list[Statement]] = {}
    out = []
    clauses = {(s.cue_start, s.speaker_start): s for s in statements if s.kind == "indirect"}
    for s in statements:
        clause = clauses.get((s.cue_start, s.speaker_start))
        if s.kind == "partial" and clause is not None and clause.start <= s.start and s.end <= clause.end:
            continue  # a quoted fragment of reported speech: part of the clause
        if s.kind == "partial" and s.cue_start is not None and (s.cue or "").lower() in NAMING_CUES:
            groups.setdefault(s.cue_start, []).append(s)
        else:
            out.append(_with_clause(_with_sentence_head(s, text, statements), text, statements))
    later = sorted(s.cue_start for s in statements if s.cue_start is not None)
    for fragments in groups.values():
        first = fragments[0]
        start = first.cue_end + len(text[first.cue_end:]) - len(text[first.cue_end:].lstrip())
        last = max(f.end for f in fragments)
        stop = _CLAUSE_END.search(text, last)
        clause_end = last if _ends_sentence(text, last) else stop.start() if stop else len(text)
        close = last + len(text[last:clause_end]) - len(text[last:clause_end].lstrip("”\"’»"))
        next_cue = next((c for c in later if c > last), len(text))
        end = min(quotation_tail(text, close, clause_end) or clause_end, next_cue)
        end = len(text[:end].rstrip(" ,;"))
        out.append(replace(first, start=min(start, first.start), end=end, text=text[start:end]))
    return _paragraphs_joined(sorted(_not_nested(out), key=lambda s: s.start), text)


def _not_nested(units: list[Statement]) -> list[Statement]:
    """Units without those inside another's words: '... was “absolutely right” when he said that “the generals
    have been reduced to rubble”', 'The four “loopholes” he cited are “...,” The Hill reported': for PolNeAR
    what a frame outside the words reports holds the quotations and frames within it (for us statements of
    their own)."""
    framed = [o for o in units if o.cue_start is not None and not o.start <= o.cue_start < o.end]
    return [s for s in units if not any(o is not s and o.start <= s.start and s.end <= o.end
                                        and o.end - o.start > s.end - s.start for o in framed)]


def _with_sentence_head(s: Statement, text: str, statements: Sequence[Statement]) -> Statement:
    """'With thousands of systems, “there is no single point of failure,” she said.': for us the quoted words,
    for PolNeAR everything its frame after it reports, the sentence's words before the quotation too."""
    if s.kind != "partial" or s.cue_start is None or s.speaker_start is None:
        return s
    frame = min(s.cue_start, s.speaker_start)
    if frame < s.end or not _TO_FRAME.fullmatch(text, s.end, frame):
        return s
    heads = [m.end() for m in _SENTENCE_START.finditer(text, 0, s.start)]
    start = max([heads[-1] if heads else 0] + [o.end for o in statements if o.end <= s.start])
    start += len(text[start:s.start]) - len(text[start:s.start].lstrip(" \"“”‘’«»„"))
    if not re.search(r"\w", text[start:s.start]):
        return s
    return replace(s, start=start, text=text[start:s.end])


def _with_clause(s: Statement, text: str, statements: Sequence[Statement]) -> Statement:
    """'Pence said the tweet was only “to mock” Clinton.': for us the quoted words, for PolNeAR the clause its
    cue frames, from the cue to where the reporter's words start again (as a naming verb's object). So too a
    quotation's part going on in lower case after its frame and a clause ('“A,” he said, adding that it would
    take “more hours.”')."""
    mid_clause = s.kind == "partial" or (s.kind == "direct" and text[s.start:s.start + 1].islower())
    if not mid_clause or s.cue_end is None or s.cue_end > s.start or _SENTENCE_START.search(text, s.cue_end, s.start):
        return s
    start = max(s.cue_end, text.rfind(",", s.cue_end, s.start) + 1)  # the clause the quoted words are in
    start += len(text[start:s.start]) - len(text[start:s.start].lstrip(" ,:"))
    others = [o for o in statements if o is not s]
    if not _clause_words(text, start, s.start) or any(
            s.cue_end <= o.start < s.start or o.start < start < o.end for o in others):
        return s
    stop = _CLAUSE_END.search(text, s.end)
    clause_end = s.end if _ends_sentence(text, s.end) else stop.start() if stop else len(text)
    close = s.end + len(text[s.end:clause_end]) - len(text[s.end:clause_end].lstrip("”\"’»"))
    end = min(quotation_tail(text, close, clause_end) or clause_end,
              min((o.start for o in others if o.start >= s.end), default=len(text)))
    end = max(len(text[:end].rstrip(" ,;")), s.end)
    return replace(s, start=start, end=end, text=text[start:end])


_COORDINATORS = frozenset(w.lower() for w in lexicon("quotes")["quotation_tails"]["coordinators"])


def _clause_words(text: str, start: int, end: int) -> bool:
    """More than a coordinator before quoted words ("..., and “full of it”" has none)?"""
    found = re.findall(r"\w+", text[start:end])
    return len(found) > 1 or (len(found) == 1 and found[0].lower() not in _COORDINATORS)


def _ends_sentence(text: str, end: int) -> bool:
    """Do quoted words ending at ``end`` close their sentence ('... must “stop the escapades.”')?"""
    return text[:end].rstrip("”\"’»")[-1:] in (".", "!", "?")


_TO_FRAME = re.compile(r"[\"”’»]?[,.?!]?[\"”’»]?\s*")  # the closing mark and the frame's comma
_SENTENCE_START = re.compile(r"[.!?][\"”’»]?\s+|\n")


def _paragraphs_joined(statements: list[Statement], text: str) -> list[tuple[Statement, Spans]]:
    """The parts of one quotation around its frame ('"A," he said. "B."') and its paragraphs (one frame, no
    closing mark, only line breaks and the next paragraph's opening mark between them) as one statement:
    PolNeAR's and the seeds' unit."""
    out: list[tuple[Statement, Spans]] = []
    for s in statements:
        if _framed_between(text, out, s):  # '"A," X said, adding that C. "B."': A and B around C, C its own
            first, parts = out[-2]
            out[-2] = (replace(first, end=s.end, text=text[first.start:s.end]), (*parts, (s.start, s.end)))
            continue
        last, parts = out[-1] if out else (None, ())
        at_mark = text[:s.start].rstrip()[-1:] in _OPENING
        if last is not None and ((at_mark and (split_by_frame(text, last, s) or _one_frame(text, last, s)
                                               or _coordinated(text, last, s))) or (
                s.kind == "direct" and last.kind != "indirect" and s.cue_start == last.cue_start
                and s.speaker_start == last.speaker_start and _BETWEEN_PARAGRAPHS.fullmatch(text, last.end, s.start))):
            out[-1] = (replace(last, end=s.end, text=text[last.start:s.end]), (*parts, (s.start, s.end)))
        else:
            out.append((s, ((s.start, s.end),)))
    return out


def _framed_between(text: str, out: list[tuple[Statement, Spans]], second: Statement) -> bool:
    """'"A," X said, emphasizing why C. "B."': the reported speech the frame's participle adds lies between two
    sentences of one quotation; for PolNeAR, A and B are one unit still, C one of its own."""
    if len(out) < 2:
        return False
    first, between = out[-2][0], out[-1][0]
    return (between.kind == "indirect" and between.speaker_start == first.speaker_start
            and first.end <= between.start and between.end <= second.start
            and text[:second.start].rstrip()[-1:] in _OPENING and _one_frame(text, first, second))


def _one_frame(text: str, first: Statement, second: Statement) -> bool:
    """'"A," X said on Monday at the dinner, where Y also spoke. "B."': a quotation whose next sentence
    has no frame of its own but the first's, within one paragraph, is one PolNeAR unit however long the
    frame between them (our guide: two quotations); so too after quoted words ending just before that frame
    ('Suicides are “not meeting the demand,” she said. “We ...”')."""
    return (first.kind in ("direct", "partial") and second.kind == "direct" and first.cue_start is not None
            and second.cue_start == first.cue_start and second.speaker_start == first.speaker_start
            and first.end <= first.cue_start < second.start and "\n" not in text[first.end:second.start]
            and _NEW_SENTENCE.search(text, first.end, second.start) is not None
            and not any(m.group("verb").lower() in CUE_FORMS and not _STOP.search(text, m.end(), second.start)
                        for m in _PARTICIPLE.finditer(text, first.cue_start, second.start)))


# '“A,” X said, adding later, “B.”': a participle cue of speech frames the second part anew, a unit of its own
# (not '“A,” X said, adding that C. “B.”', where the participle's own words end before B)
_STOP = re.compile(r"[.!?]")
_PARTICIPLE = re.compile(r",\s+(?:\w+ly\s+)?(?P<verb>\w+ing)\b")


_NEW_SENTENCE = re.compile(r"(?:[.!?][\"”’»]?\s+|[,:;]\s*)[\"“«„‘']$")  # the second part opens a sentence, or goes on
def _coordinated(text: str, first: Statement, second: Statement) -> bool:
    """'... is “a big problem” but “nobody has the guts”': quoted words coordinated with what the same cue
    reports before them are, for PolNeAR, one unit with it (for us a partial quotation each), its frame between
    them or not ('Oz is “smart,” X wrote in an email, and “full of it.”')."""
    return (second.kind == "partial" and first.kind != "direct" and first.cue_start is not None
            and ((second.cue_start == first.cue_start and second.speaker_start == first.speaker_start)
                 or (second.cue_start is None and second.speaker_start is None))  # no frame of its own
            and (_COORDINATOR.fullmatch(text, first.end, second.start) is not None or (
                first.end <= first.cue_start < second.start and "\n" not in text[first.end:second.start]
                and _COORDINATOR_LAST.search(text, first.end, second.start) is not None)))


_COORDINATOR = re.compile(rf"[\"”’»]?,?\s*\b(?:{alternation(lexicon('quotes')['quotation_tails']['coordinators'])})"
                          r"\s+[\"“‘«„]")
_COORDINATOR_LAST = re.compile(_COORDINATOR.pattern + "$", re.I)
_OPENING = ("\"", "“", "«", "„", "‘", "'")
_BETWEEN_PARAGRAPHS = re.compile(r"\s*\n[\s\"“‘«„]*")  # no closing mark: the quotation goes on


_CLAUSE_END = re.compile(r"[.!?;]|\n|$|,?\s+but\s")  # the sentence's or the clause's end


def textacy_predictions(parsed) -> list[Prediction]:
    """textacy's rule-based direct quotations on a fully parsed spaCy Doc."""
    from textacy.extract.triples import direct_quotations

    predictions = []
    try:
        triples = list(direct_quotations(parsed))
    except (ValueError, IndexError, KeyError):  # textacy fails on some unbalanced quotes
        return predictions
    for triple in triples:
        speaker: Spans = ()
        if triple.speaker:
            speaker = ((min(t.idx for t in triple.speaker), max(t.idx + len(t) for t in triple.speaker)),)
        text = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        predictions.append(Prediction(triple.content.start_char, triple.content.end_char, True, speaker, text,
                                      kind="direct"))
    return predictions


def _document(name: str, text: str, published: str | None) -> Document:
    return Document(id=name, source_key=name, source_path=name, locator="", content_type="text", raw_text=text,
                    body=text, body_spans=[BodySpan(0, 0, len(text))], published=published)


def evaluate_polnear(docs: Iterable[BratDocument], baseline: bool = True) -> dict[str, dict]:
    """Our statements and (optionally) textacy's quotations against PolNeAR gold."""
    from trucewatch.nlp import full_pipeline
    from trucewatch.statements import extract_statements

    registry = load_registry()
    ours, theirs = Scorer(registry), Scorer(registry)
    for doc in docs:
        statements = extract_statements(_document(doc.name, doc.text, doc.published), registry)
        units = clause_units(statements, doc.text)
        ours.add(doc.attributions, from_statements([u for u, _ in units], parts=[p for _, p in units]), doc.text)
        if baseline:
            theirs.add(doc.attributions, textacy_predictions(full_pipeline()(doc.text)), doc.text)
    results = {"trucewatch": ours.report()}
    if baseline:
        results["textacy"] = theirs.report()
    return results


# -- seed fixtures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedAnnotation:
    file: str
    gold: tuple[GoldAttribution, ...]


def read_seed_annotations(folder: str | Path) -> list[SeedAnnotation]:
    """Fixtures ``*.json``: {file, statements: [{start, end, kind, speaker, said_on}]}.

    Offsets are into the original file text, so they survive changes to cleaning. The annotated
    publication date is not read: the system must find it.
    """
    found = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = tuple(GoldAttribution(((s["start"], s["end"]),), quoted=s["kind"] != "indirect",
                                     speaker=(s["speaker"],) if s.get("speaker") else (), said_on=s.get("said_on"),
                                     kind=s["kind"]) for s in data["statements"])
        found.append(SeedAnnotation(data["file"], gold))
    return found


def evaluate_seeds(annotations: Sequence[SeedAnnotation], seeds_folder: str | Path,
                   baseline: bool = True) -> dict[str, dict]:
    """Score the stage on the seed articles, read and dated as ingest reads them (no gold value fed in)."""
    from trucewatch.documents import build_document
    from trucewatch.nlp import full_pipeline
    from trucewatch.records import SourceItem
    from trucewatch.sources import read_sources
    from trucewatch.statements import extract_statements

    registry = load_registry()
    ours, theirs = Scorer(registry), Scorer(registry)
    for note in annotations:
        path = Path(seeds_folder) / note.file
        items = [i for i in read_sources([path]) if isinstance(i, SourceItem)]
        if not items:
            raise FileNotFoundError(f"annotated seed article missing or unreadable: {path}")
        doc = build_document(items[0])
        units = clause_units(extract_statements(doc, registry), doc.body)
        ours.add(note.gold, from_statements([u for u, _ in units], doc.raw_offset, [p for _, p in units]),
                 doc.raw_text)
        if baseline:
            theirs.add(note.gold, textacy_predictions(full_pipeline()(doc.raw_text)), doc.raw_text)
    results = {"trucewatch": ours.report()}
    if baseline:
        results["textacy"] = theirs.report()
    return results
