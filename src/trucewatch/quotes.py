"""Quotations and reported speech: what was said, the cue, and the speaker as written.

Cheap first, parser last. Quote marks are paired by a scanner that knows every mark
style, nesting, apostrophes and paragraph continuation; the common attribution frames
(`"...," he said`, `said X:`, `X said [on Friday] that ...`, `according to X, ...`) are
read by patterns; the dependency parser runs only on the candidate sentences left (cue
words or "according to" outside a quote), and on a skeleton of each sentence in which
long quotations are replaced by a placeholder.
Speaker *resolution* (which actor) is done by :mod:`trucewatch.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from trucewatch.records import Sentence
from trucewatch.text.sentences import SentenceIndex

# -- cue words ------------------------------------------------------------------------------

_CUE_LEMMAS = [
    "say", "read", "yell", "shout", "scream", "exclaim", "whisper", "mutter", "tell", "add", "note",
    "stress", "emphasize", "emphasise", "state", "announce", "declare", "claim", "argue", "insist", "warn",
    "explain", "point", "recall", "conclude", "continue", "write", "tweet", "report", "confirm", "deny",
    "acknowledge", "admit", "assert", "believe", "think", "suggest", "predict", "vow", "promise", "pledge",
    "urge", "call", "demand", "ask", "reply", "respond", "answer", "accuse", "praise", "criticize",
    "criticise", "condemn", "denounce", "welcome", "hail", "describe", "assess", "comment", "remark",
    "mention", "reiterate", "underline", "underscore", "agree", "express", "complain", "allege", "indicate",
    "signal", "hint", "recognize", "recognise", "estimate", "expect", "hope", "fear", "feel", "know",
    "learn", "quote", "cite", "reaffirm", "assure", "inform", "highlight", "observe", "voice", "lament",
    "joke", "boast", "counter", "testify", "disclose", "reveal", "caution", "charge", "contend", "maintain",
    "clarify", "specify", "stipulate", "question", "wonder", "concede", "recommend", "propose", "threaten",
    "blame", "laud", "slam", "dismiss", "reject"
]
_IRREGULAR = {"say": ["said", "says", "saying"], "read": ["reads", "reading"], "tell": ["told", "tells", "telling"],
              "think": ["thought", "thinks", "thinking"], "write": ["wrote", "written", "writes", "writing"],
              "know": ["knew", "known", "knows", "knowing"], "feel": ["felt", "feels", "feeling"],
              "learn": ["learned", "learnt", "learns", "learning"]}


def _inflect(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and lemma in {"admit", "regret", "commit", "submit"}:
        return [lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [lemma, plural, lemma + "ed", lemma + "ing"]


CUE_FORMS: frozenset[str] = frozenset(form for lemma in _CUE_LEMMAS for form in _inflect(lemma))
# Verbs that report what someone said without introducing it ("called him a “con artist”").
_QUOTING_LEMMAS = [
    "label", "brand", "term", "dub", "blast", "attack", "mock", "decry", "tout", "cite", "rate", "exhort",
    "pound", "castigate", "lambaste", "ridicule", "scold", "champion", "applaud", "commend", "thank",
    "congratulate", "vow", "pledge", "liken", "compare", "characterize", "characterise", "refer"
]
QUOTING_FORMS: frozenset[str] = CUE_FORMS | frozenset(f for lemma in _QUOTING_LEMMAS for f in _inflect(lemma))
# Cues that report speech even without a content clause ("X said." after a quote).
_SPEECH = "|".join(sorted(CUE_FORMS, key=len, reverse=True))

# -- quote marks ----------------------------------------------------------------------------

_MARKS = re.compile(r"[\"“”„«»‟]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_PAIRS = {"«": "»", "„": "“”\"", "“": "”\"", "‟": "”\"", '"': '"”', "”": "”\""}


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` is the content inside the marks; ``open``/``close`` include them."""

    start: int
    end: int
    open: int
    close: int
    closed: bool = True  # False when the paragraph ended before a closing mark


def _opens(text: str, i: int) -> bool:
    """Could the straight or ambiguous mark at ``i`` open a quotation?"""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,;/" or i == 0) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def find_quotes(text: str) -> list[Quote]:
    """Pair the double quote marks of ``text`` (straight, curly, « », „ “).

    Single marks never open a top-level quotation, so apostrophes (peacekeepers’, today's)
    and nested ‘quotes’ stay inside. A quotation still open at a paragraph end continues when
    the next paragraph opens with a mark (the typographic convention) or closes one before
    opening another; otherwise it ends with its paragraph.
    """
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    bounds = [0, *(e for _, e in paragraphs)]
    ends = [*(s for s, _ in paragraphs), len(text)]
    quotes: list[Quote] = []
    opener: tuple[int, str] | None = None  # (offset, mark)
    depth = 0  # quotations opened inside the current one
    for p_start, p_end in zip(bounds, ends, strict=True):
        marks = [m.start() for m in _MARKS.finditer(text, p_start, p_end)]
        k = 0
        if opener is not None:  # a quotation carried over from the previous paragraph
            first = marks[0] if marks else None
            if first is not None and text[first] != "»" and first == p_start and text[first] != "”":
                k = 1  # the continuation mark: the quotation goes on
            elif first is not None and text[first] in "”»\"" and _closes(text, first):
                pass  # no continuation mark, but this paragraph closes the quotation
            else:
                end = ends[bounds.index(p_start) - 1]
                quotes.append(_quote(text, opener[0], end, closed=False))
                opener = None
        while k < len(marks):
            i = marks[k]
            mark = text[i]
            if opener is None:
                if mark in "«„“‟" or (mark in "\"”" and _opens(text, i)):
                    opener, depth = (i, mark), 0
            elif mark in "«„“‟" and mark != '"' and _opens(text, i) and not _closes(text, i):
                depth += 1  # a quotation inside the quotation, in double marks too
            elif depth and (mark in "»”" or (mark in '"“' and _closes(text, i))):
                depth -= 1
            elif (mark in _PAIRS.get(opener[1], "”\"") and (mark != '"' or _closes(text, i) or not _opens(text, i))) \
                    or (mark == opener[1] == "“" and _closes(text, i)):  # “ used both ways
                quotes.append(_quote(text, opener[0], i + 1))
                opener = None
            k += 1
        if opener is not None and p_end == len(text):
            quotes.append(_quote(text, opener[0], p_end, closed=False))
            opener = None
    return [q for q in quotes if q.end > q.start]


