"""Exact rewrites for speed in the statements stage: the same answers as the forms they replace."""

from __future__ import annotations

from trucewatch.records import BodySpan, Document
from trucewatch.statements import _frame_date
from trucewatch.statements.attribution import Attribution
from trucewatch.text.sentences import SentenceIndex, split_sentences
from trucewatch.text.spans import SpanIndex


def test_a_sentences_dates_are_read_once_for_all_its_frames_with_the_same_answer():
    body = ("The ministry said on Monday that troops had left, and the mayor said on Tuesday that they had not. "
            "Later the envoy said the talks would go on.")
    doc = Document("d", "k", "p", "", "text", body, body, [BodySpan(0, 0, len(body))], published="2024-03-07")
    index = SentenceIndex(list(split_sentences(doc)))
    quoted = SpanIndex([])
    first = body.index("said")
    second = body.index("said", first + 1)
    third = body.index("said", second + 1)
    items = [Attribution("indirect", (that := body.find(" t", at + 5)), that + 12, at, at + 4, 0, 3)
             for at in (first, second, third)]
    memo: dict = {}
    remembered = [_frame_date(body, item, index, quoted, doc.published, memo) for item in items]
    fresh = [_frame_date(body, item, index, quoted, doc.published) for item in items]
    assert remembered == fresh
    assert [d.value if d else None for d in fresh] == ["2024-03-04", "2024-03-05", None]
    assert len(memo) == 2  # two sentences read, the first once for its two frames
