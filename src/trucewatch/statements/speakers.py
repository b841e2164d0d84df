"""Who a speaker span refers to: a registry actor, a provisional actor, or nobody.

Names and fixed descriptors are looked up in the registry; generic descriptors ("the
president", "the Russian diplomat") go to the actor holding that role on the date, the most
recently mentioned one when several do; pronouns go to the last speaker or the last named
actor that fits (a person for he/she, an organisation for "it"). Only actors are candidates,
so a pronoun never resolves to a noun such as "infrastructure". An institution several sides
have ("the Defence Ministry") is the one of the side the report speaks from, and no phrase
resolves to an actor of a side other than the ones it names. Unknown proper names become
provisional actors (``provisional:<slug>``), named by the person or organisation spaCy's NER
finds ending the phrase ("US President Donald Trump" is Donald Trump), else by its last run
of capitalised words; unnamed ones by their role ("a Turkish security official"). When
unsure, the answer is None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from trucewatch import lang
from trucewatch.actors import ActorRegistry, Mention
from trucewatch.statements.cues import CUE_FORMS, QUOTING_FORMS
from trucewatch.statements.lexicon import alternation, lexicon, words
from trucewatch.statements.marks import MARKS
from trucewatch.text.sentences import SentenceIndex

PROVISIONAL = "provisional:"
_WORDS = lexicon("speakers")
# Languages read by patterns alone (data/lang/*/speech.yaml) add their pronouns and anaphoric nouns.
_SPEECH = lang.lexicons("speech").values()
_PERSON_PRONOUNS: dict[str, str] = _WORDS["person_pronouns"] | {
    word: gender for words_ in _SPEECH for word, gender in words_["person_pronouns"].items()}
_ANAPHORIC_NOUNS: frozenset[str] = frozenset(w for words_ in _SPEECH for w in words_["organisation_anaphora"])
_ORG_PRONOUNS: frozenset[str] = words("speakers", "organisation_pronouns")
_UNRESOLVED: frozenset[str] = words("speakers", "unresolved_pronouns")
_PLURAL_PRONOUNS: frozenset[str] = words("speakers", "plural_pronouns")
_NOT_NAMES: frozenset[str] = words("speakers", "not_names")
_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)+$")  # "It particularly says": the pronoun is the speaker
_DOCUMENT_NOUNS: frozenset[str] = words("speakers", "document_nouns")
_DOCUMENT_ENDINGS: tuple[str, ...] = tuple(f" {n}" for n in _DOCUMENT_NOUNS)
_TITLES = re.compile(rf"^(?:(?:{alternation(words('speakers', 'titles'))})\.?\s+)+", re.I)
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞƏİŞÇÜ][\w’'.-]*")
_PARTICLES: frozenset[str] = words("speakers", "name_particles")
_CONNECTORS: frozenset[str] = words("speakers", "organisation_connectors")
_DATES = lexicon("dates")
# "the military on Thursday, November 28": a day after the speaker is no part of it
_TIME_OPENER = alternation(words("dates", "time_openers"))
_DAY = (rf"(?:{_TIME_OPENER}\s+)?(?:{alternation(d[0] for d in _DATES['weekdays'])})"
        rf"|{_TIME_OPENER}\s+(?:{alternation(m[0] for m in _DATES['months'])})\s+\d")
_TRAILING = re.compile(rf"\s+(?:(?:{alternation(words('speakers', 'trailing_prepositions'))}"
                       rf"|{alternation(w for words_ in _SPEECH for w in words_.get('trailing_prepositions', ()))})\s"
                       rf"|(?:{_DAY})\b).*$", re.I | re.S)
_ORGANISATION_WORDS = alternation(words("speakers", "organisation_words"))
_BODIES = alternation(words("speakers", "collective_roles"))
_GENERIC = re.compile(rf"^{alternation(words('speakers', 'generic_determiners'))}\s+"
                      rf"(?P<noun>(?:\w+\s+)?(?:{_ORGANISATION_WORDS}|{_BODIES}))$", re.I)  # "the military" too
_ORGANISATION = re.compile(rf"^The\s|\b(?:{alternation(_WORDS['organisation_words'])})\b")
_SOURCE_NOUNS = alternation(words("speakers", "source_nouns"))
_SOURCE = re.compile(rf"^(?:{alternation(words('speakers', 'source_determiners'))}\s+)?(?:[\w-]+\s+)?"
                     rf"(?:{_SOURCE_NOUNS})\s+{alternation(words('speakers', 'source_prepositions'))}"
                     r"\s+(?P<rest>\S.*)$", re.I | re.S)
_ANAPHORA: frozenset[str] = words("speakers", "organisation_anaphora")
# "Nagorno Karabakh Observer’s posts on Twitter": whose document it is speaks too
_OWNER_SOURCE = re.compile(rf"^(?P<owner>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){{0,4}})['’]s\s+(?:[\w-]+\s+)?"
                           rf"(?:{_SOURCE_NOUNS}|(?i:{alternation(_DOCUMENT_NOUNS)})(?:\s+(?:on|in|at)\s.*)?)$")
# "the Annual Threat Assessment of the US Intelligence Community", "a statement by the ministry": its issuer speaks;
# "the press service of the president" is an office of its own
_OFFICES: frozenset[str] = words("speakers", "office_nouns")
_DOCUMENT_BY = re.compile(rf"^(?:{alternation(words('speakers', 'document_determiners'))}\s+)?(?:[\w’'-]+\s+){{0,3}}"
                          rf"(?:{alternation(_DOCUMENT_NOUNS - _OFFICES)})\s+"
                          rf"(?:(?:{alternation(words('speakers', 'issuing_participles'))})\s+by"
                          rf"|{alternation(words('speakers', 'document_prepositions'))})\s+"
                          rf"(?P<rest>\S.*)$",
                          re.I | re.S)
_SAME_SOURCE = re.compile(rf"^{alternation(words('speakers', 'same_source_determiners'))}\s+(?:{_SOURCE_NOUNS})$", re.I)
# "<Name>'s office", "<Name>'s press service": named by the person's surname
_OFFICE = re.compile(rf"^(?:.*\s)?(?P<name>{_NAME.pattern})['’]s\s+"
                     rf"(?P<office>{alternation(words('speakers', 'office_nouns'))})$")
# ("a senior Hamas official" is a Hamas official: a rank before the proper word names nobody; "Local media")
_ROLE = re.compile(rf"^(?:(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){{0,2}})?"
                   rf"(?P<name>(?!(?:The|A|An|This|That)\s)(?:[A-ZÀ-ÖØ-Þ][\w’'-]*\s+){{1,3}}(?:[a-z][\w-]*\s+){{0,2}}"
                   rf"(?:{alternation(words('speakers', 'role_nouns'))}))$")
_APPOSITION = re.compile(r"\s*(?:,|\()")
_DETERMINERS: frozenset[str] = words("quotes", "determiners")
# a determiner or quantifier opening a speaker phrase, of either case ("Some officials", "several diplomats")
_LEADING = rf"(?i:{alternation(_DETERMINERS | {'this', 'these', 'those', 'other', 'few'})})"
_ALL_PRONOUNS: frozenset[str] = frozenset({*_PERSON_PRONOUNS, *_ORG_PRONOUNS, *_PLURAL_PRONOUNS, *_UNRESOLVED})
_ROLE_WORDS: frozenset[str] = words("speakers", "role_nouns") | words("speakers", "titles")
# "..., Davit Torosian," / "..., Getachew Reda.": a name alone in apposition, to the phrase's end
_APPOSED_NAME = re.compile(rf",\s+(?P<name>{_NAME.pattern}(?:\s+(?:{_NAME.pattern}|{alternation(_PARTICLES)})){{1,3}})"
                           r"[\s,.]*$")
# "Reporting from Goma, Al Jazeera's X called the development significant": a participle's adjunct before the
# speaker, and the speaker's own predicate after it, are no part of its name
_INTRO = re.compile(r"[A-Z][a-z]+ing\b[^,\n]{0,60},\s+")
_PREDICATE = re.compile(rf"\s(?:{alternation(f for f in QUOTING_FORMS if f.endswith('ed'))})\b")
_SEVERAL = re.compile(r"\s(?:and|&)\s")  # "the government and the TPLF": several speakers, not the last one
_ISSUED_BY = re.compile(r"\s+(?:issued\s+|released\s+|published\s+)?(?:by|from)\s")  # "a statement by X"
_INSTITUTION_OR_ROLE: frozenset[str] = words("speakers", "organisation_words") | _ROLE_WORDS
_OWNED = re.compile(r"^(?:[Tt]he\s+)?(?P<owner>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*)?)['’]s\s+(?P<rest>.+)$")
# "the Baku Ministry of Defense": a name before an institution's
_NAMED_BEFORE = re.compile(r"^(?:[Tt]he\s+)?(?P<owner>[A-ZÀ-ÖØ-Þ][\w-]*)\s+(?P<rest>[A-Z].+)$")
# "the foreign ministry in Baku": an institution in a state's capital or the state is that state's
_LOCATED = re.compile(r"^(?P<rest>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)\s+in\s+(?P<owner>[A-ZÀ-ÖØ-Þ][\w-]*)$")
# before a sentence's subject: at most an adverbial and its comma, and an article ("For its part, the ...")
_OPENING = re.compile(r"\s*(?:[^,.;:\n]{1,30},\s*)?(?:[Tt]he\s+)?")
_RELATIONAL: frozenset[str] = words("speakers", "relational_nouns")
_RELATION = re.compile(rf"^(?:[Tt]he\s+)?(?P<noun>{alternation(_RELATIONAL)})\s+of\s+"
                       rf"(?:the\s+)?(?P<name>{_NAME.pattern}(?:\s+{_NAME.pattern}){{0,3}})(?:,.*)?$", re.I | re.S)
_CAPITAL = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
# one party of a joint speaker: "the Ethiopian government", "the Tigray People’s Liberation Front"
_PARTY = (rf"(?:[Tt]he\s+)?{_CAPITAL}(?:\s+(?:{_CAPITAL}|(?i:{_ORGANISATION_WORDS})\b|"
          rf"(?:of|for)\s+(?:the\s+)?{_CAPITAL}))*")
# "Turkey and Russia", "DR Congo, Rwanda and the U.S. State Department": several parties speaking as one
_JOINT = re.compile(rf"(?P<parties>{_PARTY}(?:,\s+{_PARTY})*,?\s+(?:and|&)\s+{_PARTY})")
_COMMON_BEFORE = re.compile(r"^(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])")  # "mediators Saudi Arabia and ..."
_PARTY_SPLIT = re.compile(r",\s+(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_JOINT_ANAPHORA: frozenset[str] = words("speakers", "joint_anaphora")
_ISSUER_REACH = 5  # words at most between joint parties and the document they issued ("agreed on a protocol")
# "the secretary-general", "the Israeli prime minister": a title alone, that an actor was introduced with
_TITLE_ANAPHOR = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<title>[\w-]+(?:\s+[\w-]+){0,3})")
_COLLECTIVE: frozenset[str] = words("speakers", "collective_roles")
_INDEFINITE = re.compile(rf"(?:{alternation(words('speakers', 'indefinite_articles'))})\s", re.I)  # "a Hamas spokesman"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_WINDOW = 1500  # characters back in which a pronoun or descriptor looks for its actor
_GENERIC_HEADS: frozenset[str] = words("speakers", "generic_heads")
# "the UN chief", "the ministry's spokeswoman", "the 45-year-old": a definite description of someone
_DESCRIPTION = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<words>[\w’'.-]+(?:\s+[\w’'.-]+){0,3})")
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё’'-]+")  # a Cyrillic name's word: capitalised, not an acronym ("МИД")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_RU_ROLES: frozenset[str] = frozenset(w for words_ in _SPEECH for w in words_["role_words"])
_PERSON_NAME = (rf"(?:{_NAME.pattern}(?: (?:{alternation(_PARTICLES)}))? {_NAME.pattern}"
                rf"|{_CYRILLIC_NAME.pattern} {_CYRILLIC_NAME.pattern})")
# Russian descriptions have no article; their head comes first ("министр", "генсек ООН", "вице-премьер Армении")
_BARE_DESCRIPTION = re.compile(r"(?P<words>[а-яё][а-яё-]*(?:\s+[\w-]+){0,3})")
# every two-word name, overlapping ones too ("Republican Secretary" and "Jon Husted"), and the clause before it, whose
# last words are its title ("UN Secretary-General Antonio Guterres arrived")
_NAME_AT = re.compile(rf"(?<![\w’'.-])(?=(?P<name>{_PERSON_NAME})(?:[,;:()]|\.\s| [a-zа-яё]|$))")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»\n]|\.\s")
# "Anna Sorel, 45,", "Maria Lind, the ministry's spokeswoman,": an age or a description in apposition to a name
_APPOSED_TITLE = re.compile(rf"(?P<name>{_PERSON_NAME}),\s+(?:(?P<age>\d{{1,3}})"
                            rf"|{alternation(words('speakers', 'apposition_articles'))}\s+"
                            r"(?P<title>[^,.;:\"“”«»\n]{1,60}?))\s*[,.;:]")
_NOT_BEFORE_NAME: frozenset[str] = words("speakers", "trailing_prepositions") | {"of", "by", "and", "with", "to", "for"}
_ABBREVIATIONS: dict[str, str] = _WORDS["title_abbreviations"]  # "Gov." is a governor
_ABBREVIATED = re.compile(rf"\b({alternation(_ABBREVIATIONS)})\.", re.I)  # "Gov. Mike Pence": no sentence's end
# a title's head ends before its complement: "Secretary of State" is a secretary, "spokeswoman for the ministry" one
_COMPLEMENT = re.compile(rf"\s{alternation(words('speakers', 'complement_prepositions'))}\s.*$", re.S)


# A sentence opening with a name, its titles before it, and a comma, a parenthesis or a verb after it
_SUBJECT = re.compile(rf"[\s\"“‘«]*(?P<name>(?:(?i:{alternation(words('speakers', 'titles'))})\.?\s+)*"
                      rf"{_NAME.pattern}(?:\s+(?:{_NAME.pattern}|{alternation(_PARTICLES)})){{1,5}})"
                      rf"(?=,|\s+\(|\s+[a-z])")


@dataclass(frozen=True)
class Resolved:
    actor_id: str | None
    name: str | None


@dataclass(frozen=True)
class _Seen:
    offset: int
    actor_id: str
    kind: str  # person | organisation | state | provisional
    gender: str | None
    spoke: bool


def head_end(text: str, start: int, end: int) -> int:
    """The end of the name a speaker phrase opens with, before its appositive ("Scott Pruitt, the ... ,")."""
    cut = _APPOSITION.search(text, start, end)
    return cut.start() if cut is not None and cut.start() > start else end


def name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a speaker phrase that names the speaker: its head, or the name in apposition after a
    descriptor ("the ministry spokesman, Davit Torosian," is Davit Torosian)."""
    intro = _INTRO.match(text, start, end)
    if intro is not None and intro.end() < end:
        start = intro.end()
    predicate = _PREDICATE.search(text, start, end)
    if predicate is not None and predicate.start() > start:
        end = predicate.start()
    head = head_end(text, start, end)
    words = text[start:head].split()
    roles = [w.lower().strip(".,") in _ROLE_WORDS for w in words]
    if head < end and words and ((words[0].lower() in _DETERMINERS and any(roles))
                                 or (words[-1].islower() and roles[-1])):
        name = _APPOSED_NAME.match(text, head, end)
        if name is not None:
            return name.start("name"), name.end("name")
    return start, head


