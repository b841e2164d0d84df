"""The cleaning stage's data files (``data/*.yaml``), validated against ``schemas/*.schema.json``.

Loaded once per process: rules are data so that editors can extend them without code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from trucewatch import datafiles


class DataError(datafiles.DataFileError):
    """A cleaning data file does not match its schema."""


@cache
def load(name: str) -> dict[str, Any]:
    """``data/<name>.yaml`` after validation against ``schemas/<name>.schema.json``."""
    return datafiles.bundled(f"data/{name}.yaml", name, DataError)
