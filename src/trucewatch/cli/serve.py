"""The ``serve`` command: the analysts' workspace in the browser, over the same store."""

from __future__ import annotations

import click

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.assessments import agreements_path_option, load_agreement_files


@main.command("serve", short_help="Browse, search and review in the browser (the analysts' workspace).")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this machine by default (give 0.0.0.0 to serve a team).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each with its own connections to the store).")
@agreements_path_option
def serve_command(db: str | None, host: str, port: int, workers: int, agreement_paths: tuple[str, ...]) -> None:
    """Serve the workspace: agreements and their matrix, provisions, documents, statements, search, audit.

    Anyone who can reach it reads; only users made with `trucewatch users add NAME --role reviewer`
    (or admin) review, with their token (API: Authorization: Bearer TOKEN; browser: sign in).
    Every page is also JSON (add .json to its path); the API is described at /openapi.json.
    """
    import os

    import uvicorn

    from trucewatch.web import create_app
    from trucewatch.web.app import SERVED_TOKEN_SECONDS

    agreements = load_agreement_files(agreement_paths)
    store = open_store(db)
    if not store.users():
        click.echo("no users yet: everyone can read, nobody can review; add one with "
                   "`trucewatch users add NAME --role reviewer`", err=True)
    click.echo(f"serving {store.location} on http://{host}:{port}/", err=True)
    if workers == 1:
        uvicorn.run(create_app(store, agreements, token_seconds=SERVED_TOKEN_SECONDS), host=host, port=port,
                    log_level="warning")
        return
    os.environ["TRUCEWATCH_DB"] = store.url  # the workers open the same store and the same agreement files
    os.environ["TRUCEWATCH_AGREEMENTS"] = os.pathsep.join(
        [p for p in os.environ.get("TRUCEWATCH_AGREEMENTS", "").split(os.pathsep) if p] + list(agreement_paths))
    store.close()
    uvicorn.run("trucewatch.web.app:from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
