"""The ``trucewatch`` command line. Each stage's commands live in a module of their own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from trucewatch import __version__

if TYPE_CHECKING:  # heavy modules load inside the commands that use them: --help and --version stay fast
    from trucewatch.parallel import Mapper
    from trucewatch.store import Store


def shared_dir(option: str, value: str | None, *parts: str) -> Path:
    """An evaluation input: the option's value, else ``parts`` under $TRUCEWATCH_SHARED; neither is an error."""
    if value:
        return Path(value)
    shared = os.environ.get("TRUCEWATCH_SHARED")
    if not shared:
        raise click.ClickException(f"give {option} DIR, or set $TRUCEWATCH_SHARED to the shared data folder")
    return Path(shared, *parts)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="trucewatch")
def main() -> None:
    """Truce Watch: turn news reports into an evidence-backed monitor of a peace agreement.

    Typical run: ingest PATH, analyse, then status / stance / contradictions / report.
    """


db_option = click.option(
    "--db", envvar="TRUCEWATCH_DB", default=None, metavar="URL",
    help="Store: a SQLite file path (default ./trucewatch.db) or a postgresql:// URL. Env: TRUCEWATCH_DB.",
)


def open_store(db: str | None, *, create: bool = False) -> Store:
    """Open the store for a command, turning every way it can fail into a one-line error.

    Commands that only read refuse to create a new, empty SQLite file (a mistyped ``--db`` or
    the wrong folder would otherwise show empty results).
    """
    from sqlalchemy.exc import SQLAlchemyError

    from trucewatch.store import DEFAULT_DB, Store, resolve_url

    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if path.is_dir():
            raise click.ClickException(f"--db {path} is a folder; give a database file, e.g. {path / DEFAULT_DB}")
        if not create and not path.exists():
            raise click.ClickException(f"no store at {path}: run `trucewatch ingest PATH` first, "
                                       "or point --db or $TRUCEWATCH_DB at your store")
    try:
        return Store(db)
    except ImportError:
        raise click.ClickException(f"cannot open the store {db}: give a SQLite file path or a postgresql:// URL"
                                   ) from None
    except SQLAlchemyError as error:
        reason = " ".join(str(getattr(error, "orig", None) or error).split())
        raise click.ClickException(f"cannot open the store {db or url}: {reason}") from None


def open_mapper(workers: int, scheduler: str | None) -> Mapper:
    """The Dask mapper of ``--workers``/``--scheduler``; an unreachable scheduler is a one-line error."""
    from trucewatch.parallel import Mapper

    try:
        return Mapper(workers=workers, scheduler=scheduler)
    except (OSError, ValueError) as error:  # unreachable, or not an address
        where = f"the Dask scheduler {scheduler}" if scheduler else f"a local Dask cluster of {workers} workers"
        raise click.ClickException(f"cannot use {where}: {error}") from None


@main.group("eval")
def evaluate() -> None:
    """Score the stages against annotated data."""


# Each stage's commands register themselves on import.
from trucewatch.cli import (  # noqa: E402,F401
    actors,
    assessments,
    audit,
    cleaning,
    evaluation,
    events,
    ingest,
    pipeline,
    report,
    review,
    serve,
    statements,
    users,
)
