"""Near-duplicate detection: syndicated copies group, different stories do not."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from trucewatch.dedup import NUM_PERM, SCHEME, Candidate, DuplicateIndex, buckets, shingles, signature, similarity
from trucewatch.evaluation.synthetic import generate
from trucewatch.records import Document

STORY = " ".join(generate(1, seed=21)[0].paragraphs)
OTHER = " ".join(generate(1, seed=22)[0].paragraphs)


def doc(doc_id: str, body: str, **fields) -> Document:
    return Document(
        id=doc_id,
        source_key=doc_id,
        source_path=f"{doc_id}.txt",
        locator="",
        content_type="text",
        raw_text=body,
        body=body,
        body_spans=[],
        **fields,
    )


def test_copies_with_small_edits_are_similar_and_share_a_bucket() -> None:
    edited = STORY.replace(" said", " stated", 2) + " This report was updated."
    a, b = signature(STORY), signature(edited)
    assert similarity(a, b) > 0.7
    assert set(buckets(a)) & set(buckets(b))
    assert similarity(a, signature(OTHER)) < 0.2


@pytest.mark.parametrize("text", ["", "Three words only", STORY, OTHER, "Ереван и Баку, «мирный договор» 2026"])
def test_signature_is_datasketchs_minhash(text: str) -> None:
    """Stored signatures are compared across runs and versions: computed in one pass, they stay datasketch's."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    assert np.frombuffer(signature(text), dtype=np.uint64).tolist() == minhash.hashvalues.tolist()


def test_index_assigns_the_canonical_copy_within_a_batch_and_from_the_store() -> None:
    stored: list[Candidate] = []
    documents: dict[str, Document] = {}

    def lookup(keys: list[int]) -> list[Candidate]:
        return [c for c in stored if set(buckets(c.signature)) & set(keys)]

    def load(ids: list[str]) -> list[Document]:
        return [documents[i] for i in ids if i in documents]

    index = DuplicateIndex(lookup, load)
    copy_text = STORY + " Based on materials from a wire agency."
    a, b, c = doc("a", STORY), doc("b", copy_text), doc("c", OTHER)
    original, copy = signature(a.body), signature(b.body)
    assert index.assign(a, original).duplicate_of is None
    assigned = index.assign(b, copy)
    assert assigned.duplicate_of == "a"  # found among the pending batch
    assert assigned.reason.startswith("copy of a (similarity 0.9") and "same dates and numbers" in assigned.reason
    assert index.assign(c, signature(OTHER)).duplicate_of is None
    assert index.assign(c, signature(OTHER)).reason is None  # nothing similar: nothing to say
    stored.extend([Candidate("a", None, original), Candidate("b", "a", copy)])
    documents.update(a=a, b=b)
    index.flush()
    assert index.assign(doc("d", copy_text), copy).duplicate_of == "a"  # from the store, the canonical copy
