"""Attribution frames read by patterns: the speaker and cue around a quotation or closing a sentence.

The common frames (`"...," he said`, `said X:`, `X said [on Friday] that ...`, `according to X, ...`,
`<content>, it said.`) are read without the parser; their words come from ``data/lang/en/quotes.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trucewatch.records import Sentence
from trucewatch.statements.attribution import Attribution, overlap
from trucewatch.statements.cues import (
    CHARGE_CUES,
    CLAUSE_CUES,
    CONTENT_NOUNS,
    CUE_FORMS,
    NOUN_LIKE,
    PRONOUNS,
    QUOTING_FORMS,
    RECIPROCAL_OBJECTS,
    SPEECH,
)
from trucewatch.statements.lexicon import alternation, lexicon, words
from trucewatch.statements.marks import MARKS, Quote, opens
from trucewatch.text.patterns import by_first_character, first_character_lookahead

_DET = rf"(?:{alternation(words('quotes', 'determiners'))})"
_AUX = rf"(?:(?:{alternation(words('quotes', 'auxiliaries'))})\s+){{0,3}}"
_INNER: frozenset[str] = words("quotes", "speaker_inner")  # inside a speaker phrase that opens with a determiner
_STOP: frozenset[str] = words("quotes", "speaker_stops")
_NEVER_ALONE: frozenset[str] = words("quotes", "determiners_never_alone")  # "the", "a": no speaker by themselves
_NAME_TOKEN = r"[A-ZÀ-ÖØ-ÞƏİŞÇÖÜ][\w.’'-]*"
_WORD = r"[\w’'.-]+"
_PAREN = r"(?:\s*\([^()]{1,30}\))?"
# A speaker phrase never ends with a preposition: in "the head of state said", "state" is no cue
_NOT_OPEN = "".join(rf"(?<!\s{re.escape(w)})" for w in sorted(words("quotes", "speaker_inner")))  # (matched with re.I)
_APPOSITIVE = r"(?:(?:,\s+(?:[\w’'.()-]+\s+){0,14}?[\w’'.()-]+){1,2},)?"
# "...," he said / "...," the Azerbaijani president said / "...," Ilham Aliev's words are quoted
_AFTER_SPEAKER_CUE = re.compile(
    rf"^[\s,.?!;:—–-]*(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}){_NOT_OPEN}(?P<extra>{_PAREN}{_APPOSITIVE})\s+{_AUX}"
    rf"(?P<cue>{SPEECH})\b", re.I)
# “...” ― Carlos Raúl
_AFTER_DASH = re.compile(rf"^\s*[―—–]\s*(?P<speaker>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})\s*[.,]?\s*(?:\n|$)")
# "...," said Azerbaijani President Ilham Aliyev at ...
_AFTER_CUE_SPEAKER = re.compile(rf"^[\s,.?!;:—–-]*(?P<cue>{SPEECH})\s+(?P<speaker>(?:{_DET}\s+)?(?:{_WORD}\s*)+)",
                                re.I)
# Aliyev emphasized that ...: "..." / He said, "..."
_BEFORE = re.compile(rf"(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}){_NOT_OPEN}"
                     rf"(?P<extra>{_PAREN}{_APPOSITIVE})\s+{_AUX}"
                     rf"(?P<cue>{SPEECH})\b"
                     rf"(?P<rest>[^\"“”«»„]*?)[:,]\s*$", re.I)


def _speaker_end(match: re.Match[str]) -> int:
    """Where the speaker phrase as written ends: with its parenthesis and appositive ("X, the minister,")."""
    return match.end("extra") if match.group("extra") else match.end("speaker")


# "..., said Ryan Ellis, a Republican tax consultant." / "..., said X, who ...": the appositive closes the sentence
_AFTER_NAME = re.compile(rf",\s+(?:{_DET}|{alternation(words('quotes', 'appositive_relatives'))}"
                         rf"|[a-z][\w-]*\s+{alternation(words('quotes', 'appositive_prepositions'))}"
                         rf"|(?:[a-z][\w-]*\s+)?(?:and\s+)?[a-z]+\s+of)\s")

# "..., said the ministry spokesman, Davit Torosian.": a descriptor and the name in apposition close the sentence
_NAME_AFTER = re.compile(rf",\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})\s*[.!?]?[\"”»]?\s*$")


def _plausible_speaker(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    if len(words) == 1 and words[0].lower() in _NEVER_ALONE:  # "burning the Constitution" - a charge that ...
        return False
    inner_ok = re.fullmatch(_DET, words[0], re.I) is not None  # "a narrator in the Clinton ad"
    if any(w.lower() in _STOP and not (inner_ok and 0 < n < len(words) - 1 and w.lower() in _INNER)
           for n, w in enumerate(words)) or (words[-1].lower() in PRONOUNS and len(words) > 1):
        return False
    if words[-1].lower() in CUE_FORMS and not (len(words) > 2 and words[-2].lower() in _INNER):  # "head of state"
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
        if not taken and lower in PRONOUNS:
            return start + w.start(), start + w.end()
        taken.append(w)
        if len(taken) >= 8:
            break
    if not taken:
        return None
    phrase = text[start + taken[0].start(): start + taken[-1].end()].rstrip(".")
    if not _plausible_speaker(phrase):
        return None
    name_end = start + taken[0].start() + len(phrase)
    if re.fullmatch(_DET, phrase.split()[0], re.I) and (named := _NAME_AFTER.match(text, name_end, end)):
        return start + taken[0].start(), named.end("name")  # "said the ministry spokesman, Davit Torosian."
    if _AFTER_NAME.match(text, name_end, end) and "\n" not in text[name_end:end]:
        stop = end
        while stop > name_end and (text[stop - 1].isspace() or text[stop - 1] in ".!?,;:"):
            stop -= 1
        return start + taken[0].start(), stop
    return start + taken[0].start(), name_end


def frame_after(text: str, quote: Quote, limit: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a frame right after a quotation, up to ``limit``."""
    window = text[quote.close:limit]
    match = _AFTER_SPEAKER_CUE.match(window)
    if match and _plausible_speaker(match.group("speaker")) and "\n" not in match.group():
        s = quote.close
        return (s + match.start("cue"), s + match.end("cue")), (s + match.start("speaker"), s + _speaker_end(match))
    match = _AFTER_DASH.match(text[quote.close:quote.close + 80])
    if match:
        s = quote.close
        return (s + match.start(), s + match.start() + 1), (s + match.start("speaker"), s + match.end("speaker"))
    match = _AS_FRAME_AFTER.match(text, quote.close, quote.close + 120)  # may be a sentence of its own
    if match and _plausible_speaker(match.group("speaker")) and "\n" not in match.group():
        return match.span("cue"), match.span("speaker")
    match = _AFTER_CUE_SPEAKER.match(window)
    # "“historic day,” saying it would ...": a participle's speaker is the clause's subject, never the word after it
    if match and "\n" not in window[: match.start("speaker")] and not match.group("cue").lower().endswith("ing"):
        cue = (quote.close + match.start("cue"), quote.close + match.end("cue"))
        speaker = _speaker_after_cue(text, quote.close + match.start("speaker"), limit)
        if speaker:
            return cue, speaker
    return None


