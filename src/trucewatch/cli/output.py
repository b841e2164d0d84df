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

from trucewatch.export.formulas import neutralise_formula

FORMATS = ("table", "jsonl", "json", "csv")
WHOLE = 24  # table cells up to this long are shown whole, never cut or wrapped


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
            writer.writerow({k: neutralise_formula(_cell(record.get(k))) for k in columns})
            count += 1
    else:
        rows = [[_cell(record.get(k), table=True) for k in columns] for record in records]
        console = Console(soft_wrap=False)
        width = console.width if console.is_terminal else 200  # piped into a file or pager: room for the columns
        table, width = _table(columns, rows, widths or {}, title, width)
        if width != console.width:
            console = Console(soft_wrap=False, width=width)
        console.print(table)
        count = len(rows)
    return count


def _table(columns: Sequence[str], rows: list[list[str]], widths: dict[str, int], title: str | None,
           width: int) -> tuple[Table, int]:
    """One line per record: short cells (ids, dates, numbers) whole; ``widths`` columns cut to fit the
    terminal with an ellipsis; other long columns wrapped. Also the width it is made for: wider than
    ``width`` only when the whole cells leave the other columns less than 12 characters each (better a
    wrapped line than a column squeezed to nothing)."""
    longest = [max((len(row[i]) for row in rows), default=0) for i in range(len(columns))]
    whole = [c not in widths and n <= WHOLE for c, n in zip(columns, longest, strict=True)]
    minimum = [max(n, len(c)) if w else min(len(c), 12) for c, n, w in zip(columns, longest, whole, strict=True)]
    width = max(width, 3 * len(columns) + 1 + sum(m if w else 12 for m, w in zip(minimum, whole, strict=True)))
    room = width - 3 * len(columns) - 1 - sum(m for c, m in zip(columns, minimum, strict=True) if c not in widths)
    wanted = sum(widths[c] for c in columns if c in widths) or 1
    spare = max(0, room - sum(m for c, m in zip(columns, minimum, strict=True) if c in widths))
    table = Table(title=title, show_lines=False, header_style="bold")
    for column, n, low in zip(columns, longest, minimum, strict=True):
        if column in widths:  # its least width, and its share of what is left
            most = max(low, min(widths[column], low + spare * widths[column] // wanted))
            table.add_column(column, min_width=low, max_width=most, overflow="ellipsis", no_wrap=True)
        else:
            table.add_column(column, min_width=low, no_wrap=n <= WHOLE)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # Text: article brackets are not markup
    return table, width


def _cell(value: Any, *, table: bool = False) -> str:
    """A value as text; in a table, on one line (JSON, JSONL and CSV keep the text as it is)."""
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict) else str(value)
    return " ".join(text.split()) if table else text
