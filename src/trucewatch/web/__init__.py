"""The analysts' workspace: browse, search and review in the browser (``trucewatch serve``).

``create_app`` is imported on first use, so the CLI can use ``web.views`` without loading the web framework.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trucewatch.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from trucewatch.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
