"""Analysis stages as registered components over one per-document context.

Modelled on spaCy's pipeline: a component is registered by name with what it needs and
what it produces; a pipeline is a list of names (plus per-stage settings) built from a
small, picklable :class:`PipelineConfig`, so a Dask worker builds the same pipeline once
and then maps documents through it. Adding a stage is one module with an ``@component``
factory and its name in the stage list.

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


REGISTRY: dict[str, ComponentSpec] = {}


def component(name: str, *, needs: Iterable[str] = (), stored: bool = False,
              languages: tuple[str, ...] | None = None,
              fingerprint: Callable[[Resources], str] = lambda _: "") -> Callable:
    """Register ``factory(resources, settings) -> run(context)``; ``run`` returns the product ``name``."""

    def register(factory: Callable[[Resources, dict[str, Any]], Run]) -> Callable:
        REGISTRY[name] = ComponentSpec(name, factory, tuple(needs), stored, languages, fingerprint)
        return factory

    return register


@dataclass(frozen=True)
class PipelineConfig:
    """What to build: stage names in order, their settings, and the user's data files. Picklable and hashable."""

    stages: tuple[str, ...] = ("sentences", "statements", "links", "incidents")
    settings: tuple[tuple[str, str], ...] = ()  # (stage, JSON of its settings)
    agreement_paths: tuple[str, ...] = ()
    actor_paths: tuple[str, ...] = ()

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


class PipelineError(ValueError):
    """A stage list that cannot run: an unknown stage, or one whose needs come after it."""


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

    def run(self, ctx: Context, stale: set[str]) -> str | None:
        """Run the plan for ``stale`` over ``ctx``; returns why stages were left out (a language with no rules)."""
        language = ctx.doc.language
        skipped: list[str] = []
        for spec in self.plan(stale):
            if spec.languages is not None and language and language not in spec.languages:
                ctx.products[spec.name] = None
                skipped.append(spec.name)
                continue
            if any(ctx.products.get(n, ...) is None for n in spec.needs):
                ctx.products[spec.name] = None
                skipped.append(spec.name)
                continue
            ctx.products[spec.name] = self.run_of(spec)(ctx)
        return f"no rules for {language}: {', '.join(skipped)} not run" if skipped else None


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
