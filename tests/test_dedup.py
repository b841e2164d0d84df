"""Near-duplicate detection: syndicated copies group, different stories do not."""

from __future__ import annotations

from trucewatch.dedup import Candidate, DuplicateIndex, buckets, signature, similarity
from trucewatch.evaluation.synthetic import generate

STORY = " ".join(generate(1, seed=21)[0].paragraphs)
OTHER = " ".join(generate(1, seed=22)[0].paragraphs)


def test_copies_with_small_edits_are_similar_and_share_a_bucket() -> None:
    edited = STORY.replace(" said", " stated", 2) + " This report was updated."
    a, b = signature(STORY), signature(edited)
    assert similarity(a, b) > 0.7
    assert set(buckets(a)) & set(buckets(b))
    assert similarity(a, signature(OTHER)) < 0.2


def test_index_assigns_the_canonical_copy_within_a_batch_and_from_the_store() -> None:
    stored: list[Candidate] = []

    def lookup(keys: list[int]) -> list[Candidate]:
        return [c for c in stored if set(buckets(c.signature)) & set(keys)]

    index = DuplicateIndex(lookup)
    original, copy = signature(STORY), signature(STORY + " Based on materials from a wire agency.")
    assert index.assign("a", original)[0] is None
    assert index.assign("b", copy)[0] == "a"  # found among the pending batch
    assert index.assign("c", signature(OTHER))[0] is None
    stored.extend([Candidate("a", None, original), Candidate("b", "a", copy)])
    index.flush()
    assert index.assign("d", copy)[0] == "a"  # found in the store, pointing at the canonical copy
