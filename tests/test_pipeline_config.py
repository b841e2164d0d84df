"""Stages enabled and configured by name from a TOML file, and the command-line options over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.ingest import ingest
from trucewatch.pipeline import Pipeline, PipelineConfig, PipelineError
from trucewatch.pipeline.config import load_config
from trucewatch.store import Store

ARTICLE = ("Ceasefire holds in the valley\n\nThe deputy minister told reporters on Tuesday that the convoy had "
           "crossed the river before dawn and that both sides had withdrawn their heavy weapons.\n")


def _write(folder: Path, text: str, name: str = "trucewatch.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_names_the_stages_their_settings_and_data_files(tmp_path: Path) -> None:
    path = _write(tmp_path, '[analyse]\nstages = ["sentences", "statements", "links"]\n'
                            'agreements = ["mine/"]\nactors = ["/data/actors.yaml"]\nplaces = ["places.yaml"]\n\n'
                            '[stages.links]\nlimit = 3\nlabel = "x"\n')
    config = load_config(path)
    assert config.stages == ("sentences", "statements", "links")
    assert config.settings_for("links") == {"label": "x", "limit": 3} and config.settings_for("statements") == {}
    assert config.agreement_paths == (str(tmp_path / "mine"),)  # relative to the file
    assert config.actor_paths == ("/data/actors.yaml",)
    assert config.place_paths == (str((tmp_path / "places.yaml").resolve()),)


def test_an_empty_file_is_the_default_pipeline(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, "")) == PipelineConfig()


def test_settings_are_part_of_the_stage_version(tmp_path: Path) -> None:
    plain = Pipeline(load_config(_write(tmp_path, "", "a.toml")))
    tuned = Pipeline(load_config(_write(tmp_path, "[stages.links]\nlimit = 3\n", "b.toml")))
    assert plain.versions["statements"] == tuned.versions["statements"]
    assert plain.versions["links"] != tuned.versions["links"]


@pytest.mark.parametrize(("text", "message"), [
    ("[analyse\n", "Expected"),
    ("[pipeline]\nstages = []\n", "found pipeline"),
    ("[analyse]\nstage = ['sentences']\n", "unknown \\[analyse\\] key"),
    ("[analyse]\nstages = 'sentences'\n", "must be a list"),
    ("[analyse]\nstages = ['sentences']\n[stages.links]\nlimit = 3\n", "not among the stages run"),
    ("[stages]\nlinks = 3\n", "must be a table"),
])
def test_a_mistake_in_the_file_is_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        load_config(_write(tmp_path, text))


def _analysed(tmp_path: Path, *args: str) -> tuple[str, Store]:
    db = str(tmp_path / "store.db")
    (tmp_path / "corpus").mkdir(exist_ok=True)
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = Store(db)
    ingest([str(tmp_path / "corpus")], store)
    result = CliRunner().invoke(main, ["analyse", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output, store


def test_analyse_reads_trucewatch_toml_in_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, '[analyse]\nstages = ["sentences", "statements"]\n')
    output, store = _analysed(tmp_path)
    assert store.statements() and "statements" in output and "evidence links" not in output  # links not run
    output, _ = _analysed(tmp_path, "--stages", "sentences,statements,links")  # the option wins over the file
    assert "evidence links" in output and "incidents" not in output


def test_stages_that_store_nothing_are_refused_with_the_reason(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    Store(db)
    result = CliRunner().invoke(main, ["analyse", "--db", db, "--stages", "sentences"])
    assert result.exit_code != 0 and "store nothing" in result.output


def test_analyse_with_an_explicit_config_file_and_a_bad_one(tmp_path: Path) -> None:
    good = _write(tmp_path, '[analyse]\nstages = ["sentences", "statements"]\n', "good.toml")
    _, store = _analysed(tmp_path, "--config", str(good))
    assert store.statements()
    bad = _write(tmp_path, '[analyse]\nstages = ["sentences", "sentiment"]\n', "bad.toml")
    result = CliRunner().invoke(main, ["analyse", "--db", str(tmp_path / "store.db"), "--config", str(bad)])
    assert result.exit_code != 0 and "unknown stage" in result.output
