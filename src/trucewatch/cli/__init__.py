"""The ``trucewatch`` command line. Each stage's commands live in a module of their own."""

from __future__ import annotations

import click

from trucewatch import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="trucewatch")
def main() -> None:
    """Truce Watch: turn news reports into an evidence-backed monitor of a peace agreement."""


db_option = click.option(
    "--db", envvar="TRUCEWATCH_DB", default=None, metavar="URL",
    help="Store: a SQLite file path (default ./trucewatch.db) or a postgresql:// URL. Env: TRUCEWATCH_DB.",
)



@main.group("eval")
def evaluate() -> None:
    """Score the stages against annotated data."""


# Each stage's commands register themselves on import.
from trucewatch.cli import assessments, cleaning, ingest, pipeline, report, statements  # noqa: E402,F401
