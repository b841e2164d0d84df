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
    click.echo(f"revision {revision['id']}: evidence {link_id} {verdict} (version {revision['version']}"
               + (", unchanged: already so" if revision["unchanged"] else "") + ")")


@review_group.command("status")
@click.argument("agreement_id", metavar="AGREEMENT")
@click.argument("provision")
@click.option("--status", "status", required=True,
              help="0-3, disputed, regressed, terminated, 'no evidence', or 'machine' to give it back.")
@click.option("--on", "on", default=None, metavar="YYYY-MM-DD", help="From this day on (default: every day).")
@click.option("--note", required=True, help="Why (required).")
@db_option
def review_status(agreement_id: str, provision: str, status: str, on: str | None, note: str, db: str | None) -> None:
    """Set PROVISION's status by hand; status views show it with the machine's beside it."""
    from trucewatch.agreements import load_agreements
    from trucewatch.assess.status import LABELS
    from trucewatch.assess.views import provision_target

    agreement = load_agreements().get(agreement_id)
    if agreement is None or provision not in {p.number for p in agreement.provisions}:
        raise click.ClickException(f"no provision {provision} in {agreement_id}")
    value: str | int | None = None if status == "machine" else int(status) if status.isdigit() else status
    if value is not None and value not in LABELS:
        raise click.ClickException(f"status must be one of {', '.join(map(str, LABELS))} or machine")
    revision = open_store(db).add_revision(local_user(), "provision", provision_target(agreement_id, provision),
                                           {"status": value, "on": on}, note=note,
                                           action="status set" if value is not None else "status cleared")
    click.echo(f"revision {revision['id']}: {agreement_id} {provision} status {status} (version {revision['version']}"
               + (", unchanged: already so" if revision["unchanged"] else "") + ")")
