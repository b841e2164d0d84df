"""The built-in analysis components: sentences, statements, evidence links, incidents.

Each is a thin factory over its stage's pure function; the heavy data (actor registry,
agreements) is loaded once per process through :class:`Resources`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from trucewatch.lang import languages
from trucewatch.pipeline.components import Batched, Context, Resources, component, files_fingerprint

DATA = Path(__file__).resolve().parents[1] / "data"


def rule_languages() -> tuple[str, ...]:
    """Languages with statement rules: a ``quotes.yaml`` (read with the parser) or a ``speech.yaml`` (frames read
    by patterns alone) under ``data/lang/<language>/``; a folder with only dates or numbers is not enough."""
    return tuple(sorted({"en", *languages(having="quotes"), *languages(having="speech")}))


def registry(resources: Resources):
    from trucewatch.actors import load_registry

    return resources.get("registry", lambda: load_registry(resources.config.actor_paths))


def agreements(resources: Resources) -> list:
    from trucewatch.agreements import ENV_VAR

    def load() -> list:
        paths = resources.config.agreement_paths
        env = os.environ.get(ENV_VAR)
        watched = [DATA / "agreements", DATA / "places", *paths, *(p for p in (env or "").split(os.pathsep) if p)]
        return _load_agreements(paths, env, files_fingerprint(watched))

    return resources.get("agreements", load)


@lru_cache(maxsize=4)
def _load_agreements(paths: tuple[str, ...], env: str | None, stamp: str) -> list:
    """Agreements parsed once per process while their files stay the same (YAML parsing costs ~0.2 s a run)."""
    from trucewatch.agreements import load_agreements

    return list(load_agreements(paths).values())


def _statement_data(resources: Resources) -> str:
    return files_fingerprint([DATA / "actors", DATA / "lang", *resources.config.actor_paths])


def _agreement_data(resources: Resources) -> str:
    return files_fingerprint([DATA / "places", *(a.path for a in agreements(resources))])


def _incident_data(resources: Resources) -> str:
    return files_fingerprint([DATA / "actors", DATA / "places", DATA / "lang", *resources.config.actor_paths,
                              *resources.config.place_paths])


@component("sentences")
def sentences_component(resources: Resources, settings: dict[str, Any]):
    from trucewatch.text.sentences import split_sentences

    return lambda ctx: split_sentences(ctx.doc)


@component("statements", needs=("sentences",), stored=True, languages=rule_languages(), fingerprint=_statement_data)
def statements_component(resources: Resources, settings: dict[str, Any]):
    from trucewatch import statements

    actors = registry(resources)
    return Batched(lambda ctx: statements.extract_statements(ctx.doc, actors, ctx["sentences"]),
                   lambda ctxs: statements.extract_many([(c.doc, c["sentences"]) for c in ctxs], actors))


@component("links", needs=("sentences", "statements"), stored=True, languages=rule_languages(),
           fingerprint=_agreement_data)
def links_component(resources: Resources, settings: dict[str, Any]):
    from trucewatch.linking import link_document

    known = agreements(resources)

    def run(ctx: Context):
        return {a.id: link_document(ctx.doc, ctx["sentences"], ctx["statements"], a) for a in known}

    return run


@component("incidents", needs=("sentences", "statements"), stored=True,
           languages=tuple(sorted({"en", *languages(having="incidents")})), fingerprint=_incident_data,
           may_lack=("statements",))  # a language with incident rules but no statement rules: no reporters
def incidents_component(resources: Resources, settings: dict[str, Any]):
    from trucewatch.incidents import extract_incidents
    from trucewatch.incidents.gazetteer import load_gazetteer

    actors = registry(resources)
    gazetteer = resources.get("gazetteer", lambda: load_gazetteer(resources.config.place_paths))

    def run(ctx: Context):
        return extract_incidents(ctx.doc, ctx["sentences"], actors, gazetteer, ctx["statements"] or ())

    return run
