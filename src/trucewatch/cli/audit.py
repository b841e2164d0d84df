"""The ``audit`` command: every reviewer's decision, newest first."""

from __future__ import annotations

import click

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.output import emit, format_option


def audit_record(revision: dict) -> dict:
    """A revision as the audit lists it (CLI and web alike)."""
    return {"id": revision["id"], "user": revision["user"], "at": revision["at"],
            "target": f"{revision['target_kind']}/{revision['target_id']}", "version": revision["version"],
            "action": revision["action"], "before": revision["before"], "after": revision["after"],
            "note": revision["note"], "orphaned": revision["orphaned"]}


@main.command("audit", short_help="List reviewers' decisions (who, when, what before and after, why).")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="How many, newest first.")
@click.option("--user", default=None, help="Only this user's revisions.")
@click.option("--target", "target_id", default=None, metavar="ID", help="Only revisions of this item.")
@format_option()
def audit_command(db: str | None, limit: int, user: str | None, target_id: str | None, fmt: str) -> None:
    """List revisions newest first; `orphaned` marks a review whose item re-analysis no longer produces."""
    rows = open_store(db).revisions(limit=limit, user=user, target_id=target_id)
    emit([audit_record(r) for r in rows], fmt, ["id", "at", "user", "target", "action", "after", "note", "orphaned"],
         widths={"after": 40, "note": 30})