def _quote(text: str, open_at: int, close_end: int, closed: bool = True) -> Quote:
    start = open_at + 1
    end = close_end - 1 if closed else close_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, open_at, close_end, closed)


# -- attributions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """A statement before speaker resolution: content, cue and speaker as written (body offsets)."""

    kind: str  # direct | partial | indirect
    start: int
    end: int
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    sentence_index: int | None = None
    inherited: bool = False  # speaker carried over from the previous quotation (no frame of its own)


_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_DET = r"(?:the|a|an|his|her|its|their|our|this|that|one|another|two|three|several|some|many|both)"
_NAME_TOKEN = r"[A-ZÀ-ÖØ-ÞƏİŞÇÖÜ][\w.’'-]*"
_WORD = r"[\w’'.-]+"
_AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|also|later|then|again|further|previously)\s+){0,3}"
_INNER = {"in", "of", "at", "from", "for"}  # may sit inside a speaker phrase that starts with a determiner
_STOP = {"at", "in", "on", "during", "to", "who", "which", "that", "after", "before", "while", "when", "from",
         "with", "as", "and", "but", "because", "if", "about", "for", "by", "told", "said", "says", "last"}
_PAREN = r"(?:\s*\([^()]{1,30}\))?"
_APPOSITIVE = r"(?:(?:,\s+(?:[\w’'.()-]+\s+){0,14}?[\w’'.()-]+){1,2},)?"
# "...," he said / "...," the Azerbaijani president said / "...," Ilham Aliev's words are quoted
_AFTER_SPEAKER_CUE = re.compile(
    rf"^[\s,.?!;:—–-]*(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}){_PAREN}{_APPOSITIVE}\s+{_AUX}"
    rf"(?P<cue>{_SPEECH})\b", re.I)
# “...” ― Carlos Raúl
_AFTER_DASH = re.compile(rf"^\s*[―—–]\s*(?P<speaker>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})\s*[.,]?\s*(?:\n|$)")
# "...," said Azerbaijani President Ilham Aliyev at ...
_AFTER_CUE_SPEAKER = re.compile(rf"^[\s,.?!;:—–-]*(?P<cue>{_SPEECH})\s+(?P<speaker>(?:{_DET}\s+)?(?:{_WORD}\s*)+)",
                                re.I)
# Aliyev emphasized that ...: "..." / He said, "..."
_BEFORE = re.compile(rf"(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}){_PAREN}{_APPOSITIVE}\s+{_AUX}"
                     rf"(?P<cue>{_SPEECH})\b"
                     rf"(?P<rest>[^\"“”«»„]*?)[:,]\s*$", re.I)