def bare_name(phrase: str) -> str | None:
    """An unidentified speaker as the annotation guide writes it: the phrase's head without its leading
    determiners and quantifiers ("Some officials" -> officials, "two Israeli diplomats" -> Israeli diplomats);
    nothing for a pronoun, which names nobody without its antecedent."""
    words_ = _TRAILING.sub("", phrase.strip(" ,.")).split()
    while words_ and re.fullmatch(_LEADING, words_[0]):
        words_.pop(0)
    if not words_ or (len(words_) == 1 and words_[0].lower() in _ALL_PRONOUNS):
        return None
    return " ".join(words_)


def _name_after_institution(run: list[str]) -> list[str]:
    """The two or three capitalised words after the last institution or role word of a run of them
    ("Interior Ministry Hunan Tadevosyan"): a person's name the descriptor ends with; else nothing."""
    marks = [n for n, token in enumerate(run) if token.lower() in _INSTITUTION_OR_ROLE]
    person = run[marks[-1] + 1:] if marks else []
    return person if 2 <= len(person) <= 3 and not _INSTITUTION_OR_ROLE.intersection(w.lower() for w in person) \
        else []


def _after_roles(tokens: list[str]) -> list[str]:
    """A name less the titles, roles and institutions the NER kept before it ("UN Deputy Spokesperson Farhan Haq",
    "TPLF Spokesperson Getachew Reda"): the words after the last of them, when any are left."""
    marks = [n for n, token in enumerate(tokens) if _plain(token) in _INSTITUTION_OR_ROLE]
    return tokens[marks[-1] + 1:] if marks and marks[-1] + 1 < len(tokens) else tokens


