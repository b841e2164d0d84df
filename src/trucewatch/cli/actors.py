"""The ``actors`` command: the registry, and the speakers found in the store (provisional ones too)."""

from __future__ import annotations

import click

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.output import emit, format_option

PROVISIONAL = "provisional:"


@main.command("actors", short_help="Known actors and new speakers, with statement counts.")
@db_option
@click.option("--actors", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An extra actors YAML file (may repeat).")
@click.option("--provisional", is_flag=True, help="Only speakers not in the registry (found in the text).")
@format_option("table", "json", "jsonl", "csv")
def actors_command(db: str | None, extra: tuple[str, ...], provisional: bool, fmt: str) -> None:
    """Known actors with how often the store quotes them, and provisional speakers found in the text.

    A provisional speaker is someone quoted who is not in the registry: recorded with the name as
    written, so an analyst can add them to an actors file.
    """
    from trucewatch.actors import RegistryError, load_registry

    try:
        registry = load_registry(extra)
    except RegistryError as error:
        raise click.ClickException(str(error)) from None
    quoted = {speaker: (name, n) for speaker, name, n in open_store(db).speakers()}
    records = []
    if not provisional:
        for actor in registry.actors.values():
            records.append({"id": actor.id, "name": actor.name, "type": actor.type, "side": actor.side,
                            "statements": quoted.get(actor.id, (None, 0))[1], "provisional": False})
    for speaker, (name, n) in quoted.items():
        if speaker.startswith(PROVISIONAL) or speaker not in registry.actors:
            records.append({"id": speaker, "name": name, "type": None, "side": None, "statements": n,
                            "provisional": True})
    records.sort(key=lambda r: (-r["statements"], r["id"]))
    emit(records, fmt, ["id", "name", "type", "side", "statements", "provisional"])
