"""Analysis stages as registered components over one per-document context.

Modelled on spaCy's pipeline: a component is registered by name with what it needs and
what it produces; a pipeline is a list of names (plus per-stage settings) built from a
small, picklable :class:`PipelineConfig`, so a Dask worker builds the same pipeline once
and then maps batches of documents through it. Adding a stage is one module with an
``@component`` factory and its name in the stage list. Like spaCy's ``pipe``, a factory may
return a :class:`Batched` run whose ``pipe`` handles many documents at once (the statements
stage parses the candidate sentences of a whole batch in one call); a failing batch call falls
back to one call per document, so one bad document fails alone.

Each component has a version: the code version, its settings, a fingerprint of the data
it reads (actors, agreements, language files) and the versions of what it needs. A
stored product whose version is current is not recomputed; a stage that reads it gets it
from the store instead (re-linking after an agreement changed does not re-parse).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from trucewatch.records import Document

Run = Callable[["Context"], Any]


@dataclass
class Context:
    """One document and what the stages have produced for it so far (by product name)."""

    doc: Document
    products: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, product: str) -> Any:
        return self.products[product]


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    factory: Callable[[Resources, dict[str, Any]], Run]
    needs: tuple[str, ...]
    stored: bool  # its product is written to the store (and can be read back instead of recomputed)
    languages: tuple[str, ...] | None  # languages it has rules for; None: any language
    fingerprint: Callable[[Resources], str]  # hash of the data it reads
    may_lack: tuple[str, ...] = ()  # needs whose product may be missing for a language (then it gets None)


REGISTRY: dict[str, ComponentSpec] = {}


def component(name: str, *, needs: Iterable[str] = (), stored: bool = False,
              languages: tuple[str, ...] | None = None,
              fingerprint: Callable[[Resources], str] = lambda _: "", may_lack: Iterable[str] = ()) -> Callable:
    """Register ``factory(resources, settings) -> run(context)`` (or a :class:`Batched` run); ``run`` returns
    the product ``name``."""

    def register(factory: Callable[[Resources, dict[str, Any]], Run]) -> Callable:
        REGISTRY[name] = ComponentSpec(name, factory, tuple(needs), stored, languages, fingerprint, tuple(may_lack))
        return factory

    return register


@dataclass(frozen=True)
class PipelineConfig:
    """What to build: stage names in order, their settings, and the user's data files. Picklable and hashable."""

    stages: tuple[str, ...] = ("sentences", "statements", "links", "incidents")
    settings: tuple[tuple[str, str], ...] = ()  # (stage, JSON of its settings)
    agreement_paths: tuple[str, ...] = ()
    actor_paths: tuple[str, ...] = ()
    place_paths: tuple[str, ...] = ()  # the user's places files, beside the bundled gazetteer

    def settings_for(self, stage: str) -> dict[str, Any]:
        return next((json.loads(v) for s, v in self.settings if s == stage), {})


@dataclass
class Resources:
    """Data every stage may read, loaded once per process from the config."""

    config: PipelineConfig
    _cache: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, load: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = load()
        return self._cache[name]


@dataclass(frozen=True)
class Batched:
    """A run with a batch entry point: ``pipe(contexts)`` gives the products of ``__call__`` on each, in order."""

    call: Run
    pipe: Callable[[list[Context]], list[Any]]

    def __call__(self, ctx: Context) -> Any:
        return self.call(ctx)


class PipelineError(ValueError):
    """A stage list that cannot run: an unknown stage, or one whose needs come after it."""


def stores_anything(stages: tuple[str, ...]) -> bool:
    """Whether a stage list writes anything to the store (unknown names count: the pipeline reports them)."""
    import trucewatch.pipeline.stages  # noqa: F401  (registers the built-in components)

    return any(name not in REGISTRY or REGISTRY[name].stored for name in stages)