def _title_in(word: str, titles: set[str]) -> bool:
    """Is ``word`` one of ``titles``? A capitalised one may be a nationality of a country there ("Qatari" of
    "Qatar's Prime Minister"): the same first letters then do."""
    lower = word.lower()
    return lower in titles or (word[:1].isupper() and len(lower) >= 5
                               and any(t[:4] == lower[:4] and len(t) >= 4 for t in titles))


_ORGANISATION_LOWER: frozenset[str] = frozenset(w.lower() for w in _WORDS["organisation_words"])


def _plain(word: str) -> str:
    """A word as titles are compared: lower-cased, no dots, no possessive ("U.N." is un, "ministry's" ministry)."""
    return re.sub(r"['’]s$", "", word.lower().replace(".", "").strip(",’'"))


def _words_of(title: list[str]) -> set[str]:
    """The words of a title, abbreviations written out, and the parts of hyphenated ones ("Secretary-General":
    secretary, general)."""
    plain = {_ABBREVIATIONS.get(w, w) for w in map(_plain, title)}
    return plain | {part for w in plain if "-" in w and not w[:1].isdigit() for part in w.split("-")}


def _fits(wanted: list[str], title: str) -> bool:
    """Does a description fit a title: its modifiers among the title's words and its head the title's head
    ("the opposition leader" of "Opposition leader"), or a generic head ("the UN chief" of "UN Secretary-General")?"""
    *modifiers, head = wanted
    words_ = _words_of(title.split())
    if not all(w in words_ for w in modifiers):
        return False
    heads = _words_of(_COMPLEMENT.sub("", title).split()[-1:])
    return head in heads or (head in _GENERIC_HEADS and bool(modifiers))


def slug(text: str) -> str:
    """An id's words: ASCII ones, or Cyrillic ones for a name written in Cyrillic (else it would have none)."""
    return re.sub(r"[\W_]+" if _CYRILLIC.search(text) else r"[^a-z0-9]+", "-", text.lower()).strip("-")


