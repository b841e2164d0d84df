"""Domain data files: YAML read safely and checked against its JSON schema.

Agreements, actors, places, outlets, boilerplate rules and the stance lexicon are all
data an analyst edits; every one is read here, so each gets the same safe loader, the
same schema check and errors that name the file and the field.
"""

from __future__ import annotations

import json
import re
import stat
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

MAX_REPORTED = 5  # schema errors listed per file
MAX_ALIASES = 20
MAX_BYTES = 5_000_000  # an agreement or lexicon is kilobytes; anything this large is not one


class DataFileError(ValueError):
    """A data file that cannot be read, is not YAML, or does not follow its schema."""


class _Loader(yaml.SafeLoader):
    """Safe YAML where dates stay strings, so the schema sees exactly what was written.

    Aliases are limited to ``MAX_ALIASES`` a file: nested aliases ("billion laughs") expand
    exponentially when the data is walked, and a real data file needs few if any.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases = getattr(self, "aliases", 0) + 1
            if self.aliases > MAX_ALIASES:
                raise yaml.composer.ComposerError(None, None, f"more than {MAX_ALIASES} aliases (*name)",
                                                  self.peek_event().start_mark)
        return super().compose_node(parent, index)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same safe YAML parsed by libyaml (several times faster), for text that holds no alias:
    its composer is C code, so it cannot count aliases as :class:`_Loader` does."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

# Where an alias (*name) may start: after a space, a line start or a flow indicator. Every alias matches
# (and a few "*" in quoted strings too, which only sends that file to the counting loader).
_MAYBE_ALIAS = re.compile(r"(?<![^\s\[{,])\*")


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader if _MAYBE_ALIAS.search(text) else _FastLoader)  # both SafeLoaders


@cache
def _validator(schema: str) -> Draft202012Validator:
    spec = json.loads(resources.files("trucewatch").joinpath(f"schemas/{schema}.schema.json")
                      .read_text(encoding="utf-8"))
    return Draft202012Validator(spec, format_checker=Draft202012Validator.FORMAT_CHECKER)


def parse(text: str, origin: str, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """The data in ``text`` (from ``origin``), valid against ``schemas/<schema>.schema.json``."""
    try:
        data = _load(text)
    except yaml.YAMLError as problem:
        raise error(f"{origin}: not valid YAML: {_yaml_problem(problem)}") from None
    problems = sorted(_validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if problems:
        lines = [f"{origin}: does not match the {schema} schema:"]
        for problem in problems[:MAX_REPORTED]:
            where = "/".join(str(p)[:40] for p in problem.absolute_path) or "(top level)"
            lines.append(f"  at {where}: {_schema_problem(problem)}")
        raise error("\n".join(lines))
    return data


def _yaml_problem(problem: yaml.YAMLError) -> str:
    """What is wrong and where, never the file's own text (it may not be a data file at all)."""
    mark = getattr(problem, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    return f"{getattr(problem, 'problem', None) or type(problem).__name__}{where}"


def _schema_problem(problem) -> str:
    """jsonschema's message where it quotes at most a short field value; otherwise the schema's
    expectation alone, so a file that is not a data file at all is never echoed."""
    short_value = isinstance(problem.instance, str | int | float | bool) and len(str(problem.instance)) <= 60
    if problem.validator == "required" or (problem.absolute_path and short_value and len(problem.message) <= 200):
        return problem.message
    if problem.validator in ("type", "enum", "const", "pattern", "format", "minimum", "maximum",
                             "minLength", "maxLength", "minItems", "maxItems"):
        return f"expected {problem.validator} {json.dumps(problem.validator_value)[:120]}"
    if problem.validator == "additionalProperties":
        return "Additional properties are not allowed here"
    return f"fails the schema's {problem.validator!r} rule"


def read(path: str | Path, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """A user's data file: a regular file of at most ``MAX_BYTES`` (a pipe or /dev/zero never ends)."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{path}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise error(f"{path}: too large for a data file ({info.st_size / 1e6:.0f} MB, "
                        f"limit {MAX_BYTES / 1e6:.0f} MB)")
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        reason = problem.strerror if isinstance(problem, OSError) and problem.strerror else "not UTF-8 text"
        raise error(f"{path}: cannot read: {reason}") from None
    return parse(text, str(path), schema, error)


def bundled(relative: str, schema: str, error: type[DataFileError] = DataFileError) -> Any:
    """A data file shipped in the package, e.g. ``data/outlets.yaml``."""
    text = resources.files("trucewatch").joinpath(relative).read_text(encoding="utf-8")
    return parse(text, f"bundled {relative}", schema, error)
