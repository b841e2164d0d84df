"""Truce Watch: evidence-backed monitoring of ceasefire and peace agreements from news reports."""

__version__ = "0.1.0"
