"""Near-duplicate grouping: MinHash LSH finds candidates, the two texts decide.

Syndicated copies of one wire story differ in boilerplate and small edits; after
cleaning their bodies share most word shingles. Each document gets a datasketch
MinHash signature (computed in the per-document stage, so any worker can do it),
cut into LSH bands with datasketch's optimal banding for the threshold. The bands'
buckets live in the store, so finding "which earlier document is this a copy of"
is an indexed lookup: no pairwise loop, and no in-memory index that grows with the
corpus.

Similar wording is not the same story, so the few most similar candidates are then
compared text to text (:func:`compare`), and kept apart when

- they come from one outlet on different days (a daily bulletin's template),
- each mentions a date, or a number, the other does not (the same template with
  another day's figures: :mod:`trucewatch.text.dates`, :mod:`trucewatch.text.numbers`),
- either has a substantial text of its own (a report quoting a statement in full is
  not a copy of the statement; an abridged copy is kept apart too: a missed copy is
  analysed twice, a wrongly grouped story is never analysed).

Each verdict is stored with the document as its reason: the similarity and the rule.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from trucewatch.lang import LexiconError
from trucewatch.records import Document
from trucewatch.text.dates import find_dates
from trucewatch.text.numbers import find_numbers

NUM_PERM = 128
SHINGLE_WORDS = 4
THRESHOLD = 0.6  # estimated Jaccard similarity of word 4-gram sets
SCHEME = "affine32"  # stored signatures depend on it: changing it needs a migration
MAX_COMPARED = 8  # candidates compared text to text per document, most similar first
OWN_WORDS = 40  # a text with more words than this not in the other ...
OWN_SHARE = 0.15  # ... making more than this share of it is a different text on the story
_WORD = re.compile(r"\w+", re.UNICODE)


def _grams(words: list[str], size: int = SHINGLE_WORDS) -> list[bytes]:
    """The word ``size``-grams at each position (the whole text when shorter)."""
    return [gram.encode() for gram in _joined(words, size)]


def _joined(words: list[str], size: int = SHINGLE_WORDS) -> list[str] | map:
    """The word ``size``-grams as text (zip over shifted lists: no slice per position)."""
    if len(words) < size:
        return [" ".join(words)] if words else []
    return map(" ".join, zip(*(words[i:] for i in range(size)), strict=False))  # the shorter lists end it


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    return set(_grams(_WORD.findall(text.lower()), size))


@cache
def _permutations() -> tuple:
    """The hash permutations of seed 1, drawn once: drawing them again costs each document ~2 ms."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def _mixed(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's ``affine32`` scheme applies before the permutations."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def signature(text: str) -> bytes:
    """MinHash signature of a body, as bytes for the store: datasketch's ``MinHash(num_perm=NUM_PERM, seed=1,
    scheme=SCHEME)`` over the shingles, computed in one pass (SHA-1's first 4 bytes, little-endian, as
    datasketch's ``sha1_hash32``) instead of a Python call per shingle and a MinHash object per document."""
    grams = set(_joined(_WORD.findall(text.lower())))  # the shingles as text: each distinct one encoded once
    values = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    if grams:
        sha1 = hashlib.sha1
        hashes = np.frombuffer(b"".join([sha1(g.encode()).digest()[:4] for g in grams]), dtype="<u4")
        a, b = _permutations()
        values = np.minimum(values, (_mixed(hashes.astype(np.uint32)).reshape(-1, 1) * a + b).min(axis=0))
    return values.astype(np.uint64).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64)))


@cache
def _banding(threshold: float) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def buckets(data: bytes, threshold: float = THRESHOLD) -> list[int]:
    """One signed 64-bit bucket id per LSH band (band number folded in)."""
    bands, rows = _banding(threshold)
    width = rows * 8
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([band]) + data[band * width : (band + 1) * width], digest_size=8).digest(),
            "big",
            signed=True,
        )
        for band in range(bands)
    ]


@dataclass(frozen=True)
class Facts:
    """What a report states that a template with another day's figures would change."""

    dates: frozenset[str]  # YYYY-MM-DD, or ????-MM-DD when the text gives no year
    numbers: frozenset[str]  # exact numbers and counts with the word after them ("14 violations"), not vague ones