def _plausible_speaker(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    inner_ok = re.fullmatch(_DET, words[0], re.I) is not None  # "a narrator in the Clinton ad"
    if any(w.lower() in _STOP and not (inner_ok and 0 < n < len(words) - 1 and w.lower() in _INNER)
           for n, w in enumerate(words)) or (words[-1].lower() in _PRONOUNS and len(words) > 1):
        return False
    if words[-1].lower() in CUE_FORMS:
        return False
    return bool(any(re.match(_NAME_TOKEN, w) for w in words) or re.fullmatch(_DET, words[0], re.I))


def _speaker_after_cue(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker phrase right after an inverted cue ("said Azerbaijani President Ilham Aliyev at ...")."""
    words = list(re.finditer(r"[\w.’'-]+|[^\w\s]", text[start:end]))
    taken: list[re.Match] = []
    for n, w in enumerate(words):
        token = w.group()
        lower = token.lower()
        if lower in _STOP or not re.match(r"[\w]", token):
            if lower == "of" and n + 1 < len(words) and re.match(_NAME_TOKEN, words[n + 1].group()):
                taken.append(w)
                continue
            break
        if not taken and lower in _PRONOUNS:
            return start + w.start(), start + w.end()
        taken.append(w)
        if len(taken) >= 8:
            break
    if not taken:
        return None
    phrase = text[start + taken[0].start(): start + taken[-1].end()].rstrip(".")
    if not _plausible_speaker(phrase):
        return None
    return start + taken[0].start(), start + taken[0].start() + len(phrase)


def frame_after(text: str, quote: Quote, limit: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a frame right after a quotation, up to ``limit``."""
    window = text[quote.close:limit]
    match = _AFTER_SPEAKER_CUE.match(window)
    if match and _plausible_speaker(match.group("speaker")) and "\n" not in match.group():
        s = quote.close
        return (s + match.start("cue"), s + match.end("cue")), (s + match.start("speaker"), s + match.end("speaker"))
    match = _AFTER_DASH.match(text[quote.close:quote.close + 80])
    if match:
        s = quote.close
        return (s + match.start(), s + match.start() + 1), (s + match.start("speaker"), s + match.end("speaker"))
    match = _AFTER_CUE_SPEAKER.match(window)
    if match and "\n" not in window[: match.start("speaker")]:
        cue = (quote.close + match.start("cue"), quote.close + match.end("cue"))
        speaker = _speaker_after_cue(text, quote.close + match.start("speaker"), limit)
        if speaker:
            return cue, speaker
    return None


def frame_before(text: str, quote: Quote, sentence_start: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a frame introducing a quotation with a colon or comma."""
    window = text[sentence_start:quote.open]
    if not window.rstrip().endswith((":", ",")):  # what _BEFORE ends with: skip its costly search
        return None
    best, position = None, 0
    while (match := _BEFORE.search(window, position)) is not None:  # overlapping: "In one tweet, X said:"
        if _plausible_speaker(match.group("speaker")):
            best = match
        position = match.start("cue") + 1
    if best is None:
        return None
    s = sentence_start
    return (s + best.start("cue"), s + best.end("cue")), (s + best.start("speaker"), s + best.end("speaker"))


# The agreement is being implemented, said a Russian Foreign Ministry statement. / ..., it said.
_TAIL = re.compile(rf",\s*(?:(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})\s+{_AUX}(?P<cue>{_SPEECH})"
                   rf"|(?P<cue2>{_SPEECH})\s+(?P<speaker2>(?:{_DET}\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}))"
                   rf"(?:\s+(?:on|in|at|during|late|earlier|today|yesterday)\b(?:(?!\bthat\b)[^,\"“”«»]){{0,60}})?"
                   rf"\s*[.!]?\s*$", re.I)  # "..., X said on Friday." but not "X said on Friday that ..."


def frame_tail(text: str, sentence: Sentence, blocked: Sequence[tuple[int, int]]) -> Attribution | None:
    """Reported speech closed by an inverted frame: "<content>, it said." (no parser needed)."""
    match = _TAIL.search(text, sentence.start, sentence.end)
    if match is None or any(_overlap(sentence.start, match.start(), s, e) for s, e in blocked):
        return None
    name = "speaker" if match.group("speaker") else "speaker2"
    cue = "cue" if match.group("cue") else "cue2"
    if not _plausible_speaker(match.group(name)):
        return None
    start, end = sentence.start, match.start()
    if len(text[start:end].split()) < 4 or _MARKS.match(text, start):
        return None
    speaker_end = match.start(name) + len(match.group(name).rstrip("."))
    return Attribution("indirect", start, end, match.start(cue), match.end(cue), match.start(name), speaker_end,
                       sentence.index)


# "[Intro, ]<speaker> <cue> [...] that <content>." (Putin said on Thursday that ..., The ministry told
# reporters that ...) and "<speaker> said <content>.": the commonest frames of reported speech, read
# without the parser when the sentence holds no other cue (see _common_frame).
_INTRO = r"(?:[A-Z][^,\"“”«»„]{0,80},\s+)?"
_SPEAKER = rf"(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})\s+{_AUX}"
_SAID_THAT = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>{_SPEECH})(?P<between>(?:\s+[\w’'-]+){{0,3}}?)\s+that\s+"
                        rf"(?P<next>[\w’'-]+)", re.I)
_SAID_OBJECT = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>{_SPEECH})\s+(?P<next>the)\s+(?P<noun>\w+)\s+of\s", re.I)
_SAID = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>said|says|say|thinks|think|believes|believe|added|adds)\s+"
                   rf"(?P<next>[\w’'-]+)", re.I)
# Words that make a phrase before the cue more than a plain speaker ("Clinton now", "Cruz has long").
_NOT_SPEAKER = {"did", "does", "do", "not", "never", "could", "should", "may", "might", "must", "can", "cannot",
                "once", "who", "what", "whether", "if", "there", "now", "long", "has", "have", "had", "is", "are",
                "was", "were", "be", "been", "would", "will", "also", "still", "already", "just", "even", "then",
                "later", "again", "often", "always", "usually", "yet", "or", "and", "but", "so"}
# Words that open a clause, not a noun ("rejected that argument") or an adverbial ("said on Monday").
_SUBJECT_OPENERS = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this", "these",
                    "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "most", "no", "all",
                    "both", "any", "every", "each", "such", "more"}
_CLAUSE_OPENERS = _SUBJECT_OPENERS | {"if", "while", "when", "although", "despite", "in", "for", "as", "after",
                                      "before", "since", "once", "unless", "because", "even", "only", "not"}
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|it|they|we|i|you)\b", re.I)  # "says he's satisfied that"
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_SAME = re.compile(r"the\s+same\b", re.I)  # "said the same thing": an object, not a clause
# A second "that"-clause: maybe speech reported inside the content ("reported that X conveyed that ..."),
# whose speaker the parser tells apart.
_NESTED = re.compile(r"\bthat\s+(?:the|he|she|it|they|we|i|you|his|her|its|their|[A-Z])", re.I)


def _plain_speaker_word(word: str) -> bool:
    lower = word.lower()
    return lower not in _NOT_SPEAKER and not lower.endswith(("ly", "ing"))


def frame_said_that(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """Reported speech in a plain "<speaker> said [that] <content>." sentence, whose only cue is ``cue``.

    Also "<speaker> stressed the importance of <content>.", the content noun being what was said.
    """
    stop = _sentence_stop(text, sentence)
    match = _said_match(text, sentence.start, stop, cue)
    if match is None:
        return None
    speaker = match.group("speaker")
    if not _plausible_speaker(speaker) or not all(_plain_speaker_word(w) for w in speaker.split()):
        return None
    end = _content_end(text, match.start("next"), stop)
    if len(text[match.start("next"):end].split()) < 3:
        return None
    return Attribution("indirect", match.start("next"), end, match.start("cue"), match.end("cue"),
                       match.start("speaker"), match.end("speaker"))


def _said_match(text: str, start: int, stop: int, cue: int) -> re.Match | None:
    """The first of the said-that, content-noun and bare-said frames that reads ``text[start:stop]`` at ``cue``."""
    match = _SAID_THAT.match(text, start, stop)
    if match is not None and match.start("cue") == cue:
        between = match.group("between").split()
        opener = match.group("next")
        if match.group("cue").lower() not in _CLAUSE_CUES or (between and _SUBJECT_PRONOUN.match(between[0])) \
                or not (opener[0].isupper() or opener[0].isdigit() or opener.lower() in _CLAUSE_OPENERS):
            return None
        return match
    match = _SAID_OBJECT.match(text, start, stop)
    if match is not None and match.start("cue") == cue and match.group("noun").lower() in _CONTENT_NOUNS \
            and match.group("cue").lower() not in _NOUN_LIKE:
        return match
    match = _SAID.match(text, start, stop)
    if match is None or match.start("cue") != cue:
        return None
    opener = match.group("next")
    if not (opener.lower() in _SUBJECT_OPENERS or (opener[0].isupper() and not _WEEKDAY.match(opener))) \
            or _SAME.match(text, match.start("next")):
        return None
    return match


_ACCORDING_FIRST = re.compile(r"(?P<cue>according\s+to)\s+(?P<speaker>[^,]{1,60}?),\s+(?P<content>\S)", re.I)
_ACCORDING_LAST = re.compile(r",\s+(?P<cue>according\s+to)\s+(?P<speaker>[^,]{1,60}?)[\s.!?]*$", re.I)


def frame_according(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """"According to X, <content>." or "<content>, according to X." whose only cue is ``cue``."""
    stop = _sentence_stop(text, sentence)
    match = _ACCORDING_FIRST.match(text, sentence.start, stop)
    if match is not None:
        start, end = match.start("content"), _content_end(text, match.start("content"), stop)
    else:
        match = _ACCORDING_LAST.search(text, sentence.start, stop)
        if match is None:
            return None
        start, end = sentence.start, match.start()
    speaker = match.group("speaker")
    if match.start("cue") != cue or not _plausible_speaker(speaker) \
            or not all(_plain_speaker_word(w) for w in speaker.split()) or len(text[start:end].split()) < 3:
        return None
    return Attribution("indirect", start, end, match.start("cue"), match.end("cue"), match.start("speaker"),
                       match.end("speaker"))


def _sentence_stop(text: str, sentence: Sentence) -> int:
    """The end of ``sentence`` without the opening mark of the next sentence's quotation."""
    stop = sentence.end
    while stop > sentence.start and (text[stop - 1].isspace() or (_MARKS.match(text, stop - 1)
                                                                  and _opens(text, stop - 1))):
        stop -= 1
    return stop


def _content_end(text: str, start: int, stop: int) -> int:
    """``stop`` without the sentence's final punctuation."""
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".!?;:,"):
        stop -= 1
    return stop


_LETTERS = re.compile(r"[A-Za-z]+")
_TRIGGERS = CUE_FORMS | {"according"}


def cue_offsets(text: str) -> list[int]:
    """Where cue words (and "according to") start in ``text``: a set lookup per word, not a regex scan."""
    if _TRIGGERS.isdisjoint(_LETTERS.findall(text.lower())):
        return []  # most sentences: one pass in C instead of a Python loop over every word
    found = []
    words = list(_LETTERS.finditer(text))
    for n, word in enumerate(words):
        lower = word.group().lower()
        following = words[n + 1].group().lower() if n + 1 < len(words) else ""
        if lower == "according" and following == "to":
            found.append(word.start())
        elif lower in CUE_FORMS and not (n and word.group()[0].isupper()):  # "Heads of State" is no cue
            if lower in _NOUN_LIKE and following != "that" \
                    and not (n and words[n - 1].group().lower() in _PRONOUNS):
                continue  # "the report", "a call": a verb only before "that" or after a pronoun
            found.append(word.start())
    return found


# Cue forms that are more often nouns: candidates only in a verb-like position.
_NOUN_LIKE = frozenset(f for lemma in ("state", "report", "point", "call", "comment", "question", "charge", "note",
                                       "signal", "voice", "hope", "fear", "answer", "quote", "counter", "tweet",
                                       "claim", "demand", "promise", "pledge", "vow", "estimate", "mention",
                                       "remark", "welcome", "hint", "joke", "boast", "blame", "concern", "read")
                       for f in _inflect(lemma)[:2])  # the bare form and the plural/third person only


# -- the parser, on candidate sentences only -------------------------------------------------

_PLACEHOLDER = "Q"
_CONTENT_NOUNS = {"importance", "need", "necessity", "significance", "readiness", "intention", "hope", "concern",
                  "confidence", "position", "view", "opinion", "belief", "desire", "commitment", "support"}


@dataclass
class Skeleton:
    """A sentence with long quotations replaced by a placeholder, mapped back to body offsets."""

    text: str
    pieces: list[tuple[int, int, int]]  # (skeleton start, body start, length) of copied text
    quotes: list[tuple[int, int, Quote]]  # (skeleton start, skeleton end) of each placeholder

    def body(self, offset: int) -> int:
        for s_start, b_start, length in self.pieces:
            if s_start <= offset <= s_start + length:
                return b_start + offset - s_start
        for s_start, s_end, quote in self.quotes:
            if s_start <= offset <= s_end:
                return quote.open if offset == s_start else quote.close
        raise ValueError(offset)


def skeleton(text: str, start: int, end: int, quotes: Sequence[Quote], min_words: int = 6) -> Skeleton:
    """``text[start:end]`` with every quotation of at least ``min_words`` words replaced by "Q"."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    holes: list[tuple[int, int, Quote]] = []
    cursor, length = start, 0
    for quote in quotes:
        if quote.open < start or quote.close > end or len(text[quote.start:quote.end].split()) < min_words:
            continue
        chunk = text[cursor:quote.open]
        parts.append(chunk)
        pieces.append((length, cursor, len(chunk)))
        length += len(chunk)
        holes.append((length, length + len(_PLACEHOLDER) + 2, quote))
        parts.append(f'"{_PLACEHOLDER}"')
        length += len(_PLACEHOLDER) + 2
        cursor = quote.close
    chunk = text[cursor:end]
    parts.append(chunk)
    pieces.append((length, cursor, len(chunk)))
    return Skeleton("".join(parts), pieces, holes)


def parse_attributions(sk: Skeleton, parsed, quoted: Sequence[tuple[int, int]] = ()) -> list[Attribution]:
    """Reported speech in one parsed skeleton: cue verb, its subject, its content clause.

    Cue words inside a quotation (``quoted``: body spans) are what was said, not a frame.
    """
    found: list[Attribution] = []
    for token in parsed:
        lower = token.lower_
        if quoted and (lower in CUE_FORMS or lower == "according"):
            at = sk.body(token.idx)
            if any(s <= at < e for s, e in quoted):
                continue
        if lower == "according" and token.i + 1 < len(parsed) and parsed[token.i + 1].lower_ == "to":
            attribution = _according(sk, parsed, token)
        elif lower in CUE_FORMS and _is_verb(token) and token.dep_ not in ("amod", "aux") and not _thing_says(token):
            attribution = _cue_clause(sk, parsed, token)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    return found


def _thing_says(token) -> bool:
    """A cue in a relative clause about a thing ("a comment that described ..."), not about a person."""
    return token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in token.children)


def _is_verb(token) -> bool:
    """From the fine-grained tag, so the attribute ruler (a third of the parse time) need not run."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _span(sk: Skeleton, first, last) -> tuple[int, int]:
    return sk.body(first.idx), sk.body(last.idx + len(last.text))


def _trim(tokens: list) -> list:
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("that", "and", "but")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "\"”»":
        tokens = tokens[:-1]
    return tokens


def _subject(token):
    for child in token.children:
        if child.dep_ in ("nsubj",):
            if child.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                return token.head
            return child
    if token.dep_ in ("conj", "xcomp", "advcl") and _is_verb(token.head):
        return _subject(token.head)
    return None


def _subject_tokens(subject) -> list:
    """The subject phrase, without relative clauses or parentheticals after a comma."""
    tokens = list(subject.subtree)
    for n, tok in enumerate(tokens):
        if tok.i > subject.i and (tok.text in ",(—–" or tok.dep_ in ("relcl", "acl")):
            tokens = tokens[:n]
            break
    tokens = _trim(tokens)
    while tokens and tokens[-1].lower_ in ("that", "which", "who", "whom"):
        tokens = tokens[:-1]
    return tokens or [subject]


def _cue_clause(sk: Skeleton, parsed, cue) -> Attribution | None:
    subject = _subject(cue)
    if subject is None:
        return None
    content = None
    for child in cue.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i != subject.i:
            content = list(child.subtree)
            break
    if content is None:
        for child in cue.children:
            if child.dep_ == "dobj" and child.lower_ in _CONTENT_NOUNS:
                content = list(child.subtree)
                break
            if child.dep_ == "dobj" and any(t.text in "\"“”«»„" or t.text == _PLACEHOLDER for t in child.subtree):
                content = list(child.subtree)
                break
    if content is None:
        xcomp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        dobj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "for")), None)
        if xcomp is not None:
            first = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
            content = [t for t in parsed if first.left_edge.i <= t.i <= xcomp.right_edge.i]
        elif prep is not None and cue.lower_.startswith(("call", "urg")):
            content = list(prep.subtree)[1:]
        else:
            content = _object_content(parsed, cue, dobj)
    if not content:
        return None
    content = _trim(content)
    if len(content) < 2 and not (content and content[0].text == _PLACEHOLDER):
        return None
    if subject.i >= content[0].i and subject.i <= content[-1].i:
        return None
    speaker = _subject_tokens(subject)
    start, end = _span(sk, content[0], content[-1])
    s_start, s_end = _span(sk, speaker[0], speaker[-1])
    c_start, c_end = _span(sk, cue, cue)
    return Attribution("indirect", start, end, c_start, c_end, s_start, s_end)


