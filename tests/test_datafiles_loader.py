"""The libyaml loader reads every data file exactly as the alias-counting loader does, and aliases still count."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trucewatch import datafiles

DATA = Path(datafiles.__file__).resolve().parent / "data"


def test_every_bundled_data_file_reads_the_same_with_libyaml() -> None:
    files = sorted(DATA.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=datafiles._FastLoader) == yaml.load(text, Loader=datafiles._Loader), path


def test_dates_stay_strings_and_aliases_are_still_limited() -> None:
    assert datafiles._load("signed: 2020-11-10\n") == {"signed": "2020-11-10"}
    assert datafiles._load("a: &x [1]\nb: *x\n") == {"a": [1], "b": [1]}
    many = "a: &x 1\nb: [" + ", ".join(["*x"] * (datafiles.MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(yaml.YAMLError, match="aliases"):
        datafiles._load(many)
    assert datafiles._load("words: [cease*, 'a *b']\n") == {"words": ["cease*", "a *b"]}


def test_no_bundled_data_file_takes_the_slow_loader() -> None:
    """A YAML alias (``*name``) sends a file to the pure-Python loader, about ten times slower: the actor files
    with their hundreds of actors took 1.3 s to read that way. Bundled files write their lists out instead."""
    slow = [path.name for path in sorted(DATA.rglob("*.yaml"))
            if datafiles._MAYBE_ALIAS.search(path.read_text(encoding="utf-8"))]
    assert not slow, slow