class SpeakerResolver:
    """Resolves speaker spans of one document, in reading order."""

    def __init__(self, registry: ActorRegistry, text: str, sentences: SentenceIndex,
                 quoted: Sequence[tuple[int, int]] = (),
                 entities: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> None:
        self.registry = registry
        self.entities = entities or {}  # speaker phrase -> (NER label, text) of its named entities
        self.text = text
        self.sentences = sentences
        inside = sorted(quoted)
        self.quoted = inside
        self._sides: list[tuple[int, str]] | None = None  # (offset, side) of the names of sides, when needed
        self._side: str | None = None  # the first side the body names ("" when none), found when needed
        # Actors named outside quotations: what a reader has in mind when a pronoun comes.
        named = registry.mentions(text)
        self.mentions: list[Mention] = [m for m in named if not any(s <= m.start < e for s, e in inside)]
        # Names inside quotation marks; a frame inside them ("«A, — сказал Алиев, — B»") is no quoted words
        self._quoted_mentions: list[Mention] = [m for m in named if any(s <= m.start < e for s, e in inside)]
        self.seen: list[_Seen] = []
        self.provisional: dict[str, str] = {}  # surname or full name (lower) -> provisional id
        self.names: dict[str, str] = {}  # provisional id -> name
        self.kinds: dict[str, str] = {}  # provisional id -> "provisional" (a person?) or "organisation"
        self.joint: set[str] = set()  # provisional ids of several parties speaking as one
        self.genders: dict[str, str] = {}  # provisional id -> the gender of a pronoun that referred to it
        self.titles: dict[str, set[str]] = {}  # provisional id -> the words that introduced it besides its name

    def resolve(self, start: int, end: int, on: str | None = None) -> Resolved:
        written = self.text[start:end]
        framed = [m for m in self._quoted_mentions if start <= m.start and m.end <= end]
        if framed:  # the speaker of a quotation split by its frame, named inside its marks
            self._quoted_mentions = [m for m in self._quoted_mentions if m not in framed]
            self.mentions = sorted([*self.mentions, *framed], key=lambda m: m.start)
        start, end = name_span(self.text, start, end)
        phrase = self.text[start:end].strip()
        found = self._resolve(phrase, start, end, on)
        if found is not None and not self._same_side([found], self.text[start:end]):
            found = None  # "the press secretary of Artsakh's ...": never someone of another side
        if found is not None:
            self._remember_titles(found, written)
            actor = self.registry.get(found)
            kind = actor.type if actor else self.kinds.get(found, "provisional")
            self.seen.append(_Seen(start, found, kind, actor.gender if actor else None, True))
            return Resolved(found, actor.name if actor else self.names.get(found))
        return Resolved(None, bare_name(phrase))

    def _remember_titles(self, actor_id: str, written: str) -> None:
        """The words that introduced a provisional actor besides its name ("U.N. Secretary-General" of Antonio
        Guterres), so a later "the secretary-general" finds them."""
        actor = self.registry.get(actor_id)
        if actor is not None and not actor.is_person:
            return
        name = {w.lower() for w in (actor.name if actor else self.names.get(actor_id, "")).split()}
        found = {w.lower().strip(".,’'") for w in re.split(r"[\s,()]+", written)} - name - _DETERMINERS - {""}
        self.titles.setdefault(actor_id, set()).update(found)

    def _titled(self, phrase: str, before: int) -> str | None:
        """The provisional actor last heard of whose introduction holds every word of "the <title>"."""
        match = _TITLE_ANAPHOR.fullmatch(phrase.strip(" ,."))
        if match is None:
            return None
        wanted = match.group("title").split()
        for seen in reversed(self.seen):
            titles = self.titles.get(seen.actor_id, set())
            if before - _WINDOW <= seen.offset < before and all(_title_in(w, titles) for w in wanted):
                return seen.actor_id
        return None

    def _introduced(self, phrase: str, before: int) -> str | None:
        """The person last introduced with every word of a definite description ("the UN chief" of "UN
        Secretary-General Antonio Guterres", "the 45-year-old" of "Anna Sorel, 45,"): a head like "chief" fits any
        title whose modifiers it shares. None when nobody was, so the description stays as written."""
        bare = _BARE_DESCRIPTION.fullmatch(phrase.strip(" ,."))
        if bare is not None:  # "— заявил министр": its head a role, all its words in the title
            wanted = [_plain(w) for w in bare.group("words").split()]
            if wanted[0] not in _RU_ROLES:
                return None
        else:
            match = _DESCRIPTION.fullmatch(phrase.strip(" ,."))
            if match is None:
                return None
            wanted = [_plain(w) for w in match.group("words").split()]
            head = wanted[-1]
            if not match.group("words").split()[-1].islower() or head in _ORGANISATION_LOWER \
                    or head in _DOCUMENT_NOUNS or head in _ANAPHORA or head in _RELATIONAL or head in _COLLECTIVE \
                    or head in _ALL_PRONOUNS:
                return None
        low = max(0, before - 2 * _WINDOW)
        found: list[tuple[int, int, int, str]] = []  # (start, name start, name end, title)
        for named in _NAME_AT.finditer(self.text, low, before):
            at = named.start("name")
            title = _CLAUSE_BREAK.split(_ABBREVIATED.sub(r"\1", self.text[max(0, at - 80):at]))[-1].split()
            if title and title[-1].lower() not in _NOT_BEFORE_NAME:
                found.append((at, at, named.end("name"), " ".join(title if bare is not None else title[-4:])))
        for apposed in _APPOSED_TITLE.finditer(self.text, low, before):
            title = f"{apposed.group('age')}-year-old" if apposed.group("age") else apposed.group("title")
            found.append((apposed.start(), apposed.start("name"), apposed.end("name"), title))
        for _, at, stop, title in sorted(found, reverse=True):
            fits = set(wanted) <= _words_of(title.split()) if bare is not None else _fits(wanted, title)
            if any(s <= at < e for s, e in self.quoted) or not fits:
                continue
            person = self._person_named(at, stop)
            if person is not None:
                return person
        return None

    def _person_named(self, at: int, stop: int) -> str | None:
        """The person a two-word name at ``at`` is: the registry's, or a provisional one the NER reads as a person."""
        known = [m for m in self.mentions if m.start < stop and at < m.end]
        if known:
            actor = self.registry.get(known[0].actor_id)
            return actor.id if actor is not None and actor.is_person else None
        name = self.text[at:stop]
        if self.registry.lookup(name) is not None or _INSTITUTION_OR_ROLE.intersection(name.lower().split()) \
                or name.split()[0].lower() in _NOT_NAMES:
            return None
        if _CYRILLIC.search(name):  # the NER reads English only
            return self._cyrillic_person(name.split())
        from trucewatch.statements import entities  # the stage's one NER call on a few words

        if ("PERSON", name) not in entities([name]).get(name, []):
            return None
        return self._register(name, name.split(), False)

    def _resolve(self, phrase: str, start: int, end: int, on: str | None) -> str | None:
        written = self.text[start:end]  # the phrase as the NER read it
        source = _SOURCE.match(phrase)  # "sources in the Russian Ministry of Defense": the ministry
        if source is not None:
            at = self.text.find(source.group("rest"), start)
            found = self._resolve(source.group("rest"), at, at + len(source.group("rest")), on)
            if found is not None:
                return found
        owned = _OWNER_SOURCE.match(phrase.strip(" ,."))  # "the ministry's spokesperson": the ministry speaks
        if owned is not None and (described := self._introduced(phrase, start)) is not None:
            return described  # "Foreign Ministry spokeswoman Maria Lind ... the ministry's spokeswoman": her
        if owned is not None:
            at = self.text.find(owned.group("owner"), start)
            found = self._resolve(owned.group("owner"), at, at + len(owned.group("owner")), on)
            if found is not None:
                return found
        document = _DOCUMENT_BY.match(phrase)
        if document is not None:
            at = self.text.find(document.group("rest"), start)
            return self._resolve(document.group("rest"), at, at + len(document.group("rest")), on)
        relation = _RELATION.match(phrase.strip(" ,."))
        if relation is not None:  # "The family of Alon Ohel, who ...": the family, not Alon Ohel
            name = f"{relation.group('noun').lower()} of {relation.group('name')}"
            return self._register(name, [], True)
        bare = phrase.strip(" ,.").lower().removeprefix("the ")
        if bare in _RELATIONAL:  # "the family": the family that spoke before
            return self._recent(start, lambda s: self._name(s.actor_id).lower().startswith(f"{bare} of "),
                                speakers_only=True)
        if _SAME_SOURCE.match(phrase):  # "the sources": those just quoted, speaking for whom they spoke for
            return self._recent(start, lambda s: True, speakers_only=True) or self._introduced(phrase, start)
        office = _OFFICE.match(phrase.strip(" ,."))
        if office is not None:  # "Prime Minister Benjamin Netanyahu's office": an organisation of its own
            return self._register(f"{office.group('name')}’s {office.group('office').lower()}", [], True)
        if bare in _JOINT_ANAPHORA:  # "the two parties": the parties named together last
            return self._recent(start, lambda s: s.actor_id in self.joint)
        joint = _JOINT.fullmatch(phrase.strip(" ,.")) or _JOINT.fullmatch(_COMMON_BEFORE.sub("", phrase.strip(" ,.")))
        if joint is not None and (found := self._joint(joint.group("parties"), written)) is not None:
            return found
        located = phrase.strip(" ,.")  # "the foreign ministry in Baku": the state's, before the place goes
        phrase = _TRAILING.sub("", phrase)  # "the Ministry of Health in the capital Yerevan"
        if phrase.split(" ", 1)[0].lower() in {*_PERSON_PRONOUNS, *_ORG_PRONOUNS, *_PLURAL_PRONOUNS, *_UNRESOLVED}:
            phrase = _ADVERBS.sub("", phrase)
        end = start + len(phrase)
        person = self._person(written, phrase, start) or self._person_ending(written) or (
            self._cyrillic_person(phrase.strip(" ,.").split()) if _CYRILLIC.search(phrase) else None)
        if person is not None:
            return person
        lower = phrase.lower()
        if lower in _PERSON_PRONOUNS:
            gender = _PERSON_PRONOUNS[lower]
            found = self._previous_subject(start, gender) or self._recent(
                start, lambda s: s.kind in ("person", "provisional") and self._gender(s) in (None, gender))
            if found is not None and self.registry.get(found) is None:
                self.genders.setdefault(found, gender)  # "he" said it: never "she" later
            return found
        if lower in _PLURAL_PRONOUNS:  # never a person, never an actor only named: one that spoke before
            return self._recent(start, lambda s: s.kind in ("organisation", "state"), speakers_only=True)
        if lower in _ORG_PRONOUNS:
            return self._previous_organisation(start) or self._recent(
                start, lambda s: s.kind in ("organisation", "state"), speakers_only=False)
        if _ANAPHORIC_NOUNS.intersection(lower.split()):  # "в военном ведомстве": the organisation named last
            return self._recent(start, lambda s: s.kind == "organisation")
        if lower in _UNRESOLVED or lower.split(" ", 1)[0] in CUE_FORMS:
            return None  # several people, or no speaker at all ("Reporting from Goma")
        generic = _GENERIC.match(phrase)
        if generic is not None:  # "the ministry": the organisation with that noun that spoke last
            same = self._recent(start, lambda s: s.kind in ("organisation", "state")
                                and generic.group("noun").lower() in self._name(s.actor_id).lower(), speakers_only=True)
            if same is not None:
                return same
            if generic.group("noun").split()[-1].lower() in _ANAPHORA:  # "the medical group": its head noun
                found = self._recent(start, lambda s: s.kind in ("organisation", "state"), speakers_only=True)
                if found is not None:
                    return found
            named = self._named_before(generic.group("noun").split()[-1], start)
            if named is not None:  # "the Artsakh State Service for Emergency Situations ... The Service said"
                return named
        candidates = None if _INDEFINITE.match(phrase.strip()) else self._same_side(
            self.registry.descriptor_candidates(self._state_named(phrase), on), written)
        if candidates:  # "the prime minister" of another conflict: only one this text has brought in
            candidates = [c for c in candidates if self._present(c, end)]
        if not candidates and located != phrase.strip(" ,.") and _LOCATED.match(located):
            candidates = self._same_side(self.registry.descriptor_candidates(self._state_named(located), on),
                                         written) or candidates  # the state is named with it
        titled = self._titled(phrase, start)
        if candidates and (titled is None or self._last_heard(titled, start) < max(
                self._last_heard(c, start) for c in candidates)):
            return self._among(candidates, start)
        if titled is not None:  # "U.N. Secretary-General Antonio Guterres ... the secretary-general said"
            return titled
        inner = [m for m in self.mentions if start <= m.start and m.end <= end]
        if inner and not self._institution_of_state(inner, end) and not self._unnamed_member(inner, phrase, end):
            return self._pick(inner)
        head = lower.split()[-1] if lower.split() else ""
        if head in _DOCUMENT_NOUNS or lower.endswith(_DOCUMENT_ENDINGS):
            return self._issuer(head, start) or self._recent(
                start, lambda s: s.kind in ("organisation", "state"), speakers_only=True)
        described = self._introduced(phrase, start)
        if described is not None:  # "UN Secretary-General Antonio Guterres ... the UN chief said"
            return described
        if candidates is not None:
            return None
        role = _ROLE.match(phrase.strip(" ,."))
        if role is not None:  # "a Turkish security official": unnamed, known by its role
            return self._register(role.group("name"), [], _ORGANISATION.search(role.group("name")) is not None
                                  or role.group("name").split()[-1].lower() in _COLLECTIVE)
        return self._organisation(written, phrase) or self._provisional(phrase)

    def _unnamed_member(self, inner: list[Mention], phrase: str, end: int) -> bool:
        """"A senior Hamas official", "a Kiev military spokesman": an unnamed person known by the organisation or
        state they serve and their role, a speaker of their own (the role below), not the organisation or state."""
        if _ROLE.match(phrase.strip(" ,.")) is None or any(
                (a := self.registry.get(m.actor_id)) is None or a.is_person for m in inner):
            return False
        return self.text[max(m.end for m in inner):end].strip(" ,.") != ""

    def _last_heard(self, actor_id: str, before: int) -> int:
        """Where the actor was last named or spoke before ``before`` (-1: not at all)."""
        return max([m.start for m in self.mentions if m.actor_id == actor_id and m.start < before]
                   + [s.offset for s in self.seen if s.actor_id == actor_id and s.offset < before], default=-1)

    def _present(self, actor_id: str, before: int) -> bool:
        """Has the text named the actor, or its side, before ``before``? A descriptor ("the prime minister",
        "the spokesman") refers to someone the reader has met, never to whoever holds the role elsewhere."""
        actor = self.registry.get(actor_id)
        if actor is None:
            return True
        if self._sides is None:
            self._sides = self.registry.sides(self.text)
        return any(at < before and side == actor.side for at, side in self._sides)

    def _previous_subject(self, before: int, gender: str) -> str | None:
        """The person the sentence just before a "he"/"she" opens with, when that sentence quotes nobody
        ("Samvel Petrosyan, a farmer, watched the soldiers dig. “We are afraid,” he said."): whom the reader
        has in mind, though someone else spoke last. A person the registry knows, or one the NER finds;
        None when the sentence opens otherwise, so the last speaker is taken as before."""
        own = self.sentences.at(before)
        previous = self.sentences.last_before(own.start if own is not None else before)
        if previous is None or any(s <= previous.start < e for s, e in self.quoted) \
                or any(previous.start <= s.offset < previous.end for s in self.seen) \
                or MARKS.search(self.text, previous.start, previous.end):
            return None
        opening = _SUBJECT.match(self.text, previous.start, previous.end)
        if opening is None:
            return None
        at, stop = opening.start("name"), opening.end("name")
        known = [m for m in self.mentions if at <= m.start and m.end <= stop]
        if known:
            actor = self.registry.get(known[0].actor_id)
            if actor is None or not actor.is_person or actor.gender not in (None, gender):
                return None
            return actor.id
        phrase = self.text[at:stop]
        from trucewatch.statements import entities  # the stage's one NER call on a few words

        people = [e for e in entities([phrase]).get(phrase, []) if e[0] == "PERSON"]
        if len(people) != 1 or not (phrase.startswith(people[0][1]) or _TITLES.match(phrase)):
            return None
        person = _TITLES.sub("", people[0][1]).strip()
        if len(person.split()) < 2 or self.registry.lookup(person) is not None:
            return None  # a registry name the mentions did not take is no person's
        found = self._register(person, person.split(), False)
        return found if self.genders.get(found) in (None, gender) else None

    def _previous_organisation(self, before: int) -> str | None:
        """The institution or state the sentence just before an "it" opens with, when that sentence quotes nobody
        ("For its part, the Russian Foreign Ministry expressed concern. “We urge ...,” it noted."): whom the reader
        has in mind, though someone else spoke last. None when it opens otherwise."""
        own = self.sentences.at(before)
        previous = self.sentences.last_before(own.start if own is not None else before)
        if previous is None or any(s <= previous.start < e for s, e in self.quoted) \
                or MARKS.search(self.text, previous.start, previous.end):
            return None
        named = [m for m in self.mentions if previous.start <= m.start < previous.end]
        if not named or not _OPENING.fullmatch(self.text, previous.start, named[0].start):
            return None
        actor = self.registry.get(named[0].actor_id)
        return actor.id if actor is not None and actor.type in ("organisation", "state") else None

    def _gender(self, seen: _Seen) -> str | None:
        return seen.gender or self.genders.get(seen.actor_id)

    def _institution_of_state(self, inner: list[Mention], end: int) -> bool:
        """Only states named, and capitalised words after them: "the US State Department" is an institution
        of the state the registry does not know, not the state."""
        if any((a := self.registry.get(m.actor_id)) is None or a.type != "state" for m in inner):
            return False
        return any(_NAME.fullmatch(w) for w in self.text[max(m.end for m in inner):end].split())

    def _state_named(self, phrase: str) -> str:
        """"Moscow’s defence ministry" or "the Baku Ministry of Defense" as "Russia’s defence ministry": a capital or
        other name of a state the registry knows, owning an institution, written as the state, so the descriptor
        finds the state's one."""
        for pattern in (_OWNED, _NAMED_BEFORE, _LOCATED):
            owned = pattern.match(phrase.strip())
            state = self.registry.get(self.registry.lookup(owned.group("owner")) or "") if owned else None
            if state is not None and state.type == "state":
                rest = re.sub(r"^[Tt]he\s+", "", owned.group("rest"))
                return f"{state.name}’s {rest}"
        return phrase

    def _same_side(self, candidates: list[str] | None, written: str) -> list[str] | None:
        """The candidates of the sides the phrase names, if it names any: never across to the other side."""
        if not candidates:
            return candidates
        named = {side for _, side in self.registry.sides(written)}
        if not named:
            return candidates
        return [c for c in candidates if (a := self.registry.get(c)) is None or a.side in named]

    def _person(self, written: str, phrase: str, start: int) -> str | None:
        """The person the NER found ending the phrase ("the Press Secretary of ... Hunan Tadevosyan")."""
        people = [text for label, text in self.entities.get(written, ()) if label == "PERSON"]
        head = re.sub(r"['’]s$", "", phrase.rstrip(" ,."))
        if len(people) != 1 or not head.endswith(people[0]) or _SEVERAL.search(head[:-len(people[0])]):
            return None
        at = start + len(head) - len(people[0])
        inner = [m for m in self.mentions if m.start < start + len(head) and at < m.end and start <= m.start]
        if inner:
            return self._pick(inner)
        person = _TITLES.sub("", people[0]).strip() or people[0]  # the NER may keep "Prime Minister" in the name
        person = " ".join(_after_roles(person.split()))  # or "TPLF Spokesperson" before it
        return self._register(person, person.split(), False)

    def _person_ending(self, phrase: str) -> str | None:
        """The person a descriptor ends with when the NER missed them ("the Press Secretary at ... of Artsakh’s
        Interior Ministry Hunan Tadevosyan"): the capitalised words after its last institution or role word."""
        run: list[str] = []
        for token in reversed(re.sub(r"['’]s$", "", phrase.strip(" ,.")).split()):
            if not _NAME.fullmatch(token):
                break
            run.insert(0, token)
        person = _name_after_institution(run)
        return self._register(" ".join(person), person, False) if person else None

    def _issuer(self, noun: str, before: int) -> str | None:
        """Who issued the document "the statement" refers to: the one actor named with its first mention
        ("Overchuk has made a press statement", "a statement by the ministry"), outside quotations."""
        for found in re.finditer(rf"\b{re.escape(noun)}\b", self.text[max(0, before - _WINDOW):before], re.I):
            at = found.start() + max(0, before - _WINDOW)
            sentence = self.sentences.at(at)
            if sentence is None or any(s <= at < e for s, e in self.quoted):
                continue
            by = _ISSUED_BY.match(self.text, at + len(noun), sentence.end)
            joint = _JOINT.match(self.text, by.end(), sentence.end) if by else None
            if joint is not None and (found := self._joint(joint.group("parties"), "")) is not None:
                return found  # "a joint statement by Saudi Arabia and the United States"
            low, high = (by.end(), sentence.end) if by else (sentence.start, at)
            named = [m for m in self.mentions if low <= m.start and m.end <= high]
            parties = None if by else list(_JOINT.finditer(self.text, low, high))
            if parties and len(self.text[parties[-1].end():at].split()) <= _ISSUER_REACH \
                    and not any(m.start >= parties[-1].end() for m in named) \
                    and (found := self._joint(parties[-1].group("parties"), "")) is not None:
                return found  # "Ankara and Moscow agreed on a protocol. The protocol said ...": both issued it
            return self._pick(named) if named else None
        return None

    def _joint(self, parties: str, written: str) -> str | None:
        """Several parties that are no people, speaking as one ("the Ethiopian government and the TPLF said"): one
        provisional actor named by their names without articles, registry names where the registry knows them."""
        names = [re.sub(r"^the\s+", "", p.strip(), flags=re.I) for p in _PARTY_SPLIT.split(parties) if p.strip()]
        people = {re.sub(r"^the\s+", "", text, flags=re.I) for label, text in self.entities.get(written, ())
                  if label == "PERSON"}  # the NER's, unless an organisation's word says otherwise
        known = [self.registry.get(self.registry.lookup(n) or "") for n in names]
        if len(names) < 2 or any(n in people and not _ORGANISATION.search(n) for n in names) \
                or any(a is not None and a.is_person for a in known):
            return None  # "Putin and Aliyev": several speakers, not one
        names = [a.name if a is not None else n for a, n in zip(known, names, strict=True)]
        found = self._register(f"{', '.join(names[:-1])} and {names[-1]}", [], True)
        self.joint.add(found)
        return found

    def _name(self, actor_id: str) -> str:
        actor = self.registry.get(actor_id)
        return " ".join((actor.name, *actor.aliases)) if actor else self.names.get(actor_id, "")

    def _pick(self, inner: list[Mention]) -> str | None:
        """One actor named in the span: a person over the organisation they speak for."""
        ids = list(dict.fromkeys(m.actor_id for m in inner))
        people = [i for i in ids if (a := self.registry.get(i)) and a.is_person]
        if len(people) == 1:
            return people[0]
        if len(people) > 1:
            return None  # "Putin and Aliyev": several speakers, not one
        orgs = [i for i in ids if (a := self.registry.get(i)) and a.type == "organisation"]
        if len(orgs) == 1:
            return orgs[0]
        return ids[0] if len(ids) == 1 else None

    def _history(self, before: int) -> list[_Seen]:
        """Speakers and named actors before ``before``, most recent first."""
        named = []
        for m in self.mentions:
            if m.end > before or m.start < before - _WINDOW:
                continue
            actor = self.registry.get(m.actor_id)
            if actor is not None:
                named.append(_Seen(m.start, actor.id, actor.type, actor.gender, False))
        spoke = [s for s in self.seen if before - _WINDOW <= s.offset < before]
        return sorted(named + spoke, key=lambda s: (s.offset, s.spoke), reverse=True)

    def _recent(self, before: int, fits, speakers_only: bool = False) -> str | None:
        history = [s for s in self._history(before) if fits(s)]
        speakers = [s for s in history if s.spoke]
        if speakers and (speakers_only or not history or speakers[0].offset >= self._sentence_start(before) - 600):
            return speakers[0].actor_id
        named = [s for s in history if not s.spoke]
        if speakers_only:
            return None
        if not named:
            return speakers[0].actor_id if speakers else None
        return self._subject_first(named).actor_id

    def _named_before(self, noun: str, before: int) -> str | None:
        """The organisation named in full before ("the Artsakh State Service for Emergency Situations") that
        "the Service" refers to, when the registry does not know it: a provisional actor of that name."""
        name = re.compile(rf"(?:{_NAME.pattern}\s+)+{re.escape(noun.capitalize())}\b"
                          rf"(?:\s+(?:{alternation(_CONNECTORS)})\s+(?:the\s+)?{_NAME.pattern}(?:\s+{_NAME.pattern})*)?")
        last = None
        for match in name.finditer(self.text, max(0, before - _WINDOW), before):
            if not any(s <= match.start() < e for s, e in self.quoted):
                last = match
        if last is None:
            return None
        words = re.sub(r"^(?:The|A|An)\s+", "", last.group()).split()
        return self._register(" ".join(words), words, True) if len(words) >= 2 else None

    def _subject_first(self, named: list[_Seen]) -> _Seen:
        """Of the fitting actors the latest sentence names, the first: its subject more often than not
        ("The Armenian Foreign Ministry issued a release on talks with Azerbaijan. It says ...")."""
        sentence = self.sentences.at(named[0].offset)
        if sentence is None:
            return named[0]
        return min((s for s in named if sentence.start <= s.offset < sentence.end), key=lambda s: s.offset)

    def _sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` (or the last one before it) starts."""
        sentence = self.sentences.at(offset) or self.sentences.last_before(offset)
        return sentence.start if sentence is not None else 0

    def _among(self, candidates: list[str], before: int) -> str | None:
        if len(candidates) == 1:
            return candidates[0]
        for seen in self._history(before):
            if seen.actor_id in candidates:
                return seen.actor_id
        return self._home(candidates, before)

    def _home(self, candidates: list[str], before: int) -> str | None:
        """An institution of the side the report speaks from ("the Defence Ministry" in an Azerbaijani report).

        That side is the last known speaker's, else the first side the body names outside
        quotations (datelines and other short lines aside); only organisations, only one candidate of it.
        """
        actors = [a for c in candidates if (a := self.registry.get(c)) is not None]
        if not actors or any(a.type != "organisation" for a in actors):
            return None
        spoke = [a.side for s in reversed(self.seen) if s.offset < before and (a := self.registry.get(s.actor_id))]
        side = spoke[0] if spoke else self._first_side()
        fitting = [a.id for a in actors if a.side == side]
        return fitting[0] if len(fitting) == 1 else None

    def _first_side(self) -> str | None:
        if self._side is None:
            lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]{50,}", self.text)]
            sides = [side for at, side in self.registry.sides(self.text)
                     if any(s <= at < e for s, e in lines) and not any(s <= at < e for s, e in self.quoted)]
            self._side = sides[0] if sides else ""
        return self._side or None

    def _organisation(self, written: str, phrase: str) -> str | None:
        """The organisation the NER found ending the phrase, as a provisional actor."""
        names = [text for label, text in self.entities.get(written, ()) if label == "ORG"]
        head = re.sub(r"['’]s$", "", phrase.strip(" ,."))
        if len(names) != 1 or not head.endswith(names[0]) or _SEVERAL.search(head[:-len(names[0])]):
            return None
        name = re.sub(r"^the\s+", "", names[0], flags=re.I)
        if len(name.split()) < 2:
            return None  # a lone word tagged ORG is as often a surname ("Trump")
        return self._register(name, name.split(), True)

    def _cyrillic_person(self, tokens: list[str]) -> str | None:
        """The person a phrase in Cyrillic ends with ("замминистра обороны Иван Сидоров"): its last two or three
        capitalised words after any role words, none of them a name the registry knows (a state, "России")."""
        run: list[str] = []
        for token in reversed(tokens):
            if not _CYRILLIC_NAME.fullmatch(token) or token.lower() in _RU_ROLES \
                    or (run and self.registry.lookup(token) is not None):  # "Омбудсмен Армении Арман Татоян"
                break
            run.insert(0, token)
        run = run[-3:]
        if len(run) < 2 or any(self.registry.lookup(t) is not None for t in run):
            return None
        return self._register(" ".join(run), run, False)

    def _provisional(self, phrase: str) -> str | None:
        """An unknown proper name becomes a provisional actor; a common noun stays unknown."""
        if _CYRILLIC.search(phrase):
            return self._cyrillic_person(re.sub(r"['’]s$", "", phrase.strip(" ,.")).split())
        words = re.sub(r"['’]s$", "", _TITLES.sub("", phrase.strip(" ,.")))
        tokens = words.split()
        organisation = _ORGANISATION.search(phrase.strip()) is not None
        run: list[str] = []
        for token in tokens:  # the last run of capitalised words is the name
            if _NAME.fullmatch(token) or (run and token.lower() in _PARTICLES) \
                    or (run and organisation and token.lower() in _CONNECTORS):
                run.append(token)
            else:
                run = []
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        owners = [n for n, token in enumerate(run[:-2]) if re.search(r"['’]s$", token)]
        if owners and not organisation:  # "Al Jazeera's Alain Uaykani": the person, not the outlet they work for
            run = _TITLES.sub("", " ".join(run[owners[-1] + 1:])).split()  # "Qatar's Prime Minister X": X
        if len(run) > 1 and run[0].lower() == "the":
            run.pop(0)
        if not run or (len(tokens) > len(run) + 3) or (len(run) == 1 and run[0].lower() in _NOT_NAMES):
            return None
        if len(run) == 1 and len(tokens) == 1 and run[0].isupper() and len(run[0]) <= 2:
            return None
        return self._register(" ".join(run), run, organisation)

    def _surname_of_named(self, surname: str) -> str | None:
        """The registry person the text names in full ("Ruben Vardanyan") whose last name is ``surname``, when
        the registry lists no such surname alone (it may be another's too): one person only, else None."""
        found = {m.actor_id for m in self.mentions
                 if len(m.text.split()) > 1 and re.sub(r"['’]s$", "", m.text.split()[-1]).lower() == surname
                 and (actor := self.registry.get(m.actor_id)) is not None and actor.is_person}
        return found.pop() if len(found) == 1 else None

    def _register(self, name: str, run: list[str], organisation: bool) -> str:
        """The actor the registry knows by ``name``, else the provisional actor of ``name``: the one already seen
        under it (or its surname), else a new one."""
        known = self.registry.lookup(name)
        if known is not None:
            return known
        key = name.lower()
        if key in self.provisional:
            return self.provisional[key]
        if len(run) == 1 and (named := self._surname_of_named(key)) is not None:
            return named  # "Ruben Vardanyan ... Vardanyan said": the registry's person named in full
        actor_id = PROVISIONAL + slug(name)
        self.provisional[key] = actor_id
        self.names[actor_id] = name
        if organisation or (len(run) == 1 and _ACRONYM.fullmatch(run[0])):  # "RSF", "M23": never a person
            self.kinds[actor_id] = "organisation"  # "The Post", "the Justice Department": not "he" or "she"
        if len(run) > 1:
            self.provisional.setdefault(run[-1].lower(), actor_id)
        return actor_id
