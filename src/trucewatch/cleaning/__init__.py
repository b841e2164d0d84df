"""The cleaning stage's parts: lines (plain-text boilerplate), html, dates, credits, language.

:func:`trucewatch.documents.build_document` puts them together.
"""
