"""The ``review`` command: confirm or reject an evidence link from the shell, as the local admin."""

from __future__ import annotations

import getpass

import click

from trucewatch.cli import db_option, main, open_store


def local_user() -> str:
    """Who reviews from the shell: whoever can open the store file is its local admin."""
    return f"{getpass.getuser()}@local"


@main.group("review")
def review_group() -> None:
    """Record a reviewer's decision on machine output (kept across re-analysis; see `trucewatch audit`)."""


@review_group.command("evidence")
@click.argument("link_id", metavar="ID")
@click.option("--verdict", type=click.Choice(["rejected", "confirmed"]), required=True)
@click.option("--note", default=None, help="Why.")
@db_option
def review_evidence(link_id: str, verdict: str, note: str | None, db: str | None) -> None:
    """Confirm or reject the evidence link ID (the `id` of `status --format json`); rejected links stop counting."""
    store = open_store(db)
    try:
        revision = store.add_revision(local_user(), "evidence", link_id, {"verdict": verdict}, action=verdict,
                                      note=note)
    except LookupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"revision {revision['id']}: evidence {link_id} {verdict} (version {revision['version']})")