def facts(text: str, language: str | None) -> Facts:
    dates = frozenset(f"{d.year or '????'}-{d.month:02d}-{d.day:02d}" for d in find_dates(text))
    try:
        found = find_numbers(text, language or "en")
    except LexiconError:  # no number words for the language: its digits still count
        found = find_numbers(text, "en")
    numbers = frozenset(f"{n.value:g} {_next_word(text, n.end)}".rstrip() for n in found if not n.approximate)
    return Facts(dates, numbers)


def _next_word(text: str, end: int) -> str:
    """The word after a number, so "3 posts, 14 wounded" and "14 posts, 3 wounded" differ."""
    match = _WORD.search(text, end, end + 40)
    return match.group(0).lower() if match else ""


@dataclass(frozen=True)
class Verdict:
    copy: bool
    similarity: float  # Jaccard similarity of the word 4-gram sets
    reason: str


def _own_words(words: list[str], grams: list[bytes], shared: set[bytes]) -> int:
    """Words of a text covered by no 4-gram the other text has."""
    if len(words) < SHINGLE_WORDS:
        return 0 if grams and grams[0] in shared else len(words)
    covered = bytearray(len(words))
    for i, gram in enumerate(grams):
        if gram in shared:
            covered[i : i + SHINGLE_WORDS] = b"\x01" * SHINGLE_WORDS
    return len(words) - sum(covered)


def _few(values: Iterable[str], limit: int = 3) -> str:
    values = sorted(values)
    return ", ".join(values[:limit]) + (f" and {len(values) - limit} more" if len(values) > limit else "")


@dataclass(frozen=True)
class Profile:
    """What :func:`compare` reads of a text, computed once per document."""

    words: list[str]
    grams: list[bytes]
    gram_set: frozenset[bytes]
    facts: Facts


def profile(doc: Document) -> Profile:
    words = _WORD.findall(doc.body.lower())
    grams = _grams(words)
    return Profile(words, grams, frozenset(grams), facts(doc.body, doc.language))


def compare(new: Document, old: Document, profiles: tuple[Profile, Profile] | None = None) -> Verdict:
    """Is ``new`` a copy of ``old``? The verdict says how similar they are and which rule decided."""
    mine, theirs = profiles or (profile(new), profile(old))
    shared = mine.gram_set & theirs.gram_set
    jaccard = len(shared) / max(1, len(mine.gram_set | theirs.gram_set))
    apart = f"kept apart from {old.id} (similarity {jaccard:.2f}): "
    days = [(doc.published or "")[:10] for doc in (new, old)]
    if new.outlet and new.outlet == old.outlet and all(len(d) == 10 for d in days) and days[0] != days[1]:
        return Verdict(
            False, jaccard, apart + f"the same outlet on another day ({days[1]}, {days[0]}): a recurring report"
        )
    for kind in ("dates", "numbers"):
        here, there = getattr(mine.facts, kind), getattr(theirs.facts, kind)
        if here - there and there - here:
            return Verdict(
                False, jaccard, apart + f"different {kind} ({_few(there - here)} there; {_few(here - there)} here)"
            )
    own = [_own_words(p.words, p.grams, shared) for p in (mine, theirs)]
    for count, p, which in zip(own, (mine, theirs), ("here", "there"), strict=True):
        if count > OWN_WORDS and count > OWN_SHARE * len(p.words):
            return Verdict(
                False,
                jaccard,
                apart + f"{count} of {len(p.words)} words {which} are not in the other: another text on the story",
            )
    if jaccard < THRESHOLD:
        return Verdict(False, jaccard, apart + f"below the copy threshold {THRESHOLD}")
    return Verdict(
        True, jaccard, f"copy of {old.id} (similarity {jaccard:.2f}): {max(own)} words differ, same dates and numbers"
    )


@dataclass(frozen=True, order=True)
class Candidate:
    doc_id: str
    duplicate_of: str | None
    signature: bytes


@dataclass(frozen=True)
class Assignment:
    duplicate_of: str | None  # the canonical copy, or None
    reason: str | None  # the verdict on the most similar candidate; None when there was none
    buckets: list[int]


