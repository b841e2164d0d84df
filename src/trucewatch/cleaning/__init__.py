"""The cleaning stage's parts: lines (plain-text boilerplate), html, align, credits (dates and language are in text/).

:func:`trucewatch.documents.build_document` puts them together.
"""
