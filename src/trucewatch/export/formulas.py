"""CSV cells a spreadsheet will not run: every CSV the project writes (listings and exports) goes through here.

OWASP's recommendation for CSV injection: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return gets a leading single quote, so a hostile sentence quoted from an article stays text when an analyst
opens the file. Plain numbers (``-0.5``, ``+2``) are left as they are.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def neutralise_formula(cell: str) -> str:
    """``cell`` with a leading single quote when a spreadsheet would read it as a formula."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restore_formula(cell: str) -> str:
    """The cell as it was before :func:`neutralise_formula` (for readers of the project's own CSV)."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell[1:]):
        return cell[1:]
    return cell
