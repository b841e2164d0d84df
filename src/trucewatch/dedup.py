"""Near-duplicate grouping with MinHash LSH.

Syndicated copies of one wire story differ in boilerplate and small edits; after
cleaning their bodies share most word shingles. Each document gets a datasketch
MinHash signature (computed in the per-document stage, so any worker can do it),
cut into LSH bands with datasketch's optimal banding for the threshold. The bands'
buckets live in the store, so finding "which earlier document is this a copy of"
is an indexed lookup: no pairwise loop, and no in-memory index that grows with the
corpus. Candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

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
        int.from_bytes(hashlib.blake2b(bytes([band]) + data[band * width : (band + 1) * width], digest_size=8)
                       .digest(), "big", signed=True)
        for band in range(bands)
    ]


@dataclass(frozen=True, order=True)
class Candidate:
    doc_id: str
    duplicate_of: str | None
    signature: bytes


class DuplicateIndex:
    """Assigns each new document to the canonical copy it duplicates, if any.

    ``lookup`` finds stored documents sharing a bucket; documents of the batch not
    yet stored are held here until :meth:`flush`.
    """

    def __init__(self, lookup: Callable[[list[int]], Iterable[Candidate]], threshold: float = THRESHOLD) -> None:
        self.lookup = lookup
        self.threshold = threshold
        self._pending: dict[str, tuple[Candidate, set[int]]] = {}

    def assign(self, doc_id: str, data: bytes) -> tuple[str | None, list[int]]:
        """(id of the canonical copy or None, the document's buckets)."""
        keys = buckets(data, self.threshold)
        wanted = set(keys)
        candidates = list(self.lookup(keys))
        candidates += [c for c, their in self._pending.values() if their & wanted]
        best: tuple[float, str] | None = None
        for candidate in candidates:
            if candidate.doc_id == doc_id:
                continue
            score = similarity(data, candidate.signature)
            canonical = candidate.duplicate_of or candidate.doc_id
            if score >= self.threshold and (best is None or (score, canonical) > best):
                best = (score, canonical)
        duplicate_of = best[1] if best else None
        self._pending[doc_id] = (Candidate(doc_id, duplicate_of, data), wanted)
        return duplicate_of, keys

    def flush(self) -> None:
        """Forget the batch: it is in the store now."""
        self._pending.clear()