# Cues whose direct object is what was said ("denounced the statement", "voiced the idea").
_OBJECT_CUES = frozenset(f for lemma in ("denounce", "condemn", "reject", "deny", "confirm", "announce", "voice",
                                         "express", "propose", "demand", "criticize", "criticise", "welcome",
                                         "praise", "hail", "reaffirm", "reiterate", "dismiss", "assess", "describe",
                                         "call", "label", "brand", "cite")
                         for f in _inflect(lemma))


# Cues whose "that" opens the content clause, for :func:`frame_said_that`.
_CLAUSE_CUES = CUE_FORMS - _NOUN_LIKE - _OBJECT_CUES


def _object_content(parsed, cue, dobj) -> list | None:
    """Content carried by the object: "assessed X as very successful", "called X an important signal"."""
    as_prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    predicate = next((c for c in cue.children if c.dep_ in ("oprd", "xcomp")), None)
    if dobj is not None and (as_prep is not None or predicate is not None):
        last = max((as_prep or predicate).right_edge.i, dobj.right_edge.i)
        return [t for t in parsed if dobj.left_edge.i <= t.i <= last]
    if as_prep is not None and any(t.text in "\"“”«»„" for t in as_prep.subtree):
        return list(as_prep.subtree)[1:]
    if dobj is not None and cue.lower_ in _OBJECT_CUES and dobj.pos_ != "PRON" and dobj.tag_ != "PRP" \
            and len(list(dobj.subtree)) >= 3:
        return list(dobj.subtree)
    return None