class DuplicateIndex:
    """Assigns each new document to the canonical copy it duplicates, if any.

    ``lookup`` finds stored documents sharing a bucket and ``load`` reads stored documents
    by id; documents of the batch not yet stored are held here until :meth:`flush`. With
    ``by_bucket`` (stored documents per bucket), :meth:`prefetch` reads a whole batch's
    candidates in one query, until the next :meth:`flush`.
    """

    def __init__(
        self,
        lookup: Callable[[list[int]], Iterable[Candidate]],
        load: Callable[[list[str]], Iterable[Document]],
        threshold: float = THRESHOLD,
        by_bucket: Callable[[list[int]], dict[int, list[Candidate]]] | None = None,
    ) -> None:
        self.lookup = lookup
        self.load = load
        self.threshold = threshold
        self.by_bucket = by_bucket
        self._pending: dict[str, tuple[Candidate, set[int], Document]] = {}
        self._fetched: dict[int, list[Candidate]] | None = None  # the batch's stored candidates, per bucket
        self._profiles: dict[str, Profile] = {}  # bounded: see _profile

    def prefetch(self, signatures: Iterable[bytes]) -> None:
        """Read the stored candidates of every signature of a batch at once (the store does not change
        until the batch is written, then :meth:`flush` forgets them)."""
        if self.by_bucket is not None:
            self._fetched = self.by_bucket(sorted({b for data in signatures for b in buckets(data, self.threshold)}))

    def _stored(self, keys: list[int]) -> Iterable[Candidate]:
        if self._fetched is None:
            return self.lookup(keys)
        return {c.doc_id: c for key in keys for c in self._fetched.get(key, ())}.values()

    def assign(self, doc: Document, data: bytes) -> Assignment:
        keys = buckets(data, self.threshold)
        wanted = set(keys)
        candidates = [c for c in self._stored(keys) if c.doc_id not in self._pending]
        candidates += [c for c, their, _ in self._pending.values() if their & wanted]
        close = self._most_similar(data, [c for c in candidates if c.doc_id != doc.id])
        unread = [c.doc_id for c in close if c.doc_id not in self._pending]
        stored = {d.id: d for d in self.load(unread)} if unread else {}
        duplicate_of = reason = None
        for candidate in close:
            old = (
                self._pending[candidate.doc_id][2]
                if candidate.doc_id in self._pending
                else stored.get(candidate.doc_id)
            )
            if old is None:
                continue
            verdict = compare(doc, old, (self._profile(doc), self._profile(old)))
            reason = reason or verdict.reason
            if verdict.copy:
                duplicate_of, reason = candidate.duplicate_of or candidate.doc_id, verdict.reason
                break
        self._pending[doc.id] = (Candidate(doc.id, duplicate_of, data), wanted, doc)
        return Assignment(duplicate_of, reason, keys)

    def _most_similar(self, data: bytes, candidates: list[Candidate]) -> list[Candidate]:
        """The ``MAX_COMPARED`` candidates most similar to ``data`` above the threshold, best first.

        A bulletin series shares buckets with all its earlier issues: one vectorised comparison, not a loop.
        """
        candidates = sorted(c for c in candidates if len(c.signature) == len(data))
        if not candidates:
            return []
        matrix = np.frombuffer(b"".join(c.signature for c in candidates), dtype=np.uint64).reshape(len(candidates), -1)
        scores = (matrix == np.frombuffer(data, dtype=np.uint64)).mean(axis=1)
        order = np.argsort(-scores, kind="stable")[:MAX_COMPARED]
        return [candidates[i] for i in order if scores[i] >= self.threshold]

    def _profile(self, doc: Document) -> Profile:
        found = self._profiles.get(doc.id)
        if found is None:
            if len(self._profiles) >= 2048:  # a bulletin series is compared again and again; a corpus is not kept
                self._profiles.pop(next(iter(self._profiles)))
            found = self._profiles[doc.id] = profile(doc)
        return found

    def flush(self) -> None:
        """Forget the batch: it is in the store now."""
        self._pending.clear()
        self._fetched = None
