"""The dependency parser's reading of a candidate sentence: cue verb, its subject, its content clause.

The parser runs only on sentences the patterns could not read, and on a skeleton of each in
which long quotations are replaced by a placeholder (shorter, and the parser is not misled
by the quotation's own verbs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trucewatch.statements.attribution import Attribution
from trucewatch.statements.cues import (
    ACCORDING,
    ACCORDING_OPENERS,
    ACT_CUES,
    APPEAL_CUES,
    CHARGE_CUES,
    COMMISSIVE_CUES,
    CONTENT_NOUNS,
    CUE_FORMS,
    DIRECTIVE_CUES,
    OBJECT_CUES,
    PARSE_WORDS,
    QUOTING_FORMS,
    RECIPROCAL_OBJECTS,
    SPEECH_OBJECTS,
    SPEECH_VENUES,
    VOICED_FEELINGS,
)
from trucewatch.statements.marks import Quote
from trucewatch.text.spans import SpanIndex

_PLACEHOLDER = "Q"
_WORDS = PARSE_WORDS
_AS = PARSE_WORDS["as_markers"]  # "As X said, ...", "described the deal as ..."
_LEADING = PARSE_WORDS["complementizers"] | PARSE_WORDS["clause_links"]  # trimmed from the start of what was said
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a clause's verb, not a noun phrase's


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
        for s_start, s_end, quote in self.quotes:  # '"Q"': its marks and its letter stand for the quotation's
            if s_start <= offset <= s_end:
                return (quote.open, quote.start, quote.end, quote.close)[min(offset - s_start, 3)]
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


def parse_attributions(sk: Skeleton, parsed, quoted: SpanIndex | None = None) -> list[Attribution]:
    """Reported speech in one parsed skeleton: cue verb, its subject, its content clause.

    Cue words inside a quotation (``quoted``: body spans) are what was said, not a frame.
    """
    found: list[Attribution] = []
    for token in parsed:
        lower = token.lower_
        if quoted is not None and (lower in CUE_FORMS or lower in ACCORDING_OPENERS):
            at = sk.body(token.idx)
            if any(quoted.starts[n] <= at < quoted.ends[n] for n in quoted.near(at, at + 1)):
                continue
        if token.i + 1 < len(parsed) and (lower, parsed[token.i + 1].lower_) in ACCORDING:
            attribution = _according(sk, parsed, token)
        elif lower in SPEECH_OBJECTS and (token.tag_ in ("NN", "NNS") or token.dep_ in _NOMINAL):
            attribution = _noun_clause(sk, parsed, token)  # "media reports that ...", even tagged as a verb
        elif lower in CUE_FORMS and _is_verb(token) and token.dep_ not in ("amod", "aux") and not _thing_says(token):
            attribution = _cue_clause(sk, parsed, token)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    return found


_NOMINAL = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})  # a noun's place in its clause


def _noun_clause(sk: Skeleton, parsed, noun) -> Attribution | None:
    """"media reports that the convoy was turned back", "the claim of the ministry that the road was open": a noun
    of words said, whose that-clause is what was said and whose modifier or of-phrase is who said it."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _is_verb(c) and _opened_by_that(c)),
                  None)
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in _WORDS["owner_prepositions"]
                  and c.i < clause.i), None)
    pobj = next((c for c in owner.children if c.dep_ == "pobj"), None) if owner is not None else None
    if pobj is not None:
        speaker = _subject_tokens(pobj)
    else:
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < noun.i]
        if not modifiers:
            return None
        speaker = [t for t in parsed if modifiers[0].left_edge.i <= t.i < noun.i and t.dep_ != "det"]
    speaker = _trim(speaker)
    content = _trim(list(clause.subtree))
    if not speaker or len(content) < 3 or not any(t.tag_.startswith("NN") or t.tag_ == "PRP$" for t in speaker):
        return None
    start, end = _span(sk, content[0], content[-1])
    s_start, s_end = _span(sk, speaker[0], speaker[-1])
    c_start, c_end = _span(sk, noun, noun)
    return Attribution("indirect", start, end, c_start, c_end, s_start, s_end)


def _thing_says(token) -> bool:
    """A cue in a relative clause about a thing ("a comment that described ..."), not about a person."""
    return token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _WORDS["thing_relatives"]
                                         for c in token.children)