def _according(sk: Skeleton, parsed, according) -> Attribution | None:
    """"According to X, ...": the content is the clause the phrase attaches to, without the phrase."""
    to = parsed[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    speaker = _subject_tokens(pobj)
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree} | {according.i}
    head = according.head if according.head.i != according.i else None
    scope = list(head.subtree) if head is not None and _is_verb(head) else list(parsed)
    rest = _trim([t for t in scope if t.i not in phrase and t.lower_ not in ("which", "who")])
    if len(rest) < 3:
        return None
    start, end = _span(sk, rest[0], rest[-1])
    s_start, s_end = _span(sk, speaker[0], speaker[-1])
    c_start, c_end = _span(sk, according, to)
    return Attribution("indirect", start, end, c_start, c_end, s_start, s_end)


# -- the whole document ---------------------------------------------------------------------


_LAST_WORD = re.compile(r"\w+$")


def _ends_with_cue(before: str) -> bool:
    """Does ``before`` (right-stripped) end with a cue word and maybe a comma ("he said,")?"""
    tail = before[:-1].rstrip() if before.endswith(",") else before
    word = _LAST_WORD.search(tail[-30:])  # cue words are shorter: only the last word can match
    return word is not None and word.group().lower() in CUE_FORMS


def _is_embedded(text: str, quote: Quote, sentence_start: int) -> bool:
    """A partial quotation: it starts inside a sentence, not after a colon, a dash or an inverted frame."""
    before = text[sentence_start:quote.open].rstrip() if sentence_start < quote.open else ""
    if not before or before.endswith((":", "—", "–", ".", "!", "?", "\"", "”", "»")):
        return False
    if _ends_with_cue(before):  # he said, "..."
        return not text[quote.start:quote.start + 1].isupper()
    return True


