"""The cleaning stage's data files (``data/*.yaml``), validated against ``schemas/*.schema.json``.

Loaded once per process: rules are data so that editors can extend them without code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import yaml


class DataError(ValueError):
    """A data file does not match its schema."""


@cache
def load(name: str) -> dict[str, Any]:
    """``data/<name>.yaml`` after validation against ``schemas/<name>.schema.json``."""
    package = resources.files("trucewatch")
    data = yaml.safe_load(package.joinpath(f"data/{name}.yaml").read_text(encoding="utf-8"))
    schema = json.loads(package.joinpath(f"schemas/{name}.schema.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path)
        raise DataError(f"data/{name}.yaml at {where or 'top level'}: {error.message}") from error
    return data
