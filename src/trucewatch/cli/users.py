"""The ``users`` commands: who may read and who may review in the workspace (``trucewatch serve``)."""

from __future__ import annotations

import click

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.output import emit, format_option


@main.group("users")
def users_group() -> None:
    """Workspace users and their roles: viewers read, reviewers and admins also review."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "reviewer", "admin"]), required=True, help="What they may do.")
@db_option
def users_add(name: str, role: str, db: str | None) -> None:
    """Add a user and print their token, once: only its hash is kept, so a lost token means a new user."""
    from sqlalchemy.exc import IntegrityError

    store = open_store(db, create=True)
    try:
        token = store.add_user(name, role)
    except IntegrityError:
        raise click.ClickException(f"there is already a user {name!r}") from None
    click.echo(f"added {role} {name}; their token (shown only now):", err=True)
    click.echo(token)


@users_group.command("list")
@db_option
@format_option()
def users_list(db: str | None, fmt: str) -> None:
    """List users and their roles (never their tokens)."""
    emit(open_store(db).users(), fmt, ["id", "name", "role", "created_at"])
