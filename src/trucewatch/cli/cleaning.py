"""``trucewatch eval cleaning``: score the cleaning stage on the hand-annotated seed articles."""

from __future__ import annotations

import json
import sys

import click

from trucewatch.cli import evaluate, shared_dir
from trucewatch.cli.output import emit, format_option


@evaluate.command("cleaning", short_help="Score cleaning on the annotated seed articles.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of the annotated raw articles (default: $TRUCEWATCH_SHARED/corpus/karabakh-seeds).")
@click.option("--fixtures", type=click.Path(exists=True, file_okay=False), required=True,
              help="Folder of the annotations (*.json), e.g. tests/fixtures/seeds of the source checkout.")
@format_option("table", "json")
def eval_cleaning(corpus: str | None, fixtures: str, fmt: str) -> None:
    """Body retention (line precision/recall), dates, titles, outlets and wires against annotations."""
    from trucewatch.evaluation.cleaning import evaluate as score

    folder = shared_dir("--corpus", corpus, "corpus", "karabakh-seeds")
    try:
        result = score(fixtures, folder)
    except (OSError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    except (KeyError, TypeError) as error:  # JSON files of another shape
        raise click.ClickException(f"{fixtures}: *.json there are not cleaning annotations ({error!r})") from None
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [{**row, "body": f"{row['content_kept']}/{row['content_lines']}",
             "leaked": f"{row['noise_kept']}/{row['noise_lines']}",
             "date": _mark(f"{row['date_predicted'] or '-'} ({row['date_source'] or 'none'})", row["date_ok"]),
             "title": _mark("ok", row["title_ok"]), "wire": _mark(row["wire_predicted"] or "-", row["wire_ok"]),
             "outlet": _mark(row["outlet_predicted"] or "-", row["outlet_ok"])} for row in result["rows"]]
    emit(rows, "table", ["file", "body", "leaked", "date", "title", "wire", "outlet"], title="cleaning vs annotations")
    summary = {k: v for k, v in result.items() if k != "rows"}
    click.echo("  ".join(f"{k}={v}" for k, v in summary.items()))
    for row in result["rows"]:
        for kind in ("missed", "leaked"):
            for line in row[kind]:
                click.echo(f"{kind}: {row['file']} line {line['line']} ({line['label']}): {line['head']}")


def _mark(value: str, right: bool) -> str:
    return value if right else f"{value} ✗"
