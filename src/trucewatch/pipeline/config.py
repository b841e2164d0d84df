"""The analysis configured from a file: which stages run, in what order, with what settings.

``trucewatch analyse --config FILE`` (or a ``trucewatch.toml`` in the working directory)::

    [analyse]
    stages = ["sentences", "statements", "links"]   # in order; default: all built-in stages
    agreements = ["agreements/"]                    # extra agreement files or folders
    actors = ["actors.yaml"]                        # extra actor files
    places = ["places.yaml"]                        # extra gazetteer files (places with coordinates)

    [stages.links]                                  # settings of one stage, by its name
    some_setting = 3

Relative paths are read from the file's folder. Options given on the command line win over the
file. Settings are part of a stage's version, so changing them re-runs that stage.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from trucewatch.pipeline.components import PipelineConfig, PipelineError

DEFAULT_FILE = "trucewatch.toml"
_ANALYSE_KEYS = {"stages", "agreements", "actors", "places"}


def load_config(path: str | Path) -> PipelineConfig:
    """The :class:`PipelineConfig` a TOML file describes; a mistake is a :class:`PipelineError` naming it."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise PipelineError(f"{path}: {error}") from None
    unknown = set(data) - {"analyse", "stages"}
    analyse, settings = data.get("analyse", {}), data.get("stages", {})
    if unknown or not isinstance(analyse, dict) or not isinstance(settings, dict):
        raise PipelineError(f"{path}: expected only [analyse] and [stages.NAME] tables"
                            + (f", found {', '.join(sorted(unknown))}" if unknown else ""))
    if set(analyse) - _ANALYSE_KEYS:
        raise PipelineError(f"{path}: unknown [analyse] key(s) {', '.join(sorted(set(analyse) - _ANALYSE_KEYS))}; "
                            f"known: {', '.join(sorted(_ANALYSE_KEYS))}")
    lists = {key: _strings(path, key, analyse[key]) for key in _ANALYSE_KEYS if key in analyse}
    stages = lists.get("stages", PipelineConfig.stages)
    for name, table in settings.items():
        if not isinstance(table, dict):
            raise PipelineError(f"{path}: [stages.{name}] must be a table of settings")
        if name not in stages:
            raise PipelineError(f"{path}: settings for stage {name!r}, which is not among the stages run "
                                f"({', '.join(stages)})")
    return PipelineConfig(
        stages=stages,
        settings=tuple((name, json.dumps(table, sort_keys=True, default=str)) for name, table in settings.items()),
        agreement_paths=tuple(str(path.parent / p) for p in lists.get("agreements", ())),
        actor_paths=tuple(str(path.parent / p) for p in lists.get("actors", ())),
        place_paths=tuple(str((path.parent / p).resolve()) for p in lists.get("places", ())),
    )


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PipelineError(f"{path}: [analyse] {key} must be a list of names or paths")
    return tuple(v.strip() for v in value)