def _is_verb(token) -> bool:
    """From the fine-grained tag, so the attribute ruler (a third of the parse time) need not run."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _span(sk: Skeleton, first, last) -> tuple[int, int]:
    return sk.body(first.idx), sk.body(last.idx + len(last.text))


def _trim(tokens: list) -> list:
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _LEADING):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "\"”»":
        tokens = tokens[:-1]
    return tokens


def _opened_by_that(clause) -> bool:
    """Is ``clause`` opened by the complementizer "that" (its marker, before it)?"""
    return any(g.dep_ == "mark" and g.lower_ in _WORDS["complementizers"] and g.i < clause.i for g in clause.children)


def _says_that(cue) -> bool:
    """Has the cue a content clause of its own opened by "that" ("... and claimed that B")?"""
    return any(c.dep_ == "ccomp" and _opened_by_that(c) for c in cue.children)


def _subject(token):
    if token.dep_ == "conj" and token.lower_ in CUE_FORMS and _says_that(token) and token.head.dep_ == "ccomp" \
            and token.head.head.lower_ in CUE_FORMS and _is_verb(token.head.head) \
            and not any(c.dep_ == "nsubj" for c in token.children):
        return _subject(token.head.head)  # "He emphasized that A and claimed that B": he claimed it too
    for child in token.children:
        if child.dep_ in ("nsubj",):
            if child.lower_ in _WORDS["relatives"] and token.dep_ == "relcl":
                return token.head
            return child
    if token.dep_ in ("conj", "xcomp", "advcl") and _is_verb(token.head):
        return _subject(token.head)
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and _is_verb(token.head.head):
        return _subject(token.head.head)  # "followed up by stating that ...": the one who followed up
    return None


def _restrictive(acl) -> bool:
    """A participle that tells which ones speak, part of the speaker phrase: "judges handling the lawsuits",
    "an analysis released by the ministry" (not "the mission dispatched to the region": where, not who)."""
    return acl.tag_ == "VBG" or any(c.dep_ == "agent" for c in acl.children)


def _subject_tokens(subject) -> list:
    """The subject phrase, without relative clauses or parentheticals after a comma."""
    tokens = list(subject.subtree)
    # "the State Minister of Nagorno-Karabakh, Ruben Vardanyan,": a name in apposition stays (``name_span`` picks it)
    named = [c.right_edge.i for c in subject.children
             if c.dep_ == "appos" and all(t.tag_ in ("NNP", "NNPS") for t in c.subtree)]
    for n, tok in enumerate(tokens):
        if named and tok.i <= named[0]:
            continue
        if tok.i > subject.i and (tok.text in ",(—–" or (tok.dep_ == "acl" and not _restrictive(tok))):
            tokens = tokens[:n]
            break
    tokens = _trim(tokens)
    while tokens and tokens[-1].lower_ in _WORDS["relatives"]:
        tokens = tokens[:-1]
    return tokens or [subject]


def _cue_clause(sk: Skeleton, parsed, cue) -> Attribution | None:
    subject = _subject(_reporting(cue))
    if subject is None or (subject.tag_ == "VBG" and subject.text.islower() and cue.dep_ == "advcl"):
        return None  # "..., even as fighting continued": an activity, no one speaking
    content, aside = None, False
    inverted = _inverted(subject) if subject.head.i == cue.i else None
    if inverted is not None:  # '"<quotation>," X, <a long appositive>, told Y.': the parser took the quotation in
        content, subject = inverted
    for child in cue.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i != subject.i:
            content = _before_own_frame(list(child.subtree), child) + _coordinated_clause(parsed, cue, child)
            break
    if content is None and (clause := _venue_clause(cue)) is not None:
        content = list(clause.subtree)  # "said in a statement that ...": the clause the parser hung on "statement"
    if content is None:
        for child in cue.children:
            if child.dep_ == "dobj" and child.lower_ in CONTENT_NOUNS:
                content = list(child.subtree)
                break
            if child.dep_ == "dobj" and any(t.text in "\"“”«»„" or t.text == _PLACEHOLDER for t in child.subtree):
                content = list(child.subtree)
                break
    if content is None and cue.dep_ == "parataxis" and _is_verb(cue.head) \
            and not any(c.dep_ in ("dobj", "xcomp", "prep") for c in cue.children):
        own = {t.i for t in cue.subtree}  # "The truce, Smith said, was broken", "... (the ministry said)": the host
        content, aside = [t for t in cue.head.subtree if t.i not in own], True
    if content is None and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _AS for c in cue.children) \
            and not any(c.dep_ == "xcomp" for c in cue.children):  # not "..., as X vows to meet them"
        own = {t.i for t in cue.subtree}  # "As the ministry said on Monday, <content>": the clause it modifies
        content = [t for t in cue.head.subtree if t.i not in own]
    if content is None:
        xcomp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        dobj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _WORDS["appeal_prepositions"]), None)
        gerund = next((g for c in cue.children if c.dep_ == "prep" and c.lower_ in _WORDS["gerund_prepositions"]
                       for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if prep is not None and xcomp is not None and cue.lower_ in APPEAL_CUES and prep.i < xcomp.i:
            content = [t for t in parsed if prep.i < t.i <= xcomp.right_edge.i]  # "called on Russia to implement"
        elif gerund is not None:
            content = list(gerund.subtree)  # "admitted to shooting down a helicopter", "insisted on keeping ..."
        elif xcomp is not None:
            first = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
            content = [t for t in parsed if first.left_edge.i <= t.i <= xcomp.right_edge.i]
            addressed = dobj is not None and dobj.i < xcomp.i and dobj.tag_ != "PRP" and cue.lower_ in DIRECTIVE_CUES
            if addressed:  # "urged the troops to ensure the safety of residents": the to-clause is what was said
                content = [t for t in content if t.i >= xcomp.left_edge.i]
            elif dobj is None and cue.lower_ in COMMISSIVE_CUES and xcomp.i > cue.i \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
                pass  # "vowed to meet the protesters", "called to reopen the road": the promise or call said
            elif not any(t.text in "\"“”«»„" or t.text == _PLACEHOLDER for t in content):
                return None  # "agreed to withdraw", "urged them to step back": an act, not what was said
        elif prep is not None and cue.lower_ in APPEAL_CUES:
            content = list(prep.subtree)[1:]
        elif dobj is not None and cue.lower_ in CHARGE_CUES and dobj.lower_ in RECIPROCAL_OBJECTS:
            return None  # "each side accused the other of violating the truce": mutual blame
        elif dobj is not None and cue.lower_ in CHARGE_CUES and (charge := next(
                (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")), None)):
            content = [t for t in parsed if dobj.left_edge.i <= t.i <= charge.right_edge.i]
        else:
            content = _object_content(parsed, cue, dobj)
    if content and _names_an_act(cue, content):
        return None
    if not content:
        return None
    content = _trim(content)
    if len(content) < 2 and not (content and content[0].text == _PLACEHOLDER):
        return None
    if subject.i >= content[0].i and subject.i <= content[-1].i and not aside:
        return None
    speaker = [t for t in _subject_tokens(subject) if t.i > content[-1].i] if inverted else _subject_tokens(subject)
    speaker = _trim(speaker)
    if not speaker:
        return None
    start, end = _span(sk, content[0], content[-1])
    s_start, s_end = _span(sk, speaker[0], speaker[-1])
    c_start, c_end = _span(sk, cue, cue)
    return Attribution("indirect", start, end, c_start, c_end, s_start, s_end)


def _venue_clause(cue):
    """The that-clause of the noun in the cue's "in" phrase ("said in a statement that ..."), when the parser hung it
    there rather than on the cue."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "on", "at"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lower_ not in SPEECH_VENUES:
                continue
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and _is_verb(clause) and clause.i > noun.i \
                        and _opened_by_that(clause):
                    return clause
    return None


