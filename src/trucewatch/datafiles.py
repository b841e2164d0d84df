"""Domain data files: YAML read safely and checked against its JSON schema.

Agreements, actors, places, outlets, boilerplate rules and the stance lexicon are all
data an analyst edits; every one is read here, so each gets the same safe loader, the
same schema check and errors that name the file and the field.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

MAX_REPORTED = 5  # schema errors listed per file


class DataFileError(ValueError):
    """A data file that cannot be read, is not YAML, or does not follow its schema."""


class _Loader(yaml.SafeLoader):
    """Safe YAML where dates stay strings, so the schema sees exactly what was written."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def _validator(schema: str) -> Draft202012Validator:
    spec = json.loads(resources.files("trucewatch").joinpath(f"schemas/{schema}.schema.json")
                      .read_text(encoding="utf-8"))
    return Draft202012Validator(spec, format_checker=Draft202012Validator.FORMAT_CHECKER)


def parse(text: str, origin: str, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """The data in ``text`` (from ``origin``), valid against ``schemas/<schema>.schema.json``."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader
    except yaml.YAMLError as problem:
        raise error(f"{origin}: not valid YAML: {problem}") from None
    problems = sorted(_validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if problems:
        lines = [f"{origin}: does not match the {schema} schema:"]
        for problem in problems[:MAX_REPORTED]:
            where = "/".join(str(p) for p in problem.absolute_path) or "(top level)"
            lines.append(f"  at {where}: {problem.message}")
        raise error("\n".join(lines))
    return data


def read(path: str | Path, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """A user's data file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        reason = problem.strerror if isinstance(problem, OSError) and problem.strerror else problem
        raise error(f"{path}: cannot read: {reason}") from None
    return parse(text, str(path), schema, error)


def bundled(relative: str, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """A data file shipped in the package, e.g. ``data/outlets.yaml``."""
    text = resources.files("trucewatch").joinpath(relative).read_text(encoding="utf-8")
    return parse(text, f"bundled {relative}", schema, error)
