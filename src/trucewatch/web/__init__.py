"""The analysts' workspace: browse, search and review in the browser (``trucewatch serve``)."""

from trucewatch.web.app import create_app

__all__ = ["create_app"]
