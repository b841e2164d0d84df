"""Commands that run the stages after ingest: analyse, and the demo that runs everything."""

from __future__ import annotations

from pathlib import Path

import click

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.ingest import demo_corpus, print_report, progress_bar, run_ingest, say, summarise
from trucewatch.cli.report import write_report
from trucewatch.parallel import Mapper
from trucewatch.pipeline import AnalysisReport, analyse


def print_analysis(report: AnalysisReport) -> None:
    links = ", ".join(f"{n} for {agreement}" for agreement, n in report.links.most_common() if n)
    say(f"analysed {report.documents} documents: {report.statements} statements, evidence links: {links or 'none'}")
    for doc_id, reason in report.failed:
        say(f"  failed {doc_id}: {reason}")


@main.command("analyse")
@db_option
@click.option("--workers", type=int, default=0, help="Process documents on a local Dask cluster of N workers.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Use an existing Dask scheduler.")
def analyse_command(db: str | None, workers: int, scheduler: str | None) -> None:
    """Extract statements and link evidence to agreements for every canonical document.

    Re-running replaces each document's results, so it is idempotent.
    """
    store = open_store(db)
    total = len(store.document_ids(include_duplicates=False))
    with Mapper(workers=workers, scheduler=scheduler) as mapper, progress_bar("analysing", "documents") as progress:
        task = progress.add_task("analyse", total=total)
        report = analyse(store, mapper=mapper, on_progress=lambda n: progress.advance(task, n))
    print_analysis(report)
    if not total:
        say("no documents in the store: run `trucewatch ingest PATH` first")


DEMO_AGREEMENT = "karabakh-2020-11-10"


@main.command("demo")
@click.option("--db", default="trucewatch-demo.db", show_default=True, metavar="URL",
              help="Store for the demo (a SQLite file by default).")
@click.option("--out", default="trucewatch-demo-report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report.")
def demo_command(db: str, out: str) -> None:
    """Run the whole job on the bundled demo corpus: ingest, analyse, report."""
    store = open_store(db, create=True)
    corpus = demo_corpus()
    say(f"demo corpus: {corpus}")
    print_report(run_ingest((str(corpus),), store, quiet=True), store)
    summarise(store)
    print_analysis(analyse(store))
    write_report(store, DEMO_AGREEMENT, None, out)
    say(f"open {Path(out).resolve()} in a browser, or try: trucewatch status --db {db} --agreement {DEMO_AGREEMENT}")