def _dedupe(items: Iterable[Attribution]) -> list[Attribution]:
    kept: list[Attribution] = []
    for item in sorted(items, key=lambda a: (a.start, -(a.end - a.start))):
        if any(_overlap(item.start, item.end, k.start, k.end) > 0.8 * max(item.end - item.start, k.end - k.start)
               for k in kept):
            continue
        kept.append(item)
    return kept


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def find_attributions(text: str, sentences: Sequence[Sentence], parse=None) -> list[Attribution]:
    """Every quotation and reported statement in ``text`` with its cue and speaker span.

    ``parse`` maps a list of strings to parsed spaCy Docs; it is called once, for the
    candidate sentences only.
    """
    quotes = find_quotes(text)
    by_offset = SentenceIndex(list(sentences))
    results: list[Attribution] = []
    framed_cues: set[int] = set()
    previous: Attribution | None = None
    for quote in quotes:
        sentence = by_offset.at(quote.start) or by_offset.at(quote.open)
        close_sentence = by_offset.at(max(quote.close - 1, quote.start)) or sentence
        s_start = sentence.start if sentence else quote.open
        limit = _next_mark_or_end(text, quote, close_sentence)
        embedded = _is_embedded(text, quote, s_start)
        frame = frame_after(text, quote, limit) or (None if embedded else frame_before(text, quote, s_start))
        if frame is None and not embedded:  # a block quotation introduced in the paragraph before: "He said:"
            intro = _introduction(text, by_offset, quote)
            frame = frame_before(text, quote, intro.start) if intro is not None else None
        if frame is None and not embedded:  # "..., Schiff said. "The other factor ..."
            frame = _frame_of_previous_sentence(text, by_offset, quote)
        index = close_sentence.index if close_sentence else None
        if frame is not None:
            (c_start, c_end), (sp_start, sp_end) = frame
            framed_cues.add(c_start)
            item = Attribution("partial" if embedded else "direct", quote.start, quote.end, c_start, c_end,
                               sp_start, sp_end, index)
        elif previous is not None and previous.cue_start is not None and not previous.inherited \
                and _same_sentence(text, previous.end, quote.open):
            item = replace(previous, kind="direct" if previous.kind == "direct" else "partial", start=quote.start,
                           end=quote.end, sentence_index=index)
        else:
            item = Attribution("partial" if embedded else "direct", quote.start, quote.end, sentence_index=index)
            if not embedded and previous is not None and previous.speaker_start is not None and \
                    _adjacent(text, previous, quote):
                item = replace(item, cue_start=previous.cue_start, cue_end=previous.cue_end,
                               speaker_start=previous.speaker_start, speaker_end=previous.speaker_end,
                               inherited=True)
        results.append(item)
        previous = item
    results = _with_parsed(text, sentences, quotes, results, framed_cues, parse)
    results = [a for a in results if not _scare_quote(text, a) and not _nested(a, results)]
    return _join_split_quotes(text, sorted(_dedupe(results), key=lambda a: a.start))


def _join_split_quotes(text: str, items: list[Attribution]) -> list[Attribution]:
    """One statement for a quotation split by its frame: "First part," he said. "Second part."

    Both parts have the same speaker span and nothing but that frame lies between them.
    """
    joined: list[Attribution] = []
    for item in items:
        last = joined[-1] if joined else None
        if (last is not None and item.kind != "indirect" and last.kind != "indirect"
                and item.speaker_start is not None and item.speaker_start == last.speaker_start
                and last.speaker_end is not None and "\n" not in text[last.end:item.start]
                and item.start - last.end < 150
                and (last.end <= last.speaker_start < item.start or item.speaker_start < last.start)):
            joined[-1] = replace(last, end=item.end, inherited=False)
            continue
        joined.append(item)
    return joined


