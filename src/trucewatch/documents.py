"""The per-document stage: one source unit in, one cleaned, dated, attributed Document out.

Pure (no I/O, no store), so it can be mapped over a Dask cluster.
"""

from __future__ import annotations

import hashlib

from trucewatch.records import BodySpan, Document, SourceItem


def document_id(item: SourceItem) -> str:
    return hashlib.sha256(item.key.encode()).hexdigest()[:16]


def build_document(item: SourceItem) -> Document:
    # Placeholder until the cleaning stage lands: the whole text is the body.
    body = item.raw_text.strip()
    start = item.raw_text.index(body)
    return Document(
        id=document_id(item), source_key=item.key, source_path=item.source_path, locator=item.locator,
        content_type=item.content_type, raw_text=item.raw_text, body=body,
        body_spans=[BodySpan(0, start, len(body))], title=item.hints.get("title"),
        published=item.hints.get("published"), outlet=item.hints.get("outlet"), url=item.hints.get("url"),
    )
