"""The stages' spaCy model (numpy's BLAS, one thread) reads text exactly as stock spaCy does."""

from __future__ import annotations

import spacy
from threadpoolctl import threadpool_info

from trucewatch import nlp

SENTENCES = [
    "The deputy minister told reporters on Tuesday that the convoy had crossed the river before dawn.",
    "According to the monitoring mission, shelling resumed near the northern checkpoint overnight.",
    "\"We will not withdraw until the corridor is open,\" said Colonel Arda Veymar of the border guard.",
    "Negotiators in Lisbon agreed to exchange prisoners, a spokeswoman for the Red Crescent said.",
    "Both sides accused each other of violating the truce, while residents described the night as calm.",
]


def _reading(docs) -> list:
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc] for doc in docs]


def test_stage_model_multiplies_with_numpy_blas() -> None:
    layers = [layer for _, c in nlp.full_pipeline().components if getattr(c, "model", None) is not None
              for layer in c.model.walk()]
    assert layers and {type(layer.ops).__name__ for layer in layers} == {"NumpyOps"}
    assert not any(layer.ops.use_blis for layer in layers)


def test_same_tags_parses_and_entities_as_stock_spacy() -> None:
    stock = spacy.load(nlp.MODEL)
    assert not all(getattr(layer.ops, "use_blis", False) is False
                   for _, c in stock.components if getattr(c, "model", None) is not None for layer in c.model.walk())
    ours = _reading(nlp.pipe(SENTENCES))
    assert ours == _reading(stock.pipe(SENTENCES))
    assert any(ent for doc in ours for *_, ent in doc)  # the NER ran: a comparison of something


def test_only_runs_the_named_components_on_one_blas_thread() -> None:
    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    docs = nlp.pipe(SENTENCES[:1], only=("tok2vec", "tagger", "parser"))
    doc = next(docs)
    assert blas_threads() and set(blas_threads()) == {1}
    list(docs)
    assert blas_threads() == before
    assert doc[0].tag_ and doc.has_annotation("DEP") and not doc.has_annotation("ENT_IOB")
