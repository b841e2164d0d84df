"""One way to print records: a table for people, JSONL/JSON/CSV for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "jsonl", "json", "csv")


def format_option(*choices: str, default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(choices or FORMATS), default=default,
                        show_default=True, help="Output format.")


def emit(records: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str], *,
         widths: dict[str, int] | None = None, title: str | None = None) -> int:
    """Print ``records``; ``columns`` are the table and CSV columns (JSON keeps every field)."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    elif fmt == "json":
        items = list(records)
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2, default=str) + "\n")
        count = len(items)
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: _cell(record.get(k)) for k in columns})
            count += 1
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        widths = widths or {}
        for column in columns:
            table.add_column(column, min_width=min(len(column), 12), max_width=widths.get(column),
                             overflow="ellipsis", no_wrap=column in widths)
        for record in records:
            table.add_row(*(Text(_cell(record.get(k))) for k in columns))  # Text: article brackets are not markup
            count += 1
        console = Console(soft_wrap=False)
        if not console.is_terminal:  # piped into a file or pager: room for the columns
            console = Console(soft_wrap=False, width=200)
        console.print(table)
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