def _reporting(cue):
    """The cue whose subject speaks: a participle of speech ("said A, adding that B") that the parser hung on A's
    verb is said by the speaker of the outermost cue whose content holds A (up through complement clauses only:
    not a cue of a relative clause, "an architect who said he was stiffed, saying ...")."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl":
        return cue
    found, node = cue, cue.head
    while True:
        if node.lower_ in CUE_FORMS and _is_verb(node) and node.dep_ != "relcl":
            found = node
        if node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    return found


def _inverted(subject) -> tuple[list, object] | None:
    """A quotation opening the sentence that the parser made part of the cue's subject: as a modifier of the
    name ('"Q" Malkia Cyril, ..., told'), or as the subject with the name in apposition ('"Q," Smith, ..., told')."""
    doc = subject.doc
    if subject.text == _PLACEHOLDER:
        quoted = subject
        name = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    else:
        quoted = next((c for c in subject.children if c.text == _PLACEHOLDER and c.i < subject.i), None)
        name = subject
    if quoted is None or name is None or name.tag_ not in ("NNP", "NNPS") \
            or not all(t.is_punct for t in doc[:quoted.i]):  # the quotation opens the sentence, a name follows
        return None
    return [quoted], name



def _names_an_act(cue, content: list) -> bool:
    """"Expressed condolences", "confirmed the news", "welcomed the deal": a direct object naming an act or a
    feeling, no words reported (unlike "expressed hope that ...", "hailed it as “historic”", "called for a truce")."""
    return cue.lower_ in ACT_CUES and not any(c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _AS)
                                              for c in cue.children) \
        and any(t.dep_ == "dobj" and t.head.i == cue.i and t.lower_ not in SPEECH_OBJECTS
                and t.lower_ not in VOICED_FEELINGS for t in content) \
        and not any(t.text in "\"“”«»„" or t.text == _PLACEHOLDER or t.tag_ in _FINITE for t in content)


def _before_own_frame(content: list, clause) -> list:
    """``content`` up to a clause joined to it that has a speaker and cue of its own ("said A, but aid workers said
    B"): that clause is the second speaker's statement, no longer the first one's."""
    own = [c for c in clause.children if c.dep_ == "conj" and c.lower_ in CUE_FORMS and _is_verb(c)
           and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
           and not any(g.dep_ == "mark" for g in c.children)]  # "A but that it would add B": the same content
    own += [c for c in clause.children if c.lower_ in CUE_FORMS and _is_verb(c) and (
        (c.dep_ == "conj" and _says_that(c))  # "emphasized that A and claimed that B": B is a second statement
        or (c.dep_ == "advcl" and any(g.dep_ == "nsubj" for g in c.children)  # "said A, while X announced B"
            and any(g.dep_ == "mark" and g.lower_ in ("while", "whereas") for g in c.children)))]
    if not own:
        return content
    stop = min(c.left_edge.i for c in own)
    kept = [t for t in content if t.i < stop]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept = kept[:-1]
    return kept or content


def _coordinated_clause(parsed, cue, clause) -> list:
    """A second clause the parser hung on the cue ("said that A, and they B"): still what was said when it has
    a subject of its own and no cue of its own, and only ", and" lies between."""
    last = clause.right_edge.i
    for conj in cue.children:
        if conj.i <= last or conj.lower_ in CUE_FORMS or not _is_verb(conj):
            continue
        between = [t.lower_ for t in parsed[last + 1:conj.left_edge.i]]
        if conj.dep_ == "ccomp" and not between and not any(c.dep_ == "mark" for c in conj.children):
            # "said A has respect for the military and his comment was B": the parser's second complement, its
            # subject taken into the first one's object, goes on from it
            return [t for t in parsed if last < t.i <= conj.right_edge.i]
        if conj.dep_ == "conj" and between in ([",", "and"], ["and"]) \
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):  # "and there was B"
            return [t for t in parsed if last < t.i <= conj.right_edge.i]
    return []