def _nested(item: Attribution, others: Sequence[Attribution]) -> bool:
    """Reported speech inside other reported speech ("According to X, the leaders agreed to ...")."""
    if item.kind != "indirect" or item.cue_start is None:
        return False
    return any(o is not item and o.start <= item.cue_start < o.end and o.start <= item.start
               and item.end <= o.end for o in others)


def _scare_quote(text: str, item: Attribution) -> bool:
    """A short quoted name or term with nobody saying it ("Iron Fist", 'Caucasian Knot')."""
    return item.speaker_start is None and len(re.findall(r"\w+", text[item.start:item.end])) < 4


def _frame_of_previous_sentence(text: str, index: SentenceIndex,
                                quote: Quote) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The frame closing the sentence just before a quotation in the same paragraph ("..., X said.")."""
    last = index.last_before(quote.open)
    if last is None or "\n" in text[last.end:quote.open]:
        return None
    tail = frame_tail(text, last, [])
    if tail is None or tail.speaker_start is None or tail.cue_start is None:
        return None
    return (tail.cue_start, tail.cue_end), (tail.speaker_start, tail.speaker_end)


def _introduction(text: str, index: SentenceIndex, quote: Quote) -> Sentence | None:
    """The sentence right before a quotation when it ends with a colon."""
    last = index.last_before(quote.open)
    if last is None:
        return None
    between = text[last.end:quote.open]
    return last if text[last.end - 1] == ":" and not between.strip() and len(between) < 10 else None


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Only a frame between two parts of one quotation: no sentence end, no paragraph break."""
    gap = text[max(end - 1, 0):start]  # from the last character inside the first part
    if len(gap) >= 200 or "\n" in gap or re.search(r"[.!?]\s*$", gap.rstrip("\"“”«»„ ")):
        return False
    return not any(not re.search(_ABBREVIATION, gap[:m.start() + 1])
                   for m in re.finditer(r"[.!?][\"”»]?\s+[A-Z]", gap))


_ABBREVIATION = r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Prof|Jr|Sr|Inc|Co|No|[A-Z])\.)$"


def _adjacent(text: str, previous: Attribution, quote: Quote) -> bool:
    """Two quotations with only their frame between them, within one or two paragraphs."""
    gap = text[previous.end:quote.open]
    return len(gap) < 400 and gap.count("\n\n") <= 1 and not _MARKS.search(gap[1:-1] if len(gap) > 2 else "")


def _next_mark_or_end(text: str, quote: Quote, sentence: Sentence | None) -> int:
    """Where a frame after the quotation must end: its sentence, the next quotation or the paragraph.

    A sentence the splitter closed at the quotation ("...?” he asks") goes on when the quotation
    ends with ? or ! or the next word is lower case; after a full stop a new sentence starts.
    """
    end = sentence.end if sentence and sentence.end >= quote.close else quote.close + 200
    if end <= quote.close + 1:
        last = text[quote.end - 1:quote.end]
        following = text[quote.close:quote.close + 3].lstrip()
        if last in "?!,;:—–-" or (following[:1].islower()):
            end = quote.close + 200
    nxt = _MARKS.search(text, quote.close, end)
    para = text.find("\n\n", quote.close, end)
    candidates = [end] + ([nxt.start()] if nxt else []) + ([para] if para >= 0 else [])
    return min(candidates)


def _with_parsed(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote], results: list[Attribution],
                 framed_cues: set[int], parse) -> list[Attribution]:
    """Reported speech, and frames the quote patterns did not read, in the candidate sentences.

    Plain said-that and according-to sentences are read by patterns, passive cues skipped;
    the parser gets the rest. Pattern reads and parses merge with the quotations alike.
    """
    if parse is None:
        return results
    direct = {(a.start, a.end) for a in results if a.kind == "direct"}
    long_direct = [q for q in quotes if (q.start, q.end) in direct and len(text[q.start:q.end].split()) >= 6]
    inside = [(q.start, q.end) for q in long_direct]
    unframed = {(a.start, a.end) for a in results if a.speaker_start is None}
    jobs: list[Skeleton] = []
    read: list[Attribution] = []  # frames the patterns read, merged with the quotations like parses
    for sentence in sentences:
        if any(s <= sentence.start and sentence.end <= e for s, e in inside):
            continue  # wholly inside a quotation
        outside = _outside(text, sentence, inside)
        cues = [at for at in cue_offsets(outside) if sentence.start + at not in framed_cues]
        needs_frame = any(sentence.start <= s < sentence.end or sentence.start < e <= sentence.end
                          for s, e in unframed)
        if not cues and not needs_frame:
            continue
        tail = None if needs_frame else frame_tail(text, sentence, [(q.open, q.close) for q in long_direct])
        if tail is not None:
            results.append(tail)
            continue
        if not needs_frame and all(_passive(outside, at) for at in cues):
            continue  # "is not mentioned", "was told": the parser would find no speaker
        said = _common_frame(text, sentence, cues, quotes)
        if said is not None:
            read.append(said)
            continue
        jobs.append(skeleton(text, sentence.start, sentence.end, long_direct))
    if not jobs and not read:
        return results
    by_content = {(a.start, a.end): n for n, a in enumerate(results)}
    quoted = [(q.start, q.end) for q in quotes]
    extra: list[Attribution] = []
    for found in read:
        merged = _merge(text, found, quotes, results, by_content)
        if merged is not None:
            extra.append(merged)
    for sk, parsed in zip(jobs, parse([j.text for j in jobs]) if jobs else [], strict=True):
        for found in parse_attributions(sk, parsed, quoted):
            if found.cue_start in framed_cues:
                continue
            merged = _merge(text, found, quotes, results, by_content)
            if merged is not None:
                extra.append(merged)
        low, high = sk.pieces[0][1], sk.pieces[-1][1] + sk.pieces[-1][2]
        for quote in quotes:  # partial quotations no cue verb frames: the verb that governs them
            if quote.end <= low or quote.start >= high:
                continue
            n = by_content.get((quote.start, quote.end))
            if n is None or results[n].speaker_start is not None or results[n].kind != "partial":
                continue
            governed = _governor(sk, parsed, quote)
            if governed is not None:
                results[n] = replace(governed, kind="partial", sentence_index=results[n].sentence_index)
    return results + extra


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|already|still|widely|\w+ly)\s+)?$",
                      re.I)
