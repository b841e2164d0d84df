"""The incident stage: ceasefire violations, casualties, releases, handovers... as typed, dated, placed records.

``extract_incidents`` reads one document (pure, per document, like the other stages);
``group_incidents`` joins reports of the same incident across documents.
"""

from trucewatch.incidents.extract import extract_incidents

__all__ = ["extract_incidents"]