class Pipeline:
    """The components of a config, in order, with their versions."""

    def __init__(self, config: PipelineConfig) -> None:
        import trucewatch.pipeline.stages  # noqa: F401  (registers the built-in components)

        self.config = config
        self.resources = Resources(config)
        unknown = [s for s in config.stages if s not in REGISTRY]
        if unknown:
            raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}")
        self.specs = [REGISTRY[s] for s in config.stages]
        seen: set[str] = set()
        for spec in self.specs:
            missing = [n for n in spec.needs if n not in seen]
            if missing:
                raise PipelineError(f"stage {spec.name} needs {', '.join(missing)} before it")
            seen.add(spec.name)
        self._runs: dict[str, Run] = {}
        self.versions: dict[str, str] = {}
        self.fingerprints: dict[str, str] = {}
        for spec in self.specs:
            settings = config.settings_for(spec.name)
            self.fingerprints[spec.name] = spec.fingerprint(self.resources)
            self.versions[spec.name] = _digest(code_version(), spec.name, json.dumps(settings, sort_keys=True),
                                               self.fingerprints[spec.name], *(self.versions[n] for n in spec.needs))

    @property
    def stored(self) -> list[str]:
        return [s.name for s in self.specs if s.stored]

    def run_of(self, spec: ComponentSpec) -> Run:
        if spec.name not in self._runs:
            self._runs[spec.name] = spec.factory(self.resources, self.config.settings_for(spec.name))
        return self._runs[spec.name]

    def plan(self, stale: set[str]) -> list[ComponentSpec]:
        """The components to run so the stale stored products are made again: they and what they need,
        except needs that are stored and current (read from the store instead)."""
        wanted = set(stale)
        for spec in reversed(self.specs):
            if spec.name in wanted:
                wanted.update(n for n in spec.needs if not (REGISTRY[n].stored and n not in stale))
        return [s for s in self.specs if s.name in wanted]

    def run(self, batch: list[tuple[Context, set[str]]]) -> list[str | Exception | None]:
        """Run each context's plan for its stale products, a component at a time over the whole batch.

        Per context: why stages were left out (a language with no rules), or the exception of the
        stage that failed on it (its later stages are not run), or None.
        """
        outcomes: list[Exception | None] = [None] * len(batch)
        skipped: list[list[str]] = [[] for _ in batch]
        plans = [{s.name for s in self.plan(stale)} for _, stale in batch]
        for spec in self.specs:
            due: list[int] = []
            for n, (ctx, _) in enumerate(batch):
                if spec.name not in plans[n] or outcomes[n] is not None:
                    continue
                language = ctx.doc.language
                if (spec.languages is not None and language and language not in spec.languages) \
                        or any(ctx.products.get(need, ...) is None for need in spec.needs if need not in spec.may_lack):
                    ctx.products[spec.name] = None
                    skipped[n].append(spec.name)
                else:
                    due.append(n)
            for n, product in zip(due, self._apply(spec, [batch[n][0] for n in due]), strict=True):
                if isinstance(product, Failed):
                    outcomes[n] = product.error
                else:
                    batch[n][0].products[spec.name] = product
        return [outcome or (f"no rules for {ctx.doc.language}: {', '.join(names)} not run" if names else None)
                for outcome, (ctx, _), names in zip(outcomes, batch, skipped, strict=True)]

    def _apply(self, spec: ComponentSpec, contexts: list[Context]) -> list[Any]:
        """The component's products for ``contexts``: one batch call if it has one, else (or if that
        fails) one call per context, a failing context's product being its :class:`Failed` error."""
        run = self.run_of(spec)
        if isinstance(run, Batched) and len(contexts) > 1:
            try:
                return run.pipe(contexts)
            except Exception:  # which document failed is found one by one below
                pass
        products: list[Any] = []
        for ctx in contexts:
            try:
                products.append(run(ctx))
            except Exception as error:  # one bad document must never stop the others
                products.append(Failed(error))
        return products


@dataclass(frozen=True)
class Failed:
    """The product of a stage that raised on a document."""

    error: Exception


@cache
def code_version() -> str:
    """The package version plus a hash of its source: any code change makes old analyses stale."""
    from trucewatch import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def files_fingerprint(paths: Iterable[str | Path]) -> str:
    """A hash of the contents of ``paths`` (folders: every file below, in name order)."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        if not path.exists():
            continue
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