_PARTICIPLES = frozenset(f for f in CUE_FORMS if f.endswith("ed")) | {"said", "told", "known", "written", "thought",
                                                                      "felt", "learnt", "read"}


def _passive(sentence: str, at: int) -> bool:
    """Is the cue word at ``at`` a passive participle ("was told", "is not mentioned")?"""
    word = _LETTERS.match(sentence, at)
    return word is not None and word.group().lower() in _PARTICIPLES and \
        _PASSIVE.search(sentence, max(0, at - 40), at) is not None


def _common_frame(text: str, sentence: Sentence, cues: list[int], quotes: Sequence[Quote]) -> Attribution | None:
    """A said-that or according-to frame, when it is the sentence's only cue and holds its one quotation."""
    if len(cues) != 1:
        return None
    cue = sentence.start + cues[0]
    said = frame_said_that(text, sentence, cue) or frame_according(text, sentence, cue)
    if said is None:
        return None
    stop = _sentence_stop(text, sentence)
    inner = [q for q in quotes if q.open < stop and sentence.start < q.close]
    if len(inner) > 1 or any(not (said.start <= q.open and q.close <= said.end) for q in inner):
        return None  # quotations in the speaker, reaching beyond, or several to merge: the parser decides
    if any(not any(q.open <= m.start() < q.close for q in inner)
           for m in _NESTED.finditer(text, said.start, said.end)):
        return None
    return said


def _governor(sk: Skeleton, parsed, quote: Quote) -> Attribution | None:
    """The clause around a partial quotation: its governing verb's subject and object.

    "Trump openly admires Putin as a “strong leader”": speaker Trump, content from the
    verb's first complement to the end of the quotation.
    """
    inside = [t for t in parsed if quote.start <= _safe_body(sk, t.idx) < quote.end]
    if not inside:
        return None
    verb = inside[0]
    while verb.head.i != verb.i and not (_is_verb(verb) and verb.dep_ in ("ROOT", "conj")
                                         and _subject(verb) is not None):
        verb = verb.head
    quoting = verb.lower_ in QUOTING_FORMS or len(inside) >= 4  # a short term needs a quoting verb
    subject = _subject(verb) if _is_verb(verb) and quoting else None
    if subject is None or quote.start <= _safe_body(sk, subject.idx) < quote.end:
        return None
    after = [t for t in verb.subtree if t.i > verb.i and t.dep_ not in ("punct", "cc")]
    if not after:
        return None
    content = _trim([t for t in verb.subtree if t.i > verb.i])
    if not content:
        return None
    speaker = _subject_tokens(subject)
    start, end = _span(sk, content[0], content[-1])
    start, end = min(start, quote.start), max(end, quote.end)
    s_start, s_end = _span(sk, speaker[0], speaker[-1])
    c_start, c_end = _span(sk, verb, verb)
    return Attribution("partial", start, end, c_start, c_end, s_start, s_end)


def _safe_body(sk: Skeleton, offset: int) -> int:
    try:
        return sk.body(offset)
    except ValueError:
        return -1


def _outside(text: str, sentence: Sentence, inside: Sequence[tuple[int, int]]) -> str:
    """The sentence with quoted text blanked out (same length, so offsets still hold)."""
    pieces, cursor = [], sentence.start
    for s, e in inside:
        if e <= sentence.start or s >= sentence.end:
            continue
        a, b = max(s, cursor), min(e, sentence.end)
        if a >= b:
            continue
        pieces += [text[cursor:a], " " * (b - a)]
        cursor = b
    pieces.append(text[cursor:sentence.end])
    return "".join(pieces)


def _merge(text: str, found: Attribution, quotes: Sequence[Quote], results: list[Attribution],
           by_content: dict[tuple[int, int], int]) -> Attribution | None:
    """Give an unframed quotation the parsed frame, or keep the parse as reported speech."""
    for quote in quotes:
        covered = _overlap(found.start, found.end, quote.open, quote.close)
        if covered == 0:
            continue
        n = by_content.get((quote.start, quote.end))
        if n is None:
            continue
        current = results[n]
        if covered >= 0.8 * (found.end - found.start):  # the content is the quotation itself
            if current.speaker_start is None or current.inherited:
                results[n] = replace(current, cue_start=found.cue_start, cue_end=found.cue_end,
                                     speaker_start=found.speaker_start, speaker_end=found.speaker_end,
                                     inherited=False)
            return None
        merged_before = (current.start, current.end) != (quote.start, quote.end)
        if merged_before and found.end - found.start >= current.end - current.start:
            return found  # an outer statement around one already merged: keep both
        if current.kind == "partial" or current.speaker_start is None:
            # A partial quotation inside reported speech: one statement, the innermost clause.
            results[n] = replace(current, kind="partial", start=min(found.start, quote.start),
                                 end=max(found.end, quote.end), cue_start=found.cue_start,
                                 cue_end=found.cue_end, speaker_start=found.speaker_start,
                                 speaker_end=found.speaker_end, inherited=False)
            return None
        return None  # the parse only re-read a framed direct quotation
    return found