def speaker_before_cue(text: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a speaker and cue opening ``text[start:end]`` ("Aliyev, who ..., called")."""
    match = _AFTER_SPEAKER_CUE.match(text[start:end])
    if match is None or not _plausible_speaker(match.group("speaker")) or "\n" in match.group():
        return None
    speaker = (start + match.start("speaker"), start + _speaker_end(match))
    return (start + match.start("cue"), start + match.end("cue")), speaker


FRAME_REACH = 1_000  # characters before a quotation where its frame may begin
_SPACE = re.compile(r"\s+")


_WORD_START = re.compile(r"(?<=\s)\w")
_PERSON_PRONOUN = rf"(?i:{alternation(words('quotes', 'colon_pronouns'))})"  # "he", "she", "they"
_BARE_NAME = re.compile(rf"(?-i:{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})|{_PERSON_PRONOUN}")


def _before_speaker(match: re.Match[str]) -> bool:
    return _plausible_speaker(match.group("speaker")) and not _NOT_SPEAKER.intersection(
        w.lower() for w in match.group("speaker").split()[1:])  # "He then defended the": no speaker


def frame_before(text: str, quote: Quote, sentence_start: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a frame introducing a quotation with a colon or comma."""
    stop = quote.open
    while stop > sentence_start and text[stop - 1].isspace():
        stop -= 1
    if stop == sentence_start or text[stop - 1] not in ":,":  # what _BEFORE ends with: skip its costly search
        return None
    if quote.open - sentence_start > FRAME_REACH:  # a frame is a few words: search its reach, from a word start
        space = _SPACE.search(text, quote.open - FRAME_REACH, stop)
        sentence_start = space.end() if space else quote.open - FRAME_REACH
    window = text[sentence_start:quote.open]
    best, position = None, 0
    while (match := _BEFORE.search(window, position)) is not None:  # overlapping: "In one tweet, X said:"
        at_word = match.start("speaker") == 0 or not window[match.start("speaker") - 1].isalnum()
        if at_word and not _before_speaker(match):
            # "..., while Trump replied,": no speaker from "while" on, but a name or pronoun after it before the
            # cue is (only a bare one: a longer phrase opening inside another clause takes too much of it)
            match = next((m for w in _WORD_START.finditer(window, match.start("speaker") + 1, match.start("cue"))
                          if (m := _BEFORE.match(window, w.start())) is not None and _before_speaker(m)
                          and not m.group("extra") and _BARE_NAME.fullmatch(m.group("speaker"))), match)
        if _before_speaker(match):
            best = match
        position = match.start("cue") + 1
    s = sentence_start
    if best is None:
        return _colon_frame(window, s)
    return (s + best.start("cue"), s + best.end("cue")), (s + best.start("speaker"), s + _speaker_end(best))


_NAME_PHRASE = rf"(?-i:{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
# 'Clinton disagreed: “...”' / '..., and Trump tweeted: “...”': a name or pronoun opening a clause, one verb, the colon
_COLON_VERB = re.compile(
    rf"(?:^|[,;—–]\s*|[.!?]\s*[\"”»]?\s+|[\"”»]\s+|\b(?:and|but|then)\s+)"
    rf"(?P<speaker>{_NAME_PHRASE}|{_PERSON_PRONOUN})"
    rf"\s+(?:(?:also|then|later|again)\s+)?"
    rf"(?P<cue>(?-i:[a-z]+ed)|(?i:{alternation(words('quotes', 'colon_verbs'))}))"
    rf"(?:\s+[\w’'-]+){{0,8}}?\s*:\s*$")  # its object and adjuncts too: 'Clinton had a message for voters Monday:'
# 'TRUMP: “...”', 'Mr. Smith: “...”': a transcript's label opening the line (or sentence) before a quotation
_COLON_LABEL = re.compile(rf"(?:^|\n)[ \t]*(?P<speaker>{_NAME_PHRASE})[ \t]*(?P<cue>:)\s*$")
_AS_PHRASE = rf"(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,6}}?{_WORD}"
_AS_CUES = alternation(words('quotes', 'as_cues'))
# "As Smith put it, “...”"
AS_FRAME_BEFORE = re.compile(rf"\bas\s+(?P<speaker>{_AS_PHRASE})\s+(?P<cue>{_AS_CUES})\s*[,:]\s*$", re.I)
# "“...” That was how Smith put it." (a sentence of its own after the quotation)
_AS_FRAME_AFTER = re.compile(rf"[\s,]*(?:{alternation(words('quotes', 'as_after'))})\s+(?P<speaker>{_AS_PHRASE})\s+"
                             rf"(?P<cue>{_AS_CUES})\s*[.!?]", re.I)


def _colon_frame(window: str, s: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, speaker span) of a name and a verb, a transcript label or "as X put it" before a quotation."""
    for pattern in (AS_FRAME_BEFORE, _COLON_VERB, _COLON_LABEL):  # "As X put it:" before a name and its verb
        match = pattern.search(window)
        if match is not None and (pattern is not AS_FRAME_BEFORE or _plausible_speaker(match.group("speaker"))) \
                and match.group("speaker").split()[-1].lower() not in _NOT_SPEAKER:
            (c_start, c_end), (sp_start, sp_end) = match.span("cue"), match.span("speaker")
            return (s + c_start, s + c_end), (s + sp_start, s + sp_end)
    return None


# The agreement is being implemented, said a Russian Foreign Ministry statement. / ..., it said.
_TAIL = re.compile(rf",\s*(?:(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})\s+{_AUX}(?P<cue>{SPEECH})"
                   rf"|(?P<cue2>{SPEECH})\s+(?P<speaker2>(?:{_DET}\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD}))"
                   rf"(?:\s+(?:{alternation(words('quotes', 'tail_adverbials'))})\b(?:(?!\bthat\b)[^,\"“”«»]){{0,60}})?"
                   rf"(?:,?\s+(?:{alternation(words('speakers', 'citing'))})\s+[^,.;:\"“”«»]{{2,80}})?"  # citing X
                   rf"\s*[.!]?\s*$", re.I)  # "..., X said on Friday." but not "X said on Friday that ..."


# "<content>, the head of the new mission, John Smith, said on Saturday.": a descriptor and the name in
# apposition before the cue
_APPOSED_TAIL = re.compile(
    rf",\s*(?P<speaker>(?:{_DET})\s+(?:{_WORD}\s+){{0,9}}?{_WORD},\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}),"
    rf"\s+{_AUX}(?P<cue>{SPEECH})"
    rf"(?:\s+(?:{alternation(words('quotes', 'tail_adverbials'))})\b(?:(?!\bthat\b)[^,\"“”«»]){{0,60}})?"
    rf"\s*[.!]?\s*$", re.I)


_PASSIVE_AUX = re.compile(rf"\b{alternation(words('quotes', 'passive_auxiliaries'))}\s+$", re.I)
# Whether a cue occurs at all (what _TAIL needs after its comma): the cue forms grouped by first character, as
# alternation() writes them, found by a search far cheaper than _TAIL's
_ANY_CUE = re.compile(first_character_lookahead((), sorted(CUE_FORMS)) + "(?:" + by_first_character(
    [re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+").replace("'", "['’]")
     for w in sorted(CUE_FORMS, key=len, reverse=True)]) + ")", re.I)


# "<A>, and the ministry has said <B>, X reported.": a clause with a speaker and cue of its own
_OWN_FRAME = re.compile(rf",\s+(?:and|but|while)\s+(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})"
                        rf"\s+{_AUX}(?P<cue>{SPEECH})\b", re.I)


def _before_own_frame(text: str, start: int, end: int) -> int:
    """Where a tail frame's content ends: before a joined clause that has its own speaker and cue ("A, and the
    ministry has said B, the daily reported": B is the ministry's, and only A is the daily's)."""
    for match in _OWN_FRAME.finditer(text, start, end):
        if _plausible_speaker(match.group("speaker")) and all(_plain_speaker_word(w)
                                                              for w in match.group("speaker").split()):
            return match.start()
    return end


def frame_tail(text: str, sentence: Sentence, blocked: Sequence[tuple[int, int]]) -> Attribution | None:
    """Reported speech closed by an inverted frame: "<content>, it said." (no parser needed)."""
    # A match opens at a comma and holds at most one more (before "citing"), and it ends the sentence: it opens at
    # one of the sentence's last two commas, so the search starts at the second last (same match, fewer tries)
    last = text.rfind(",", sentence.start, sentence.end)
    if last < 0:
        return None
    before = text.rfind(",", sentence.start, last)
    start = before if before >= 0 else last
    if _ANY_CUE.search(text, start, sentence.end) is None:
        return None
    match = None
    if before >= 0 and (third := text.rfind(",", sentence.start, before)) >= 0:
        match = _APPOSED_TAIL.match(text, third, sentence.end)
        if match is not None and not _plausible_speaker(match.group("speaker").split(",")[0]):
            match = None
    match = match or _TAIL.search(text, start, sentence.end)
    if match is None or any(overlap(sentence.start, match.start(), s, e) for s, e in blocked):
        return None
    apposed = match.re is _APPOSED_TAIL
    name = "speaker" if match.group("speaker") else "speaker2"
    cue = "cue" if match.group("cue") else "cue2"
    if not apposed and not _plausible_speaker(match.group(name)):
        return None
    if name == "speaker" and _PASSIVE_AUX.search(text, match.end(name), match.start(cue)):
        return None  # "..., it was learned.": an impersonal passive names no speaker
    if name == "speaker2" and not all(_plain_speaker_word(w) and w.lower() not in QUOTING_FORMS
                                      for w in match.group(name).split()):
        return None  # "Rustam Muradov, the head of the contingent, said the situation was stable": a clause, no speaker
    start, end = sentence.start, _before_own_frame(text, sentence.start, match.start())
    if len(text[start:end].split()) < 4 or MARKS.match(text, start):
        return None
    speaker_end = match.start(name) + len(match.group(name).rstrip("."))
    return Attribution("indirect", start, end, match.start(cue), match.end(cue), match.start(name), speaker_end,
                       sentence.index)


# "[Intro, ]<speaker> <cue> [...] that <content>." (Putin said on Thursday that ..., The ministry told
# reporters that ...) and "<speaker> said <content>.": the commonest frames of reported speech, read
# without the parser when the sentence holds no other cue (see _common_frame).
_INTRO = r"(?:[A-Z][^,\"“”«»„]{0,80},\s+)?"
_SPEAKER = rf"(?P<speaker>(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})\s+{_AUX}"
_SAID_THAT = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>{SPEECH})(?P<between>(?:\s+[\w’'-]+){{0,3}}?)\s+that\s+"
                        rf"(?P<next>[\w’'-]+)", re.I)
_SAID_OBJECT = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>{SPEECH})\s+(?P<next>the)\s+(?P<noun>\w+)\s+of\s", re.I)
_SAID = re.compile(rf"{_INTRO}{_SPEAKER}(?P<cue>{alternation(words('quotes', 'bare_cues'))})\s+"
                   rf"(?P<next>[\w’'-]+)", re.I)
# Words that make a phrase before the cue more than a plain speaker ("Clinton now", "Cruz has long").
_NOT_SPEAKER: frozenset[str] = words("quotes", "not_speaker")
# Words that open a clause, not a noun ("rejected that argument") or an adverbial ("said on Monday").
_SUBJECT_OPENERS: frozenset[str] = words("quotes", "subject_openers")
_CLAUSE_OPENERS: frozenset[str] = _SUBJECT_OPENERS | words("quotes", "clause_openers")
_SUBJECT_PRONOUN = re.compile(  # "says he's satisfied that"
    rf"{alternation(words('quotes', 'pronouns') | words('quotes', 'other_subject_pronouns'))}\b", re.I)


def _weekday() -> re.Pattern[str]:
    """A weekday written in full (the first form of each in dates.yaml): "said Monday" is no clause."""
    return re.compile(rf"{alternation(forms[0] for forms in lexicon('dates')['weekdays'])}$", re.I)


_WEEKDAY = _weekday()
_SAME = re.compile(r"the\s+same\b", re.I)  # "said the same thing": an object, not a clause
# A second "that" before a word: maybe speech reported inside the content ("reported that X conveyed that ..."),
# whose speaker the parser tells apart. Any word (case-insensitive): a list of openers here would decide nothing.
NESTED_THAT = re.compile(r"\bthat\s+[A-Z]", re.I)


def _plain_speaker_word(word: str) -> bool:
    lower = word.lower()
    return lower not in _NOT_SPEAKER and not lower.endswith(("ly", "ing"))


def frame_said_that(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """Reported speech in a plain "<speaker> said [that] <content>." sentence, whose only cue is ``cue``.

    Also "<speaker> stressed the importance of <content>.", the content noun being what was said.
    """
    stop = sentence_stop(text, sentence)
    match = _said_match(text, sentence.start, stop, cue)
    if match is None:
        return None
    speaker = match.group("speaker")
    if not _plausible_speaker(speaker) or not all(_plain_speaker_word(w) for w in speaker.split()):
        return None
    return _indirect(text, match, "next", stop)


def _indirect(text: str, match: re.Match, content: str, stop: int, speaker: str = "speaker") -> Attribution | None:
    """The indirect statement a frame's ``match`` reads: its ``content`` group up to where the content ends before
    ``stop``, none when that is under three words (a fragment, not what was said)."""
    end = _content_end(text, match.start(content), stop)
    if len(text[match.start(content):end].split()) < 3:
        return None
    return Attribution("indirect", match.start(content), end, match.start("cue"), match.end("cue"),
                       match.start(speaker), match.end(speaker))


# What each frame needs after its cue, tested from ``cue`` before the costly match from the sentence start (which
# backtracks through every speaker phrase): "that", "the <noun> of", a bare cue and a word
_THAT_AFTER = re.compile(r"\sthat\s", re.I)
_OBJECT_AFTER = re.compile(r"\sthe\s+\w+\s+of\s", re.I)
_BARE_AT = re.compile(rf"(?:{alternation(words('quotes', 'bare_cues'))})\s+[\w’'-]", re.I)


def _said_match(text: str, start: int, stop: int, cue: int) -> re.Match | None:
    """The first of the said-that, content-noun and bare-said frames that reads ``text[start:stop]`` at ``cue``."""
    match = _SAID_THAT.match(text, start, stop) if _THAT_AFTER.search(text, cue, stop) else None
    if match is not None and match.start("cue") == cue:
        between = match.group("between").split()
        opener = match.group("next")
        if match.group("cue").lower() not in CLAUSE_CUES or (between and _SUBJECT_PRONOUN.match(between[0])) \
                or not (opener[0].isupper() or opener[0].isdigit() or opener.lower() in _CLAUSE_OPENERS):
            return None
        return match
    match = _SAID_OBJECT.match(text, start, stop) if _OBJECT_AFTER.search(text, cue, stop) else None
    if match is not None and match.start("cue") == cue and match.group("noun").lower() in CONTENT_NOUNS \
            and match.group("cue").lower() not in NOUN_LIKE:
        return match
    match = _SAID.match(text, start, stop) if _BARE_AT.match(text, cue, stop) else None
    if match is None or match.start("cue") != cue:
        return None
    opener = match.group("next")
    if not (opener.lower() in _SUBJECT_OPENERS or (opener[0].isupper() and not _WEEKDAY.match(opener))) \
            or _SAME.match(text, match.start("next")):
        return None
    return match


# "Aliyev was quoted as saying that ...", "Interfax quoted Overchuk as saying ...": whoever is quoted speaks
_QUOTED_WORDS = alternation(words("quotes", "quoted_as"))
_PHRASE = rf"(?:(?:{_DET})\s+)?(?:{_WORD}\s+){{0,6}}?{_WORD}"
_QUOTED_AS = re.compile(
    rf"{_INTRO}(?:(?P<speaker>{_PHRASE})\s+(?:{alternation(words('quotes', 'quoted_auxiliaries'))}\s+)"
    rf"(?:{_QUOTED_WORDS})(?:\s+by\s+[^,\"“”«»]{{1,60}}?)?|{_PHRASE}\s+(?:{_QUOTED_WORDS})\s+(?P<quoted>{_PHRASE}))"
    rf"\s+as\s+(?P<cue>{alternation(words('quotes', 'quoted_as_gerunds'))}"
    rf"|{alternation(words('quotes', 'quoted_as_telling'))}\s+[^,\"“”«»]{{1,40}}?)"
    rf"(?:\s+that)?,?\s+(?P<next>[^\s\"“”«»„])", re.I)


def frame_quoted_as(text: str, sentence: Sentence) -> Attribution | None:
    """"X was quoted as saying <content>." or "<relay> quoted X as saying <content>." (the parser reads neither)."""
    stop = sentence_stop(text, sentence)
    match = _QUOTED_AS.match(text, sentence.start, stop)
    if match is None:
        return None
    name = "speaker" if match.group("speaker") else "quoted"
    if not _plausible_speaker(match.group(name)) or not all(_plain_speaker_word(w) for w in match.group(name).split()):
        return None
    return _indirect(text, match, "next", stop, name)


_ACCORDING_TO = alternation(words("quotes", "according_to"))
_ACCORDING_FIRST = re.compile(rf"(?P<cue>{_ACCORDING_TO})\s+(?P<speaker>[^,]{{1,60}}?),\s+(?P<content>\S)", re.I)
_ACCORDING_LAST = re.compile(rf",\s+(?P<cue>{_ACCORDING_TO})\s+(?P<speaker>[^,]{{1,60}}?)[\s.!?]*$", re.I)


# "..., with officials insisting the handover be conducted respectfully": a participle clause of reported speech
_WITH = re.compile(rf"\bwith\s+(?P<speaker>{_PHRASE})\s+(?P<cue>{SPEECH})\s+(?:that\s+)?(?P<next>[\w’'-]+)", re.I)


_BARE_SOURCES: frozenset[str] = words("speakers", "source_nouns") | words("speakers", "role_nouns")  # "officials"


def frame_with(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """"<main clause>, with X insisting [that] <content>." whose only cue is the participle at ``cue``."""
    stop = sentence_stop(text, sentence)
    match = _WITH.search(text, sentence.start, stop)
    if match is None or match.start("cue") != cue or not match.group("cue").lower().endswith("ing"):
        return None
    opener = match.group("next")
    if not (opener.lower() in _CLAUSE_OPENERS or opener[0].isupper()) or (opener.lower() == "the" and \
            _SAME.match(text, match.start("next"))):
        return None
    if _mutual_blame(text, match):
        return None
    speaker = match.group("speaker")
    if not (_plausible_speaker(speaker) or speaker.lower() in _BARE_SOURCES) \
            or not all(_plain_speaker_word(w) for w in speaker.split()):
        return None
    semicolon = text.find(";", match.start("next"), stop)
    return _indirect(text, match, "next", semicolon if semicolon >= 0 else stop)


_OBJECT_WORDS = re.compile(r"[\w’'-]+")


def _mutual_blame(text: str, match: re.Match) -> bool:
    """"with both sides blaming the other for ...": a charge whose object is the other side is mutual blame, nobody's
    account of what happened (as the parser reads "accused each other of ...")."""
    if match.group("cue").lower() not in CHARGE_CUES:
        return False
    following = _OBJECT_WORDS.findall(text, match.start("next"), match.start("next") + 30)[:2]
    return any(w.lower() in RECIPROCAL_OBJECTS for w in following)


_IN_WORDS = re.compile(rf"(?P<cue>in\s+(?P<speaker>{alternation(words('quotes', 'words_owners'))})\s+words),\s+"
                       r"(?P<content>[^\s\"“”«»„])", re.I)


def frame_in_words(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """"In his words, <content>.": the one whose words they are is the speaker (a pronoun to resolve)."""
    stop = sentence_stop(text, sentence)
    match = _IN_WORDS.match(text, sentence.start, stop)
    if match is None or match.start("cue") != cue:
        return None
    return _indirect(text, match, "content", stop)


def frame_according(text: str, sentence: Sentence, cue: int) -> Attribution | None:
    """"According to X, <content>." or "<content>, according to X." whose only cue is ``cue``."""
    stop = sentence_stop(text, sentence)
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


def sentence_stop(text: str, sentence: Sentence) -> int:
    """The end of ``sentence`` without the opening mark of the next sentence's quotation."""
    stop = sentence.end
    while stop > sentence.start and (text[stop - 1].isspace() or (MARKS.match(text, stop - 1)
                                                                  and opens(text, stop - 1))):
        stop -= 1
    return stop


def _content_end(text: str, start: int, stop: int) -> int:
    """``stop`` without the sentence's final punctuation."""
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".!?;:,"):
        stop -= 1
    return stop

