"""Near-duplicate grouping with MinHash LSH (datasketch).

Syndicated copies of one wire story differ in boilerplate and small edits; after
cleaning their bodies share most word shingles. Each document gets a MinHash
signature (computed in the per-document stage, so it can run on any worker); the
index of stored signatures answers "which earlier document is this a copy of"
without comparing every pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 4
THRESHOLD = 0.6  # estimated Jaccard similarity of word 4-gram sets
SCHEME = "affine32"  # stored signatures depend on it: changing it needs a migration
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """MinHash signature of a body, as bytes for the store."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint64).tobytes()


def _minhash(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return _minhash(a).jaccard(_minhash(b))


class DuplicateIndex:
    """Finds the canonical copy of a document among those seen so far."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._canonical: dict[str, str] = {}  # doc id -> canonical doc id (itself if canonical)
        self._signatures: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._canonical)

    def load(self, stored: Iterable[tuple[str, str | None, bytes]]) -> None:
        """Index (doc id, duplicate_of, signature) rows from the store."""
        for doc_id, duplicate_of, data in stored:
            self._add(doc_id, duplicate_of or doc_id, data)

    def assign(self, doc_id: str, data: bytes) -> str | None:
        """Index a new document; return the id of the canonical copy it duplicates, or None."""
        best: tuple[float, str] | None = None
        for other in self._lsh.query(_minhash(data)):
            score = similarity(data, self._signatures[other])
            if score >= self.threshold and (best is None or (score, other) > best):
                best = (score, other)
        canonical = self._canonical[best[1]] if best else doc_id
        self._add(doc_id, canonical, data)
        return None if canonical == doc_id else canonical

    def _add(self, doc_id: str, canonical: str, data: bytes) -> None:
        if doc_id in self._canonical:
            return
        self._canonical[doc_id] = canonical
        self._signatures[doc_id] = data
        self._lsh.insert(doc_id, _minhash(data))