def _object_content(parsed, cue, dobj) -> list | None:
    """Content carried by the object: "assessed X as very successful", "called X an important signal"."""
    as_prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _AS), None)
    predicate = next((c for c in cue.children if c.dep_ in ("oprd", "xcomp")), None)
    if dobj is not None and (as_prep is not None or predicate is not None):
        last = max((as_prep or predicate).right_edge.i, dobj.right_edge.i)
        return [t for t in parsed if dobj.left_edge.i <= t.i <= last]
    if as_prep is not None and any(t.text in "\"“”«»„" for t in as_prep.subtree):
        return list(as_prep.subtree)[1:]
    if dobj is not None and cue.lower_ in OBJECT_CUES and dobj.pos_ != "PRON" and dobj.tag_ != "PRP" \
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



def governor(sk: Skeleton, parsed, quote: Quote) -> Attribution | None:
    """The clause around a partial quotation: its governing verb's subject and object.

    "Trump openly admires Putin as a “strong leader”": speaker Trump, content from the
    verb's first complement to the end of the quotation.
    """
    inside = [t for t in parsed if quote.start <= safe_body(sk, t.idx) < quote.end]
    if not inside:
        return None
    verb = inside[0]
    while verb.head.i != verb.i and not (_is_verb(verb) and verb.dep_ in ("ROOT", "conj")
                                         and _subject(verb) is not None):
        verb = verb.head
    quoting = verb.lower_ in QUOTING_FORMS or len(inside) >= 4  # a short term needs a quoting verb
    subject = _subject(verb) if _is_verb(verb) and quoting else None
    if subject is None or quote.start <= safe_body(sk, subject.idx) < quote.end:
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


def safe_body(sk: Skeleton, offset: int) -> int:
    try:
        return sk.body(offset)
    except ValueError:
        return -1


